#include "ui/inspector/ImageCanvas.h"

#include <QApplication>
#include <QGestureEvent>
#include <QNativeGestureEvent>
#include <QPainter>
#include <QPinchGesture>
#include <QScrollBar>
#include <QWheelEvent>

#include <cmath>

namespace qvd {

namespace {

constexpr qreal kMinZoom = 0.01;
constexpr qreal kMaxZoom = 32;
constexpr qreal kZoomStep = 1.25; // one wheel notch or zoom action

} // namespace

ImageCanvas::ImageCanvas(QWidget *parent) : QAbstractScrollArea(parent)
{
    setObjectName(QStringLiteral("imageCanvas"));
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setMouseTracking(true);
    viewport()->grabGesture(Qt::PinchGesture);
    // Photos read best on a neutral dark surround, whatever the widget style.
    QPalette palette = viewport()->palette();
    palette.setColor(QPalette::Window, QColor(48, 48, 48));
    palette.setColor(QPalette::WindowText, QColor(200, 200, 200));
    viewport()->setPalette(palette);
    viewport()->setBackgroundRole(QPalette::Window);
    viewport()->setAutoFillBackground(true);
    horizontalScrollBar()->setSingleStep(20);
    verticalScrollBar()->setSingleStep(20);
}

void ImageCanvas::setImage(const QImage &image)
{
    m_pyramid.setImage(image);
    m_overlay = DetectionOverlay();
    zoomToFit();
}

void ImageCanvas::setDetections(const QList<MappedDetection> &detections)
{
    m_overlay.setDetections(detections);
    viewport()->update();
}

void ImageCanvas::setPlaceholderText(const QString &text)
{
    m_placeholder = text;
    viewport()->update();
}

void ImageCanvas::setTool(Tool tool)
{
    m_tool = tool;
    m_drag = Drag::None;
    updateCursor();
    viewport()->update();
}

QPointF ImageCanvas::offset() const
{
    const QSizeF content = QSizeF(m_pyramid.original().size()) * m_zoom;
    const QSize view = viewport()->size();
    const qreal x = content.width() <= view.width() ? (view.width() - content.width()) / 2
                                                    : -horizontalScrollBar()->value();
    const qreal y = content.height() <= view.height() ? (view.height() - content.height()) / 2
                                                      : -verticalScrollBar()->value();
    return {x, y};
}

QPointF ImageCanvas::imageToViewport(QPointF image) const
{
    return image * m_zoom + offset();
}

QPointF ImageCanvas::viewportToImage(QPointF viewport) const
{
    return (viewport - offset()) / m_zoom;
}

qreal ImageCanvas::fitZoom() const
{
    const QSize image = m_pyramid.original().size();
    if (image.isEmpty())
        return 1;
    const QSize view = viewport()->size();
    return std::clamp(
        std::min(qreal(view.width()) / image.width(), qreal(view.height()) / image.height()),
        kMinZoom, kMaxZoom);
}

void ImageCanvas::updateScrollBars()
{
    const QSizeF content = QSizeF(m_pyramid.original().size()) * m_zoom;
    const QSize view = viewport()->size();
    horizontalScrollBar()->setRange(0, std::max(0, int(std::ceil(content.width())) - view.width()));
    verticalScrollBar()->setRange(0, std::max(0, int(std::ceil(content.height())) - view.height()));
    horizontalScrollBar()->setPageStep(view.width());
    verticalScrollBar()->setPageStep(view.height());
}

void ImageCanvas::zoomAt(qreal zoom, QPointF anchor)
{
    m_fit = false;
    applyZoom(zoom, viewportToImage(anchor), anchor);
}

void ImageCanvas::applyZoom(qreal zoom, QPointF imagePoint, QPointF viewportPoint)
{
    m_zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
    updateScrollBars();
    // Scroll so `imagePoint` lands under `viewportPoint` (where the content is larger than the
    // view; a smaller one is centred).
    const QPointF wanted = imagePoint * m_zoom - viewportPoint;
    horizontalScrollBar()->setValue(qRound(wanted.x()));
    verticalScrollBar()->setValue(qRound(wanted.y()));
    viewport()->update();
    Q_EMIT zoomChanged(m_zoom);
}

void ImageCanvas::setZoom(qreal zoom)
{
    zoomAt(zoom, QRectF(viewport()->rect()).center());
}

void ImageCanvas::zoomToFit()
{
    m_fit = true;
    const QPointF centre = QRectF(viewport()->rect()).center();
    applyZoom(fitZoom(), viewportToImage(centre), centre);
}

void ImageCanvas::zoomToActualSize()
{
    setZoom(1);
}

void ImageCanvas::zoomIn()
{
    setZoom(m_zoom * kZoomStep);
}

void ImageCanvas::zoomOut()
{
    setZoom(m_zoom / kZoomStep);
}

int ImageCanvas::detectionAt(QPointF viewport) const
{
    return m_overlay.detectionAt(viewportToImage(viewport), m_zoom);
}

void ImageCanvas::setHovered(int index)
{
    if (index == m_overlay.hovered())
        return;
    m_overlay.setHovered(index);
    viewport()->update();
}

void ImageCanvas::setSelected(int index)
{
    if (index == m_overlay.selected())
        return;
    m_overlay.setSelected(index);
    viewport()->update();
}

void ImageCanvas::reveal(int index)
{
    const QList<MappedDetection> &all = m_overlay.detections();
    if (index < 0 || index >= all.size())
        return;
    const QRectF shape(imageToViewport(all[index].rect.topLeft()), all[index].rect.size() * m_zoom);
    if (QRectF(viewport()->rect()).contains(shape))
        return;
    const QPointF centre = all[index].rect.center() * m_zoom;
    horizontalScrollBar()->setValue(qRound(centre.x() - viewport()->width() / 2.0));
    verticalScrollBar()->setValue(qRound(centre.y() - viewport()->height() / 2.0));
}

void ImageCanvas::addLayer(CanvasLayer *layer)
{
    if (layer && !m_layers.contains(layer))
        m_layers.append(layer);
    viewport()->update();
}

void ImageCanvas::removeLayer(CanvasLayer *layer)
{
    m_layers.removeAll(layer);
    viewport()->update();
}

void ImageCanvas::updateCursor()
{
    if (m_drag == Drag::Pan)
        viewport()->setCursor(Qt::ClosedHandCursor);
    else if (m_spaceHeld)
        viewport()->setCursor(Qt::OpenHandCursor);
    else if (m_tool == Tool::Region)
        viewport()->setCursor(Qt::CrossCursor);
    else
        viewport()->unsetCursor();
}

QPointF ImageCanvas::clampedToImage(QPointF image) const
{
    const QSize size = m_pyramid.original().size();
    return {std::clamp<qreal>(image.x(), 0, size.width()),
            std::clamp<qreal>(image.y(), 0, size.height())};
}

void ImageCanvas::paintEvent(QPaintEvent *)
{
    QPainter painter(viewport());
    if (m_pyramid.isNull()) {
        painter.drawText(viewport()->rect().adjusted(12, 12, -12, -12),
                         Qt::AlignCenter | Qt::TextWordWrap, m_placeholder);
        return;
    }
    const QRectF visible =
        QRectF(viewportToImage(QPointF(0, 0)),
               viewportToImage(QPointF(viewport()->width(), viewport()->height())))
            .intersected(QRectF(m_pyramid.original().rect()));
    if (visible.isEmpty())
        return;
    paintImage(painter, visible);
    painter.save();
    painter.translate(offset());
    const qreal fontPixelSize = std::max(12, QFontInfo(font()).pixelSize());
    m_overlay.paint(painter, m_pyramid.original().size(), m_zoom, visible, fontPixelSize);
    for (CanvasLayer *layer : std::as_const(m_layers)) {
        painter.save();
        layer->paint(painter, m_pyramid.original().size(), m_zoom, visible, fontPixelSize);
        painter.restore();
    }
    painter.restore();
    paintRegion(painter);
}

void ImageCanvas::paintImage(QPainter &painter, const QRectF &visible)
{
    // Only the visible part, from the smallest level that still has enough pixels.
    const QImage &level = m_pyramid.levelFor(m_zoom);
    const QSize original = m_pyramid.original().size();
    const qreal sx = qreal(level.width()) / original.width();
    const qreal sy = qreal(level.height()) / original.height();
    const QRectF source(visible.x() * sx, visible.y() * sy, visible.width() * sx,
                        visible.height() * sy);
    const QRectF target(imageToViewport(visible.topLeft()), visible.size() * m_zoom);
    // Zoomed in, show the pixels as they are; zoomed out, filter.
    painter.setRenderHint(QPainter::SmoothPixmapTransform, m_zoom < 1);
    painter.drawImage(target, level, source);
}

void ImageCanvas::paintRegion(QPainter &painter)
{
    if (m_drag != Drag::Region)
        return;
    const QRectF band =
        QRectF(imageToViewport(m_regionStart), imageToViewport(m_regionEnd)).normalized();
    // Black under white dashes: visible on any photo.
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setBrush(QColor(255, 255, 255, 40));
    painter.setPen(QPen(Qt::black, 1));
    painter.drawRect(band);
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(Qt::white, 1, Qt::DashLine));
    painter.drawRect(band);
}

