#pragma once

#include "core/imaging/PreparedImage.h"
#include "core/storage/StorageError.h"
#include "core/storage/StoredMessage.h"

#include <QHash>
#include <QImage>
#include <QObject>

class QTimer;

namespace qvd {

class ChatSession;
struct ImageSource;
struct Part;
class HistoryStore;
class ImageStore;

// Saves the open conversation as it happens (docs/architecture.md, "Saving"): the question
// with its images' originals (written to the image store first) the moment it is sent; the
// answer at once as an empty interrupted message, then its text as it streams (at most once per
// kPartialSaveMs) still marked interrupted, and once more when it ends with its final state.
// So a crash or a kill loses at most the last second of an answer. A message whose coordinate
// space is overridden later is written again. Regenerate and edit-and-resend drop the replaced
// messages from the store too. Opening a saved conversation loads it into the session. A
// failed save keeps everything in memory and is tried again with the next change. Without a
// history (null stores) it only keeps originals in memory.
class ConversationRecorder : public QObject
{
    Q_OBJECT
public:
    ConversationRecorder(ChatSession *session, HistoryStore *history, ImageStore *images,
                         QObject *parent = nullptr);

    // Stores opened after the recorder was made (the app opens its history after the first
    // frame). What the session holds now is saved with its next answer.
    void setStores(HistoryStore *history, ImageStore *images);
    // The original file of an image about to be sent; its bytes are kept in memory until its
    // message is saved (for good without a history).
    void addOriginal(const PreparedImage &image);
    // Loads a saved conversation into the session. False (and a message) if it cannot be read.
    bool open(const QString &conversationId);
    // Starts an empty conversation (saved once its first answer ends).
    void startNew();

    static constexpr int kPartialSaveMs = 1000;

    int savedCount() const { return m_saved; }
    // Writes the answer being streamed now, as it is (the app is about to end).
    void flush();
    // Bytes of originals held in memory, not yet in the image store.
    qint64 unsavedOriginalBytes() const;

    // The upright original of one of the conversation's images (Part::imageHash): from memory
    // while it is not saved yet, else from the image store; a placeholder if neither has it.
    QImage originalImage(const QString &imageHash) const;
    // The original file's name (as the person gave it, e.g. "yard.jpg"); empty if unknown.
    QString originalName(const QString &imageHash) const;

Q_SIGNALS:
    void saved(const QString &conversationId);
    void saveFailed(const QString &message);

private:
    void onMessageAdded(int index);
    void onMessageChanged(int index);
    void onAnswerEnded(int index);
    void onMessagesRemoved(int from);
    // Writes every message up to `index`: the ones not in the store yet are appended, and
    // `index` itself is written again if it is (its text or space changed).
    StorageError saveUpTo(int index);
    void saveAndReport(int index);
    StoredMessage toStored(int index, StorageError *error);
    // Where an image part's original is in the store, writing it there first if needed.
    StorageError storeOriginal(const Part &part, ImageSource *source);

    struct Original
    {
        QByteArray bytes; // dropped once the file is in the image store
        qint64 size = 0;
        QString name;
        QString format;
    };

    ChatSession *m_session;
    HistoryStore *m_history;
    ImageStore *m_images;
    QHash<QByteArray, Original> m_originals; // by raw SHA-256
    int m_saved = 0; // messages of the session's conversation already in the store
    bool m_loading = false;
    QTimer *m_partialSave;
};

} // namespace qvd
