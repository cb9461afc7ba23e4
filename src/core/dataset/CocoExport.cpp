#include "core/dataset/CocoExport.h"

#include "core/grounding/ExportClasses.h"

#include <QJsonArray>

#include <cmath>

namespace qvd {

namespace {

double rounded(qreal value)
{
    return std::round(value * 100) / 100;
}

QJsonArray flatPolygon(const QPolygonF &polygon)
{
    QJsonArray flat;
    for (const QPointF &p : polygon) {
        flat.append(rounded(p.x()));
        flat.append(rounded(p.y()));
    }
    return flat;
}

// The shoelace formula: a quad's area is not its bounding rectangle's.
qreal polygonArea(const QPolygonF &polygon)
{
    qreal twice = 0;
    for (qsizetype i = 0; i < polygon.size(); ++i) {
        const QPointF &a = polygon.at(i);
        const QPointF &b = polygon.at((i + 1) % polygon.size());
        twice += a.x() * b.y() - b.x() * a.y();
    }
    return std::abs(twice) / 2;
}

QJsonObject annotation(const MappedDetection &d, int id, int imageId, int categoryId)
{
    const QRectF &r = d.rect;
    QVariantMap attributes = d.attributes;
    const QVariant crowd = attributes.take(QLatin1String(datasetkeys::kCrowd));
    const QVariant score = attributes.take(QLatin1String(datasetkeys::kScore));
    QJsonObject json{
        {QStringLiteral("id"), id},
        {QStringLiteral("image_id"), imageId},
        {QStringLiteral("category_id"), categoryId},
        {QStringLiteral("bbox"),
         QJsonArray{rounded(r.x()), rounded(r.y()), rounded(r.width()), rounded(r.height())}},
        {QStringLiteral("iscrowd"), crowd.toBool() ? 1 : 0},
    };
    bool isNumber = false;
    const double scoreValue = score.toDouble(&isNumber);
    if (isNumber)
        json.insert(QStringLiteral("score"), scoreValue);
    else if (score.isValid())
        attributes.insert(QLatin1String(datasetkeys::kScore), score); // not a number: keep it
    switch (d.kind) {
    case DetectionKind::Box:
        json.insert(QStringLiteral("area"), rounded(r.width() * r.height()));
        // Four corners; QPolygonF(QRectF) would repeat the first as a fifth.
        json.insert(QStringLiteral("segmentation"),
                    QJsonArray{flatPolygon(
                        QPolygonF({r.topLeft(), r.topRight(), r.bottomRight(), r.bottomLeft()}))});
        break;
    case DetectionKind::Quad:
        json.insert(QStringLiteral("area"), rounded(polygonArea(d.quad)));
        json.insert(QStringLiteral("segmentation"), QJsonArray{flatPolygon(d.quad)});
        break;
    case DetectionKind::Point:
        json.insert(QStringLiteral("area"), 0);
        json.insert(QStringLiteral("segmentation"), QJsonArray());
        json.insert(QStringLiteral("keypoints"), QJsonArray{rounded(r.x()), rounded(r.y()), 2});
        json.insert(QStringLiteral("num_keypoints"), 1);
        break;
    }
    if (!attributes.isEmpty())
        json.insert(QStringLiteral("attributes"), QJsonObject::fromVariantMap(attributes));
    return json;
}

} // namespace

QJsonObject CocoExport::document(const QList<DatasetImage> &images, const QStringList &classes)
{
    QJsonArray categories;
    for (qsizetype i = 0; i < classes.size(); ++i) {
        categories.append(QJsonObject{{QStringLiteral("id"), int(i + 1)},
                                      {QStringLiteral("name"), classes.at(i)},
                                      {QStringLiteral("supercategory"), QString()}});
    }
    QJsonArray imageArray;
    QJsonArray annotations;
    for (const DatasetImage &image : images) {
        const int imageId = int(imageArray.size() + 1);
        imageArray.append(QJsonObject{{QStringLiteral("id"), imageId},
                                      {QStringLiteral("file_name"), image.imagePath},
                                      {QStringLiteral("width"), image.size.width()},
                                      {QStringLiteral("height"), image.size.height()}});
        for (const MappedDetection &d : image.detections) {
            const int category = int(classes.indexOf(exportClassName(d.label))) + 1;
            annotations.append(annotation(d, int(annotations.size() + 1), imageId, category));
        }
    }
    return QJsonObject{{QStringLiteral("images"), imageArray},
                       {QStringLiteral("annotations"), annotations},
                       {QStringLiteral("categories"), categories}};
}

QJsonObject CocoExport::document(const QList<MappedDetection> &detections, const QSize &imageSize,
                                 const QString &fileName, const QStringList &classes)
{
    DatasetImage image;
    image.imagePath = fileName;
    image.size = imageSize;
    image.detections = detections;
    return document(QList<DatasetImage>{image}, classes);
}

QJsonObject CocoExport::document(const QList<MappedDetection> &detections, const QSize &imageSize,
                                 const QString &fileName)
{
    return document(detections, imageSize, fileName, exportClasses(detections));
}

} // namespace qvd
