#pragma once

#include "core/storage/StorageError.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QFuture>
#include <QImage>
#include <QSet>
#include <QString>

#include <chrono>
#include <functional>

class QThreadPool;

namespace qvd {

// Original image files, stored once by content: <root>/<first 2 hex>/<64 hex of SHA-256>.
// A file appears under its final name only complete (QSaveFile: temporary file, then rename),
// so a reader never sees half an image and a crash leaves at most a temporary file, which
// lookups ignore and collectGarbage() removes. Write the file before committing the row that
// names it (HistoryStore). Folders are 0700 and files 0600 on Unix. Reentrant: separate instances
// may share a root across threads.
class ImageStore
{
    Q_DECLARE_TR_FUNCTIONS(qvd::ImageStore)

public:
    struct PutResult
    {
        QByteArray sha256; // 32 raw bytes; set on success
        StorageError error;
        bool ok() const { return !error.isError(); }
    };

    struct Loaded
    {
        enum class Status { Ok, Missing, Damaged };
        Status status = Status::Missing;
        QByteArray bytes; // the file, when Ok
        QImage image; // upright (EXIF applied) when Ok; a placeholder otherwise, never null
        QString message; // translated, when not Ok
        bool ok() const { return status == Status::Ok; }
    };

    struct GarbageReport
    {
        int removedImages = 0;
        int removedTemporaries = 0;
        qint64 freedBytes = 0;
        QStringList failed; // files that could not be removed
    };

    explicit ImageStore(const QString &root);

    QString root() const { return m_root; }
    QString pathFor(const QByteArray &sha256) const;
    bool contains(const QByteArray &sha256) const;

    // Stores `bytes` (once: an existing complete file is kept, and made young again, so that a
    // clean-up running meanwhile spares it) and returns their SHA-256.
    PutResult put(const QByteArray &bytes);

    // Where a file is written piece by piece before adopt() moves it in (an import streams its
    // originals there); created owner-only. What a crash leaves there goes with collectGarbage().
    QString incomingFolder() const;
    // Moves the complete file `path` (in incomingFolder(); its SHA-256 is `sha256`, checked by
    // the caller while writing it) under its hash; when an intact copy is there already, that
    // one is kept and `path` removed. `created` (optional) tells whether the file is new.
    PutResult adopt(const QString &path, const QByteArray &sha256, bool *created = nullptr);

    // Makes the store's folders (0700) and files (0600) owner-only on Unix: what older versions
    // wrote is tightened when the history is opened (HistoryLocation::open).
    void makePrivate() const;

    // The original, checked against its hash and decoded; a missing or damaged file gives a
    // placeholder of `placeholderSize` (e.g. the transform's originalSize) and a message.
    Loaded load(const QByteArray &sha256, QSize placeholderSize = {}) const;

    // Removes the original `sha256`, which no stored message names any more (a purged
    // conversation's, HistoryStore::purgeDeleted). True when no such file is left.
    bool remove(const QByteArray &sha256);

    // Removes images not in `referenced` and temporary files left by a crash (also in
    // incomingFolder()), when at least `minimumAge` old (so a file written just before its row is
    // committed is left alone). Safe while put() runs on another thread or process: an image is
    // first renamed aside and put back if put() made it young meanwhile.
    GarbageReport collectGarbage(const QSet<QByteArray> &referenced,
                                 std::chrono::seconds minimumAge = std::chrono::hours(1));
    // The same on a thread of `pool`, for start-up: returns at once. Cancelling the future stops
    // the clean-up between two files (what is removed stays removed).
    QFuture<GarbageReport>
    collectGarbageOn(QThreadPool *pool, QSet<QByteArray> referenced,
                     std::chrono::seconds minimumAge = std::chrono::hours(1)) const;

    // A grey image with a cross: "this image is not available".
    static QImage placeholder(QSize size);

private:
    static QString incomingFolderOf(const QString &root);
    static GarbageReport collect(const QString &root, const QSet<QByteArray> &referenced,
                                 std::chrono::seconds minimumAge,
                                 const std::function<bool()> &stopped);
    StorageError writeError(const QString &path, qint64 needed, int osError) const;
    bool intact(const QString &path, const QByteArray &sha256, qint64 size) const;

    QString m_root;
};

} // namespace qvd
