#pragma once

#include "core/models/ModelInfo.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QRegularExpression>
#include <QStringList>

#include <functional>
#include <optional>

namespace qvd {

// One entry of a model list: an exact id (compared case-insensitively) or a pattern.
struct ModelRule
{
    QString id; // lower-case; empty for a pattern
    QRegularExpression pattern; // valid only for a pattern
    ModelInfo info; // id is filled in at lookup time for patterns
    int line = 0; // of the entry in its file
};

// Reads the JSON model list format of resources/models.json into rules. A bad entry is skipped
// and reported with its file and line; the rest of the file still counts, so one typo in a
// user file loses one model. Invalid JSON is reported with its line and column, and then
// nothing of the file counts.
//
// An entry starts from its family's defaults (familyDefaults) and sets what it names. An id
// entry without "family" changes an entry known before — the built-in one, for a user file —
// and keeps everything it does not name.
class ModelListReader
{
    Q_DECLARE_TR_FUNCTIONS(qvd::ModelListReader)

public:
    // Compile checks every pattern now, as a user's file needs. Trust leaves them to compile at
    // their first match: for the built-in list, which tst_ModelRegistry checks, and which the
    // app reads at start (each check costs a PCRE2 JIT compile, 19 of them ~1 ms).
    enum class Patterns { Compile, Trust };
    // The entry known before for a lower-case id, if any.
    using KnownEntry = std::function<std::optional<ModelInfo>(const QString &lowerId)>;

    // `sourceName` names the file in error messages; `source` is recorded in every entry.
    ModelListReader(const QByteArray &json, const QString &sourceName,
                    Patterns patterns = Patterns::Compile,
                    ModelSource source = ModelSource::BuiltIn, KnownEntry known = {});

    QList<ModelRule> exactRules() const { return m_exact; }
    QList<ModelRule> patternRules() const { return m_patterns; }
    QStringList errors() const { return m_errors; } // translated, one per problem

    // The settings every model of `family` starts from (docs/dashscope-protocol.md §8.1,
    // docs/grounding.md §1.6; documented in resources/models.json).
    static ModelInfo familyDefaults(ModelFamily family);

private:
    void readEntries(const QJsonValue &entries, const QString &member, const QList<int> &lines);
    std::optional<ModelInfo> readInfo(const QJsonObject &entry, const QString &name, bool pattern,
                                      int line);
    void addError(int line, const QString &message);

    QString m_source;
    Patterns m_check;
    ModelSource m_origin;
    KnownEntry m_known;
    QList<ModelRule> m_exact;
    QList<ModelRule> m_patterns;
    QStringList m_errors;
};

} // namespace qvd
