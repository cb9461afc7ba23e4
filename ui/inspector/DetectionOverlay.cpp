#include "ui/inspector/DetectionOverlay.h"

#include "core/grounding/BoxPainter.h"
#include "core/grounding/LabelPalette.h"

#include <QLineF>
#include <QPainter>

namespace qvd {

namespace {

constexpr qreal kHitSlop = 5; // on-screen pixels around a shape that still count as on it
constexpr qreal kLayerMaxPixels = 4e6; // 16 MB of ARGB
constexpr int kLayerMargin = 4; // lines on the image's edge reach out of it by half their width

MappedDetection scaled(const MappedDetection &d, qreal zoom)
{
    MappedDetection s = d;
    s.rect = QRectF(d.rect.topLeft() * zoom, d.rect.size() * zoom);
    for (QPointF &p : s.quad)
        p *= zoom;
    return s;
}

} // namespace

void DetectionOverlay::setDetections(const QList<MappedDetection> &detections)
{
    m_detections = detections;
    m_zoomedAt = -1;
    m_layer = QImage();
    if (m_hovered >= m_detections.size())
        m_hovered = -1;
    if (m_selected >= m_detections.size())
        m_selected = -1;
}

const QList<MappedDetection> &DetectionOverlay::zoomed(qreal zoom)
{
    if (m_zoomedAt != zoom) {
        m_zoomed.clear();
        m_zoomed.reserve(m_detections.size());
        for (const MappedDetection &d : std::as_const(m_detections))
            m_zoomed.append(scaled(d, zoom));
        m_zoomedAt = zoom;
        m_layer = QImage();
    }
    return m_zoomed;
}

bool DetectionOverlay::layerFits(QSize zoomedSize, qreal dpr) const
{
    return qreal(zoomedSize.width()) * zoomedSize.height() * dpr * dpr <= kLayerMaxPixels;
}

void DetectionOverlay::paintShapes(QPainter &painter, const QList<MappedDetection> &shapes,
                                   QSize zoomedSize, qreal fontPixelSize) const
{
    BoxStyle style;
    style.lineWidth = LineWidth;
    style.fontPixelSize = fontPixelSize;
    BoxPainter::paint(painter, shapes, zoomedSize, style);
}

void DetectionOverlay::paint(QPainter &painter, QSize imageSize, qreal zoom, const QRectF &visible,
                             qreal fontPixelSize)
{
    if (m_detections.isEmpty())
        return;
    // BoxPainter draws in "zoomed image" pixels (the detections scaled, not the painter), so the
    // lines and the label font keep their on-screen size at every zoom, and labels are kept
    // inside the image's on-screen rectangle.
    const QList<MappedDetection> &all = zoomed(zoom);
    const QSize zoomedSize = (QSizeF(imageSize) * zoom).toSize().expandedTo(QSize(1, 1));
    const qreal dpr = painter.device()->devicePixelRatioF();
    if (layerFits(zoomedSize, dpr)) {
        if (m_layer.isNull() || m_layerFont != fontPixelSize || m_layer.devicePixelRatio() != dpr) {
            const QSize margins(2 * kLayerMargin, 2 * kLayerMargin);
            m_layer = QImage((zoomedSize + margins) * dpr, QImage::Format_ARGB32_Premultiplied);
            m_layer.setDevicePixelRatio(dpr);
            m_layer.fill(Qt::transparent);
            QPainter layer(&m_layer);
            layer.translate(kLayerMargin, kLayerMargin);
            paintShapes(layer, all, zoomedSize, fontPixelSize);
            m_layerFont = fontPixelSize;
        }
        painter.drawImage(QPointF(-kLayerMargin, -kLayerMargin), m_layer);
    } else {
        // Zoomed in: only the shapes near the view (a label sits at its shape's top-left).
        const QRectF around =
            QRectF(visible.topLeft() * zoom, visible.size() * zoom).adjusted(-8, -8, 8, 8);
        QList<MappedDetection> near;
        for (const MappedDetection &d : all) {
            if (!d.hidden && (d.rect.intersects(around) || around.contains(d.rect.topLeft())))
                near.append(d);
        }
        paintShapes(painter, near, zoomedSize, fontPixelSize);
    }
    // The hovered and the selected detection on top, with a thicker line; the selected one with
    // a light fill of its colour.
    for (const int index : {m_hovered, m_selected}) {
        if (index < 0 || index >= all.size() || all[index].hidden)
            continue;
        const MappedDetection &d = all[index];
        if (index == m_selected && d.kind != DetectionKind::Point) {
            QColor fill = LabelPalette::colour(d.label);
            fill.setAlpha(48);
            painter.fillRect(d.rect, fill);
        }
        BoxStyle strong;
        strong.lineWidth = 2 * LineWidth;
        strong.fontPixelSize = fontPixelSize;
        BoxPainter::paint(painter, {d}, zoomedSize, strong);
    }
}

int DetectionOverlay::detectionAt(QPointF point, qreal zoom) const
{
    const qreal slop = kHitSlop / zoom;
    // A point's marker is about three line widths across (BoxPainter).
    const qreal pointReach = slop + 3 * LineWidth / zoom;
    int best = -1;
    qreal bestArea = 0;
    for (int i = 0; i < m_detections.size(); ++i) {
        const MappedDetection &d = m_detections[i];
        if (d.hidden)
            continue;
        const bool hit = d.kind == DetectionKind::Point
            ? QLineF(point, d.point()).length() <= pointReach
            : d.rect.adjusted(-slop, -slop, slop, slop).contains(point);
        const qreal area = d.rect.width() * d.rect.height();
        if (hit && (best < 0 || area < bestArea)) {
            best = i;
            bestArea = area;
        }
    }
    return best;
}

} // namespace qvd
