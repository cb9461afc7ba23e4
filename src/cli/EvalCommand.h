#pragma once

#include <QStringList>

class QTextStream;

namespace qvd::cli {

// `qwenvl-desk-cli eval --pred PRED --truth TRUTH [--iou 0.5] [--labels MAP] [--json]`:
// predictions scored against ground truth, files or folders in any format the dataset readers
// know, with the figures the app shows (core/eval).
int runEvalCommand(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace qvd::cli
