#pragma once

#include "core/eval/EvalImage.h"
#include "core/eval/Evaluation.h"
#include "core/eval/LabelRule.h"

namespace qvd {

// Scores predictions against ground truth (the app's comparison view and `qwenvl-desk-cli
// eval` both use it, so they print the same figures).
//
// Matching, per image and per label (LabelRule): one-to-one, the pair with the highest IoU
// first, pairs below the IoU threshold never. A point matches a box it lies in (edges
// included), with no IoU to average; two points never match. A quad is scored by its bounding
// box. A prediction on an ignored ground-truth region (crowd, difficult) counts neither way,
// and an ignored region is never missed.
//
// Average precision (when every prediction carries a score) follows the COCO evaluation
// instead (AveragePrecision): best score first, at ten thresholds, at most 100 predictions per
// image and label.
class Evaluator
{
public:
    explicit Evaluator(LabelRule rule = LabelRule(), double iouThreshold = 0.5);

    double iouThreshold() const { return m_threshold; }
    const LabelRule &labelRule() const { return m_rule; }

    ImageEvaluation evaluate(const EvalImage &image) const;
    SetEvaluation evaluate(const QList<EvalImage> &images) const;

    // The overlap a prediction and a ground-truth object are matched by: their IoU; for a
    // crowd region the intersection over the prediction's area; 1 for a point inside a box
    // (`point` set), 0 for a point outside or two points.
    static double overlap(const EvalObject &prediction, const EvalObject &truth, bool *point);

private:
    LabelRule m_rule;
    double m_threshold;
};

} // namespace qvd
