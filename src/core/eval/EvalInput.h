#pragma once

#include "core/dataset/DatasetImage.h"
#include "core/eval/EvalImage.h"

#include <QStringList>

namespace qvd {

// Detections as objects to score: ids are their positions in `detections` (hidden ones are
// left out); the score, crowd and difficult flags come from the attributes dataset files
// give them (DatasetImage.h).
QList<EvalObject> evalObjects(const QList<MappedDetection> &detections);

// Predictions and ground truth paired by image name (DatasetImage::imageName), in the ground
// truth's order. An image with ground truth and no predictions is scored as one where nothing
// was found; predictions for an image without ground truth cannot be scored and are listed in
// `unpaired`.
struct EvalPairing
{
    QList<EvalImage> images;
    QStringList unpaired;
};
EvalPairing pairForEvaluation(const QList<DatasetImage> &predictions,
                              const QList<DatasetImage> &truth);

} // namespace qvd
