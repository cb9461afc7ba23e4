#pragma once

#include "core/storage/LayerStore.h"

#include <QHash>
#include <QObject>
#include <QSet>

#include <optional>

namespace qvd {

class ChatSession;
class HistoryStore;

// The open conversation's layers beside its answers (docs/architecture.md, "Who owns what"):
// per image (Part::id) its ground truth, and per answer and image a person's corrections of
// the answer's boxes. The answer's own text and boxes are never changed. Layers are saved with
// the conversation (LayerStore) as soon as it is in the history; until then (an image still in
// the composer, a first question not saved yet) they wait in memory and are written with the
// conversation's first save. Opening a conversation reads its layers.
class AnnotationLayers : public QObject
{
    Q_OBJECT
public:
    explicit AnnotationLayers(ChatSession *chat, QObject *parent = nullptr);
    ~AnnotationLayers() override;

    // The history the conversation is saved in (null: layers live in memory only).
    void setHistory(HistoryStore *history);

    std::optional<StoredLayer> truth(const QString &imageId) const;
    void setTruth(const QString &imageId, const QString &source, const QList<LayerBox> &boxes);
    void removeTruth(const QString &imageId);

    // The person's boxes for this answer on this image; nullopt: the answer as it came.
    std::optional<QList<LayerBox>> corrections(const QString &answerId,
                                               const QString &imageId) const;
    void setCorrections(const QString &answerId, const QString &imageId,
                        const QList<LayerBox> &boxes);
    void removeCorrections(const QString &answerId, const QString &imageId);
    // The images this answer has corrections on.
    QStringList correctedImages(const QString &answerId) const;

    // Writes what waits for the conversation to be saved (the recorder saved it).
    void conversationSaved(const QString &conversationId);

Q_SIGNALS:
    // A layer changed (set, removed, or read with an opened conversation). answerId empty:
    // the image's ground truth.
    void layerChanged(const QString &imageId, const QString &answerId);
    // The whole set was read again (another conversation).
    void reset();
    // A layer could not be written; translated. It is kept in memory and tried again.
    void saveFailed(const QString &message);

private:
    using Key = QPair<QString, QString>; // image id, answer id ("" for ground truth)

    void load();
    void set(const Key &key, std::optional<StoredLayer> layer);
    void write(const Key &key);
    void dropGoneAnswers();
    bool conversationStored() const;

    ChatSession *m_chat;
    HistoryStore *m_history = nullptr;
    LayerStore m_store;
    QString m_conversationId; // whose layers these are
    QHash<Key, StoredLayer> m_layers;
    QSet<Key> m_unsaved; // changed (or removed) and not written yet
};

} // namespace qvd
