#pragma once

#include <QStringList>

class QTextStream;

namespace qvd::cli {

// `qwenvl-desk-cli boxes [options] [FILE|-]`: the detections of a model answer, as JSON (in
// original-image pixels when the image or its size is given), COCO, LabelMe or YOLO.
int runBoxesCommand(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace qvd::cli
