#include "core/grounding/DetectionJson.h"

#include "core/grounding/GroundingNames.h"

#include <cmath>

namespace qvd {

namespace {

// Sub-pixel noise such as 333.33333333333331 helps nobody reading or diffing the output.
double rounded(qreal value)
{
    return std::round(value * 100) / 100;
}

QJsonArray pointArray(QPointF p)
{
    return QJsonArray{rounded(p.x()), rounded(p.y())};
}

} // namespace

QJsonObject detectionToJson(const MappedDetection &detection)
{
    const QRectF &r = detection.rect;
    const QPointF bottomRight =
        detection.kind == DetectionKind::Point ? r.topLeft() : r.bottomRight();
    QJsonObject json{
        {QStringLiteral("kind"), detectionKindName(detection.kind)},
        {QStringLiteral("label"), detection.label},
        {QStringLiteral("x1"), rounded(r.left())},
        {QStringLiteral("y1"), rounded(r.top())},
        {QStringLiteral("x2"), rounded(bottomRight.x())},
        {QStringLiteral("y2"), rounded(bottomRight.y())},
        {QStringLiteral("image"),
         detection.image ? QJsonValue(*detection.image) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("attributes"), QJsonObject::fromVariantMap(detection.attributes)},
    };
    if (detection.kind == DetectionKind::Quad) {
        QJsonArray points;
        for (const QPointF &p : detection.quad)
            points.append(pointArray(p));
        json.insert(QStringLiteral("points"), points);
    }
    return json;
}

QJsonArray detectionsToJson(const QList<MappedDetection> &detections)
{
    QJsonArray array;
    for (const MappedDetection &detection : detections)
        array.append(detectionToJson(detection));
    return array;
}

} // namespace qvd
