#include "core/eval/LabelRule.h"

#include "core/grounding/ExportClasses.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace qvd {

QString LabelRule::baseKey(const QString &label) const
{
    const QString name = exportClassName(label);
    if (m_match == Match::Exact)
        return name;
    QString key;
    key.reserve(name.size());
    for (const QChar c : name) {
        if (!c.isSpace())
            key.append(c);
    }
    return key.toCaseFolded();
}

void LabelRule::addSynonyms(const QStringList &names)
{
    QStringList group;
    for (const QString &name : names) {
        const QString clean = exportClassName(name);
        if (!name.trimmed().isEmpty() && !group.contains(clean))
            group.append(clean);
    }
    if (group.isEmpty())
        return;
    const qsizetype index = m_groups.size();
    m_groups.append(group);
    for (const QString &name : std::as_const(group)) {
        const QString k = baseKey(name);
        const auto previous = m_groupOfKey.constFind(k);
        if (previous != m_groupOfKey.constEnd() && *previous != index) {
            QStringList &old = m_groups[*previous];
            old.removeIf([&](const QString &n) { return baseKey(n) == k; });
        }
        m_groupOfKey.insert(k, index);
    }
}

QString LabelRule::key(const QString &label) const
{
    const QString k = baseKey(label);
    const auto group = m_groupOfKey.constFind(k);
    if (group == m_groupOfKey.constEnd())
        return k;
    // The group's key: its first name's, marked so no plain label can equal it by accident.
    return QStringLiteral("\x01") + QString::number(*group);
}

QString LabelRule::displayName(const QString &label) const
{
    const auto group = m_groupOfKey.constFind(baseKey(label));
    if (group == m_groupOfKey.constEnd() || m_groups.at(*group).isEmpty())
        return exportClassName(label);
    return m_groups.at(*group).first();
}

std::optional<QList<QStringList>> LabelRule::readSynonyms(const QString &path, QString *error)
{
    const auto fail = [&](const QString &why) {
        if (error)
            *error =
                tr("Cannot read the label table “%1”: %2").arg(QDir::toNativeSeparators(path), why);
        return std::nullopt;
    };
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(file.errorString());
    QString why;
    const auto groups = parseSynonyms(file.readAll(), &why);
    if (!groups)
        return fail(why);
    return groups;
}

std::optional<QList<QStringList>> LabelRule::parseSynonyms(const QByteArray &bytes, QString *error)
{
    const auto fail = [&](const QString &why) {
        if (error)
            *error = why;
        return std::nullopt;
    };
    QList<QStringList> groups;
    QJsonParseError parseError;
    const QJsonDocument json = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error == QJsonParseError::NoError && json.isObject()) {
        const QJsonObject object = json.object();
        for (auto it = object.begin(); it != object.end(); ++it) {
            QStringList group{it.key()};
            if (it.value().isString())
                group.append(it.value().toString());
            for (const QJsonValue &name : it.value().toArray())
                group.append(name.toString());
            groups.append(group);
        }
    } else if (bytes.trimmed().startsWith('{')) {
        return fail(tr("the JSON is damaged at byte %1: %2.")
                        .arg(parseError.offset)
                        .arg(parseError.errorString()));
    } else {
        static const QRegularExpression separators(QStringLiteral("[,\t]"));
        for (const QString &line : QString::fromUtf8(bytes).split(QLatin1Char('\n'))) {
            const QString trimmed = line.trimmed();
            if (trimmed.isEmpty() || trimmed.startsWith(QLatin1Char('#')))
                continue;
            QStringList group;
            for (const QString &name : trimmed.split(separators)) {
                if (!name.trimmed().isEmpty())
                    group.append(name.trimmed());
            }
            groups.append(group);
        }
    }
    if (groups.isEmpty())
        return fail(tr("it holds no names."));
    return groups;
}

QString LabelRule::synonymsText(const QList<QStringList> &groups)
{
    QStringList lines;
    for (const QStringList &group : groups) {
        if (!group.isEmpty())
            lines.append(group.join(QStringLiteral(", ")));
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace qvd
