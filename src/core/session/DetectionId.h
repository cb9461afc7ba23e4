#pragma once

#include "core/grounding/Detection.h"

#include <QStringList>

namespace qvd {

// The ids of an answer's detections: "<message id>#<where in the text it starts>.<n>", n
// counting detections written at the same place. The text of an answer only grows while it
// streams and is then fixed, so a detection keeps its id through streaming, reload and export;
// the table, the boxes and the text link by it.
QStringList detectionIds(const QString &messageId, const QList<Detection> &detections);

// The message id part of a detection id.
QString messageOfDetection(const QString &detectionId);

} // namespace qvd
