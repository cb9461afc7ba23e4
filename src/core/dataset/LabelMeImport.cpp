#include "core/dataset/LabelMeImport.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace qvd {

namespace {

QPolygonF pointsOf(const QJsonValue &value)
{
    QPolygonF points;
    for (const QJsonValue &point : value.toArray()) {
        const QJsonArray xy = point.toArray();
        if (xy.size() >= 2 && xy.at(0).isDouble() && xy.at(1).isDouble())
            points.append(QPointF(xy.at(0).toDouble(), xy.at(1).toDouble()));
    }
    return points;
}

QVariantMap attributesOf(const QJsonObject &shape)
{
    const QString description = shape.value(QLatin1String("description")).toString();
    if (!description.startsWith(QLatin1Char('{')))
        return {};
    const QJsonDocument json = QJsonDocument::fromJson(description.toUtf8());
    return json.isObject() ? json.object().toVariantMap() : QVariantMap();
}

} // namespace

bool LabelMeImport::isLabelMe(const QJsonObject &document)
{
    return document.value(QLatin1String("shapes")).isArray();
}

std::optional<DatasetImage> LabelMeImport::read(const QJsonObject &document, QString *error,
                                                QStringList *warnings)
{
    if (!isLabelMe(document)) {
        if (error)
            *error = tr("It is not a LabelMe file: there is no \"shapes\" list.");
        return std::nullopt;
    }
    DatasetImage image;
    image.imagePath = document.value(QLatin1String("imagePath")).toString();
    image.size = QSize(document.value(QLatin1String("imageWidth")).toInt(),
                       document.value(QLatin1String("imageHeight")).toInt());
    const QJsonArray shapes = document.value(QLatin1String("shapes")).toArray();
    for (qsizetype n = 0; n < shapes.size(); ++n) {
        const QJsonObject shape = shapes.at(n).toObject();
        const QString type =
            shape.value(QLatin1String("shape_type"))
                .toString(QStringLiteral("polygon")); // labelme's default when the key is missing
        const QPolygonF points = pointsOf(shape.value(QLatin1String("points")));
        MappedDetection d;
        d.label = shape.value(QLatin1String("label")).toString();
        d.attributes = attributesOf(shape);
        if (type == QLatin1String("point") && !points.isEmpty()) {
            d.kind = DetectionKind::Point;
            d.rect = QRectF(points.first(), QSizeF(0, 0));
        } else if (type == QLatin1String("circle") && points.size() >= 2) {
            const QPointF c = points.at(0);
            const QPointF edge = points.at(1) - c;
            const qreal r = std::hypot(edge.x(), edge.y());
            d.rect = QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r);
        } else if ((type == QLatin1String("polygon") || type == QLatin1String("rotation"))
                   && points.size() == 4) {
            d.kind = DetectionKind::Quad;
            d.quad = points;
            d.rect = points.boundingRect();
        } else if ((type == QLatin1String("rectangle") && points.size() >= 2)
                   || (type == QLatin1String("polygon") && points.size() >= 3)) {
            d.rect = points.boundingRect();
        } else {
            if (warnings) {
                warnings->append(tr("Shape %1 (“%2”, %3) was skipped: it marks no area.")
                                     .arg(n + 1)
                                     .arg(d.label, type));
            }
            continue;
        }
        image.detections.append(d);
    }
    return image;
}

} // namespace qvd
