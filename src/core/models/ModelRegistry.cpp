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
    const ModelListReader reader(file.readAll(), path,
                                 isUserFile ? ModelListReader::Patterns::Compile
                                            : ModelListReader::Patterns::Trust);
    m_errors.append(reader.errors());

    for (const ModelRule &rule : reader.exactRules()) {
        const auto same = [&rule](const ModelRule &r) {
            return r.id == rule.id;
        };
        m_exact.erase(std::remove_if(m_exact.begin(), m_exact.end(), same), m_exact.end());
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
    for (const ModelRule &rule : m_exact)
        result.append(rule.info);
    return result;
}

} // namespace qvd
