#include "core/grounding/parsers/JsonObjectReader.h"

#include "core/grounding/parsers/Numbers.h"

namespace qvd::grounding {

namespace {

std::optional<QList<qreal>> numbersOf(const JsonNode &value)
{
    if (value.type == JsonNode::Type::String)
        return numbersSeparatedBy(value.string.text(), u",");
    if (value.type != JsonNode::Type::Array)
        return std::nullopt;
    QList<qreal> numbers;
    for (const JsonNode &element : value.elements) {
        if (element.type == JsonNode::Type::Number) {
            numbers.append(element.number);
            continue;
        }
        const auto fromString = element.type == JsonNode::Type::String
            ? numbersSeparatedBy(element.string.text(), u",")
            : std::nullopt;
        if (!fromString)
            return std::nullopt;
        numbers.append(*fromString);
    }
    return numbers;
}

QString scalarText(const JsonNode &value)
{
    if (value.type == JsonNode::Type::String)
        return value.string.text().trimmed().toString();
    if (value.type == JsonNode::Type::Number)
        return value.toVariant().toString();
    return {};
}

void collectStringLeaves(const JsonNode &node, QStringList &out)
{
    if (node.type == JsonNode::Type::String) {
        const QStringView text = node.string.text().trimmed();
        if (!text.isEmpty())
            out.append(text.toString());
        return;
    }
    for (const JsonNode &element : node.elements)
        collectStringLeaves(element, out);
    for (const JsonMember &member : node.members) {
        if (coordinateKeyKind(member.key.text()) == CoordinateKeyKind::None)
            collectStringLeaves(member.value, out);
    }
}

struct ObjectLabel
{
    QString text;
    QStringView key; // the member it came from; empty when joined from several
};

// label → text_content → tool action → every other string leaf joined with " / " (§5).
ObjectLabel labelOf(const JsonNode &object)
{
    for (const QLatin1String key :
         {QLatin1String("label"), QLatin1String("text_content"), QLatin1String("action")}) {
        for (const JsonMember &member : object.members) {
            if (member.key.text() != key)
                continue;
            QString text = scalarText(member.value);
            if (!text.isEmpty())
                return {std::move(text), member.key.text()};
        }
    }
    QStringList leaves;
    collectStringLeaves(object, leaves);
    return {leaves.join(QLatin1String(" / ")), {}};
}

bool isLabelKey(QStringView key)
{
    return key == u"label" || key == u"text_content" || key.contains(u"name");
}

bool hasDuplicateCoordinateKeys(const JsonNode &object)
{
    // Objects have a handful of members: comparing pairs beats hashing them.
    const auto &members = object.members;
    for (size_t i = 0; i < members.size(); ++i) {
        const QStringView key = members[i].key.text();
        if (coordinateKeyKind(key) == CoordinateKeyKind::None)
            continue;
        for (size_t j = i + 1; j < members.size(); ++j) {
            if (members[j].key.text() == key)
                return true;
        }
    }
    return false;
}

void applyAttributes(const JsonNode &object, QStringView labelKey, Detection &d)
{
    for (const JsonMember &member : object.members) {
        const QStringView key = member.key.text();
        if (coordinateKeyKind(key) != CoordinateKeyKind::None || key == labelKey)
            continue;
        d.attributes.insert(member.key.toString(), member.value.toVariant());
        if (key != u"img_idx")
            continue;
        const auto index = member.value.type == JsonNode::Type::String
            ? parseNumber(member.value.string.text())
            : std::optional<qreal>(member.value.number);
        if (index && *index >= 0 && *index == qreal(int(*index)))
            d.imageIndex = int(*index);
    }
}

// An object that repeats its coordinate key (#1720: "object_name", "bbox", "object_name",
// "bbox", …) lists several items: each takes the nearest label-like member before it.
void appendItemsOfObject(const JsonNode &object, qsizetype offset, QList<Detection> &out)
{
    // Nothing to do for an object without a coordinate key (the array around the boxes, a
    // wrapper): skip the label policy too.
    bool hasCoordinates = false;
    for (const JsonMember &member : object.members)
        hasCoordinates =
            hasCoordinates || coordinateKeyKind(member.key.text()) != CoordinateKeyKind::None;
    if (!hasCoordinates)
        return;
    const bool repeated = hasDuplicateCoordinateKeys(object);
    const ObjectLabel label = labelOf(object);
    QString nearestLabel;
    for (const JsonMember &member : object.members) {
        if (repeated && isLabelKey(member.key.text())
            && member.value.type == JsonNode::Type::String)
            nearestLabel = member.value.string.text().trimmed().toString();
        auto d = detectionForCoordinates(member.key.text(), member.value);
        if (!d)
            continue;
        d->label = repeated ? nearestLabel : label.text;
        d->sourceStart = offset + object.start;
        d->sourceLength = object.end - object.start;
        applyAttributes(object, label.key, *d);
        out.append(std::move(*d));
    }
}

void collect(const JsonNode &node, qsizetype offset, QList<Detection> &out)
{
    if (node.isObject())
        appendItemsOfObject(node, offset, out);
    for (const JsonNode &element : node.elements)
        collect(element, offset, out);
    for (const JsonMember &member : node.members) {
        const QStringView key = member.key.text();
        if (coordinateKeyKind(key) != CoordinateKeyKind::None)
            continue;
        // OpenAI-style tool calls carry "arguments" as a JSON string.
        if (key == u"arguments" && member.value.type == JsonNode::Type::String) {
            if (const auto inner = parseJsonValue(member.value.string.text())) {
                QList<Detection> fromString;
                collect(*inner, 0, fromString);
                for (Detection &d : fromString) {
                    d.sourceStart = offset + member.value.start;
                    d.sourceLength = member.value.end - member.value.start;
                }
                out.append(fromString);
            }
            continue;
        }
        collect(member.value, offset, out);
    }
}

} // namespace

CoordinateKeyKind coordinateKeyKind(QStringView key)
{
    if (key == u"bbox_2d" || key == u"bbox" || key == u"box_2d")
        return CoordinateKeyKind::Box;
    if (key == u"point_2d" || key == u"point" || key == u"coordinate" || key == u"coordinate2")
        return CoordinateKeyKind::Point;
    return CoordinateKeyKind::None;
}

std::optional<Detection> detectionForCoordinates(QStringView key, const JsonNode &value)
{
    const CoordinateKeyKind kind = coordinateKeyKind(key);
    if (kind == CoordinateKeyKind::None)
        return std::nullopt;
    const auto numbers = numbersOf(value);
    if (!numbers)
        return std::nullopt;
    std::optional<Detection> d;
    if (numbers->size() == 2)
        d = Detection::point(numbers->at(0), numbers->at(1));
    else if (numbers->size() == 4 && kind == CoordinateKeyKind::Box)
        d = Detection::box(numbers->at(0), numbers->at(1), numbers->at(2), numbers->at(3));
    if (d)
        d->syntax = GroundingSyntax::Json;
    return d;
}

QList<Detection> detectionsInJson(const JsonNode &node, qsizetype offset)
{
    QList<Detection> detections;
    collect(node, offset, detections);
    return detections;
}

} // namespace qvd::grounding
