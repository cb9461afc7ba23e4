#include "core/storage/DatabaseFile.h"

#include "core/storage/PrivateFiles.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryFile>

namespace qvd::storage {

namespace {

const char16_t *const kCompanions[] = {u"-wal", u"-shm", u"-journal"};

} // namespace

FileVerdict inspectDatabaseFile(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists() && !info.isSymLink())
        return FileVerdict::Missing;
    if (!info.isFile())
        return FileVerdict::Damaged;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return FileVerdict::Damaged;
    if (file.size() == 0)
        return FileVerdict::Plausible;
    // The 100-byte header starts with this string (sqlite.org/fileformat.html §1.3).
    static const QByteArray magic("SQLite format 3\0", 16);
    const QByteArray header = file.read(100);
    return header.size() == 100 && header.startsWith(magic) ? FileVerdict::Plausible
                                                            : FileVerdict::Damaged;
}

bool canWrite(const QString &dir, const QString &path)
{
    QTemporaryFile probe(dir + QStringLiteral("/.qvd-write-probe-XXXXXX"));
    if (!probe.open())
        return false;
    probe.close();
    if (!QFileInfo::exists(path))
        return true;
    QFile file(path);
    return file.open(QIODevice::ReadWrite);
}

bool makeDatabasePrivate(const QString &path)
{
    if (!createPrivateFile(path))
        return false;
    // Best effort: a file that is not ours keeps its mode, as long as it can be written.
    makePrivateFile(path);
    for (const char16_t *suffix : kCompanions)
        makePrivateFile(path + QStringView(suffix));
    return true;
}

QString setAside(const QString &path)
{
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString target = path + QStringLiteral(".damaged-") + stamp;
    for (int n = 2; QFileInfo::exists(target) || QFileInfo(target).isSymLink(); ++n)
        target = path + QStringLiteral(".damaged-") + stamp + u'-' + QString::number(n);
    // QDir::rename moves files and folders alike, and never copies.
    if (!QDir().rename(path, target))
        return {};
    for (const char16_t *suffix : kCompanions) {
        const QString companion = path + QStringView(suffix);
        if (QFileInfo::exists(companion))
            QDir().rename(companion, target + QStringView(suffix));
    }
    return target;
}

} // namespace qvd::storage
