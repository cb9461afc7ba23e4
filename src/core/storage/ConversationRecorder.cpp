#include "core/storage/ConversationRecorder.h"

#include "core/conversation/ChatSession.h"
#include "core/grounding/SpaceChoice.h"
#include "core/storage/HistoryStore.h"
#include "core/storage/ImageStore.h"

#include <QBuffer>
#include <QImageReader>

namespace qvd {

ConversationRecorder::ConversationRecorder(ChatSession *session, HistoryStore *history,
                                           ImageStore *images, QObject *parent)
    : QObject(parent), m_session(session), m_history(history), m_images(images)
{
    connect(session, &ChatSession::answerFinished, this, &ConversationRecorder::onAnswerEnded);
    connect(session, &ChatSession::answerFailed, this, [this](int index) { onAnswerEnded(index); });
    connect(session, &ChatSession::messagesRemoved, this, &ConversationRecorder::onMessagesRemoved);
    connect(session, &ChatSession::conversationReset, this, [this] {
        // A conversation put into the session from elsewhere counts as saved as it is.
        if (!m_loading)
            m_saved = int(m_session->conversation().messages.size());
    });
}

void ConversationRecorder::setStores(HistoryStore *history, ImageStore *images)
{
    m_history = history;
    m_images = images;
}

void ConversationRecorder::addOriginal(const PreparedImage &image)
{
    if (!image.sourceSha256.isEmpty())
        m_originals.insert(image.sourceSha256,
                           Original{image.sourceBytes, image.sourceBytes.size(), image.sourceName,
                                    image.sourceFormat});
}

bool ConversationRecorder::open(const QString &conversationId)
{
    if (!m_history)
        return false;
    StorageError error;
    const auto record = m_history->conversation(conversationId, &error);
    if (!record) {
        Q_EMIT saveFailed(error.userMessage());
        return false;
    }
    Conversation conversation = record->toConversation();
    // Image parts come back without their original's hash; it is in the stored image list.
    for (int m = 0; m < record->messages.size(); ++m) {
        const QList<ImageSource> &sources = record->messages[m].images;
        int next = 0;
        for (Part &part : conversation.messages[m].parts) {
            if (part.kind == Part::Kind::Image && next < sources.size())
                part.imageHash = QString::fromLatin1(sources[next++].sha256.toHex());
        }
    }
    m_loading = true;
    m_session->setConversation(conversation);
    m_loading = false;
    m_saved = int(conversation.messages.size());
    return true;
}

void ConversationRecorder::startNew()
{
    m_loading = true;
    m_session->setConversation(Conversation());
    m_loading = false;
    m_saved = 0;
}

QImage ConversationRecorder::originalImage(const QString &imageHash) const
{
    const QByteArray sha = QByteArray::fromHex(imageHash.toLatin1());
    const auto original = m_originals.constFind(sha);
    if (original != m_originals.constEnd() && !original->bytes.isEmpty()) {
        QBuffer buffer;
        buffer.setData(original->bytes);
        QImageReader reader(&buffer);
        reader.setAutoTransform(true);
        const QImage image = reader.read();
        if (!image.isNull())
            return image;
    }
    if (m_images)
        return m_images->load(sha).image;
    return ImageStore::placeholder(QSize(640, 480));
}

void ConversationRecorder::onAnswerEnded(int index)
{
    if (!m_history)
        return;
    const StorageError error = saveUpTo(index);
    if (error.isError())
        Q_EMIT saveFailed(error.userMessage());
    else
        Q_EMIT saved(m_session->conversation().id);
}

void ConversationRecorder::onMessagesRemoved(int from)
{
    if (!m_history || from >= m_saved)
        return;
    const StorageError error = m_history->truncateConversation(m_session->conversation().id, from);
    if (error.isError()) {
        Q_EMIT saveFailed(error.userMessage());
        return;
    }
    m_saved = from;
}

StorageError ConversationRecorder::saveUpTo(int index)
{
    const Conversation &conversation = m_session->conversation();
    if (StorageError error = m_history->saveConversation(conversation))
        return error;
    QList<StoredMessage> batch;
    for (int i = m_saved; i <= index && i < conversation.messages.size(); ++i) {
        StoredMessage stored;
        stored.message = conversation.messages[i];
        stored.modelId = conversation.modelId;
        stored.parameters = conversation.parameters;
        for (const Part &part : stored.message.parts) {
            if (part.kind != Part::Kind::Image)
                continue;
            ImageSource source;
            if (StorageError error = storeOriginal(part, &source))
                return error;
            stored.images.append(source);
        }
        stored.detections = m_session->detections(i);
        if (!stored.detections.isEmpty())
            stored.space = chooseSpace(m_session->model(), stored.detections);
        batch.append(stored);
    }
    if (batch.isEmpty())
        return {};
    if (StorageError error = m_history->commitMessages(conversation.id, batch))
        return error;
    m_saved = index + 1;
    // Saved originals are read back from the store from now on.
    for (const StoredMessage &stored : std::as_const(batch)) {
        for (const ImageSource &source : stored.images) {
            const auto original = m_originals.find(source.sha256);
            if (original != m_originals.end())
                original->bytes.clear();
        }
    }
    return {};
}

StorageError ConversationRecorder::storeOriginal(const Part &part, ImageSource *source)
{
    const QByteArray sha = QByteArray::fromHex(part.imageHash.toLatin1());
    const auto original = m_originals.constFind(sha);
    if (original == m_originals.constEnd())
        return {};
    if (!original->bytes.isEmpty()) {
        // The original goes to disk before the row that names it.
        const ImageStore::PutResult put = m_images->put(original->bytes);
        if (!put.ok())
            return put.error;
    } else if (!m_images->contains(sha)) {
        return {}; // saved before, and gone since: the row keeps what was sent
    }
    *source = ImageSource{sha, original->size, original->name, original->format};
    return {};
}

qint64 ConversationRecorder::unsavedOriginalBytes() const
{
    qint64 total = 0;
    for (const Original &original : m_originals)
        total += original.bytes.size();
    return total;
}

} // namespace qvd
