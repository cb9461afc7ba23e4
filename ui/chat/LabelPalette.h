#pragma once

#include <QColor>
#include <QString>

namespace qvd {

// The colour a detection label is drawn in, the same everywhere (chat text, canvas boxes,
// detection table) and from run to run: core's LabelPalette, which BoxPainter uses too.
QColor labelColor(const QString &label);

// A translucent version of labelColor() for highlighting text that sits on top of it.
QColor labelHighlight(const QString &label);

} // namespace qvd
