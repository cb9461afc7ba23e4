#include "core/grounding/MappedDetection.h"

namespace qvd {

namespace {

MappedDetection withoutCoordinates(const Detection &detection)
{
    MappedDetection mapped;
    mapped.kind = detection.kind;
    mapped.label = detection.label;
    mapped.attributes = detection.attributes;
    return mapped;
}

} // namespace

MappedDetection MappedDetection::map(const Detection &detection, const CoordinateMapper &mapper,
                                     std::optional<int> image)
{
    MappedDetection mapped = withoutCoordinates(detection);
    mapped.rect = mapper.toOriginal(detection);
    if (detection.kind == DetectionKind::Quad)
        mapped.quad = mapper.toOriginal(detection.quad);
    mapped.image = image;
    return mapped;
}

MappedDetection MappedDetection::unmapped(const Detection &detection)
{
    MappedDetection mapped = withoutCoordinates(detection);
    mapped.rect = detection.kind == DetectionKind::Point
        ? QRectF(detection.rect.topLeft(), QSizeF(0, 0))
        : detection.rect.normalized();
    if (detection.kind == DetectionKind::Quad)
        mapped.quad = detection.quad;
    return mapped;
}

QList<MappedDetection> mapDetections(const QList<Detection> &detections,
                                     const CoordinateMapper &mapper, std::optional<int> image)
{
    QList<MappedDetection> mapped;
    mapped.reserve(detections.size());
    for (const Detection &detection : detections)
        mapped.append(MappedDetection::map(detection, mapper, image));
    return mapped;
}

} // namespace qvd
