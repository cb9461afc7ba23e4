#pragma once

#include <QStringList>

class QTextStream;

namespace qvd::cli {

// qwenvl-desk-cli batch submit|list|status|fetch|cancel|export: grounding a folder of images as
// a job (core/batch), in the same job store as the app. Progress goes to standard error.
int runBatchCommand(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace qvd::cli
