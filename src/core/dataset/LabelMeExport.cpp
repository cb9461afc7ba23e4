#include "core/dataset/LabelMeExport.h"

#include "core/grounding/ExportClasses.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace qvd {

namespace {

// The version whose file layout this writes (labelme/_version.py).
constexpr char kLabelMeVersion[] = "5.2.1";

double rounded(qreal value)
{
    return std::round(value * 100) / 100;
}

QJsonArray pointArray(QPointF p)
{
    return QJsonArray{rounded(p.x()), rounded(p.y())};
}

QJsonArray points(const MappedDetection &d)
{
    switch (d.kind) {
    case DetectionKind::Box:
        return QJsonArray{pointArray(d.rect.topLeft()), pointArray(d.rect.bottomRight())};
    case DetectionKind::Point:
        return QJsonArray{pointArray(d.point())};
    case DetectionKind::Quad: {
        QJsonArray corners;
        for (const QPointF &p : d.quad)
            corners.append(pointArray(p));
        return corners;
    }
    }
    return {};
}

QString shapeType(DetectionKind kind)
{
    switch (kind) {
    case DetectionKind::Box:
        return QStringLiteral("rectangle");
    case DetectionKind::Point:
        return QStringLiteral("point");
    case DetectionKind::Quad:
        return QStringLiteral("polygon");
    }
    return QStringLiteral("rectangle");
}

QJsonObject shape(const MappedDetection &d)
{
    const QString description = d.attributes.isEmpty()
        ? QString()
        : QString::fromUtf8(QJsonDocument(QJsonObject::fromVariantMap(d.attributes))
                                .toJson(QJsonDocument::Compact));
    return QJsonObject{{QStringLiteral("label"), exportClassName(d.label)},
                       {QStringLiteral("points"), points(d)},
                       {QStringLiteral("group_id"), QJsonValue::Null},
                       {QStringLiteral("description"), description},
                       {QStringLiteral("shape_type"), shapeType(d.kind)},
                       {QStringLiteral("flags"), QJsonObject()}};
}

} // namespace

QJsonObject LabelMeExport::document(const QList<MappedDetection> &detections,
                                    const QSize &imageSize, const QString &imagePath)
{
    QJsonArray shapes;
    for (const MappedDetection &d : detections)
        shapes.append(shape(d));
    return QJsonObject{{QStringLiteral("version"), QString::fromLatin1(kLabelMeVersion)},
                       {QStringLiteral("flags"), QJsonObject()},
                       {QStringLiteral("shapes"), shapes},
                       {QStringLiteral("imagePath"), imagePath},
                       {QStringLiteral("imageData"), QJsonValue::Null},
                       {QStringLiteral("imageHeight"), imageSize.height()},
                       {QStringLiteral("imageWidth"), imageSize.width()}};
}

} // namespace qvd
