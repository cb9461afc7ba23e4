#include "core/batch/JobLocation.h"

#include "core/AppInfo.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>

namespace qvd {

JobLocation JobLocation::standard()
{
    return JobLocation(QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
                           .filePath(QString::fromLatin1(appinfo::kSettingsName)));
}

JobLocation::JobLocation(const QString &dataDir) : m_dataDir(QDir::cleanPath(dataDir)) { }

QString JobLocation::databasePath() const
{
    return QDir(m_dataDir).filePath(QStringLiteral("jobs.sqlite"));
}

QString JobLocation::workFolder(const QString &jobId) const
{
    return QDir(m_dataDir).filePath(QStringLiteral("batch/") + jobId);
}

bool JobLocation::makeWorkFolder(const QString &jobId) const
{
    const QString folder = workFolder(jobId);
    if (!QDir().mkpath(folder))
        return false;
    const auto owner = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;
    QFile::setPermissions(QDir(m_dataDir).filePath(QStringLiteral("batch")), owner);
    return QFile::setPermissions(folder, owner);
}

} // namespace qvd
