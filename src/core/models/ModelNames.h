#pragma once

#include "core/models/ModelInfo.h"

#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace qvd {

// The one set of names for the model enums wherever they are written or read: models.json and
// the user's models file, the settings file (family overrides), and the command line's output.
// They are on disk and in scripts: never rename one, only add.

// "unknown", "qwen-vl", "qwen2-vl", "qwen2.5-vl", "qwen3-vl", "qwen3.5", "qvq".
QString familyName(ModelFamily family);
std::optional<ModelFamily> familyFromName(QStringView name);
// Every known family (not Unknown), in the table's order: what a person may choose from.
QList<ModelFamily> knownFamilies();

// "n/a", "off", "on", "always".
QString thinkingName(Thinking thinking);
std::optional<Thinking> thinkingFromName(QStringView name);

// "built-in", "user", "server".
QString modelSourceName(ModelSource source);

} // namespace qvd
