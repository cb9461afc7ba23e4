#include "core/session/AnnotationLayers.h"

#include "core/conversation/ChatSession.h"
#include "core/storage/HistoryStore.h"

namespace qvd {

AnnotationLayers::AnnotationLayers(ChatSession *chat, QObject *parent)
    : QObject(parent), m_chat(chat)
{
    connect(chat, &ChatSession::conversationReset, this, &AnnotationLayers::load);
    connect(chat, &ChatSession::messagesRemoved, this, &AnnotationLayers::dropGoneAnswers);
}

AnnotationLayers::~AnnotationLayers() = default;

void AnnotationLayers::setHistory(HistoryStore *history)
{
    m_history = history;
    m_store.close();
    if (history && history->isOpen()) {
        if (const StorageError error = m_store.open(history->path()))
            Q_EMIT saveFailed(error.userMessage());
    }
    // What was set before the history opened is written once the conversation is in it.
    if (conversationStored())
        conversationSaved(m_chat->conversation().id);
}

bool AnnotationLayers::conversationStored() const
{
    const QString id = m_chat->conversation().id;
    return m_store.isOpen() && !id.isEmpty() && m_history && m_history->contains(id);
}

void AnnotationLayers::load()
{
    const QString id = m_chat->conversation().id;
    // The same conversation set again (its answers reloaded): what waits to be saved stays.
    if (id.isEmpty() || id != m_conversationId)
        m_unsaved.clear();
    for (auto it = m_layers.begin(); it != m_layers.end();)
        it = m_unsaved.contains(it.key()) ? std::next(it) : m_layers.erase(it);
    m_conversationId = id;
    if (!id.isEmpty() && m_store.isOpen()) {
        StorageError error;
        const QList<StoredLayer> stored = m_store.layers(id, &error);
        if (error)
            Q_EMIT saveFailed(error.userMessage());
        for (const StoredLayer &layer : stored) {
            const Key key{layer.imageId, layer.answerId};
            if (!m_unsaved.contains(key))
                m_layers.insert(key, layer);
        }
    }
    dropGoneAnswers();
    Q_EMIT reset();
}

std::optional<StoredLayer> AnnotationLayers::truth(const QString &imageId) const
{
    const auto it = m_layers.constFind(Key{imageId, QString()});
    return it == m_layers.constEnd() ? std::nullopt : std::optional<StoredLayer>(*it);
}

void AnnotationLayers::setTruth(const QString &imageId, const QString &source,
                                const QList<LayerBox> &boxes)
{
    set(Key{imageId, QString()}, StoredLayer{imageId, QString(), source, boxes});
}

void AnnotationLayers::removeTruth(const QString &imageId)
{
    set(Key{imageId, QString()}, std::nullopt);
}

std::optional<QList<LayerBox>> AnnotationLayers::corrections(const QString &answerId,
                                                             const QString &imageId) const
{
    if (answerId.isEmpty())
        return std::nullopt;
    const auto it = m_layers.constFind(Key{imageId, answerId});
    return it == m_layers.constEnd() ? std::nullopt : std::optional<QList<LayerBox>>(it->boxes);
}

void AnnotationLayers::setCorrections(const QString &answerId, const QString &imageId,
                                      const QList<LayerBox> &boxes)
{
    if (!answerId.isEmpty())
        set(Key{imageId, answerId}, StoredLayer{imageId, answerId, QString(), boxes});
}

void AnnotationLayers::removeCorrections(const QString &answerId, const QString &imageId)
{
    if (!answerId.isEmpty())
        set(Key{imageId, answerId}, std::nullopt);
}

QStringList AnnotationLayers::correctedImages(const QString &answerId) const
{
    QStringList images;
    for (auto it = m_layers.constBegin(); it != m_layers.constEnd(); ++it) {
        if (!answerId.isEmpty() && it.key().second == answerId)
            images.append(it.key().first);
    }
    return images;
}

void AnnotationLayers::set(const Key &key, std::optional<StoredLayer> layer)
{
    if (key.first.isEmpty())
        return;
    const auto it = m_layers.constFind(key);
    const bool had = it != m_layers.constEnd();
    if (!layer && !had)
        return;
    if (layer && had && *it == *layer)
        return;
    if (layer)
        m_layers.insert(key, *layer);
    else
        m_layers.remove(key);
    // A layer set on an image before the conversation has an id (still in the composer)
    // belongs to the conversation the question goes into.
    if (m_conversationId.isEmpty())
        m_conversationId = m_chat->conversation().id;
    m_unsaved.insert(key);
    if (conversationStored())
        write(key);
    Q_EMIT layerChanged(key.first, key.second);
}

void AnnotationLayers::write(const Key &key)
{
    const QString conversation = m_chat->conversation().id;
    const auto it = m_layers.constFind(key);
    const StorageError error = it == m_layers.constEnd()
        ? m_store.remove(conversation, key.first, key.second)
        : m_store.save(conversation, *it);
    if (error) {
        Q_EMIT saveFailed(error.userMessage());
        return;
    }
    m_unsaved.remove(key);
}

void AnnotationLayers::conversationSaved(const QString &conversationId)
{
    if (conversationId != m_chat->conversation().id || !conversationStored())
        return;
    m_conversationId = conversationId;
    const QSet<Key> waiting = m_unsaved;
    for (const Key &key : waiting)
        write(key);
}

void AnnotationLayers::dropGoneAnswers()
{
    QSet<QString> answers;
    for (const Message &message : m_chat->conversation().messages)
        answers.insert(message.id);
    QList<Key> gone;
    for (auto it = m_layers.constBegin(); it != m_layers.constEnd(); ++it) {
        if (!it.key().second.isEmpty() && !answers.contains(it.key().second))
            gone.append(it.key());
    }
    for (const Key &key : gone) {
        m_layers.remove(key);
        m_unsaved.remove(key); // the store drops it with its next write
    }
    for (const Key &key : gone)
        Q_EMIT layerChanged(key.first, key.second);
}

} // namespace qvd
