#include "core/storage/HistoryLocation.h"

#include "core/AppInfo.h"
#include "core/storage/ImageStore.h"
#include "core/storage/PrivateFiles.h"

#include <QDir>
#include <QStandardPaths>

namespace qvd {

HistoryLocation HistoryLocation::standard()
{
    return HistoryLocation(
        QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
            .filePath(QString::fromLatin1(appinfo::kSettingsName)));
}

HistoryLocation::HistoryLocation(const QString &dataDir) : m_dataDir(QDir::cleanPath(dataDir)) { }

QString HistoryLocation::databasePath() const
{
    return QDir(m_dataDir).filePath(QStringLiteral("history.sqlite"));
}

QString HistoryLocation::imagesPath() const
{
    return QDir(m_dataDir).filePath(QStringLiteral("images"));
}

HistoryStore::OpenResult HistoryLocation::open(HistoryStore &history, ImageStore &images) const
{
    if (!storage::makePrivateFolder(m_dataDir)) {
        HistoryStore::OpenResult result;
        result.error = StorageError::make(StorageError::Kind::CannotOpen, m_dataDir);
        result.message = result.error.userMessage();
        return result;
    }
    HistoryStore::OpenResult result = history.open(databasePath());
    if (result.ok())
        images.makePrivate();
    return result;
}

} // namespace qvd
