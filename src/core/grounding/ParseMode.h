#pragma once

namespace qvd {

// Whether the text is a whole answer or a prefix of one that is still streaming in.
// Streaming: only syntax that is closed counts, so a detection never appears and then changes
// (the last line of plain text, an element without its end tag, an unclosed JSON candidate's
// key scan are held back). Complete: the end of the text closes what is still open.
enum class ParseMode {
    Complete,
    Streaming,
};

} // namespace qvd
