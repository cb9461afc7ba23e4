#pragma once

#include <QStringList>

class QTextStream;

namespace qvd::cli {

// `qwenvl-desk-cli history list|search|show|export|import`: the app's saved conversations, read
// and written through the same core code as the app (HistoryLocation, HistoryStore,
// HistoryTransfer).
int runHistoryCommand(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace qvd::cli
