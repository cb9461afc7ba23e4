#pragma once

#include "core/grounding/Detection.h"

#include <QList>
#include <QStringView>

namespace qvd::grounding {

// The text-level layers of the lenient JSON reading (docs/grounding.md §5 rule 5), which work on
// text that is not (or not yet) a JSON document.

struct TextSpan
{
    qsizetype start = 0;
    qsizetype end = 0; // after the closing brace
    // A coordinate key or "arguments" is written directly in this object (not in an object or
    // array inside it). Exact for a span that is valid JSON; a span without such a key gives
    // no item of its own, only those of the objects inside it, which are spans themselves.
    bool hasItemKey = false;
};

// Every closed "{…}" in `text`, sorted by start. String-aware: braces inside "…" do not count,
// and a stray "{" that never closes leaves the objects inside it closed on their own. One pass.
QList<TextSpan> closedObjectSpans(QStringView text);

// Last resort: every `"bbox_2d|bbox|box_2d|point_2d|point|coordinate|coordinate2": [ … ]`
// with a closed, flat array, labelled with the nearest preceding "label", "text_content" or
// "*name*" string. Reads objects with duplicate keys and cut-off tails (Qwen3-VL #1720).
// Offsets in the result are relative to `text`.
QList<Detection> scanCoordinateKeys(QStringView text);

} // namespace qvd::grounding
