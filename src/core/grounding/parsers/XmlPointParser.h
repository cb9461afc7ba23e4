#pragma once

#include "core/grounding/Detection.h"
#include "core/grounding/ParseMode.h"
#include "core/grounding/parsers/Markup.h"

#include <QList>
#include <QString>

namespace qvd::grounding {

// Strategy 3: Molmo-style <points x1="" y1="" x2="" y2="" alt="">phrase</points> and
// <point x="" y="">; every xi/yi pair is a point of its own, never a box (docs/grounding.md §1.3).
QList<Detection> parseXmlPoints(const QString &text, ParseMode mode);
// The same, with `elements` = markupElements(text) already made (GroundingParser shares them).
QList<Detection> parseXmlPoints(const QString &text, const QList<MarkupElement> &elements,
                                ParseMode mode);

} // namespace qvd::grounding
