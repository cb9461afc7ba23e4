#include "core/storage/ConversationRecorder.h"

#include "core/conversation/ChatSession.h"
#include "core/grounding/SpaceChoice.h"
#include "core/storage/HistoryStore.h"
#include "core/storage/ImageStore.h"

#include <QBuffer>
#include <QImageReader>
#include <QTimer>

namespace qvd {

ConversationRecorder::ConversationRecorder(ChatSession *session, HistoryStore *history,
                                           ImageStore *images, QObject *parent)
    : QObject(parent),
      m_session(session),
      m_history(history),
      m_images(images),
      m_partialSave(new QTimer(this))
{
    m_partialSave->setSingleShot(true);
    m_partialSave->setInterval(kPartialSaveMs);
    connect(m_partialSave, &QTimer::timeout, this, &ConversationRecorder::flush);
    connect(session, &ChatSession::messageAdded, this, &ConversationRecorder::onMessageAdded);
    connect(session, &ChatSession::messageChanged, this, &ConversationRecorder::onMessageChanged);
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
    for (int m = 0; m < record->messages.size(); ++m) {
        const StoredMessage &stored = record->messages[m];
        Message &message = conversation.messages[m];
        // Image parts come back without their original's hash; it is in the stored image list.
        int next = 0;
        for (Part &part : message.parts) {
            if (part.kind != Part::Kind::Image || next >= stored.images.size())
                continue;
            const ImageSource &source = stored.images[next++];
            part.imageHash = QString::fromLatin1(source.sha256.toHex());
            // Its name and format, for exports and for pairing with ground truth; the bytes
            // stay in the image store.
            if (!m_originals.contains(source.sha256))
                m_originals.insert(source.sha256,
                                   Original{{}, source.byteCount, source.name, source.format});
        }
        // What the row keeps beside the message: the model that answered, the space chosen.
        if (message.role == Message::Role::Assistant) {
            message.modelId = stored.modelId;
            if (stored.space && stored.space->reason == SpaceReason::UserOverride)
                message.spaceOverride = stored.space->space;
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

QString ConversationRecorder::originalName(const QString &imageHash) const
{
    return m_originals.value(QByteArray::fromHex(imageHash.toLatin1())).name;
}

void ConversationRecorder::onMessageAdded(int index)
{
    // A question is saved when it is sent, its answer at once as an empty interrupted one.
    if (m_history && !m_loading)
        saveAndReport(index);
}

void ConversationRecorder::onMessageChanged(int index)
{
    if (!m_history || m_loading)
        return;
    if (m_session->isStreaming(index)) {
        if (!m_partialSave->isActive())
            m_partialSave->start();
        return;
    }
    // A saved message changed afterwards: its space was overridden.
    if (index < m_saved)
        saveAndReport(index);
}

void ConversationRecorder::onAnswerEnded(int index)
{
    m_partialSave->stop();
    if (m_history)
        saveAndReport(index);
}

void ConversationRecorder::flush()
{
    m_partialSave->stop();
    if (!m_history)
        return;
    // Every answer still arriving (several when one question went to several models).
    for (int i = 0; i < m_session->conversation().messages.size(); ++i) {
        if (m_session->isStreaming(i))
            saveAndReport(i);
    }
}

void ConversationRecorder::saveAndReport(int index)
{
    const StorageError error = saveUpTo(index);
    if (error.isError())
        Q_EMIT saveFailed(error.userMessage());
    else
        Q_EMIT saved(m_session->conversation().id);
}

void ConversationRecorder::onMessagesRemoved(int from)
{
    m_partialSave->stop();
    if (!m_history || from >= m_saved)
        return;
    const StorageError error = m_history->truncateConversation(m_session->conversation().id, from);
    if (error.isError()) {
        Q_EMIT saveFailed(error.userMessage());
        return;
    }
    m_saved = from;
}

StoredMessage ConversationRecorder::toStored(int index, StorageError *error)
{
    const Conversation &conversation = m_session->conversation();
    StoredMessage stored;
    stored.message = conversation.messages[index];
    const Message &message = stored.message;
    const bool streaming = m_session->isStreaming(index);
    // Until it ends, an answer in the store is an interrupted one: what a crash leaves.
    if (streaming)
        stored.message.state = Message::State::Interrupted;
    stored.modelId = message.role == Message::Role::Assistant && !message.modelId.isEmpty()
        ? message.modelId
        : conversation.modelId;
    stored.parameters = conversation.parameters;
    for (const Part &part : message.parts) {
        if (part.kind != Part::Kind::Image)
            continue;
        ImageSource source;
        if (StorageError failed = storeOriginal(part, &source)) {
            *error = failed;
            return stored;
        }
        stored.images.append(source);
    }
    stored.detections = m_session->detections(index);
    if (message.spaceOverride)
        stored.space = SpaceChoice{*message.spaceOverride, SpaceReason::UserOverride};
    else if (!stored.detections.isEmpty())
        stored.space = chooseSpace(m_session->model(), stored.detections);
    return stored;
}

StorageError ConversationRecorder::saveUpTo(int index)
{
    const Conversation &conversation = m_session->conversation();
    if (index < 0 || index >= conversation.messages.size())
        return {};
    if (StorageError error = m_history->saveConversation(conversation))
        return error;
    QList<StoredMessage> written;
    for (int i = std::min(m_saved, index); i <= index; ++i) {
        StorageError error;
        StoredMessage stored = toStored(i, &error);
        if (error.isError())
            return error;
        if (StorageError failed = m_history->replaceMessage(conversation.id, i, stored))
            return failed;
        m_saved = std::max(m_saved, i + 1);
        written.append(stored);
    }
    // Saved originals are read back from the store from now on.
    for (const StoredMessage &stored : std::as_const(written)) {
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
