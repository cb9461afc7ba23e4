#pragma once

#include "core/grounding/Detection.h"

#include <QColor>
#include <QFont>

#include <memory>

class QTextDocument;

namespace qvd {

// Turns an answer's markdown into a QTextDocument (code blocks, tables, lists) with every
// grounding ref the parser found highlighted in its label's colour. The ref's characters are
// kept exactly as written; each highlighted range carries its detection's index, so a hover can
// tell which box the text names.
class MarkdownRenderer
{
public:
    // QTextFormat property holding the detection index of a highlighted range.
    static constexpr int kDetectionProperty = 0x100100;
    // Inserted where Qt's reader needs help (see keepListsBeforeInlineHtml); not shown text.
    static constexpr char16_t kZeroWidthSpace = 0x200B;

    struct Style
    {
        QFont font;
        QColor codeBackground;
    };

    static std::unique_ptr<QTextDocument>
    render(const QString &markdown, const QList<Detection> &detections, const Style &style);
    // Plain text without markup (user messages, reasoning): no markdown surprises in what a
    // person typed.
    static std::unique_ptr<QTextDocument> plain(const QString &text, const Style &style);
};

} // namespace qvd
