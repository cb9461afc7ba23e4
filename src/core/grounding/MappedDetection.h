#pragma once

#include "core/grounding/CoordinateMapper.h"
#include "core/grounding/Detection.h"

#include <QList>
#include <QPolygonF>
#include <QRectF>
#include <QString>
#include <QVariantMap>

#include <optional>

namespace qvd {

// A detection in pixels of the upright original image: what painters and exports work with.
struct MappedDetection
{
    DetectionKind kind = DetectionKind::Box;
    QString label;
    QVariantMap attributes;
    QRectF rect; // normalized, clamped to the image; empty at the point for DetectionKind::Point
    QPolygonF quad; // the four corners, only for DetectionKind::Quad
    std::optional<int> image; // the image it belongs to (0-based), if known
    bool hidden = false; // the person switched it off: painters and dataset files skip it

    QPointF point() const { return rect.topLeft(); }

    // `detection` through `mapper`; `image` is the index of the image mapped onto.
    static MappedDetection map(const Detection &detection, const CoordinateMapper &mapper,
                               std::optional<int> image = std::nullopt);
    // The model's own numbers with the corners put in order: for output when no image size is
    // known, so nothing can be mapped or clamped.
    static MappedDetection unmapped(const Detection &detection);

    friend bool operator==(const MappedDetection &a, const MappedDetection &b)
    {
        return a.kind == b.kind && a.label == b.label && a.attributes == b.attributes
            && a.rect == b.rect && a.quad == b.quad && a.image == b.image && a.hidden == b.hidden;
    }
};

QList<MappedDetection> mapDetections(const QList<Detection> &detections,
                                     const CoordinateMapper &mapper,
                                     std::optional<int> image = std::nullopt);

} // namespace qvd
