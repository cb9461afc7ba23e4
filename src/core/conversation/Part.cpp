#include "core/conversation/Part.h"

#include <QUuid>

namespace qvd {

QString Part::newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

Part Part::fromText(const QString &text)
{
    Part part;
    part.kind = Kind::Text;
    part.text = text;
    return part;
}

Part Part::fromImage(const QString &url, const ImageTransform &transform, qint64 minPixels,
                     qint64 maxPixels)
{
    return fromImage(ImageUrl::fromString(url), transform, minPixels, maxPixels);
}

Part Part::fromImage(const ImageUrl &url, const ImageTransform &transform, qint64 minPixels,
                     qint64 maxPixels)
{
    Part part;
    part.kind = Kind::Image;
    part.imageUrl = url;
    part.transform = transform;
    part.minPixels = minPixels;
    part.maxPixels = maxPixels;
    return part;
}

Part Part::fromPrepared(const PreparedImage &image)
{
    Part part = fromImage(ImageUrl::fromData(image.encoded, image.mimeType), image.transform,
                          image.minPixels, image.maxPixels);
    part.imageHash = QString::fromLatin1(image.sourceSha256.toHex());
    return part;
}

Part Part::fromRegion(const QRectF &rect, const QString &prompt, int imageIndex)
{
    Part part;
    part.kind = Kind::Region;
    part.rect = rect;
    part.text = prompt;
    part.imageIndex = imageIndex;
    return part;
}

Part Part::fromPoint(const QPointF &point, const QString &prompt, int imageIndex)
{
    Part part;
    part.kind = Kind::Region;
    part.point = point;
    part.isPoint = true;
    part.text = prompt;
    part.imageIndex = imageIndex;
    return part;
}

bool operator==(const Part &a, const Part &b)
{
    return a.kind == b.kind && a.id == b.id && a.imageId == b.imageId && a.text == b.text
        && a.imageUrl == b.imageUrl && a.imageHash == b.imageHash && a.transform == b.transform
        && a.minPixels == b.minPixels && a.maxPixels == b.maxPixels && a.rect == b.rect
        && a.point == b.point && a.isPoint == b.isPoint && a.imageIndex == b.imageIndex;
}

} // namespace qvd
