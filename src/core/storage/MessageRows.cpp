#include "core/storage/MessageRows.h"

#include "core/storage/HistorySchema.h"
#include "core/storage/StorageCodec.h"

#include <QHash>
#include <QSqlQuery>
#include <QVariant>

namespace qvd::storage {

namespace {

QVariant nullInt()
{
    return QVariant(QMetaType::fromType<qint64>());
}
QVariant nullText()
{
    return QVariant(QMetaType::fromType<QString>());
}
QVariant nullReal()
{
    return QVariant(QMetaType::fromType<double>());
}

bool exec(QSqlQuery &query, QSqlError *error)
{
    if (query.exec())
        return true;
    *error = query.lastError();
    return false;
}

bool insertImage(QSqlDatabase &db, const ImageSource &source, const ImageTransform &transform,
                 QSqlError *error)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("INSERT OR IGNORE INTO images (sha256, byte_count, width, height,"
                                 " format) VALUES (?, ?, ?, ?, ?)"));
    query.addBindValue(hexOf(source.sha256));
    query.addBindValue(source.byteCount);
    query.addBindValue(transform.originalSize.width());
    query.addBindValue(transform.originalSize.height());
    query.addBindValue(textValue(source.format));
    return exec(query, error);
}

bool insertParts(QSqlDatabase &db, const StoredMessage &message, QSqlError *error)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
        "INSERT INTO parts (message_id, position, kind, text, image_url, sent_mime, sent_data,"
        " image_sha256, image_name, transform, min_pixels, max_pixels, x, y, width, height,"
        " point_x, point_y, is_point, image_index, uid, image_uid)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    int imageNumber = 0;
    const QList<Part> &parts = message.message.parts;
    for (int position = 0; position < parts.size(); ++position) {
        const Part &part = parts.at(position);
        const bool image = part.kind == Part::Kind::Image;
        const ImageSource source = image ? message.images.value(imageNumber++) : ImageSource{};
        if (!source.sha256.isEmpty() && !insertImage(db, source, part.transform, error))
            return false;
        // A data: URI is stored as its bytes (sent_mime, sent_data), a URL as text (image_url);
        // ImageUrl splits only canonical base64, so the URI comes back byte for byte.
        const bool split = image && part.imageUrl.isData();
        const bool region = part.kind == Part::Kind::Region;
        query.addBindValue(message.id);
        query.addBindValue(position);
        query.addBindValue(textValue(partKindName(part.kind)));
        query.addBindValue(textValue(part.text));
        query.addBindValue(split || !image ? nullText() : QVariant(part.imageUrl.toString()));
        query.addBindValue(split ? QVariant(part.imageUrl.mimeType()) : nullText());
        query.addBindValue(split ? QVariant(part.imageUrl.data())
                                 : QVariant(QMetaType::fromType<QByteArray>()));
        query.addBindValue(source.sha256.isEmpty() ? nullText() : QVariant(hexOf(source.sha256)));
        query.addBindValue(textValue(source.name));
        query.addBindValue(image ? QVariant(jsonText(transformToJson(part.transform)))
                                 : nullText());
        query.addBindValue(part.minPixels);
        query.addBindValue(part.maxPixels);
        query.addBindValue(region ? QVariant(part.rect.x()) : nullReal());
        query.addBindValue(region ? QVariant(part.rect.y()) : nullReal());
        query.addBindValue(region ? QVariant(part.rect.width()) : nullReal());
        query.addBindValue(region ? QVariant(part.rect.height()) : nullReal());
        query.addBindValue(region ? QVariant(part.point.x()) : nullReal());
        query.addBindValue(region ? QVariant(part.point.y()) : nullReal());
        query.addBindValue(part.isPoint ? 1 : 0);
        query.addBindValue(part.imageIndex);
        query.addBindValue(textValue(part.id));
        query.addBindValue(textValue(part.imageId));
        if (!exec(query, error))
            return false;
    }
    return true;
}

bool insertDetections(QSqlDatabase &db, const StoredMessage &message, QSqlError *error)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
        "INSERT INTO detections (message_id, position, kind, label, attributes, x, y, width,"
        " height, quad, image_index, source_start, source_length, syntax)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (int position = 0; position < message.detections.size(); ++position) {
        const Detection &d = message.detections.at(position);
        query.addBindValue(message.id);
        query.addBindValue(position);
        query.addBindValue(textValue(detectionKindName(d.kind)));
        query.addBindValue(textValue(d.label));
        query.addBindValue(jsonText(QJsonObject::fromVariantMap(d.attributes)));
        query.addBindValue(d.rect.x());
        query.addBindValue(d.rect.y());
        query.addBindValue(d.rect.width());
        query.addBindValue(d.rect.height());
        query.addBindValue(d.quad.isEmpty() ? nullText() : QVariant(jsonText(quadToJson(d.quad))));
        query.addBindValue(d.imageIndex ? QVariant(*d.imageIndex) : nullInt());
        query.addBindValue(qint64(d.sourceStart));
        query.addBindValue(qint64(d.sourceLength));
        query.addBindValue(textValue(syntaxName(d.syntax)));
        if (!exec(query, error))
            return false;
    }
    return true;
}

