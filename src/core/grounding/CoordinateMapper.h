#pragma once

#include "core/grounding/CoordinateSpace.h"
#include "core/grounding/Detection.h"
#include "core/imaging/ImageTransform.h"

#include <QPointF>
#include <QPolygonF>
#include <QRectF>
#include <QSizeF>

namespace qvd {

// Maps a model's coordinates to pixels of the upright (EXIF-oriented) original image and back
// (docs/grounding.md §2):
//   Norm1000:   px = v / 1000 * W, v clamped to [0, 1000] first
//   AbsResized: px = v * W / W_in, (W_in, H_in) = the size the server confirmed or corrected
//               (ServerSizeCheck), else the transform's sentSize, or smart_resize of the original
//               with the transform's budget when no sent size was recorded
//   Absolute:   px = v
// then clamped to the image (#1035: values can pass the resized edge). Rectangles come back with
// inverted corners swapped, as every official plotter does.
class CoordinateMapper
{
public:
    CoordinateMapper(CoordinateSpace space, const ImageTransform &transform);

    // False when the image size (or, for AbsResized, the model input size) is unknown.
    bool isValid() const { return !m_original.isEmpty() && !m_model.isEmpty(); }
    CoordinateSpace space() const { return m_space; }
    QSizeF originalSize() const { return m_original; }
    // The extent of the model's numbers: 1000×1000, the model input size, or the original size.
    QSizeF modelSize() const { return m_model; }

    QPointF toOriginal(QPointF model) const;
    QRectF toOriginal(const QRectF &model) const;
    QPolygonF toOriginal(const QPolygonF &model) const;
    // The detection's rectangle (a point: an empty rectangle at the point) in original pixels.
    QRectF toOriginal(const Detection &detection) const;

    // The inverse, for a region the user drew: original pixels → model space, clamped to the
    // model's range, not rounded.
    QPointF toModel(QPointF original) const;

private:
    CoordinateSpace m_space;
    QSizeF m_original;
    QSizeF m_model;
};

} // namespace qvd
