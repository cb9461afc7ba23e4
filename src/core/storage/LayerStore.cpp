#include "core/storage/LayerStore.h"

#include "core/dataset/DetectionJsonImport.h"
#include "core/grounding/DetectionJson.h"
#include "core/storage/StorageCodec.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace qvd {

using namespace storage;

namespace {

constexpr int kBusyTimeoutMs = 5000; // as HistoryStore: another connection may be writing

} // namespace

LayerStore::LayerStore()
    : m_connectionName(QStringLiteral("qvd-layers-")
                       + QUuid::createUuid().toString(QUuid::WithoutBraces))
{ }

LayerStore::~LayerStore()
{
    close();
}

StorageError LayerStore::open(const QString &path)
{
    close();
    m_path = path;
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(path);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(kBusyTimeoutMs));
    if (!m_db.open()) {
        const StorageError error = sqlError(m_db.lastError());
        close();
        return error;
    }
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("PRAGMA foreign_keys = ON"))
        || !q.exec(QStringLiteral("PRAGMA synchronous = FULL"))
        || !q.exec(QStringLiteral("SELECT 1 FROM layers LIMIT 1"))) {
        const StorageError error = sqlError(q.lastError());
        close();
        return error;
    }
    return {};
}

void LayerStore::close()
{
    if (!m_db.isValid())
        return;
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool LayerStore::isOpen() const
{
    return m_db.isValid() && m_db.isOpen();
}

StorageError LayerStore::sqlError(const QSqlError &error) const
{
    return StorageError::fromSql(error, m_path);
}

QList<StoredLayer> LayerStore::layers(const QString &conversationId, StorageError *error) const
{
    QList<StoredLayer> result;
    if (!isOpen()) {
        if (error)
            *error = StorageError::make(StorageError::Kind::CannotOpen, m_path);
        return result;
    }
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    // An answer dropped since its corrections were saved has no message any more.
    q.prepare(QStringLiteral("SELECT image_uid, answer_uid, source, boxes FROM layers l"
                             " WHERE conversation_id = ? AND (answer_uid = '' OR EXISTS"
                             " (SELECT 1 FROM messages m WHERE m.conversation_id ="
                             " l.conversation_id AND m.uid = l.answer_uid))"
                             " ORDER BY answer_uid <> '', image_uid, answer_uid"));
    q.addBindValue(conversationId);
    if (!q.exec()) {
        if (error)
            *error = sqlError(q.lastError());
        return result;
    }
    while (q.next()) {
        const auto boxes = boxesFromJson(jsonArray(q.value(3).toString()));
        if (!boxes)
            continue; // a row that cannot be read is left out, not the conversation
        result.append(
            {q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), *boxes});
    }
    return result;
}

StorageError LayerStore::save(const QString &conversationId, const StoredLayer &layer)
{
    if (!isOpen())
        return StorageError::make(StorageError::Kind::CannotOpen, m_path);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO layers (conversation_id, image_uid,"
                             " answer_uid, source, boxes, updated_at) VALUES (?, ?, ?, ?, ?, ?)"));
    q.addBindValue(conversationId);
    q.addBindValue(textValue(layer.imageId));
    q.addBindValue(textValue(layer.answerId));
    q.addBindValue(textValue(layer.source));
    q.addBindValue(jsonText(boxesToJson(layer.boxes)));
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!q.exec())
        return sqlError(q.lastError());
    // Corrections of answers that are gone (regenerated, edited and resent).
    q.prepare(QStringLiteral("DELETE FROM layers WHERE conversation_id = ? AND answer_uid <> ''"
                             " AND NOT EXISTS (SELECT 1 FROM messages m WHERE"
                             " m.conversation_id = layers.conversation_id"
                             " AND m.uid = layers.answer_uid)"));
    q.addBindValue(conversationId);
    if (!q.exec())
        return sqlError(q.lastError());
    return {};
}

StorageError LayerStore::remove(const QString &conversationId, const QString &imageId,
                                const QString &answerId)
{
    if (!isOpen())
        return StorageError::make(StorageError::Kind::CannotOpen, m_path);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM layers WHERE conversation_id = ? AND image_uid = ?"
                             " AND answer_uid = ?"));
    q.addBindValue(conversationId);
    q.addBindValue(textValue(imageId));
    q.addBindValue(textValue(answerId));
    return q.exec() ? StorageError() : sqlError(q.lastError());
}

QJsonArray LayerStore::boxesToJson(const QList<LayerBox> &boxes)
{
    QJsonArray array;
    for (const LayerBox &box : boxes) {
        MappedDetection d = box.detection;
        d.image.reset(); // a layer is of one image, named by its id
        d.hidden = false;
        QJsonObject object = detectionToJson(d);
        object.insert(QStringLiteral("id"), box.id);
        array.append(object);
    }
    return array;
}

std::optional<QList<LayerBox>> LayerStore::boxesFromJson(const QJsonArray &array)
{
    QList<LayerBox> boxes;
    if (array.isEmpty())
        return boxes;
    QString error;
    const auto image = DetectionJsonImport::read(QJsonDocument(array), &error);
    if (!image || image->detections.size() != array.size())
        return std::nullopt;
    for (qsizetype i = 0; i < array.size(); ++i)
        boxes.append({array.at(i).toObject().value(QLatin1String("id")).toString(),
                      image->detections.at(i)});
    return boxes;
}

} // namespace qvd
