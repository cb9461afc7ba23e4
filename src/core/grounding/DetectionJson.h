#pragma once

#include "core/grounding/MappedDetection.h"

#include <QJsonArray>
#include <QJsonObject>

namespace qvd {

// The JSON of one detection shared by every command-line output (`boxes --format json`,
// `ask --json`): {"kind": "box"|"point"|"quad", "label", "x1", "y1", "x2", "y2",
// "image": index or null, "attributes": {…}}; a point has x1 = x2 and y1 = y2, a quad adds
// "points": [[x, y] × 4]. Coordinates are the detection's own (pixels of the original image
// once mapped), rounded to 1/100.
QJsonObject detectionToJson(const MappedDetection &detection);
QJsonArray detectionsToJson(const QList<MappedDetection> &detections);

} // namespace qvd
