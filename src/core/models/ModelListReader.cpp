#include "core/models/ModelListReader.h"

#include "core/grounding/GroundingNames.h"
#include "core/models/JsonEntryLines.h"
#include "core/models/ModelNames.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace qvd {

namespace {

constexpr qint64 kMaxPixels = 1'000'000'000'000;

// The members an entry may have; anything else is a typo that would silently change nothing.
const QLatin1String kKnownKeys[] = {
    QLatin1String("id"),
    QLatin1String("match"),
    QLatin1String("name"),
    QLatin1String("family"),
    QLatin1String("space"),
    QLatin1String("factor"),
    QLatin1String("minTokens"),
    QLatin1String("maxTokens"),
    QLatin1String("minPixels"),
    QLatin1String("maxPixels"),
    QLatin1String("maxPixelsCeiling"),
    QLatin1String("thinking"),
    QLatin1String("thinkingBudget"),
    QLatin1String("streamingOnly"),
    QLatin1String("verified"),
    QLatin1String("legacy"),
    QLatin1String("note"),
};

bool isKnownKey(const QString &key)
{
    for (const QLatin1String &known : kKnownKeys) {
        if (key == known)
            return true;
    }
    return false;
}

// Reads the members of one entry, remembering the first that is wrong.
class EntryFields
{
public:
    explicit EntryFields(const QJsonObject &entry) : m_entry(entry) { }

    // A whole number in [1, 10^12], or nullopt when absent.
    std::optional<qint64> positive(const char *key)
    {
        const QJsonValue value = m_entry.value(QLatin1String(key));
        if (value.isUndefined())
            return std::nullopt;
        const double number = value.toDouble(-1);
        if (!value.isDouble() || number < 1 || number > double(kMaxPixels)
            || number != std::floor(number)) {
            fail(key);
            return std::nullopt;
        }
        return qint64(number);
    }

    std::optional<bool> boolean(const char *key)
    {
        const QJsonValue value = m_entry.value(QLatin1String(key));
        if (value.isUndefined())
            return std::nullopt;
        if (!value.isBool()) {
            fail(key);
            return std::nullopt;
        }
        return value.toBool();
    }

    std::optional<QString> string(const char *key)
    {
        const QJsonValue value = m_entry.value(QLatin1String(key));
        if (value.isUndefined())
            return std::nullopt;
        if (!value.isString()) {
            fail(key);
            return std::nullopt;
        }
        return value.toString();
    }

    void fail(const char *key)
    {
        if (m_bad.isEmpty())
            m_bad = QString::fromLatin1(key);
    }
    QString firstBad() const { return m_bad; }

private:
    const QJsonObject &m_entry;
    QString m_bad;
};

std::optional<Thinking> thinkingOf(const QJsonValue &value)
{
    // The first format had a boolean: the model can be asked to think.
    if (value.isBool())
        return value.toBool() ? Thinking::Off : Thinking::NotApplicable;
    return thinkingFromName(value.toString());
}

} // namespace

ModelInfo ModelListReader::familyDefaults(ModelFamily family)
{
    ModelInfo info;
    info.family = family;
    // docs/dashscope-protocol.md §8.1: the 28-px generation takes 4..1280 tokens by default and up
    // to 16384 (12,845,056 px); the 32-px Qwen3-VL-class models 64..2560 tokens, up to 16384.
    qint64 minTokens = 4;
    qint64 maxTokens = 1280;
    qint64 ceilingTokens = 16384;
    switch (family) {
    case ModelFamily::Qwen25VL:
        info.space = CoordinateSpace::AbsResized; // docs/grounding.md §1.3
        break;
    case ModelFamily::Qwen3VL:
    case ModelFamily::Qwen35:
        info.budget.factor = 32; // patch 16 × merge 2 (docs/grounding.md §1.4)
        minTokens = 64;
        maxTokens = 2560;
        info.thinkingBudget = true; // thinking_budget, whenever the model thinks (§2.2)
        if (family == ModelFamily::Qwen35) {
            info.thinking = Thinking::On;
            info.spaceVerified = false; // 0..1000 by a third-party report (docs/grounding.md §1.6)
        }
        break;
    case ModelFamily::QVQ:
        // docs/grounding.md §1.5: no official grounding sample; bbox_2d JSON is treated like
        // Qwen2.5.
        info.space = CoordinateSpace::AbsResized;
        info.spaceVerified = false;
        info.thinking = Thinking::Always; // enable_thinking does not apply (§8.1)
        break;
    case ModelFamily::Unknown:
        info.spaceVerified = false; // the grounding parser falls back to the output's format
        ceilingTokens = 0;
        break;
    case ModelFamily::QwenVL:
        ceilingTokens = 0;
        break;
    case ModelFamily::Qwen2VL:
        break;
    }
    const qint64 patch = qint64(info.budget.factor) * info.budget.factor;
    info.budget.minPixels = minTokens * patch;
    info.budget.maxPixels = maxTokens * patch;
    info.maxPixelsCeiling = ceilingTokens * patch;
    return info;
}

ModelListReader::ModelListReader(const QByteArray &json, const QString &sourceName,
                                 Patterns patterns, ModelSource source, KnownEntry known)
    : m_source(sourceName), m_check(patterns), m_origin(source), m_known(std::move(known))
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const TextPosition at = positionOf(json, parseError.offset);
        addError(at.line,
                 tr("not valid JSON (%1 at column %2); nothing of this file is used.")
                     .arg(parseError.errorString())
                     .arg(at.column));
        return;
    }
    if (!document.isObject()) {
        addError(1, tr("a model list must be a JSON object; nothing of this file is used."));
        return;
    }
    const QHash<QString, QList<int>> lines = arrayElementLines(json);
    const QJsonObject root = document.object();
    for (const QString &member : {QStringLiteral("models"), QStringLiteral("patterns")}) {
        const QJsonValue entries = root.value(member);
        if (!entries.isUndefined() && !entries.isArray()) {
            addError(1, tr("“%1” must be a list; it is ignored.").arg(member));
            continue;
        }
        readEntries(entries, member, lines.value(member));
    }
}

