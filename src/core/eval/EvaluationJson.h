#pragma once

#include "core/eval/Evaluation.h"

#include <QJsonObject>

namespace qvd {

// An evaluation as JSON (what `qwenvl-desk-cli eval --json` prints):
//   {"iou": 0.5,
//    "overall": {"tp", "fp", "fn", "precision", "recall", "f1", "mean_iou"},
//    "labels": {LABEL: {the same keys}},
//    "images": [{"image", "tp", "fp", "fn"}],
//    "ap50", "ap50_95"}
// A ratio with nothing to divide by (precision without predictions, recall without ground
// truth, mean IoU without matched boxes) is null. "ap50" and "ap50_95" are there, at the top
// and per label, only when every prediction carries a score.
QJsonObject evaluationToJson(const SetEvaluation &evaluation);

} // namespace qvd
