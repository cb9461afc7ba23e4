#include "ui/inspector/BoxEditTool.h"

#include "ui/inspector/ImageCanvas.h"
#include "ui/inspector/LayerOverlay.h"

#include <QApplication>
#include <QKeyEvent>
#include <QLineF>
#include <QMouseEvent>

namespace qvd {

namespace {

constexpr qreal kGripSlop = 5; // screen pixels around an edge or handle that still take it
constexpr qreal kMinSide = 1; // image pixels: a box never collapses to nothing

QRectF shapeOf(const MappedDetection &d)
{
    return (d.kind == DetectionKind::Quad && !d.quad.isEmpty() ? d.quad.boundingRect() : d.rect)
        .normalized();
}

} // namespace

BoxEditTool::BoxEditTool(ImageCanvas *canvas, LayerOverlay *overlay, QObject *parent)
    : QObject(parent), m_canvas(canvas), m_overlay(overlay)
{
    canvas->viewport()->installEventFilter(this);
    canvas->installEventFilter(this);
}

BoxEditTool::~BoxEditTool() = default;

void BoxEditTool::setActive(bool active)
{
    if (active == m_active)
        return;
    m_active = active;
    cancel();
    if (!active)
        m_canvas->viewport()->unsetCursor();
    else
        m_canvas->viewport()->setCursor(Qt::CrossCursor);
    updateOverlay();
}

void BoxEditTool::setBoxes(const QStringList &ids, const QList<MappedDetection> &boxes)
{
    m_ids = ids;
    m_boxes = boxes;
    if (!m_selected.isEmpty() && indexOf(m_selected) < 0)
        m_selected.clear();
    updateOverlay();
}

void BoxEditTool::select(const QString &id)
{
    m_selected = indexOf(id) >= 0 ? id : QString();
    updateOverlay();
}

int BoxEditTool::indexOf(const QString &id) const
{
    return id.isEmpty() ? -1 : int(m_ids.indexOf(id));
}

QRectF BoxEditTool::selectedRect() const
{
    const int i = indexOf(m_selected);
    return i < 0 || i >= m_boxes.size() ? QRectF() : shapeOf(m_boxes[i]);
}

BoxEditTool::Grip BoxEditTool::gripAt(QPointF viewport) const
{
    const int i = indexOf(m_selected);
    if (i < 0 || i >= m_boxes.size())
        return Grip::None;
    const QRectF r(m_canvas->imageToViewport(selectedRect().topLeft()),
                   m_canvas->imageToViewport(selectedRect().bottomRight()));
    if (m_boxes[i].kind == DetectionKind::Point)
        return QLineF(viewport, r.topLeft()).length() <= kGripSlop + LayerOverlay::kHandleRadius
            ? Grip::Move
            : Grip::None;
    const qreal slop = kGripSlop;
    const bool nearLeft = qAbs(viewport.x() - r.left()) <= slop;
    const bool nearRight = qAbs(viewport.x() - r.right()) <= slop;
    const bool nearTop = qAbs(viewport.y() - r.top()) <= slop;
    const bool nearBottom = qAbs(viewport.y() - r.bottom()) <= slop;
    const bool withinX = viewport.x() >= r.left() - slop && viewport.x() <= r.right() + slop;
    const bool withinY = viewport.y() >= r.top() - slop && viewport.y() <= r.bottom() + slop;
    if (!withinX || !withinY)
        return Grip::None;
    if (nearTop && nearLeft)
        return Grip::TopLeft;
    if (nearTop && nearRight)
        return Grip::TopRight;
    if (nearBottom && nearLeft)
        return Grip::BottomLeft;
    if (nearBottom && nearRight)
        return Grip::BottomRight;
    if (nearLeft)
        return Grip::Left;
    if (nearRight)
        return Grip::Right;
    if (nearTop)
        return Grip::Top;
    if (nearBottom)
        return Grip::Bottom;
    return Grip::Move;
}

QRectF BoxEditTool::dragged(QPointF image) const
{
    const QSizeF size = m_canvas->image().size();
    const auto clampX = [&](qreal x) {
        return std::clamp<qreal>(x, 0, size.width());
    };
    const auto clampY = [&](qreal y) {
        return std::clamp<qreal>(y, 0, size.height());
    };
    if (m_drawing)
        return QRectF(m_pressImage, QPointF(clampX(image.x()), clampY(image.y()))).normalized();
    QRectF r = m_startRect;
    const QPointF delta = image - m_pressImage;
    switch (m_grip) {
    case Grip::None:
        return r;
    case Grip::Move: {
        // The whole box moves, and stays on the image.
        const qreal dx = std::clamp<qreal>(delta.x(), -r.left(), size.width() - r.right());
        const qreal dy = std::clamp<qreal>(delta.y(), -r.top(), size.height() - r.bottom());
        return r.translated(dx, dy);
    }
    default:
        break;
    }
    const bool left = m_grip == Grip::Left || m_grip == Grip::TopLeft || m_grip == Grip::BottomLeft;
    const bool right =
        m_grip == Grip::Right || m_grip == Grip::TopRight || m_grip == Grip::BottomRight;
    const bool top = m_grip == Grip::Top || m_grip == Grip::TopLeft || m_grip == Grip::TopRight;
    const bool bottom =
        m_grip == Grip::Bottom || m_grip == Grip::BottomLeft || m_grip == Grip::BottomRight;
    if (left)
        r.setLeft(clampX(m_startRect.left() + delta.x()));
    if (right)
        r.setRight(clampX(m_startRect.right() + delta.x()));
    if (top)
        r.setTop(clampY(m_startRect.top() + delta.y()));
    if (bottom)
        r.setBottom(clampY(m_startRect.bottom() + delta.y()));
    r = r.normalized();
    if (r.width() < kMinSide)
        r.setWidth(kMinSide);
    if (r.height() < kMinSide)
        r.setHeight(kMinSide);
    return r;
}

bool BoxEditTool::press(QPointF viewport)
{
    m_pressViewport = viewport;
    m_pressImage = m_canvas->viewportToImage(viewport);
    m_moved = false;
    m_grip = gripAt(viewport);
    if (m_grip == Grip::None) {
        // Another box under the pointer is chosen and can be dragged at once.
        const int hit = m_canvas->detectionAt(viewport);
        const QString id = hit >= 0 ? m_ids.value(hit) : QString();
        if (id != m_selected) {
            m_selected = id;
            Q_EMIT selectionChanged(id);
        }
        m_grip = id.isEmpty() ? Grip::None : Grip::Move;
    }
    m_drawing = m_grip == Grip::None;
    if (m_drawing) {
        const QSizeF size = m_canvas->image().size();
        m_pressImage = QPointF(std::clamp<qreal>(m_pressImage.x(), 0, size.width()),
                               std::clamp<qreal>(m_pressImage.y(), 0, size.height()));
    }
    m_startRect = selectedRect();
    m_preview = m_drawing ? QRectF(m_pressImage, QSizeF()) : m_startRect;
    updateOverlay();
    return true;
}

void BoxEditTool::move(QPointF viewport)
{
    if (!m_moved && QLineF(viewport, m_pressViewport).length() < QApplication::startDragDistance())
        return;
    m_moved = true;
    m_preview = dragged(m_canvas->viewportToImage(viewport));
    m_overlay->setEditPreview(m_preview);
    m_canvas->viewport()->update();
}

void BoxEditTool::release(QPointF viewport)
{
    const bool drawing = m_drawing;
    const bool moved = m_moved;
    const QRectF result = moved ? dragged(m_canvas->viewportToImage(viewport)) : QRectF();
    const QString id = m_selected;
    cancel();
    if (!moved)
        return;
    if (drawing) {
        if (result.width() >= kMinSide && result.height() >= kMinSide)
            Q_EMIT boxDrawn(result);
    } else if (!id.isEmpty() && result != m_startRect) {
        Q_EMIT rectChanged(id, result);
    }
}

void BoxEditTool::cancel()
{
    m_grip = Grip::None;
    m_drawing = false;
    m_moved = false;
    m_preview = QRectF();
    updateOverlay();
}

void BoxEditTool::updateOverlay()
{
    const bool dragging = m_active && m_moved;
    m_overlay->setEditPreview(dragging ? std::optional<QRectF>(m_preview) : std::nullopt);
    const QRectF selected = selectedRect();
    m_overlay->setEditBox(m_active && indexOf(m_selected) >= 0 && !m_drawing
                              ? std::optional<QRectF>(selected)
                              : std::nullopt);
    m_canvas->viewport()->update();
}

void BoxEditTool::updateCursor(QPointF viewport)
{
    switch (gripAt(viewport)) {
    case Grip::Move:
        m_canvas->viewport()->setCursor(Qt::SizeAllCursor);
        return;
    case Grip::Left:
    case Grip::Right:
        m_canvas->viewport()->setCursor(Qt::SizeHorCursor);
        return;
    case Grip::Top:
    case Grip::Bottom:
        m_canvas->viewport()->setCursor(Qt::SizeVerCursor);
        return;
    case Grip::TopLeft:
    case Grip::BottomRight:
        m_canvas->viewport()->setCursor(Qt::SizeFDiagCursor);
        return;
    case Grip::TopRight:
    case Grip::BottomLeft:
        m_canvas->viewport()->setCursor(Qt::SizeBDiagCursor);
        return;
    case Grip::None:
        m_canvas->viewport()->setCursor(Qt::CrossCursor);
        return;
    }
}

bool BoxEditTool::eventFilter(QObject *watched, QEvent *event)
{
    if (!m_active || m_canvas->image().isNull())
        return QObject::eventFilter(watched, event);
    if (watched == m_canvas && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Delete || key->key() == Qt::Key_Backspace)
            && !m_selected.isEmpty()) {
            Q_EMIT deleteRequested(m_selected);
            return true;
        }
        if (key->key() == Qt::Key_F2 && !m_selected.isEmpty()) {
            Q_EMIT relabelRequested(m_selected);
            return true;
        }
        if (key->key() == Qt::Key_Escape && (m_moved || m_drawing)) {
            cancel();
            return true;
        }
        return QObject::eventFilter(watched, event);
    }
    if (watched != m_canvas->viewport())
        return QObject::eventFilter(watched, event);
    switch (event->type()) {
    case QEvent::MouseButtonPress: {
        auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() != Qt::LeftButton || m_canvas->isSpaceHeld())
            return false;
        m_canvas->setFocus(Qt::MouseFocusReason);
        return press(mouse->position());
    }
    case QEvent::MouseMove: {
        auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->buttons() & Qt::LeftButton && (m_grip != Grip::None || m_drawing)) {
            move(mouse->position());
            return true;
        }
        if (!mouse->buttons() && !m_canvas->isSpaceHeld())
            updateCursor(mouse->position());
        return false; // hovering still lights boxes and rows
    }
    case QEvent::MouseButtonRelease: {
        auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() != Qt::LeftButton || (m_grip == Grip::None && !m_drawing))
            return false;
        release(mouse->position());
        return true;
    }
    case QEvent::MouseButtonDblClick: {
        auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() == Qt::LeftButton && !m_selected.isEmpty()
            && gripAt(mouse->position()) == Grip::Move) {
            Q_EMIT relabelRequested(m_selected);
            return true;
        }
        return false;
    }
    default:
        return QObject::eventFilter(watched, event);
    }
}

} // namespace qvd
