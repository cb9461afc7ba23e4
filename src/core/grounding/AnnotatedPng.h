#pragma once

#include "core/grounding/BoxStyle.h"
#include "core/grounding/MappedDetection.h"

#include <QByteArray>
#include <QImage>

namespace qvd {

// The image with its detections painted by BoxPainter at full resolution, as PNG bytes
// (lossless, so the drawn colours survive); empty if encoding failed.
class AnnotatedPng
{
public:
    static QByteArray encode(const QImage &image, const QList<MappedDetection> &detections,
                             const BoxStyle &style);
    static QByteArray encode(const QImage &image, const QList<MappedDetection> &detections)
    {
        return encode(image, detections, BoxStyle());
    }
};

} // namespace qvd
