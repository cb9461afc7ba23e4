#pragma once

#include "core/grounding/Detection.h"
#include "core/grounding/ParseMode.h"

#include <QList>
#include <QString>

namespace qvd::grounding {

// Strategy 4: QwenVL HTML, data-bbox="x1 y1 x2 y2" on any element except <ol>; label = the
// element's text. Repeated boxes (div.image and its img) are kept: dedupe when drawing (§5).
QList<Detection> parseHtmlBoxes(const QString &text, ParseMode mode);

} // namespace qvd::grounding
