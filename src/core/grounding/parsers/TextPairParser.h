#pragma once

#include "core/grounding/Detection.h"
#include "core/grounding/ParseMode.h"

#include <QList>
#include <QString>

namespace qvd::grounding {

// Strategy 6: "label(x1,y1),(x2,y2)", Qwen2-VL output whose special tokens a server stripped
// (docs/grounding.md §1.2). The label is the text run since the previous box, line break or
// punctuation, at most 50 characters.
QList<Detection> parseBarePairs(const QString &text);

// Strategy 7: one "x1,y1,x2,y2 label" per line, the plain-text format the Qwen2.5-VL cookbook
// asks for. While streaming, the last line counts only once its line break has arrived.
QList<Detection> parsePlainLines(const QString &text, ParseMode mode);

} // namespace qvd::grounding
