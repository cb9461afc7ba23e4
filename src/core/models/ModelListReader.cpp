#include "core/models/ModelListReader.h"

#include "core/grounding/GroundingNames.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace qvd {

namespace {

std::optional<ModelFamily> familyFromName(const QString &name)
{
    static const struct
    {
        const char *name;
        ModelFamily family;
    } table[] = {
        {"unknown", ModelFamily::Unknown},  {"qwen-vl", ModelFamily::QwenVL},
        {"qwen2-vl", ModelFamily::Qwen2VL}, {"qwen2.5-vl", ModelFamily::Qwen25VL},
        {"qwen3-vl", ModelFamily::Qwen3VL}, {"qvq", ModelFamily::QVQ},
    };
    for (const auto &row : table) {
        if (name == QLatin1String(row.name))
            return row.family;
    }
    return std::nullopt;
}

// A positive integer field, or nullopt when absent; `ok` turns false when present but invalid.
std::optional<qint64> positiveInt(const QJsonObject &entry, const char *key, bool &ok)
{
    const QJsonValue value = entry.value(QLatin1String(key));
    if (value.isUndefined())
        return std::nullopt;
    const double number = value.toDouble(-1);
    if (!value.isDouble() || number < 1 || number > 1e12 || number != std::floor(number)) {
        ok = false;
        return std::nullopt;
    }
    return qint64(number);
}

} // namespace

ModelInfo ModelListReader::familyDefaults(ModelFamily family)
{
    ModelInfo info;
    info.family = family;
    switch (family) {
    case ModelFamily::Qwen25VL:
        info.space = CoordinateSpace::AbsResized; // grounding.md §1.3
        break;
    case ModelFamily::Qwen3VL:
        info.budget.factor = 32; // patch 16 × merge 2 (grounding.md §1.4)
        break;
    case ModelFamily::QVQ:
        // grounding.md §1.5: no official grounding sample; bbox_2d JSON is treated like Qwen2.5.
        info.space = CoordinateSpace::AbsResized;
        info.spaceVerified = false;
        info.supportsThinking = true;
        break;
    case ModelFamily::Unknown:
        info.spaceVerified = false; // the grounding parser falls back to the output's format
        break;
    case ModelFamily::QwenVL:
    case ModelFamily::Qwen2VL:
        break;
    }
    // DashScope's default cap is 1280 tokens, minimum 4 (dashscope-protocol.md §3.4).
    info.budget.minPixels = 4LL * info.budget.factor * info.budget.factor;
    info.budget.maxPixels = 1280LL * info.budget.factor * info.budget.factor;
    return info;
}

ModelListReader::ModelListReader(const QByteArray &json, const QString &sourceName,
                                 Patterns patterns)
    : m_source(sourceName), m_check(patterns)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        addError(tr("The model list “%1” is not valid JSON: %2 at byte %3.")
                     .arg(m_source, parseError.errorString())
                     .arg(parseError.offset));
        return;
    }
    if (!document.isObject()) {
        addError(tr("The model list “%1” must be a JSON object.").arg(m_source));
        return;
    }
    const QJsonObject root = document.object();
    readEntries(root.value(QLatin1String("models")).toArray(), false);
    readEntries(root.value(QLatin1String("patterns")).toArray(), true);
}

void ModelListReader::readEntries(const QJsonArray &entries, bool patterns)
{
    const QLatin1String key(patterns ? "match" : "id");
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QJsonObject entry = entries.at(i).toObject();
        const QString name = entry.value(key).toString().trimmed();
        if (name.isEmpty()) {
            addError(tr("The model list “%1” has an entry without “%2” (number %3); it is ignored.")
                         .arg(m_source, key)
                         .arg(i + 1));
            continue;
        }
        const std::optional<ModelInfo> info = readInfo(entry, name);
        if (!info)
            continue;
        ModelRule rule;
        rule.info = *info;
        if (patterns) {
            rule.pattern = QRegularExpression(name, QRegularExpression::CaseInsensitiveOption);
            if (m_check == Patterns::Compile && !rule.pattern.isValid()) {
                addError(
                    tr("The model list “%1”: “%2” is not a valid regular expression (%3); it is "
                       "ignored.")
                        .arg(m_source, name, rule.pattern.errorString()));
                continue;
            }
            m_patterns.append(rule);
        } else {
            rule.id = name.toLower();
            rule.info.id = name;
            m_exact.append(rule);
        }
    }
}

std::optional<ModelInfo> ModelListReader::readInfo(const QJsonObject &entry, const QString &key)
{
    const QString familyName = entry.value(QLatin1String("family")).toString();
    const std::optional<ModelFamily> family = familyFromName(familyName);
    if (!family) {
        addError(tr("The model list “%1”: “%2” has an unknown family “%3”; it is ignored.")
                     .arg(m_source, key, familyName));
        return std::nullopt;
    }
    ModelInfo info = familyDefaults(*family);
    info.known = true;
    info.displayName = entry.value(QLatin1String("name")).toString();
    bool ok = true;
    if (entry.contains(QLatin1String("space"))) {
        const auto space = spaceFromName(entry.value(QLatin1String("space")).toString());
        ok = space.has_value();
        info.space = space.value_or(info.space);
    }
    const qint64 factor = positiveInt(entry, "factor", ok).value_or(info.budget.factor);
    const qint64 patch = factor * factor;
    ok = ok && factor <= 1024;
    info.budget.factor = int(factor);
    info.budget.minPixels = positiveInt(entry, "minTokens", ok).value_or(4) * patch;
    info.budget.maxPixels = positiveInt(entry, "maxTokens", ok).value_or(1280) * patch;
    info.budget.minPixels = positiveInt(entry, "minPixels", ok).value_or(info.budget.minPixels);
    info.budget.maxPixels = positiveInt(entry, "maxPixels", ok).value_or(info.budget.maxPixels);
    ok = ok && info.budget.minPixels <= info.budget.maxPixels;
    info.supportsThinking = entry.value(QLatin1String("thinking")).toBool(info.supportsThinking);
    info.streamingOnly = entry.value(QLatin1String("streamingOnly")).toBool(info.streamingOnly);
    info.spaceVerified = entry.value(QLatin1String("verified")).toBool(info.spaceVerified);
    if (!ok) {
        addError(tr("The model list “%1”: “%2” has an invalid space, factor or pixel budget; it is "
                    "ignored.")
                     .arg(m_source, key));
        return std::nullopt;
    }
    return info;
}

} // namespace qvd