void ModelListReader::addError(int line, const QString &message)
{
    m_errors.append(QStringLiteral("%1:%2: ").arg(m_source).arg(line) + message);
}

void ModelListReader::readEntries(const QJsonValue &value, const QString &member,
                                  const QList<int> &lines)
{
    const bool patterns = member == QLatin1String("patterns");
    const QLatin1String key(patterns ? "match" : "id");
    const QJsonArray entries = value.toArray();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const int line = int(lines.value(i, 1));
        if (!entries.at(i).isObject()) {
            addError(line, tr("an entry of “%1” must be an object; it is ignored.").arg(member));
            continue;
        }
        const QJsonObject entry = entries.at(i).toObject();
        const QString name = entry.value(key).toString().trimmed();
        if (name.isEmpty()) {
            addError(line, tr("an entry without “%1”; it is ignored.").arg(key));
            continue;
        }
        const std::optional<ModelInfo> info = readInfo(entry, name, patterns, line);
        if (!info)
            continue;
        ModelRule rule;
        rule.info = *info;
        rule.line = line;
        if (patterns) {
            rule.pattern = QRegularExpression(name, QRegularExpression::CaseInsensitiveOption);
            if (m_check == Patterns::Compile && !rule.pattern.isValid()) {
                addError(line,
                         tr("“%1” is not a valid regular expression (%2); it is ignored.")
                             .arg(name, rule.pattern.errorString()));
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

std::optional<ModelInfo> ModelListReader::readInfo(const QJsonObject &entry, const QString &name,
                                                   bool pattern, int line)
{
    for (auto it = entry.constBegin(); it != entry.constEnd(); ++it) {
        if (!isKnownKey(it.key())) {
            addError(
                line,
                tr("“%1” has an unknown field “%2”; the entry is ignored.").arg(name, it.key()));
            return std::nullopt;
        }
    }
    ModelInfo info;
    const QJsonValue familyValue = entry.value(QLatin1String("family"));
    std::optional<ModelInfo> known;
    if (familyValue.isUndefined() && !pattern && m_known)
        known = m_known(name.toLower());
    if (known) {
        info = *known; // a change to an entry known before
    } else if (familyValue.isUndefined()) {
        addError(line, tr("“%1” needs a “family”; it is ignored.").arg(name));
        return std::nullopt;
    } else {
        const std::optional<ModelFamily> family = familyFromName(familyValue.toString());
        if (!family) {
            addError(line,
                     tr("“%1” has an unknown family “%2”; it is ignored.")
                         .arg(name, familyValue.toVariant().toString()));
            return std::nullopt;
        }
        info = familyDefaults(*family);
    }
    info.known = true;
    info.source = m_origin;

    EntryFields fields(entry);
    if (const auto text = fields.string("name"))
        info.displayName = *text;
    fields.string("note");
    if (const auto text = fields.string("space")) {
        const auto space = spaceFromName(*text);
        if (space)
            info.space = *space;
        else
            fields.fail("space");
    }
    if (const auto factor = fields.positive("factor")) {
        if (*factor < 4 || *factor > 1024)
            fields.fail("factor");
        else
            info.budget.factor = int(*factor);
    }
    const qint64 patch = qint64(info.budget.factor) * info.budget.factor;
    if (const auto tokens = fields.positive("minTokens"))
        info.budget.minPixels = *tokens * patch;
    if (const auto tokens = fields.positive("maxTokens"))
        info.budget.maxPixels = *tokens * patch;
    info.budget.minPixels = fields.positive("minPixels").value_or(info.budget.minPixels);
    info.budget.maxPixels = fields.positive("maxPixels").value_or(info.budget.maxPixels);
    info.maxPixelsCeiling = fields.positive("maxPixelsCeiling").value_or(info.maxPixelsCeiling);
    const QJsonValue thinking = entry.value(QLatin1String("thinking"));
    if (!thinking.isUndefined()) {
        if (const auto value = thinkingOf(thinking))
            info.thinking = *value;
        else
            fields.fail("thinking");
    }
    info.thinkingBudget = fields.boolean("thinkingBudget").value_or(info.thinkingBudget);
    info.streamingOnly = fields.boolean("streamingOnly").value_or(info.streamingOnly);
    info.spaceVerified = fields.boolean("verified").value_or(info.spaceVerified);
    info.legacy = fields.boolean("legacy").value_or(info.legacy);
    if (!fields.firstBad().isEmpty()) {
        addError(line, tr("“%1” has an invalid “%2”; it is ignored.").arg(name, fields.firstBad()));
        return std::nullopt;
    }
    if (info.budget.minPixels > info.budget.maxPixels
        || (info.maxPixelsCeiling > 0 && info.budget.maxPixels > info.maxPixelsCeiling)) {
        addError(line,
                 tr("“%1”: the pixel budget must grow from the minimum to the maximum and the "
                    "ceiling (%2 ≤ %3 ≤ %4); it is ignored.")
                     .arg(name)
                     .arg(info.budget.minPixels)
                     .arg(info.budget.maxPixels)
                     .arg(info.maxPixelsCeiling));
        return std::nullopt;
    }
    return info;
}

} // namespace qvd
