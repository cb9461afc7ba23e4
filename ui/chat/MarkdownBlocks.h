#pragma once

#include <QList>
#include <QPair>
#include <QStringView>

namespace qvd {

// Where `markdown` can be cut into blocks that render on their own as they render together:
// after a blank line, outside fenced code and raw HTML, before a line that starts a new
// top-level block (not indented, not an ordered list item, not a table or a thematic break —
// Qt 6.4 would start those with an empty paragraph). Nothing is cut after a block-level HTML
// block, nor anywhere in a text with a link reference definition. A streamed answer then lays
// out only its last block again per delta.
// Returns the start offset of each block, the first always 0 (none for empty text). A cut never
// falls strictly inside one of `keepTogether` (start, length) — the grounding refs' spans.
QList<qsizetype> markdownBlockStarts(QStringView markdown,
                                     const QList<QPair<qsizetype, qsizetype>> &keepTogether = {});

} // namespace qvd
