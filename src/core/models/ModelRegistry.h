#pragma once

#include "core/models/ModelListReader.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

namespace qvd {

// Model id → ModelInfo. Built from the list embedded at :/models/models.json
// (resources/models.json), optionally extended by a user file of the same shape: its ids replace
// built-in ones, its patterns are tried before the built-in patterns. Lookup order: exact id
// (case-insensitive), then patterns in order; no match gives ModelFamily::Unknown with
// ModelListReader::familyDefaults.
class ModelRegistry
{
    Q_DECLARE_TR_FUNCTIONS(qvd::ModelRegistry)

public:
    // Built-in list only.
    ModelRegistry();
    // Built-in list plus the user's file (usually <config dir>/models.json). A missing file is
    // not an error; an unreadable or invalid one is reported in errors() and skipped in parts.
    explicit ModelRegistry(const QString &userFilePath);

    ModelInfo find(const QString &modelId) const;
    // The models listed by id (built-in and user), for pickers; patterns are not listed.
    QList<ModelInfo> models() const;
    // Translated descriptions of problems met while loading, naming the file.
    QStringList errors() const { return m_errors; }

    static QString builtInPath() { return QStringLiteral(":/models/models.json"); }

private:
    void load(const QString &path, bool isUserFile);

    QList<ModelRule> m_exact;
    QList<ModelRule> m_patterns;
    QStringList m_errors;
};

} // namespace qvd
