#pragma once

#include "core/models/ModelListReader.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

namespace qvd {

// Model id → ModelInfo. Built from the list embedded at :/models/models.json
// (resources/models.json), optionally merged with a user file of the same shape in the config
// folder: its ids replace built-in ones or, without a "family", change them; its patterns are
// tried before the built-in patterns. Lookup order: exact id (case-insensitive), then patterns
// in order; no match gives ModelFamily::Unknown with ModelListReader::familyDefaults.
class ModelRegistry
{
    Q_DECLARE_TR_FUNCTIONS(qvd::ModelRegistry)

public:
    // Built-in list only.
    ModelRegistry();
    // Built-in list plus the user's file (Settings::modelsFilePath()). A missing file is not an
    // error; an unreadable or invalid one is reported in errors() and skipped in parts.
    explicit ModelRegistry(const QString &userFilePath);

    ModelInfo find(const QString &modelId) const;
    // The models offered in pickers: listed by id (built-in and user), legacy ones left out;
    // patterns are not listed.
    QList<ModelInfo> models() const;
    // Every model listed by id, legacy ones too.
    QList<ModelInfo> allModels() const;
    // Translated descriptions of problems met while loading, each naming the file and line.
    QStringList errors() const { return m_errors; }

    static QString builtInPath() { return QStringLiteral(":/models/models.json"); }
    // `model` read as a model of `family` (a family the person chose for an id, Settings::
    // modelFamily): that family's defaults, keeping the id, name and source.
    static ModelInfo withFamily(const ModelInfo &model, ModelFamily family);

private:
    void load(const QString &path, bool isUserFile);

    QList<ModelRule> m_exact;
    QList<ModelRule> m_patterns;
    QStringList m_errors;
};

} // namespace qvd
