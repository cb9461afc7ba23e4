#pragma once

#include "core/storage/HistoryStore.h"

#include <QString>

namespace qvd {

class ImageStore;

// Where the app and the command-line tool keep the history, and how both open it: one folder
// (~/.local/share/qwenvl-desk on Linux: the platform's generic data folder and the app's
// settings name) with history.sqlite and images/. The folder, the database with its -wal and
// -shm files, and every image are owner-only (0700 folders, 0600 files on Unix): created so,
// and an older install's are tightened when opened.
class HistoryLocation
{
public:
    static HistoryLocation standard();
    explicit HistoryLocation(const QString &dataDir);

    QString dataDir() const { return m_dataDir; }
    QString databasePath() const;
    QString imagesPath() const;

    // Makes the folder (owner-only), opens `history` there (HistoryStore::open) and makes the
    // image files of `images` (built on imagesPath()) owner-only.
    HistoryStore::OpenResult open(HistoryStore &history, ImageStore &images) const;

private:
    QString m_dataDir;
};

} // namespace qvd
