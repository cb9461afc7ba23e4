#pragma once

#include "core/grounding/Detection.h"
#include "core/grounding/ParseMode.h"

#include <QList>
#include <QString>

namespace qvd::grounding {

// Strategy 5: JSON-like answers (docs/grounding.md §5 rule 5). Candidates are the ``` fenced blocks
// (language tag optional, closing fence optional), else the text from the first "[" or "{".
// Each candidate goes through the layers until one gives an item:
//  1. the whole candidate as JSON (strict, except that trailing commas are accepted),
//  2. the candidate cut after its last "]" or "}",
//  3. brace-level salvage: every closed "{…}" parsed on its own, outermost first,
//  4. key scan of the raw text — only once the candidate is closed while streaming, because
//     its "nearest preceding label" could change as the object grows.
QList<Detection> parseJson(const QString &text, ParseMode mode);

} // namespace qvd::grounding
