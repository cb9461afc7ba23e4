#include "core/dataset/DetectionJsonImport.h"

#include "core/grounding/GroundingNames.h"

#include <QJsonArray>
#include <QJsonObject>

namespace qvd {

namespace {

QSize sizeOf(const QJsonValue &value)
{
    const QJsonObject object = value.toObject();
    return QSize(object.value(QLatin1String("width")).toInt(),
                 object.value(QLatin1String("height")).toInt());
}

std::optional<MappedDetection> detectionOf(const QJsonObject &object)
{
    const std::optional<DetectionKind> kind =
        detectionKindFromName(object.value(QLatin1String("kind")).toString(QStringLiteral("box")));
    const QJsonValue x1 = object.value(QLatin1String("x1"));
    const QJsonValue y1 = object.value(QLatin1String("y1"));
    const QJsonValue x2 = object.value(QLatin1String("x2"));
    const QJsonValue y2 = object.value(QLatin1String("y2"));
    if (!kind || !x1.isDouble() || !y1.isDouble() || !x2.isDouble() || !y2.isDouble())
        return std::nullopt;
    MappedDetection d;
    d.kind = *kind;
    d.label = object.value(QLatin1String("label")).toString();
    d.attributes = object.value(QLatin1String("attributes")).toObject().toVariantMap();
    d.rect = QRectF(QPointF(x1.toDouble(), y1.toDouble()), QPointF(x2.toDouble(), y2.toDouble()))
                 .normalized();
    if (d.kind == DetectionKind::Quad) {
        for (const QJsonValue &point : object.value(QLatin1String("points")).toArray()) {
            const QJsonArray xy = point.toArray();
            d.quad.append(QPointF(xy.at(0).toDouble(), xy.at(1).toDouble()));
        }
        if (d.quad.size() != 4)
            d.kind = DetectionKind::Box;
    }
    const QJsonValue image = object.value(QLatin1String("image"));
    if (image.isDouble())
        d.image = image.toInt();
    return d;
}

} // namespace

bool DetectionJsonImport::isDetectionJson(const QJsonDocument &document)
{
    if (document.isArray())
        return document.array().isEmpty() || document.array().at(0).toObject().contains(u"x1");
    return document.object().value(QLatin1String("detections")).isArray();
}

std::optional<DatasetImage> DetectionJsonImport::read(const QJsonDocument &document, QString *error)
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (!isDetectionJson(document))
        return fail(tr("It is not the detections JSON of qwenvl-desk-cli boxes or ask --json."));
    const QJsonObject root = document.object();
    const QJsonArray list =
        document.isArray() ? document.array() : root.value(QLatin1String("detections")).toArray();
    DatasetImage image;
    if (root.contains(u"image")) { // boxes
        if (root.value(QLatin1String("image")).isNull()) {
            return fail(tr("The coordinates are in the model's own space, not pixels: run "
                           "boxes with --image or --size."));
        }
        image.size = sizeOf(root.value(QLatin1String("image")));
    }
    std::optional<int> imageIndex;
    for (qsizetype n = 0; n < list.size(); ++n) {
        std::optional<MappedDetection> d = detectionOf(list.at(n).toObject());
        if (!d)
            return fail(tr("Detection %1 has no kind or corners (x1, y1, x2, y2).").arg(n + 1));
        if (d->image && imageIndex && *d->image != *imageIndex) {
            return fail(tr("The detections mark more than one image; give one file per image."));
        }
        imageIndex = d->image ? d->image : imageIndex;
        image.detections.append(*d);
    }
    if (root.contains(u"images")) { // ask --json: the sizes of the images sent
        const QJsonArray images = root.value(QLatin1String("images")).toArray();
        const QJsonValue sent = images.at(imageIndex.value_or(int(images.size()) - 1));
        if (!list.isEmpty() && sent.toObject().value(QLatin1String("width")).isNull()) {
            return fail(tr("The image was given by URL, so its size and the detections' pixels "
                           "are not known."));
        }
        image.size = sizeOf(sent);
    }
    return image;
}

} // namespace qvd
