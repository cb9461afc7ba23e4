#pragma once

#include "core/models/ModelInfo.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QRegularExpression>
#include <QStringList>

#include <optional>

namespace qvd {

// One entry of a model list: an exact id (compared case-insensitively) or a pattern.
struct ModelRule
{
    QString id; // lower-case; empty for a pattern
    QRegularExpression pattern; // valid only for a pattern
    ModelInfo info; // id is filled in at lookup time for patterns
};

// Reads the JSON model list format of resources/models.json into rules. A bad entry is skipped
// and reported; the rest of the file still counts, so one typo in a user file loses one model.
class ModelListReader
{
    Q_DECLARE_TR_FUNCTIONS(qvd::ModelListReader)

public:
    // Compile checks every pattern now, as a user's file needs. Trust leaves them to compile at
    // their first match: for the built-in list, which tst_ModelRegistry checks, and which the
    // app reads at start (each check costs a PCRE2 JIT compile, 19 of them ~1 ms).
    enum class Patterns { Compile, Trust };

    // `sourceName` names the file in error messages.
    ModelListReader(const QByteArray &json, const QString &sourceName,
                    Patterns patterns = Patterns::Compile);

    QList<ModelRule> exactRules() const { return m_exact; }
    QList<ModelRule> patternRules() const { return m_patterns; }
    QStringList errors() const { return m_errors; } // translated, one per problem

    // The settings every model of `family` starts from (documented in resources/models.json).
    static ModelInfo familyDefaults(ModelFamily family);

private:
    void readEntries(const QJsonArray &entries, bool patterns);
    std::optional<ModelInfo> readInfo(const QJsonObject &entry, const QString &key);
    void addError(const QString &message) { m_errors.append(message); }

    QString m_source;
    Patterns m_check;
    QList<ModelRule> m_exact;
    QList<ModelRule> m_patterns;
    QStringList m_errors;
};

} // namespace qvd