void ImageCanvas::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    if (m_fit)
        zoomToFit();
    else
        updateScrollBars();
}

void ImageCanvas::scrollContentsBy(int, int)
{
    viewport()->update();
}

bool ImageCanvas::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::NativeGesture) {
        // Touchpad pinch on macOS, X11 (XInput 2.4) and Wayland/libinput: value() is the change
        // of scale. Qt 6.4 hands the event on from the window without mapping position() to
        // the receiver, so the pointer is taken from the global position.
        const auto *gesture = static_cast<QNativeGestureEvent *>(event);
        if (gesture->gestureType() == Qt::ZoomNativeGesture) {
            zoomAt(m_zoom * (1 + gesture->value()),
                   viewport()->mapFromGlobal(gesture->globalPosition()));
            return true;
        }
    } else if (event->type() == QEvent::Gesture) {
        auto *gestures = static_cast<QGestureEvent *>(event);
        if (auto *pinch = static_cast<QPinchGesture *>(gestures->gesture(Qt::PinchGesture))) {
            followPinch(*pinch);
            gestures->accept(pinch);
            return true;
        }
    }
    return QAbstractScrollArea::viewportEvent(event);
}

void ImageCanvas::followPinch(const QPinchGesture &pinch)
{
    // Touchscreen pinch: the image point first between the fingers stays between them as they
    // spread and move. Measured from the start of the gesture (total scale, start point), so
    // whole-pixel scrolling does not add up over the updates; the centre points are global.
    const QPointF centre = viewport()->mapFromGlobal(pinch.centerPoint());
    switch (pinch.state()) {
    case Qt::GestureStarted:
        m_pinchStartZoom = m_zoom / pinch.totalScaleFactor();
        m_pinchImagePoint = viewportToImage(centre);
        m_fit = false;
        break;
    case Qt::GestureUpdated:
        applyZoom(m_pinchStartZoom * pinch.totalScaleFactor(), m_pinchImagePoint, centre);
        break;
    default: // finished or cancelled: it repeats the last update
        break;
    }
}

