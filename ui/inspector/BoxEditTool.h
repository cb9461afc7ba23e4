#pragma once

#include "core/grounding/MappedDetection.h"

#include <QObject>
#include <QPointF>
#include <QRectF>
#include <QStringList>

namespace qvd {

class ImageCanvas;
class LayerOverlay;

// The inspector's edit tool, over ImageCanvas: with the mouse, a box is chosen by a click,
// moved by dragging its inside and resized by dragging one of its edges or corners (the chosen
// box shows handles); a drag on empty image draws a new box. Delete removes the chosen box, F2
// (or a double click) asks to rename it, Esc drops a drag. It only reports what the person did
// (the inspector turns it into undoable steps); space and the middle button still pan.
class BoxEditTool : public QObject
{
    Q_OBJECT
public:
    BoxEditTool(ImageCanvas *canvas, LayerOverlay *overlay, QObject *parent = nullptr);
    ~BoxEditTool() override;

    void setActive(bool active);
    bool isActive() const { return m_active; }

    // The boxes that can be edited, in the canvas's order, with their ids.
    void setBoxes(const QStringList &ids, const QList<MappedDetection> &boxes);
    QString selectedId() const { return m_selected; }
    // Chooses a box (or none) without reporting it.
    void select(const QString &id);

    // Where a press at `viewport` would take hold of the chosen box, for tests and the cursor.
    enum class Grip {
        None,
        Move,
        Left,
        Top,
        Right,
        Bottom,
        TopLeft,
        TopRight,
        BottomLeft,
        BottomRight
    };
    Grip gripAt(QPointF viewport) const;

Q_SIGNALS:
    void selectionChanged(const QString &id);
    void rectChanged(const QString &id, const QRectF &rect); // a move or resize ended
    void boxDrawn(const QRectF &rect);
    void deleteRequested(const QString &id);
    void relabelRequested(const QString &id);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    bool press(QPointF viewport);
    void move(QPointF viewport);
    void release(QPointF viewport);
    void cancel();
    int indexOf(const QString &id) const;
    QRectF selectedRect() const;
    QRectF dragged(QPointF image) const;
    void updateOverlay();
    void updateCursor(QPointF viewport);

    ImageCanvas *m_canvas;
    LayerOverlay *m_overlay;
    bool m_active = false;
    QStringList m_ids;
    QList<MappedDetection> m_boxes;
    QString m_selected;
    // The drag under way.
    Grip m_grip = Grip::None;
    bool m_drawing = false;
    bool m_moved = false;
    QPointF m_pressImage;
    QPointF m_pressViewport;
    QRectF m_startRect;
    QRectF m_preview;
};

} // namespace qvd
