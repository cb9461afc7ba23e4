#include "core/dataset/CocoImport.h"

#include <QHash>
#include <QJsonArray>

namespace qvd {

namespace {

bool readNumbers(const QJsonValue &value, QList<double> &numbers)
{
    numbers.clear();
    const QJsonArray array = value.toArray();
    for (const QJsonValue &v : array) {
        if (!v.isDouble())
            return false;
        numbers.append(v.toDouble());
    }
    return true;
}

// The four corners of a one-polygon segmentation, when it is not just the bbox's rectangle.
std::optional<QPolygonF> quadOf(const QJsonValue &segmentation, const QRectF &bbox)
{
    const QJsonArray polygons = segmentation.toArray();
    QList<double> flat;
    if (polygons.size() != 1 || !readNumbers(polygons.at(0), flat) || flat.size() != 8)
        return std::nullopt;
    QPolygonF quad;
    for (int i = 0; i < 8; i += 2)
        quad.append(QPointF(flat[i], flat[i + 1]));
    const QPolygonF rectangle(
        {bbox.topLeft(), bbox.topRight(), bbox.bottomRight(), bbox.bottomLeft()});
    bool sameAsRectangle = true;
    for (int i = 0; i < 4; ++i) {
        const QPointF delta = quad.at(i) - rectangle.at(i);
        sameAsRectangle = sameAsRectangle && qAbs(delta.x()) < 0.01 && qAbs(delta.y()) < 0.01;
    }
    if (sameAsRectangle)
        return std::nullopt;
    return quad;
}

} // namespace

bool CocoImport::isCoco(const QJsonObject &document)
{
    return document.value(QLatin1String("images")).isArray()
        && document.value(QLatin1String("annotations")).isArray();
}

std::optional<QList<DatasetImage>> CocoImport::read(const QJsonObject &document, QString *error,
                                                    QStringList *warnings)
{
    if (!isCoco(document)) {
        if (error)
            *error = tr("It is not a COCO file: there is no \"images\" or \"annotations\" list.");
        return std::nullopt;
    }
    QHash<qint64, QString> categories;
    for (const QJsonValue &value : document.value(QLatin1String("categories")).toArray()) {
        const QJsonObject category = value.toObject();
        categories.insert(category.value(QLatin1String("id")).toInteger(),
                          category.value(QLatin1String("name")).toString());
    }

    QList<DatasetImage> images;
    QHash<qint64, qsizetype> imageOfId;
    for (const QJsonValue &value : document.value(QLatin1String("images")).toArray()) {
        const QJsonObject object = value.toObject();
        DatasetImage image;
        image.imagePath = object.value(QLatin1String("file_name")).toString();
        image.size = QSize(object.value(QLatin1String("width")).toInt(),
                           object.value(QLatin1String("height")).toInt());
        imageOfId.insert(object.value(QLatin1String("id")).toInteger(), images.size());
        images.append(image);
    }

    const QJsonArray annotations = document.value(QLatin1String("annotations")).toArray();
    for (qsizetype n = 0; n < annotations.size(); ++n) {
        const QJsonObject object = annotations.at(n).toObject();
        const auto image = imageOfId.constFind(object.value(QLatin1String("image_id")).toInteger());
        QList<double> bbox;
        if (image == imageOfId.constEnd() || !readNumbers(object.value(QLatin1String("bbox")), bbox)
            || bbox.size() != 4) {
            if (warnings) {
                warnings->append(tr("Annotation %1 was skipped: it has no bbox or no image.")
                                     .arg(object.value(QLatin1String("id")).toInteger(n + 1)));
            }
            continue;
        }
        MappedDetection d;
        d.rect = QRectF(bbox[0], bbox[1], bbox[2], bbox[3]).normalized();
        const qint64 categoryId = object.value(QLatin1String("category_id")).toInteger();
        d.label = categories.value(categoryId, QString::number(categoryId));
        d.attributes = object.value(QLatin1String("attributes")).toObject().toVariantMap();
        if (object.value(QLatin1String("iscrowd")).toInt() != 0)
            d.attributes.insert(QLatin1String(datasetkeys::kCrowd), 1);
        if (object.value(QLatin1String("score")).isDouble()) {
            d.attributes.insert(QLatin1String(datasetkeys::kScore),
                                object.value(QLatin1String("score")).toDouble());
        }
        QList<double> keypoints;
        if (bbox[2] == 0 && bbox[3] == 0) {
            d.kind = DetectionKind::Point;
            if (readNumbers(object.value(QLatin1String("keypoints")), keypoints)
                && keypoints.size() >= 2) {
                d.rect = QRectF(keypoints[0], keypoints[1], 0, 0);
            }
        } else if (const auto quad = quadOf(object.value(QLatin1String("segmentation")), d.rect)) {
            d.kind = DetectionKind::Quad;
            d.quad = *quad;
            d.rect = quad->boundingRect();
        }
        images[*image].detections.append(d);
    }
    return images;
}

} // namespace qvd