void ImageCanvas::mousePressEvent(QMouseEvent *event)
{
    m_pressPos = event->position().toPoint();
    if (event->button() == Qt::MiddleButton || (event->button() == Qt::LeftButton && m_spaceHeld)) {
        m_drag = Drag::Pan;
        m_panStartScroll = {horizontalScrollBar()->value(), verticalScrollBar()->value()};
    } else if (event->button() == Qt::LeftButton && m_tool == Tool::Region && !m_pyramid.isNull()) {
        m_drag = Drag::Region;
        m_regionStart = m_regionEnd = clampedToImage(viewportToImage(event->position()));
    } else if (event->button() == Qt::LeftButton) {
        const int index = detectionAt(event->position());
        setSelected(index);
        Q_EMIT detectionClicked(index);
    }
    updateCursor();
    viewport()->update();
}

void ImageCanvas::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    if (m_drag == Drag::Pan) {
        const QPoint moved = pos - m_pressPos;
        horizontalScrollBar()->setValue(m_panStartScroll.x() - moved.x());
        verticalScrollBar()->setValue(m_panStartScroll.y() - moved.y());
    } else if (m_drag == Drag::Region) {
        m_regionEnd = clampedToImage(viewportToImage(event->position()));
        viewport()->update();
    } else if (m_tool == Tool::Select) {
        const int index = detectionAt(event->position());
        if (index != m_overlay.hovered()) {
            setHovered(index);
            Q_EMIT detectionHovered(index);
        }
    }
}

void ImageCanvas::mouseReleaseEvent(QMouseEvent *event)
{
    const Drag drag = m_drag;
    m_drag = Drag::None;
    updateCursor();
    viewport()->update();
    if (drag != Drag::Region)
        return;
    m_regionEnd = clampedToImage(viewportToImage(event->position()));
    if ((event->position().toPoint() - m_pressPos).manhattanLength()
        < QApplication::startDragDistance())
        Q_EMIT pointPicked(m_regionStart);
    else
        Q_EMIT regionDrawn(QRectF(m_regionStart, m_regionEnd).normalized());
}

void ImageCanvas::wheelEvent(QWheelEvent *event)
{
    if (m_pyramid.isNull())
        return;
    const QPoint delta = event->angleDelta();
    const int steps = delta.y() != 0 ? delta.y() : delta.x();
    if (steps == 0)
        return;
    // 120 units = one notch of a mouse wheel; touchpads send smaller, more frequent deltas.
    zoomAt(m_zoom * std::pow(kZoomStep, steps / 120.0), event->position());
    event->accept();
}

void ImageCanvas::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = true;
        updateCursor();
        return;
    }
    QAbstractScrollArea::keyPressEvent(event);
}

void ImageCanvas::keyReleaseEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = false;
        updateCursor();
        return;
    }
    QAbstractScrollArea::keyReleaseEvent(event);
}

void ImageCanvas::leaveEvent(QEvent *event)
{
    QAbstractScrollArea::leaveEvent(event);
    if (m_overlay.hovered() >= 0 && m_drag == Drag::None) {
        setHovered(-1);
        Q_EMIT detectionHovered(-1);
    }
}

} // namespace qvd
