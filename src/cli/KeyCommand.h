#pragma once

#include <QStringList>

class QTextStream;

namespace qvd::cli {

// `qwenvl-desk-cli key set|status|delete [--profile NAME]`: the API key in the OS keychain,
// shared with the GUI. `set` reads the key from standard input, never from the arguments.
int runKeyCommand(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace qvd::cli
