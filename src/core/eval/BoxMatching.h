#pragma once

#include "core/eval/Evaluation.h"
#include "core/eval/Evaluator.h"
#include "core/grounding/MappedDetection.h"

namespace qvd {

// Matches the boxes and points of one image to a reference set by `evaluator`'s rule (per
// label, one-to-one, highest IoU first, at its threshold): predictions against ground truth
// (the inspector's scores), or one answer's boxes against another's (model against model,
// with the first answer as the reference). Every index in the result — EvalMatch::truth and
// ::prediction, missedTruth, falsePredictions, ignoredPredictions — is a position in the lists
// given, hidden detections never appearing.
ImageEvaluation matchBoxes(const QList<MappedDetection> &reference,
                           const QList<MappedDetection> &candidates, const Evaluator &evaluator);

} // namespace qvd
