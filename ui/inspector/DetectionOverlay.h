#pragma once

#include "core/grounding/MappedDetection.h"

#include <QImage>
#include <QList>
#include <QRectF>
#include <QSize>

class QPainter;

namespace qvd {

// The detections over ImageCanvas's image: painted by BoxPainter at the view's zoom with lines
// and labels of a constant on-screen size, the hovered and the selected one emphasised, and
// found again under the pointer. Knows nothing of scrolling: callers give the zoom and translate
// the painter to the image's top-left corner.
class DetectionOverlay
{
public:
    void setDetections(const QList<MappedDetection> &detections);
    const QList<MappedDetection> &detections() const { return m_detections; }

    int hovered() const { return m_hovered; }
    int selected() const { return m_selected; }
    void setHovered(int index) { m_hovered = index; }
    void setSelected(int index) { m_selected = index; }

    // `visible`: the part of the image in view, in image pixels; `fontPixelSize` on screen.
    void paint(QPainter &painter, QSize imageSize, qreal zoom, const QRectF &visible,
               qreal fontPixelSize);
    // The smallest shown detection at `point` (image pixels), with a few screen pixels of slop;
    // -1 if none.
    int detectionAt(QPointF point, qreal zoom) const;

    static constexpr qreal LineWidth = 2; // on-screen pixels, at every zoom

private:
    const QList<MappedDetection> &zoomed(qreal zoom);
    void paintShapes(QPainter &painter, const QList<MappedDetection> &shapes, QSize zoomedSize,
                     qreal fontPixelSize) const;
    bool layerFits(QSize zoomedSize, qreal dpr) const;

    QList<MappedDetection> m_detections;
    QList<MappedDetection> m_zoomed; // m_detections scaled by m_zoomedAt
    qreal m_zoomedAt = -1;
    // Every shape painted once at m_zoomedAt, when the zoomed image is small enough (fit and
    // zoomed out), so panning and hovering repaint one image instead of 1,000 boxes and labels.
    QImage m_layer;
    qreal m_layerFont = 0;
    int m_hovered = -1;
    int m_selected = -1;
};

} // namespace qvd
