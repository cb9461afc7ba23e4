#include "core/dataset/ClassList.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>

namespace qvd {

QStringList ClassList::parse(const QByteArray &text)
{
    QStringList classes;
    for (const QString &line : QString::fromUtf8(text).split(QLatin1Char('\n')))
        classes.append(line.trimmed()); // also drops a Windows line end's '\r'
    while (!classes.isEmpty() && classes.constLast().isEmpty())
        classes.removeLast();
    return classes;
}

QByteArray ClassList::serialize(const QStringList &classes)
{
    QByteArray text;
    for (const QString &name : classes)
        text += name.toUtf8() + '\n';
    return text;
}

bool ClassList::read(const QString &path, QStringList &classes, QString *error)
{
    QFile file(path);
    if (!file.exists()) {
        classes.clear();
        return true;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        if (error) {
            *error = tr("Could not read the class list “%1”: %2")
                         .arg(QDir::toNativeSeparators(path), file.errorString());
        }
        return false;
    }
    classes = parse(file.readAll());
    return true;
}

bool ClassList::write(const QString &path, const QStringList &classes, QString *error)
{
    QSaveFile file(path);
    const QByteArray bytes = serialize(classes);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        if (error) {
            *error = tr("Could not write the class list “%1”: %2")
                         .arg(QDir::toNativeSeparators(path), file.errorString());
        }
        return false;
    }
    return true;
}

} // namespace qvd
