#pragma once

#include "core/grounding/Detection.h"
#include "core/grounding/ParseMode.h"

#include <QList>
#include <QString>

namespace qvd::grounding {

// Bare coordinate answers (docs/grounding.md §1.6): asked for "the coordinates" of one thing,
// Qwen2.5-VL models sometimes answer with nothing but [x1, y1, x2, y2], a list of such arrays,
// or either inside one ``` fence. When the whole answer (trimmed, the fence removed) is one
// array of four numbers or an array of such arrays, each is a box with an empty label; four
// numbers anywhere in ordinary prose are not boxes. Only a complete answer is whole: while
// streaming this gives nothing.
QList<Detection> parseBareArrays(const QString &text, ParseMode mode);

} // namespace qvd::grounding
