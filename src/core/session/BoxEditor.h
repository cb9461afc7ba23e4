#pragma once

#include "core/grounding/LayerBox.h"

#include <QObject>

#include <optional>

class QUndoStack;

namespace qvd {

class AnnotationLayers;
struct StoredLayer;

// A person's corrections of one answer's boxes on one image (move, resize, add, delete,
// relabel), kept as the answer's correction layer in AnnotationLayers — never in the answer —
// and the promotion of those boxes to the image's ground truth. Every change is one step on the
// undo stack; undoing the first correction brings the answer's own boxes back.
class BoxEditor : public QObject
{
    Q_OBJECT
public:
    explicit BoxEditor(AnnotationLayers *layers, QObject *parent = nullptr);
    ~BoxEditor() override;

    QUndoStack *undoStack() const { return m_undo; }

    // What is edited: the answer and the image, and the answer's own boxes on it (where the
    // first correction starts from). Another answer or image starts a new undo history.
    void setTarget(const QString &answerId, const QString &imageId,
                   const QList<LayerBox> &answered);
    QString answerId() const { return m_answerId; }
    QString imageId() const { return m_imageId; }
    bool hasTarget() const { return !m_answerId.isEmpty() && !m_imageId.isEmpty(); }

    // The boxes as they are now: the corrections when there are any, else the answer's own.
    QList<LayerBox> boxes() const;
    bool isCorrected() const;

    // Each is one undoable step; false when nothing changed (no such box, the same value).
    bool setRect(const QString &boxId, const QRectF &rect); // move or resize
    QString add(const QRectF &rect, const QString &label); // the new box's id
    bool remove(const QString &boxId);
    bool relabel(const QString &boxId, const QString &label);
    // Back to the answer's own boxes.
    bool revert();
    // The boxes as they are now become the image's ground truth (replacing any).
    bool promoteToTruth(const QString &source);

private:
    bool change(const QList<LayerBox> &after, const QString &text);
    void push(const std::optional<StoredLayer> &before, const std::optional<StoredLayer> &after,
              const QString &text);

    AnnotationLayers *m_layers;
    QUndoStack *m_undo;
    QString m_answerId;
    QString m_imageId;
    QList<LayerBox> m_answered;
};

} // namespace qvd
