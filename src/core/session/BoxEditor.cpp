#include "core/session/BoxEditor.h"

#include "core/conversation/Part.h"
#include "core/session/AnnotationLayers.h"

#include <QUndoCommand>
#include <QUndoStack>

namespace qvd {

namespace {

// Puts one layer (corrections, or ground truth when answerId is empty) from one state into
// another: nullopt is "no layer".
class LayerCommand : public QUndoCommand
{
public:
    LayerCommand(AnnotationLayers *layers, const QString &imageId, const QString &answerId,
                 std::optional<StoredLayer> before, std::optional<StoredLayer> after,
                 const QString &text)
        : QUndoCommand(text),
          m_layers(layers),
          m_imageId(imageId),
          m_answerId(answerId),
          m_before(std::move(before)),
          m_after(std::move(after))
    { }

    void redo() override { apply(m_after); }
    void undo() override { apply(m_before); }

private:
    void apply(const std::optional<StoredLayer> &state)
    {
        if (m_answerId.isEmpty()) {
            if (state)
                m_layers->setTruth(m_imageId, state->source, state->boxes);
            else
                m_layers->removeTruth(m_imageId);
        } else if (state) {
            m_layers->setCorrections(m_answerId, m_imageId, state->boxes);
        } else {
            m_layers->removeCorrections(m_answerId, m_imageId);
        }
    }

    AnnotationLayers *m_layers;
    QString m_imageId;
    QString m_answerId;
    std::optional<StoredLayer> m_before;
    std::optional<StoredLayer> m_after;
};

qsizetype indexOfBox(const QList<LayerBox> &boxes, const QString &id)
{
    for (qsizetype i = 0; i < boxes.size(); ++i) {
        if (boxes[i].id == id)
            return i;
    }
    return -1;
}

} // namespace

BoxEditor::BoxEditor(AnnotationLayers *layers, QObject *parent)
    : QObject(parent), m_layers(layers), m_undo(new QUndoStack(this))
{ }

BoxEditor::~BoxEditor() = default;

void BoxEditor::setTarget(const QString &answerId, const QString &imageId,
                          const QList<LayerBox> &answered)
{
    if (answerId != m_answerId || imageId != m_imageId)
        m_undo->clear();
    m_answerId = answerId;
    m_imageId = imageId;
    m_answered = answered;
}

QList<LayerBox> BoxEditor::boxes() const
{
    return m_layers->corrections(m_answerId, m_imageId).value_or(m_answered);
}

bool BoxEditor::isCorrected() const
{
    return m_layers->corrections(m_answerId, m_imageId).has_value();
}

bool BoxEditor::change(const QList<LayerBox> &after, const QString &text)
{
    if (!hasTarget())
        return false;
    const std::optional<QList<LayerBox>> now = m_layers->corrections(m_answerId, m_imageId);
    if (now && *now == after)
        return false;
    std::optional<StoredLayer> before;
    if (now)
        before = StoredLayer{m_imageId, m_answerId, QString(), *now};
    push(before, StoredLayer{m_imageId, m_answerId, QString(), after}, text);
    return true;
}

void BoxEditor::push(const std::optional<StoredLayer> &before,
                     const std::optional<StoredLayer> &after, const QString &text)
{
    const QString answer = after ? after->answerId : before->answerId;
    m_undo->push(new LayerCommand(m_layers, m_imageId, answer, before, after, text));
}

bool BoxEditor::setRect(const QString &boxId, const QRectF &rect)
{
    QList<LayerBox> boxes = this->boxes();
    const qsizetype i = indexOfBox(boxes, boxId);
    if (i < 0)
        return false;
    MappedDetection &d = boxes[i].detection;
    const QRectF target = rect.normalized();
    if (d.kind == DetectionKind::Point) {
        d.rect = QRectF(target.topLeft(), QSizeF(0, 0));
    } else if (d.kind == DetectionKind::Quad && qFuzzyCompare(target.width(), d.rect.width())
               && qFuzzyCompare(target.height(), d.rect.height())) {
        d.quad.translate(target.topLeft() - d.rect.topLeft()); // moved as it is
        d.rect = target;
    } else {
        d.kind = d.kind == DetectionKind::Quad ? DetectionKind::Box : d.kind; // resized
        d.quad.clear();
        d.rect = target;
    }
    return change(boxes, tr("Move box"));
}

QString BoxEditor::add(const QRectF &rect, const QString &label)
{
    if (!hasTarget())
        return {};
    QList<LayerBox> boxes = this->boxes();
    LayerBox box;
    box.id = QStringLiteral("%1#edit.%2").arg(m_answerId, Part::newId().left(8));
    box.detection.kind = DetectionKind::Box;
    box.detection.label = label;
    box.detection.rect = rect.normalized();
    boxes.append(box);
    return change(boxes, tr("Add box")) ? box.id : QString();
}

bool BoxEditor::remove(const QString &boxId)
{
    QList<LayerBox> boxes = this->boxes();
    const qsizetype i = indexOfBox(boxes, boxId);
    if (i < 0)
        return false;
    boxes.removeAt(i);
    return change(boxes, tr("Delete box"));
}

bool BoxEditor::relabel(const QString &boxId, const QString &label)
{
    QList<LayerBox> boxes = this->boxes();
    const qsizetype i = indexOfBox(boxes, boxId);
    if (i < 0 || boxes[i].detection.label == label)
        return false;
    boxes[i].detection.label = label;
    return change(boxes, tr("Relabel box"));
}

bool BoxEditor::revert()
{
    const std::optional<QList<LayerBox>> now = m_layers->corrections(m_answerId, m_imageId);
    if (!hasTarget() || !now)
        return false;
    push(StoredLayer{m_imageId, m_answerId, QString(), *now}, std::nullopt,
         tr("Back to the answer's boxes"));
    return true;
}

bool BoxEditor::promoteToTruth(const QString &source)
{
    if (m_imageId.isEmpty())
        return false;
    const std::optional<StoredLayer> before = m_layers->truth(m_imageId);
    const StoredLayer after{m_imageId, QString(), source, boxes()};
    if (before && *before == after)
        return false;
    m_undo->push(
        new LayerCommand(m_layers, m_imageId, QString(), before, after, tr("Use as ground truth")));
    return true;
}

} // namespace qvd