bool insertMessageRow(QSqlDatabase &db, const QString &conversationId, int position,
                      StoredMessage &stored, QSqlError *error)
{
    const Message &m = stored.message;
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
        "INSERT INTO messages (conversation_id, position, role, text, reasoning, model_id,"
        " parameters, input_tokens, output_tokens, image_tokens, request_id, finish_reason, state,"
        " coordinate_space, space_reason, created_at, uid)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(textValue(conversationId));
    query.addBindValue(position);
    query.addBindValue(textValue(roleName(m.role)));
    query.addBindValue(textValue(m.text));
    query.addBindValue(textValue(m.reasoning));
    query.addBindValue(textValue(stored.modelId));
    query.addBindValue(jsonText(parametersToJson(stored.parameters)));
    query.addBindValue(m.usage.inputTokens);
    query.addBindValue(m.usage.outputTokens);
    query.addBindValue(m.usage.imageTokens);
    query.addBindValue(textValue(m.requestId));
    query.addBindValue(textValue(m.finishReason));
    query.addBindValue(textValue(stateName(m.state)));
    query.addBindValue(stored.space ? QVariant(spaceName(stored.space->space)) : nullText());
    query.addBindValue(stored.space ? QVariant(spaceReasonName(stored.space->reason)) : nullText());
    query.addBindValue(toMsecs(stored.createdAt));
    query.addBindValue(textValue(m.id));
    if (!exec(query, error))
        return false;
    stored.id = query.lastInsertId().toLongLong();
    return true;
}

Part partFromRow(const QSqlQuery &q)
{
    // Columns: see the SELECT in loadParts.
    Part part;
    part.kind = partKindFromName(q.value(1).toString()).value_or(Part::Kind::Text);
    part.text = q.value(2).toString();
    if (part.kind == Part::Kind::Image) {
        part.imageUrl = q.value(3).isNull() && !q.value(5).isNull()
            ? ImageUrl::fromData(q.value(5).toByteArray(), q.value(4).toString())
            : ImageUrl::fromString(q.value(3).toString());
        part.transform = transformFromJson(jsonObject(q.value(8).toString()));
    }
    part.minPixels = q.value(9).toLongLong();
    part.maxPixels = q.value(10).toLongLong();
    if (part.kind == Part::Kind::Region) {
        part.rect = QRectF(q.value(11).toDouble(), q.value(12).toDouble(), q.value(13).toDouble(),
                           q.value(14).toDouble());
        part.point = QPointF(q.value(15).toDouble(), q.value(16).toDouble());
    }
    part.isPoint = q.value(17).toInt() != 0;
    part.imageIndex = q.value(18).toInt();
    part.id = q.value(21).toString();
    part.imageId = q.value(22).toString();
    return part;
}

bool loadParts(QSqlDatabase &db, const QString &conversationId,
               const QHash<qint64, qsizetype> &index, QList<StoredMessage> *messages,
               QSqlError *error)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT p.message_id, p.kind, p.text, p.image_url, p.sent_mime, p.sent_data,"
        " p.image_sha256, p.image_name, p.transform, p.min_pixels, p.max_pixels, p.x, p.y,"
        " p.width, p.height, p.point_x, p.point_y, p.is_point, p.image_index, i.byte_count,"
        " i.format, p.uid, p.image_uid FROM messages m JOIN parts p ON p.message_id = m.id"
        " LEFT JOIN images i ON i.sha256 = p.image_sha256"
        " WHERE m.conversation_id = ? ORDER BY m.position, p.position"));
    q.addBindValue(textValue(conversationId));
    if (!exec(q, error))
        return false;
    while (q.next()) {
        StoredMessage &stored = (*messages)[index.value(q.value(0).toLongLong())];
        const Part part = partFromRow(q);
        stored.message.parts.append(part);
        if (part.kind != Part::Kind::Image)
            continue;
        ImageSource source;
        source.sha256 = sha256FromHex(q.value(6).toString());
        source.name = q.value(7).toString();
        source.byteCount = q.value(19).toLongLong();
        source.format = q.value(20).toString();
        stored.images.append(source);
    }
    for (StoredMessage &stored : *messages)
        stored.images = trimmedSources(stored.images);
    return true;
}

