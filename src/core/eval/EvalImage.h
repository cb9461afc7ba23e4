#pragma once

#include "core/grounding/Detection.h"

#include <QList>
#include <QRectF>
#include <QString>

#include <optional>

namespace qvd {

// One box or point to score, in pixels of the upright image.
struct EvalObject
{
    QString id; // names it to the caller (the detection's id, or its position)
    QString label;
    DetectionKind kind = DetectionKind::Box; // a quad is scored by its bounding box
    QRectF rect; // normalized; a point's is empty at the point
    std::optional<double> score; // the model's confidence, when it gave one
    // Ground truth only: a region that is neither to be found nor a mistake to find (COCO's
    // iscrowd, VOC's difficult). Predictions on it count neither way.
    bool ignore = false;
    // Ground truth only (COCO iscrowd): a region of many objects; any number of predictions
    // may fall on it, and their overlap is measured against the prediction's own area.
    bool crowd = false;
};

// An image's predictions and ground truth, paired.
struct EvalImage
{
    QString name;
    QList<EvalObject> truth;
    QList<EvalObject> predictions;
};

} // namespace qvd
