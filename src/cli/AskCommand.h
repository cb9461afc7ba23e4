#pragma once

#include <QStringList>

class QTextStream;

namespace qvd::cli {

// `qwenvl-desk-cli ask [options] PROMPT`: sends images and a question through the same core as
// the app and streams the answer to standard output.
int runAskCommand(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace qvd::cli
