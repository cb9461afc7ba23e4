#pragma once

#include "core/grounding/Detection.h"
#include "core/grounding/parsers/JsonTree.h"

#include <QList>

#include <optional>

namespace qvd::grounding {

enum class CoordinateKeyKind {
    None,
    Box, // bbox_2d, bbox, box_2d: 4 numbers = box, 2 = point
    Point, // point_2d, point, coordinate, coordinate2: 2 numbers = point
};

// bbox_3d is deliberately not a coordinate key: metres in the camera frame (§1.4).
CoordinateKeyKind coordinateKeyKind(QStringView key);

// The box or point one coordinate value describes, or nullopt: numbers are taken from numbers
// and numeric strings ("38", "243, 291"); anything else, or a wrong count, gives nothing.
std::optional<Detection> detectionForCoordinates(QStringView key, const JsonNode &value);

// Every detection in a parsed JSON value, in document order: each object with a coordinate key
// gives its items (labelled by the §5 label policy), and every object and array is descended
// into, including tool calls whose "arguments" is a JSON string. `offset` is added to the
// nodes' positions for the detections' source spans.
QList<Detection> detectionsInJson(const JsonNode &node, qsizetype offset);

} // namespace qvd::grounding
