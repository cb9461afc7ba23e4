#include "core/storage/StorageCodec.h"

#include "core/NameTable.h"
#include "core/imaging/ServerSizeCheck.h"

#include <QJsonDocument>

namespace qvd::storage {

namespace {

constexpr NameTable<Message::Role, 3> kRoles{{
    {Message::Role::System, u"system"},
    {Message::Role::User, u"user"},
    {Message::Role::Assistant, u"assistant"},
}};
constexpr NameTable<Message::State, 4> kStates{{
    {Message::State::Complete, u"complete"},
    {Message::State::Interrupted, u"interrupted"},
    {Message::State::Failed, u"failed"},
    {Message::State::CutByServer, u"cut-by-server"},
}};
constexpr NameTable<Part::Kind, 3> kPartKinds{{
    {Part::Kind::Text, u"text"},
    {Part::Kind::Image, u"image"},
    {Part::Kind::Region, u"region"},
}};

QJsonObject sizeToJson(QSize size)
{
    return {{QStringLiteral("w"), size.width()}, {QStringLiteral("h"), size.height()}};
}

QSize sizeFromJson(const QJsonValue &value)
{
    const QJsonObject object = value.toObject();
    return {object.value(QStringLiteral("w")).toInt(-1),
            object.value(QStringLiteral("h")).toInt(-1)};
}

} // namespace

QString roleName(Message::Role role)
{
    return nameOf(kRoles, role);
}
std::optional<Message::Role> roleFromName(const QString &name)
{
    return valueOf(kRoles, name);
}
QString stateName(Message::State state)
{
    return nameOf(kStates, state);
}
std::optional<Message::State> stateFromName(const QString &name)
{
    return valueOf(kStates, name);
}
QString partKindName(Part::Kind kind)
{
    return nameOf(kPartKinds, kind);
}
std::optional<Part::Kind> partKindFromName(const QString &name)
{
    return valueOf(kPartKinds, name);
}

QJsonObject parametersToJson(const GenerationParameters &p)
{
    QJsonObject object;
    if (p.temperature)
        object.insert(QStringLiteral("temperature"), *p.temperature);
    if (p.topP)
        object.insert(QStringLiteral("top_p"), *p.topP);
    if (p.topK)
        object.insert(QStringLiteral("top_k"), *p.topK);
    if (p.seed)
        object.insert(QStringLiteral("seed"), *p.seed);
    if (p.maxTokens)
        object.insert(QStringLiteral("max_tokens"), *p.maxTokens);
    if (p.repetitionPenalty)
        object.insert(QStringLiteral("repetition_penalty"), *p.repetitionPenalty);
    if (p.presencePenalty)
        object.insert(QStringLiteral("presence_penalty"), *p.presencePenalty);
    if (!p.stop.isEmpty())
        object.insert(QStringLiteral("stop"), QJsonArray::fromStringList(p.stop));
    if (p.highResolutionImages)
        object.insert(QStringLiteral("vl_high_resolution_images"), *p.highResolutionImages);
    if (p.enableThinking)
        object.insert(QStringLiteral("enable_thinking"), *p.enableThinking);
    if (p.thinkingBudget)
        object.insert(QStringLiteral("thinking_budget"), *p.thinkingBudget);
    return object;
}

GenerationParameters parametersFromJson(const QJsonObject &object)
{
    GenerationParameters p;
    const auto number = [&object](const char16_t *key) -> std::optional<QJsonValue> {
        const QJsonValue value = object.value(QStringView(key));
        return value.isDouble() ? std::optional<QJsonValue>(value) : std::nullopt;
    };
    if (const auto v = number(u"temperature"))
        p.temperature = v->toDouble();
    if (const auto v = number(u"top_p"))
        p.topP = v->toDouble();
    if (const auto v = number(u"top_k"))
        p.topK = v->toInt();
    if (const auto v = number(u"seed"))
        p.seed = v->toInteger();
    if (const auto v = number(u"max_tokens"))
        p.maxTokens = v->toInt();
    if (const auto v = number(u"repetition_penalty"))
        p.repetitionPenalty = v->toDouble();
    if (const auto v = number(u"presence_penalty"))
        p.presencePenalty = v->toDouble();
    for (const QJsonValue &stop : object.value(QStringLiteral("stop")).toArray())
        p.stop.append(stop.toString());
    const QJsonValue high = object.value(QStringLiteral("vl_high_resolution_images"));
    if (high.isBool())
        p.highResolutionImages = high.toBool();
    const QJsonValue thinking = object.value(QStringLiteral("enable_thinking"));
    if (thinking.isBool())
        p.enableThinking = thinking.toBool();
    if (const auto v = number(u"thinking_budget"))
        p.thinkingBudget = v->toInt();
    return p;
}

QJsonObject transformToJson(const ImageTransform &t)
{
    QJsonObject object{
        {QStringLiteral("stored"), sizeToJson(t.storedSize)},
        {QStringLiteral("orientation"), static_cast<int>(t.orientation)},
        {QStringLiteral("original"), sizeToJson(t.originalSize)},
        {QStringLiteral("sent"), sizeToJson(t.sentSize)},
        {QStringLiteral("factor"), t.budget.factor},
        {QStringLiteral("min_pixels"), t.budget.minPixels},
        {QStringLiteral("max_pixels"), t.budget.maxPixels},
    };
    // What the server's reply said (ServerSizeCheck); absent while unknown, as in older rows.
    if (t.sizeCheck != SizeCheck::Unknown) {
        object.insert(QStringLiteral("size_check"), sizeCheckName(t.sizeCheck));
        object.insert(QStringLiteral("server"), sizeToJson(t.serverSize));
        object.insert(QStringLiteral("server_factor"), t.serverFactor);
    }
    return object;
}

ImageTransform transformFromJson(const QJsonObject &object)
{
    ImageTransform t;
    t.storedSize = sizeFromJson(object.value(QStringLiteral("stored")));
    t.orientation =
        QImageIOHandler::Transformations(object.value(QStringLiteral("orientation")).toInt());
    t.originalSize = sizeFromJson(object.value(QStringLiteral("original")));
    t.sentSize = sizeFromJson(object.value(QStringLiteral("sent")));
    const ResizeBudget defaults;
    t.budget.factor = object.value(QStringLiteral("factor")).toInt(defaults.factor);
    t.budget.minPixels = object.value(QStringLiteral("min_pixels")).toInteger(defaults.minPixels);
    t.budget.maxPixels = object.value(QStringLiteral("max_pixels")).toInteger(defaults.maxPixels);
    const auto check = sizeCheckFromName(object.value(QStringLiteral("size_check")).toString());
    const QSize server = sizeFromJson(object.value(QStringLiteral("server")));
    if (check && *check != SizeCheck::Unknown && server.isValid() && !server.isEmpty()) {
        t.sizeCheck = *check;
        t.serverSize = server;
        t.serverFactor = object.value(QStringLiteral("server_factor")).toInt();
    }
    return t;
}

QJsonArray quadToJson(const QPolygonF &quad)
{
    QJsonArray array;
    for (const QPointF &point : quad)
        array.append(QJsonArray{point.x(), point.y()});
    return array;
}

QPolygonF quadFromJson(const QJsonArray &array)
{
    QPolygonF quad;
    for (const QJsonValue &value : array) {
        const QJsonArray pair = value.toArray();
        quad.append(QPointF(pair.at(0).toDouble(), pair.at(1).toDouble()));
    }
    return quad;
}

QString jsonText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString jsonText(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QJsonObject jsonObject(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

QJsonArray jsonArray(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).array();
}

qint64 toMsecs(const QDateTime &time)
{
    return time.isValid() ? time.toMSecsSinceEpoch() : 0;
}

QDateTime fromMsecs(qint64 msecs)
{
    return msecs == 0 ? QDateTime() : QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC);
}

QString hexOf(const QByteArray &sha256)
{
    return QString::fromLatin1(sha256.toHex());
}

QVariant textValue(const QString &text)
{
    return text.isNull() ? QVariant(QString::fromLatin1("", 0)) : QVariant(text);
}

QByteArray sha256FromHex(const QString &hex)
{
    if (hex.size() != 64)
        return {};
    for (const QChar c : hex) {
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')))
            return {};
    }
    return QByteArray::fromHex(hex.toLatin1());
}

} // namespace qvd::storage
