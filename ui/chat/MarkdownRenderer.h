#pragma once

#include <QColor>
#include <QFont>
#include <QList>
#include <QString>

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

    // A grounding ref to highlight: a detection's span in the markdown and what its highlight
    // depends on.
    struct Ref
    {
        int index; // in the answer's detections; the highlighted range carries it
        QString label;
        qsizetype start;
        qsizetype length;
        friend bool operator==(const Ref &a, const Ref &b)
        {
            return a.index == b.index && a.label == b.label && a.start == b.start
                && a.length == b.length;
        }
    };

    struct Style
    {
        QFont font;
        QColor codeBackground;
    };

    static std::unique_ptr<QTextDocument> render(const QString &markdown, const QList<Ref> &refs,
                                                 const Style &style);
    // Plain text without markup (user messages, reasoning): no markdown surprises in what a
    // person typed.
    static std::unique_ptr<QTextDocument> plain(const QString &text, const Style &style);
};

} // namespace qvd
