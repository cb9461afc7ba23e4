#include "core/storage/ConversationDeleter.h"

#include "core/storage/HistoryStore.h"
#include "core/storage/ImageStore.h"

#include <QSet>

namespace qvd {

ConversationDeleter::ConversationDeleter(HistoryStore *history, ImageStore *images, QObject *parent)
    : QObject(parent), m_history(history), m_images(images)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(kDefaultUndoTime);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        const QString id = m_pending;
        if (const StorageError error = purgeNow())
            Q_EMIT purgeFailed(id, error.userMessage());
    });
}

ConversationDeleter::~ConversationDeleter()
{
    // The app ends within the undo time: the deletion is final now. Should this fail, the
    // mark stays and purgeLeftovers() finishes it at the next start.
    const QSignalBlocker quiet(this);
    purgeNow();
}

void ConversationDeleter::setUndoTime(std::chrono::milliseconds time)
{
    m_timer.setInterval(time);
}

StorageError ConversationDeleter::remove(const QString &id)
{
    if (!m_history)
        return StorageError::make(StorageError::Kind::CannotOpen, QString(),
                                  QStringLiteral("no history"));
    if (id == m_pending)
        return {};
    const QString earlier = m_pending;
    if (StorageError error = purgeNow()) {
        // The earlier one stays hidden and is purged at the next start; go on with this one.
        Q_EMIT purgeFailed(earlier, error.userMessage());
    }
    if (StorageError error = m_history->markDeleted(id))
        return error;
    m_pending = id;
    m_timer.start();
    Q_EMIT removed(id);
    return {};
}

StorageError ConversationDeleter::undo()
{
    if (m_pending.isEmpty())
        return StorageError::make(StorageError::Kind::NotFound, QString(),
                                  QStringLiteral("no deletion to undo"));
    m_timer.stop();
    const QString id = m_pending;
    m_pending.clear();
    if (StorageError error = m_history->restoreDeleted(id))
        return error;
    Q_EMIT restored(id);
    return {};
}

StorageError ConversationDeleter::purgeNow()
{
    m_timer.stop();
    if (m_pending.isEmpty())
        return {};
    const QString id = m_pending;
    m_pending.clear();
    QSet<QByteArray> freed;
    const StorageError error = m_history->purgeDeleted(id, &freed);
    // NotFound: already gone (another window of the app purged it at its start).
    if (error && error.kind != StorageError::Kind::NotFound)
        return error;
    removeFreedImages(m_images, freed);
    Q_EMIT purged(id);
    return {};
}

StorageError ConversationDeleter::purgeLeftovers(HistoryStore &history, ImageStore *images)
{
    QSet<QByteArray> freed;
    const StorageError error = history.purgeAllDeleted(&freed);
    removeFreedImages(images, freed);
    return error;
}

void ConversationDeleter::removeFreedImages(ImageStore *images, const QSet<QByteArray> &freed)
{
    if (!images)
        return;
    // No row names these any more and this thread writes each original just before committing
    // its row (ConversationRecorder::saveUpTo), so none is about to be named again. A file
    // that cannot be removed now is found by ImageStore::collectGarbage at a later start.
    for (const QByteArray &sha256 : freed)
        images->remove(sha256);
}

} // namespace qvd