Detection detectionFromRow(const QSqlQuery &q)
{
    Detection d;
    d.kind = detectionKindFromName(q.value(1).toString()).value_or(DetectionKind::Box);
    d.label = q.value(2).toString();
    d.attributes = jsonObject(q.value(3).toString()).toVariantMap();
    d.rect = QRectF(q.value(4).toDouble(), q.value(5).toDouble(), q.value(6).toDouble(),
                    q.value(7).toDouble());
    if (!q.value(8).isNull())
        d.quad = quadFromJson(jsonArray(q.value(8).toString()));
    if (!q.value(9).isNull())
        d.imageIndex = q.value(9).toInt();
    d.sourceStart = q.value(10).toLongLong();
    d.sourceLength = q.value(11).toLongLong();
    d.syntax = syntaxFromName(q.value(12).toString()).value_or(GroundingSyntax::Json);
    return d;
}

bool loadDetections(QSqlDatabase &db, const QString &conversationId,
                    const QHash<qint64, qsizetype> &index, QList<StoredMessage> *messages,
                    QSqlError *error)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT d.message_id, d.kind, d.label, d.attributes, d.x, d.y, d.width, d.height, d.quad,"
        " d.image_index, d.source_start, d.source_length, d.syntax"
        " FROM messages m JOIN detections d ON d.message_id = m.id"
        " WHERE m.conversation_id = ? ORDER BY m.position, d.position"));
    q.addBindValue(textValue(conversationId));
    if (!exec(q, error))
        return false;
    while (q.next())
        (*messages)[index.value(q.value(0).toLongLong())].detections.append(detectionFromRow(q));
    return true;
}

StoredMessage messageFromRow(const QSqlQuery &q)
{
    StoredMessage stored;
    stored.id = q.value(0).toLongLong();
    Message &m = stored.message;
    m.role = roleFromName(q.value(1).toString()).value_or(Message::Role::User);
    m.text = q.value(2).toString();
    m.reasoning = q.value(3).toString();
    stored.modelId = q.value(4).toString();
    stored.parameters = parametersFromJson(jsonObject(q.value(5).toString()));
    m.usage.inputTokens = q.value(6).toLongLong();
    m.usage.outputTokens = q.value(7).toLongLong();
    m.usage.imageTokens = q.value(8).toLongLong();
    m.requestId = q.value(9).toString();
    m.finishReason = q.value(10).toString();
    m.state = stateFromName(q.value(11).toString()).value_or(Message::State::Complete);
    const auto space = spaceFromName(q.value(12).toString());
    if (space) {
        const auto reason = spaceReasonFromName(q.value(13).toString());
        stored.space = SpaceChoice{*space, reason.value_or(SpaceReason::SyntaxDefault)};
    }
    stored.createdAt = fromMsecs(q.value(14).toLongLong());
    m.id = q.value(15).toString();
    return stored;
}

} // namespace

QList<ImageSource> trimmedSources(QList<ImageSource> sources)
{
    while (!sources.isEmpty() && sources.constLast() == ImageSource{})
        sources.removeLast();
    return sources;
}

bool insertMessage(QSqlDatabase &db, const QString &conversationId, int position,
                   StoredMessage &message, QSqlError *error)
{
    if (!message.createdAt.isValid())
        message.createdAt = fromMsecs(QDateTime::currentMSecsSinceEpoch());
    message.images = trimmedSources(message.images);
    return insertMessageRow(db, conversationId, position, message, error)
        && insertParts(db, message, error) && insertDetections(db, message, error)
        && indexSearchText(db, conversationId, message.id, message.message.plainText(), error);
}

bool loadMessages(QSqlDatabase &db, const QString &conversationId, QList<StoredMessage> *messages,
                  QSqlError *error)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT id, role, text, reasoning, model_id, parameters, input_tokens, output_tokens,"
        " image_tokens, request_id, finish_reason, state, coordinate_space, space_reason,"
        " created_at, uid FROM messages WHERE conversation_id = ? ORDER BY position"));
    q.addBindValue(textValue(conversationId));
    if (!exec(q, error))
        return false;
    QHash<qint64, qsizetype> index;
    while (q.next()) {
        messages->append(messageFromRow(q));
        index.insert(messages->constLast().id, messages->size() - 1);
    }
    return loadParts(db, conversationId, index, messages, error)
        && loadDetections(db, conversationId, index, messages, error);
}

} // namespace qvd::storage
