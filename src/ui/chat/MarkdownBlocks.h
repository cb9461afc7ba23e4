#pragma once

#include <QList>
#include <QPair>
#include <QStringView>

namespace qvd {

// Where `markdown` can be cut into blocks that render on their own exactly as they render
// together: after a blank line, outside fenced code and raw HTML, before a line that starts a
// new top-level block (not indented, not an ordered list item, so numbered lists and the
// paragraphs inside items stay in one piece). A streamed answer then lays out only its last
// block again per delta.
// Returns the start offset of each block, the first always 0 (none for empty text). A cut never
// falls strictly inside one of `keepTogether` (start, length) — the grounding refs' spans.
// Not handled: a link reference definition used before the block that defines it.
QList<qsizetype> markdownBlockStarts(QStringView markdown,
                                     const QList<QPair<qsizetype, qsizetype>> &keepTogether = {});

} // namespace qvd
