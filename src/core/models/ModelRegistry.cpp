#include "core/models/ModelRegistry.h"

#include <QFile>

#include <algorithm>

namespace qvd {

ModelRegistry::ModelRegistry()
{
    load(builtInPath(), false);
}

ModelRegistry::ModelRegistry(const QString &userFilePath)
{
    load(builtInPath(), false);
    if (!userFilePath.isEmpty())
        load(userFilePath, true);
}

void ModelRegistry::load(const QString &path, bool isUserFile)
{
    QFile file(path);
    if (isUserFile && !file.exists())
        return; // no user additions
    if (!file.open(QIODevice::ReadOnly)) {
        m_errors.append(tr("Cannot read the model list “%1”: %2").arg(path, file.errorString()));
        return;
    }
    // A user's entry without a family changes the built-in entry of its id.
    const auto known = [this](const QString &lowerId) -> std::optional<ModelInfo> {
        for (const ModelRule &rule : std::as_const(m_exact)) {
            if (rule.id == lowerId)
                return rule.info;
        }
        return std::nullopt;
    };
    const ModelListReader reader(file.readAll(), path,
                                 isUserFile ? ModelListReader::Patterns::Compile
                                            : ModelListReader::Patterns::Trust,
                                 isUserFile ? ModelSource::User : ModelSource::BuiltIn, known);
    m_errors.append(reader.errors());

    // Replaced or changed entries keep their place in the list; new ones go at its end.
    for (const ModelRule &rule : reader.exactRules()) {
        const auto same = std::find_if(m_exact.begin(), m_exact.end(),
                                       [&rule](const ModelRule &r) { return r.id == rule.id; });
        if (same != m_exact.end())
            *same = rule;
        else
            m_exact.append(rule);
    }
    // A user's patterns are more specific to their setup than ours: try them first.
    const QList<ModelRule> patterns = reader.patternRules();
    if (isUserFile)
        m_patterns = patterns + m_patterns;
    else
        m_patterns.append(patterns);
}

ModelInfo ModelRegistry::find(const QString &modelId) const
{
    const QString id = modelId.trimmed();
    const QString key = id.toLower();
    for (const ModelRule &rule : m_exact) {
        if (rule.id == key) {
            ModelInfo info = rule.info;
            info.id = id;
            return info;
        }
    }
    for (const ModelRule &rule : m_patterns) {
        if (rule.pattern.match(id).hasMatch()) {
            ModelInfo info = rule.info;
            info.id = id;
            return info;
        }
    }
    ModelInfo info = ModelListReader::familyDefaults(ModelFamily::Unknown);
    info.id = id;
    return info;
}

QList<ModelInfo> ModelRegistry::models() const
{
    QList<ModelInfo> result;
    result.reserve(m_exact.size());
    for (const ModelRule &rule : m_exact) {
        if (!rule.info.legacy)
            result.append(rule.info);
    }
    return result;
}

QList<ModelInfo> ModelRegistry::allModels() const
{
    QList<ModelInfo> result;
    result.reserve(m_exact.size());
    for (const ModelRule &rule : m_exact)
        result.append(rule.info);
    return result;
}

ModelInfo ModelRegistry::withFamily(const ModelInfo &model, ModelFamily family)
{
    if (model.family == family)
        return model;
    ModelInfo info = ModelListReader::familyDefaults(family);
    info.id = model.id;
    info.displayName = model.displayName;
    info.source = model.source;
    info.known = family != ModelFamily::Unknown;
    return info;
}

} // namespace qvd
