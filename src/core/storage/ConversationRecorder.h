#pragma once

#include "core/imaging/PreparedImage.h"
#include "core/storage/StorageError.h"

#include <QHash>
#include <QImage>
#include <QObject>

namespace qvd {

class ChatSession;
struct ImageSource;
struct Part;
class HistoryStore;
class ImageStore;

// Saves the open conversation as it happens (architecture.md step 7): when an answer ends
// (complete, interrupted or failed), the question and the answer are committed in one
// transaction, their images' originals written to the image store first. Regenerate and
// edit-and-resend drop the replaced messages from the store too. Opening a saved conversation
// loads it into the session. A failed save keeps everything in memory and is tried again
// with the next answer. Without a history (null stores) it only keeps originals in memory.
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

    int savedCount() const { return m_saved; }
    // Bytes of originals held in memory, not yet in the image store.
    qint64 unsavedOriginalBytes() const;

    // The upright original of one of the conversation's images (Part::imageHash): from memory
    // while it is not saved yet, else from the image store; a placeholder if neither has it.
    QImage originalImage(const QString &imageHash) const;

Q_SIGNALS:
    void saved(const QString &conversationId);
    void saveFailed(const QString &message);

private:
    void onAnswerEnded(int index);
    void onMessagesRemoved(int from);
    StorageError saveUpTo(int index);
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
};

} // namespace qvd
