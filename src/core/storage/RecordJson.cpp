#include "core/storage/RecordJson.h"

#include "core/storage/StorageCodec.h"

namespace qvd::storage {

namespace {

QString key(const char16_t *name)
{
    return QString::fromUtf16(name);
}

QJsonObject partToJson(const Part &part)
{
    QJsonObject o{{key(u"kind"), partKindName(part.kind)}, {key(u"text"), part.text}};
    if (part.kind == Part::Kind::Image) {
        o.insert(key(u"image_url"), part.imageUrl.toString());
        o.insert(key(u"transform"), transformToJson(part.transform));
    }
    o.insert(key(u"min_pixels"), part.minPixels);
    o.insert(key(u"max_pixels"), part.maxPixels);
    if (part.kind == Part::Kind::Region) {
        o.insert(key(u"rect"),
                 QJsonArray{part.rect.x(), part.rect.y(), part.rect.width(), part.rect.height()});
        o.insert(key(u"point"), QJsonArray{part.point.x(), part.point.y()});
    }
    o.insert(key(u"is_point"), part.isPoint);
    o.insert(key(u"image_index"), part.imageIndex);
    if (!part.id.isEmpty())
        o.insert(key(u"id"), part.id);
    if (!part.imageId.isEmpty())
        o.insert(key(u"image_id"), part.imageId);
    return o;
}

} // namespace

Part partFromJson(const QJsonObject &o)
{
    Part part;
    part.kind = partKindFromName(o.value(key(u"kind")).toString()).value_or(Part::Kind::Text);
    part.text = o.value(key(u"text")).toString();
    part.imageUrl = ImageUrl::fromString(o.value(key(u"image_url")).toString());
    if (part.kind == Part::Kind::Image)
        part.transform = transformFromJson(o.value(key(u"transform")).toObject());
    part.minPixels = o.value(key(u"min_pixels")).toInteger();
    part.maxPixels = o.value(key(u"max_pixels")).toInteger();
    const QJsonArray rect = o.value(key(u"rect")).toArray();
    const QJsonArray point = o.value(key(u"point")).toArray();
    if (rect.size() == 4) {
        part.rect = QRectF(rect.at(0).toDouble(), rect.at(1).toDouble(), rect.at(2).toDouble(),
                           rect.at(3).toDouble());
    }
    if (point.size() == 2)
        part.point = QPointF(point.at(0).toDouble(), point.at(1).toDouble());
    part.isPoint = o.value(key(u"is_point")).toBool();
    part.imageIndex = o.value(key(u"image_index")).toInt(-1);
    part.id = o.value(key(u"id")).toString();
    part.imageId = o.value(key(u"image_id")).toString();
    return part;
}

namespace {

QJsonObject detectionToJson(const Detection &d)
{
    QJsonObject o{
        {key(u"kind"), detectionKindName(d.kind)},
        {key(u"label"), d.label},
        {key(u"attributes"), QJsonObject::fromVariantMap(d.attributes)},
        {key(u"rect"), QJsonArray{d.rect.x(), d.rect.y(), d.rect.width(), d.rect.height()}},
        {key(u"source_start"), qint64(d.sourceStart)},
        {key(u"source_length"), qint64(d.sourceLength)},
        {key(u"syntax"), syntaxName(d.syntax)},
    };
    if (!d.quad.isEmpty())
        o.insert(key(u"quad"), quadToJson(d.quad));
    if (d.imageIndex)
        o.insert(key(u"image_index"), *d.imageIndex);
    return o;
}

Detection detectionFromJson(const QJsonObject &o)
{
    Detection d;
    d.kind = detectionKindFromName(o.value(key(u"kind")).toString()).value_or(DetectionKind::Box);
    d.label = o.value(key(u"label")).toString();
    d.attributes = o.value(key(u"attributes")).toObject().toVariantMap();
    const QJsonArray rect = o.value(key(u"rect")).toArray();
    d.rect = QRectF(rect.at(0).toDouble(), rect.at(1).toDouble(), rect.at(2).toDouble(),
                    rect.at(3).toDouble());
    d.quad = quadFromJson(o.value(key(u"quad")).toArray());
    if (o.contains(key(u"image_index")))
        d.imageIndex = o.value(key(u"image_index")).toInt();
    d.sourceStart = o.value(key(u"source_start")).toInteger();
    d.sourceLength = o.value(key(u"source_length")).toInteger();
    d.syntax = syntaxFromName(o.value(key(u"syntax")).toString()).value_or(GroundingSyntax::Json);
    return d;
}

QJsonObject sourceToJson(const ImageSource &s)
{
    return {{key(u"sha256"), hexOf(s.sha256)},
            {key(u"byte_count"), s.byteCount},
            {key(u"name"), s.name},
            {key(u"format"), s.format}};
}

ImageSource sourceFromJson(const QJsonObject &o)
{
    ImageSource s;
    s.sha256 = sha256FromHex(o.value(key(u"sha256")).toString());
    s.byteCount = o.value(key(u"byte_count")).toInteger();
    s.name = o.value(key(u"name")).toString();
    s.format = o.value(key(u"format")).toString();
    return s;
}

QJsonObject messageToJson(const StoredMessage &s)
{
    const Message &m = s.message;
    QJsonArray parts;
    for (const Part &part : m.parts)
        parts.append(partToJson(part));
    QJsonArray images;
    for (const ImageSource &source : s.images)
        images.append(sourceToJson(source));
    QJsonArray detections;
    for (const Detection &d : s.detections)
        detections.append(detectionToJson(d));
    QJsonObject o{
        {key(u"id"), m.id},
        {key(u"role"), roleName(m.role)},
        {key(u"parts"), parts},
        {key(u"text"), m.text},
        {key(u"reasoning"), m.reasoning},
        {key(u"usage"),
         QJsonObject{{key(u"input_tokens"), m.usage.inputTokens},
                     {key(u"output_tokens"), m.usage.outputTokens},
                     {key(u"image_tokens"), m.usage.imageTokens}}},
        {key(u"request_id"), m.requestId},
        {key(u"finish_reason"), m.finishReason},
        {key(u"state"), stateName(m.state)},
        {key(u"model_id"), s.modelId},
        {key(u"parameters"), parametersToJson(s.parameters)},
        {key(u"images"), images},
        {key(u"detections"), detections},
        {key(u"created_at"), toMsecs(s.createdAt)},
    };
    if (s.space) {
        o.insert(key(u"coordinate_space"), spaceName(s.space->space));
        o.insert(key(u"space_reason"), spaceReasonName(s.space->reason));
    }
    return o;
}

} // namespace

StoredMessage messageFromJson(const QJsonObject &o)
{
    StoredMessage s;
    Message &m = s.message;
    m.role = roleFromName(o.value(key(u"role")).toString()).value_or(Message::Role::User);
    m.id = o.value(key(u"id")).toString();
    for (const QJsonValue &part : o.value(key(u"parts")).toArray())
        m.parts.append(partFromJson(part.toObject()));
    m.text = o.value(key(u"text")).toString();
    m.reasoning = o.value(key(u"reasoning")).toString();
    const QJsonObject usage = o.value(key(u"usage")).toObject();
    m.usage.inputTokens = usage.value(key(u"input_tokens")).toInteger();
    m.usage.outputTokens = usage.value(key(u"output_tokens")).toInteger();
    m.usage.imageTokens = usage.value(key(u"image_tokens")).toInteger();
    m.requestId = o.value(key(u"request_id")).toString();
    m.finishReason = o.value(key(u"finish_reason")).toString();
    m.state = stateFromName(o.value(key(u"state")).toString()).value_or(Message::State::Complete);
    s.modelId = o.value(key(u"model_id")).toString();
    s.parameters = parametersFromJson(o.value(key(u"parameters")).toObject());
    for (const QJsonValue &source : o.value(key(u"images")).toArray())
        s.images.append(sourceFromJson(source.toObject()));
    for (const QJsonValue &d : o.value(key(u"detections")).toArray())
        s.detections.append(detectionFromJson(d.toObject()));
    const auto space = spaceFromName(o.value(key(u"coordinate_space")).toString());
    if (space) {
        const auto reason = spaceReasonFromName(o.value(key(u"space_reason")).toString());
        s.space = SpaceChoice{*space, reason.value_or(SpaceReason::SyntaxDefault)};
    }
    s.createdAt = fromMsecs(o.value(key(u"created_at")).toInteger());
    return s;
}

QJsonObject recordToJson(const ConversationRecord &record)
{
    QJsonArray messages;
    for (const StoredMessage &message : record.messages)
        messages.append(messageToJson(message));
    const Conversation &h = record.header;
    QJsonObject o{
        {key(u"id"), h.id},
        {key(u"title"), h.title},
        {key(u"system_prompt"), h.systemPrompt},
        {key(u"model_id"), h.modelId},
        {key(u"parameters"), parametersToJson(h.parameters)},
        {key(u"created_at"), toMsecs(record.createdAt)},
        {key(u"updated_at"), toMsecs(record.updatedAt)},
        {key(u"messages"), messages},
    };
    if (!record.importedFrom.isEmpty())
        o.insert(key(u"imported_from"), record.importedFrom);
    return o;
}

std::optional<ConversationRecord> recordFromJson(const QJsonObject &o)
{
    ConversationRecord record;
    Conversation &h = record.header;
    h.id = o.value(key(u"id")).toString();
    if (h.id.isEmpty())
        return std::nullopt;
    h.title = o.value(key(u"title")).toString();
    h.systemPrompt = o.value(key(u"system_prompt")).toString();
    h.modelId = o.value(key(u"model_id")).toString();
    h.parameters = parametersFromJson(o.value(key(u"parameters")).toObject());
    record.createdAt = fromMsecs(o.value(key(u"created_at")).toInteger());
    record.updatedAt = fromMsecs(o.value(key(u"updated_at")).toInteger());
    record.importedFrom = o.value(key(u"imported_from")).toString();
    for (const QJsonValue &message : o.value(key(u"messages")).toArray())
        record.messages.append(messageFromJson(message.toObject()));
    return record;
}

} // namespace qvd::storage
