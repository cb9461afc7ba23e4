#pragma once

#include "core/storage/StorageError.h"

#include <QObject>
#include <QTimer>

#include <chrono>

namespace qvd {

class HistoryStore;
class ImageStore;

// Deletes saved conversations with time to change one's mind. remove() hides the conversation
// at once (HistoryStore::markDeleted: one committed update, nothing of it is gone yet); undo()
// brings it back whole; when the undo time passes, or a newer deletion or the end of the app
// (the destructor) comes first, it is purged from the database and the originals only it
// used are removed from the image store. One deletion can be undone at a time.
//
// Killed during the undo time, the app leaves the conversation marked in the file, complete
// and hidden: purgeLeftovers() at the next start finishes the deletion.
class ConversationDeleter : public QObject
{
    Q_OBJECT
public:
    static constexpr std::chrono::milliseconds kDefaultUndoTime{10000};

    ConversationDeleter(HistoryStore *history, ImageStore *images, QObject *parent = nullptr);
    ~ConversationDeleter() override;

    // Marks `id` deleted and starts the undo time; an earlier pending deletion is purged first.
    StorageError remove(const QString &id);
    // Restores the pending deletion. NotFound when none is pending.
    StorageError undo();
    // Purges the pending deletion now, as if its undo time had passed. Nothing pending: no-op.
    StorageError purgeNow();

    QString pendingId() const { return m_pending; }
    bool hasPending() const { return !m_pending.isEmpty(); }
    std::chrono::milliseconds undoTime() const { return m_timer.intervalAsDuration(); }
    void setUndoTime(std::chrono::milliseconds time);

    // Purges every conversation an earlier run marked deleted and did not purge (it ended
    // during an undo time), with the originals only they used.
    static StorageError purgeLeftovers(HistoryStore &history, ImageStore *images);

Q_SIGNALS:
    void removed(const QString &id);
    void restored(const QString &id);
    void purged(const QString &id);
    // Purging after the undo time failed; the conversation stays marked (hidden) and goes at
    // the next start. `message` is for people, translated.
    void purgeFailed(const QString &id, const QString &message);

private:
    static void removeFreedImages(ImageStore *images, const QSet<QByteArray> &freed);

    HistoryStore *m_history;
    ImageStore *m_images;
    QTimer m_timer;
    QString m_pending;
};

} // namespace qvd
