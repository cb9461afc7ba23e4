#pragma once

#include "core/grounding/MappedDetection.h"
#include "ui/inspector/CanvasLayer.h"
#include "ui/inspector/DetectionOverlay.h"
#include "ui/inspector/ImagePyramid.h"

#include <QAbstractScrollArea>
#include <QList>

class QPinchGesture;

namespace qvd {

// The image at full resolution with the detections drawn over it by BoxPainter, zoomable
// (wheel and pinch around the cursor, fit, 100 %) and pannable (middle button, Space + drag,
// scroll bars). Lines and labels keep their on-screen size at every zoom. In the region tool a
// drag marks a rectangle and a click a point, both reported in original pixels.
// Detections are addressed by their index in setDetections()'s list.
class ImageCanvas : public QAbstractScrollArea
{
    Q_OBJECT
public:
    enum class Tool {
        Select, // hover and click boxes
        Region, // drag a rectangle or click a point to ask about it
    };

    explicit ImageCanvas(QWidget *parent = nullptr);

    void setImage(const QImage &image);
    const QImage &image() const { return m_pyramid.original(); }
    // In original pixels; hidden ones are not drawn and cannot be hovered.
    void setDetections(const QList<MappedDetection> &detections);
    const QList<MappedDetection> &detections() const { return m_overlay.detections(); }
    void setPlaceholderText(const QString &text);

    Tool tool() const { return m_tool; }
    void setTool(Tool tool);

    qreal zoom() const { return m_zoom; }
    bool isFitToWindow() const { return m_fit; }
    // Zooms keeping the image point under `anchor` (viewport coordinates) where it is; ends
    // fit-to-window.
    void zoomAt(qreal zoom, QPointF anchor);
    void setZoom(qreal zoom);
    void zoomToFit();
    void zoomToActualSize();
    void zoomIn();
    void zoomOut();

    QPointF imageToViewport(QPointF image) const;
    QPointF viewportToImage(QPointF viewport) const;
    // The detection under a viewport position (the smallest one containing it), or -1.
    int detectionAt(QPointF viewport) const;

    int hovered() const { return m_overlay.hovered(); }
    int selected() const { return m_overlay.selected(); }
    // Highlight without emitting anything (the table or the chat did it).
    void setHovered(int index);
    void setSelected(int index);
    // Scrolls so the detection is in view, if it is not.
    void reveal(int index);

    // Drawn over the detections, in this order (not owned; remove before deleting one).
    void addLayer(CanvasLayer *layer);
    void removeLayer(CanvasLayer *layer);
    // Space is held: a left drag pans, whatever the tool.
    bool isSpaceHeld() const { return m_spaceHeld; }

Q_SIGNALS:
    void zoomChanged(qreal zoom);
    void detectionHovered(int index); // -1 when the pointer leaves every box
    void detectionClicked(int index); // -1 for a click on no box
    void regionDrawn(const QRectF &original);
    void pointPicked(QPointF original);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    bool viewportEvent(QEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    enum class Drag { None, Pan, Region };

    QPointF offset() const;
    qreal fitZoom() const;
    // Zooms and scrolls so `imagePoint` (original pixels) is at `viewportPoint`.
    void applyZoom(qreal zoom, QPointF imagePoint, QPointF viewportPoint);
    void followPinch(const QPinchGesture &pinch);
    void updateScrollBars();
    void updateCursor();
    QPointF clampedToImage(QPointF image) const;
    void paintImage(QPainter &painter, const QRectF &visible);
    void paintRegion(QPainter &painter);

    ImagePyramid m_pyramid;
    DetectionOverlay m_overlay;
    QList<CanvasLayer *> m_layers;
    QString m_placeholder;
    Tool m_tool = Tool::Select;
    qreal m_zoom = 1;
    bool m_fit = true;
    Drag m_drag = Drag::None;
    bool m_spaceHeld = false;
    QPoint m_pressPos;
    QPoint m_panStartScroll;
    QPointF m_regionStart;
    QPointF m_regionEnd;
    qreal m_pinchStartZoom = 1; // at the start of a touchscreen pinch
    QPointF m_pinchImagePoint; // the image point between the fingers then
};

} // namespace qvd
