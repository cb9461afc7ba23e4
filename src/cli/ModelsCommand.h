#pragma once

#include <QStringList>

class QTextStream;

namespace qvd::cli {

// `qwenvl-desk-cli models`: the models the app knows (built-in list merged with the user's
// models file, whose problems are reported with their line) or, with --profile for an
// OpenAI-compatible profile or --endpoint, the models that server serves itself. Each with its
// family, patch size, pixel budget, coordinate space, thinking and where the entry came from.
int runModelsCommand(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace qvd::cli
