#pragma once

#include "core/grounding/MappedDetection.h"

#include <QList>
#include <QString>

namespace qvd {

// One box of a layer kept beside an answer (ground truth, a person's corrections), in pixels of
// the upright original, named by an id that survives reload: a corrected box keeps the id of
// the model's detection it came from (DetectionId), a box a person drew gets one of its own.
struct LayerBox
{
    QString id;
    MappedDetection detection;

    friend bool operator==(const LayerBox &a, const LayerBox &b)
    {
        return a.id == b.id && a.detection == b.detection;
    }
    friend bool operator!=(const LayerBox &a, const LayerBox &b) { return !(a == b); }
};

// The detections of `boxes`, in order.
inline QList<MappedDetection> layerDetections(const QList<LayerBox> &boxes)
{
    QList<MappedDetection> detections;
    detections.reserve(boxes.size());
    for (const LayerBox &box : boxes)
        detections.append(box.detection);
    return detections;
}

} // namespace qvd
