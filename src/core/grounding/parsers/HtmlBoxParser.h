#pragma once

#include "core/grounding/Detection.h"
#include "core/grounding/ParseMode.h"
#include "core/grounding/parsers/Markup.h"

#include <QList>
#include <QString>

namespace qvd::grounding {

// Strategy 4: QwenVL HTML, data-bbox="x1 y1 x2 y2" on any element except <ol>; label = the
// element's text. Repeated boxes (div.image and its img) are kept: dedupe when drawing (§5).
QList<Detection> parseHtmlBoxes(const QString &text, ParseMode mode);
// The same, with `elements` = markupElements(text) already made (GroundingParser shares them).
QList<Detection> parseHtmlBoxes(const QString &text, const QList<MarkupElement> &elements,
                                ParseMode mode);

} // namespace qvd::grounding
