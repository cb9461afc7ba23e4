#pragma once

#include "core/grounding/CoordinateSpace.h"
#include "core/grounding/Detection.h"
#include "core/grounding/SpaceChoice.h"

#include <QString>
#include <QStringView>

#include <optional>

namespace qvd {

// The one set of names for grounding's enums wherever they are written or read: the history
// database and export bundles, models.json, the command line's options and JSON, and the dataset
// files. They are on disk and in scripts: never rename one, only add.

// "norm1000", "abs-resized", "absolute".
QString spaceName(CoordinateSpace space);
// The names above; also "abs" and "resized", the short forms the command line has always taken.
std::optional<CoordinateSpace> spaceFromName(QStringView name);

// "box", "point", "quad".
QString detectionKindName(DetectionKind kind);
std::optional<DetectionKind> detectionKindFromName(QStringView name);

// "qwenvl-tags", "qwen2-tokens", "xml-points", "html-data-bbox", "json", "bare-pairs",
// "plain-lines", "bare-arrays".
QString syntaxName(GroundingSyntax syntax);
std::optional<GroundingSyntax> syntaxFromName(QStringView name);

// "model-family", "syntax-default", "values-above-1000", "user-override".
QString spaceReasonName(SpaceReason reason);
std::optional<SpaceReason> spaceReasonFromName(QStringView name);

} // namespace qvd
