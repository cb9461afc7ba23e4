#pragma once

#include "core/grounding/MappedDetection.h"
#include "ui/inspector/CanvasLayer.h"

#include <QColor>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>

namespace qvd {

// What the inspector draws over the model's boxes (ImageCanvas draws those):
//   - ground truth, dashed green, its label on a plate under the box ("GT …"); an object no
//     prediction matched in red ("missed …");
//   - the predictions no ground truth matched: a red frame around the box and "unmatched";
//   - a second answer to compare with, dashed orange ("B …"), and a yellow halo around every box
//     only one of the two answers found;
//   - in the edit tool, the chosen box's handles and the box being dragged.
// Indices of predictions and of the first answer's boxes are positions in the canvas's
// detection list. Hidden layers are not drawn.
class LayerOverlay : public CanvasLayer
{
public:
    static constexpr QRgb kTruthColour = 0xff00e676;
    static constexpr QRgb kMissedColour = 0xffff1744;
    static constexpr QRgb kUnmatchedColour = 0xffff1744;
    static constexpr QRgb kCompareColour = 0xffffab00;
    static constexpr QRgb kOnlyOneColour = 0xffffea00;
    // How far outside a box its "unmatched" frame and its halo are drawn (screen pixels).
    static constexpr qreal kMarkOffset = 4;

    void setPredictions(const QList<MappedDetection> &predictions) { m_predictions = predictions; }
    void setTruth(const QList<MappedDetection> &truth) { m_truth = truth; }
    const QList<MappedDetection> &truth() const { return m_truth; }
    void setShowTruth(bool show) { m_showTruth = show; }
    bool showTruth() const { return m_showTruth; }
    // The scoring's outcome: ground truth no prediction matched, predictions that matched none.
    void setMarks(const QSet<int> &missedTruth, const QSet<int> &unmatchedPredictions);
    const QSet<int> &missedTruth() const { return m_missed; }
    const QSet<int> &unmatchedPredictions() const { return m_unmatched; }

    // The other answer's boxes, and what only one of the two found (onlyA: positions in the
    // predictions, onlyB: in `other`); `name` tags its labels.
    void setComparison(const QList<MappedDetection> &other, const QSet<int> &onlyA,
                       const QSet<int> &onlyB, const QString &name);
    void clearComparison() { setComparison({}, {}, {}, {}); }
    const QList<MappedDetection> &comparison() const { return m_other; }
    const QSet<int> &onlyA() const { return m_onlyA; }
    const QSet<int> &onlyB() const { return m_onlyB; }

    // The edit tool: the chosen box (image pixels) gets handles; a drag shows its new place.
    void setEditBox(const std::optional<QRectF> &box) { m_editBox = box; }
    void setEditPreview(const std::optional<QRectF> &preview) { m_preview = preview; }

    // The texts of the plates (translated by the caller).
    void setTexts(const QString &truthTag, const QString &missedTag, const QString &unmatchedTag,
                  const QString &onlyTag);

    void paint(QPainter &painter, QSize imageSize, qreal zoom, const QRectF &visible,
               qreal fontPixelSize) override;

    // Half the side of an edit handle, on screen.
    static constexpr qreal kHandleRadius = 4;

private:
    void paintTruth(QPainter &painter, qreal zoom, qreal fontPixelSize) const;
    void paintMarks(QPainter &painter, qreal zoom, qreal fontPixelSize) const;
    void paintComparison(QPainter &painter, qreal zoom, qreal fontPixelSize) const;
    void paintEdit(QPainter &painter, qreal zoom) const;

    QList<MappedDetection> m_predictions;
    QList<MappedDetection> m_truth;
    bool m_showTruth = true;
    QSet<int> m_missed;
    QSet<int> m_unmatched;
    QList<MappedDetection> m_other;
    QSet<int> m_onlyA;
    QSet<int> m_onlyB;
    QString m_otherName;
    std::optional<QRectF> m_editBox;
    std::optional<QRectF> m_preview;
    QString m_truthTag;
    QString m_missedTag;
    QString m_unmatchedTag;
    QString m_onlyTag;
    QSizeF m_area; // the zoomed image, where plates stay
};

} // namespace qvd
