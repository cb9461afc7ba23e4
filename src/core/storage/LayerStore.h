#pragma once

#include "core/grounding/LayerBox.h"
#include "core/storage/StorageError.h"

#include <QJsonArray>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace qvd {

// A layer of boxes kept with a conversation, for one of its images (Part::id): the image's
// ground truth (answerId empty), or a person's corrections of one answer's boxes on it
// (answerId = Message::id). Never part of the answer itself: the answer's text is not touched.
struct StoredLayer
{
    QString imageId;
    QString answerId; // empty: ground truth
    QString source; // ground truth: the file or folder it was read from
    QList<LayerBox> boxes;

    bool isTruth() const { return answerId.isEmpty(); }
    friend bool operator==(const StoredLayer &a, const StoredLayer &b)
    {
        return a.imageId == b.imageId && a.answerId == b.answerId && a.source == b.source
            && a.boxes == b.boxes;
    }
};

// The `layers` table of the history database (schema v5), through a connection of its own to
// the file HistoryStore opened and migrated (WAL lets both use it). Each write is one
// statement, so it is whole or not there. A conversation's layers go when it is purged
// (ON DELETE CASCADE); ones of answers that were dropped since (regenerate, edit and resend)
// are left out when read and removed with the next write.
class LayerStore
{
public:
    LayerStore();
    ~LayerStore();
    LayerStore(const LayerStore &) = delete;
    LayerStore &operator=(const LayerStore &) = delete;

    // `path`: the history database, already opened (and so migrated) by HistoryStore.
    StorageError open(const QString &path);
    void close();
    bool isOpen() const;

    // The conversation's layers, ground truth first, then by image and answer.
    QList<StoredLayer> layers(const QString &conversationId, StorageError *error = nullptr) const;
    // Writes the layer in place of the one for the same image and answer.
    StorageError save(const QString &conversationId, const StoredLayer &layer);
    StorageError remove(const QString &conversationId, const QString &imageId,
                        const QString &answerId);

    // The boxes as stored: the detection JSON of the command line (DetectionJson.h) with an
    // "id" per box; and back (nullopt when it is not such an array).
    static QJsonArray boxesToJson(const QList<LayerBox> &boxes);
    static std::optional<QList<LayerBox>> boxesFromJson(const QJsonArray &array);

private:
    StorageError sqlError(const QSqlError &error) const;

    QString m_connectionName;
    QString m_path;
    QSqlDatabase m_db;
};

} // namespace qvd
