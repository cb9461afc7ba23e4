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
// `from` > 0 resumes the scan at a block start that an earlier call found in a text that began
// like `markdown` up to there (a streamed answer before its latest delta): the result then
// lists the starts from `from` on, and is empty when the scan cannot resume there (the line
// there grew into one that is no cut, a ref now spans the cut, or a link reference definition
// came after it).
QList<qsizetype> markdownBlockStarts(QStringView markdown,
                                     const QList<QPair<qsizetype, qsizetype>> &keepTogether = {},
                                     qsizetype from = 0);

} // namespace qvd
