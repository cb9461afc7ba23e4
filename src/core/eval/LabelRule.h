#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace qvd {

// How a prediction's label is compared with a ground-truth label. Both go through the class
// name rule of every dataset file first (exportClassName: one line, "object" when empty); then
//   Exact: the names must be equal;
//   Loose: case and white space do not count ("Traffic light" = "traffic  Light" = "trafficlight").
// On top of either, a synonym table makes several names one class ("dog", "狗", "犬"); its
// names are compared by the same rule, and the class is reported by the group's first name.
class LabelRule
{
    Q_DECLARE_TR_FUNCTIONS(qvd::LabelRule)

public:
    enum class Match { Exact, Loose };

    explicit LabelRule(Match match = Match::Loose) : m_match(match) { }

    Match match() const { return m_match; }
    // One group of names that mean the same thing; the first one names the class. A name
    // already in a group moves to the new one.
    void addSynonyms(const QStringList &names);
    // The groups, for an editor to show and change.
    QList<QStringList> synonyms() const { return m_groups; }

    // Two labels name the same class exactly when their keys are equal.
    QString key(const QString &label) const;
    // The name a class is reported by: its synonym group's first name, or `label` itself (in
    // its class name form) when it is in no group.
    QString displayName(const QString &label) const;

    // A synonym table file: either a JSON object {"dog": ["狗", "犬"], "cat": "猫"} (a name
    // and what else means it), or text with one group per line, names separated by commas or
    // tabs, the first naming the class ("dog, 狗, 犬"); '#' starts a comment line. nullopt
    // with a translated *error when the file cannot be read or has no group.
    static std::optional<QList<QStringList>> readSynonyms(const QString &path, QString *error);
    // The same from the file's bytes; `error` (translated) says what is wrong, without a path.
    static std::optional<QList<QStringList>> parseSynonyms(const QByteArray &bytes, QString *error);
    // The groups as the text form above, one group per line: what the app's editor shows.
    static QString synonymsText(const QList<QStringList> &groups);

private:
    QString baseKey(const QString &label) const;

    Match m_match;
    QList<QStringList> m_groups;
    QHash<QString, qsizetype> m_groupOfKey;
};

} // namespace qvd
