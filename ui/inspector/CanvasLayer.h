#pragma once

#include <QRectF>
#include <QSize>

class QPainter;

namespace qvd {

// Something ImageCanvas draws over its image after the model's detections: ground truth, the
// marks of a comparison, the handles of the box being edited. The painter is translated to the
// image's top-left corner and not scaled: an image point p is at p * zoom, so lines keep their
// on-screen width at every zoom.
class CanvasLayer
{
public:
    virtual ~CanvasLayer() = default;
    // `visible`: the part of the image in view, in image pixels; `fontPixelSize` on screen.
    virtual void paint(QPainter &painter, QSize imageSize, qreal zoom, const QRectF &visible,
                       qreal fontPixelSize) = 0;
};

} // namespace qvd
