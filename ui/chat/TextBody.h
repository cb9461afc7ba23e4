#pragma once

#include "core/grounding/Detection.h"
#include "ui/chat/MarkdownRenderer.h"

#include <QPalette>
#include <QRect>
#include <QString>

#include <memory>

class QPainter;
class QTextDocument;

namespace qvd {

// The text of a message, laid out for painting at a fixed width: an answer's markdown as a
// stack of blocks rendered one by one (markdownBlockStarts), so a streamed delta re-renders
// only the last block and painting skips blocks out of view; a person's text as one plain
// block. Positions count the documents' characters across all blocks (as a QTextDocument
// counts them, each block ending in one separator position); text() drops the few invisible
// characters MarkdownRenderer inserts, so its indexes are not positions.
class TextBody
{
public:
    // `previous` (may be null): an earlier body of the same message at the same width and
    // style, whose unchanged blocks are shared instead of rendered again.
    static std::unique_ptr<TextBody> markdown(const QString &markdown,
                                              const QList<Detection> &detections,
                                              const MarkdownRenderer::Style &style, int width,
                                              const TextBody *previous = nullptr);
    // Plain text, as narrow as its longest line allows, at most `maxWidth`.
    static std::unique_ptr<TextBody> plain(const QString &text, const QFont &font, int maxWidth);
    ~TextBody();

    QSize size() const { return m_size; }
    int blockCount() const { return int(m_blocks.size()); }
    const QTextDocument *block(int index) const;
    // Where block `index` sits, relative to the body's top-left.
    QPoint blockOffset(int index) const;
    // How many blocks were rendered for this body rather than shared with `previous`.
    int renderedBlocks() const { return m_rendered; }

    // Characters, the last position excluded (the final separator).
    int length() const;
    // The shown text; blocks and paragraphs are separated by "\n".
    QString text() const { return text(0, length()); }
    QString text(int from, int to) const;
    // The position under `point` (relative to the body), or -1; FuzzyHit finds the nearest.
    int positionAt(QPointF point, Qt::HitTestAccuracy accuracy) const;
    // The caret rectangle before `position`, relative to the body.
    QRectF cursorRect(int position) const;
    // The word around `position`: [first, second).
    QPair<int, int> wordAt(int position) const;
    // The detection whose highlighted ref is under `point`, or -1.
    int detectionAt(QPointF point) const;
    // Where the ref of detection `index` is drawn, one rectangle per line it covers, relative to
    // the body; empty when its text names it nowhere.
    QList<QRectF> detectionRects(int index) const;

    struct Paint
    {
        QPalette palette;
        QColor text;
        QRect clip; // relative to the body; blocks outside are not drawn
        int selectionStart = 0;
        int selectionEnd = 0; // empty when equal
        // What is under the text, when it is one opaque colour: each block is then drawn once
        // into an image (kept in a cache shared by all bodies, bounded) and copied from there,
        // so repainting a screenful of an answer costs no text drawing. Invalid: drawn each time.
        QColor background;
    };
    void paint(QPainter *painter, QPoint at, const Paint &how) const;

private:
    struct Block
    {
        qsizetype start = 0; // of its source in the markdown
        QString source; // the markdown this block was rendered from
        QList<MarkdownRenderer::Ref> refs; // the grounding refs inside it, spans relative to it
        // Shared by the bodies of the same message it did not change in.
        std::shared_ptr<QTextDocument> document;
        quint64 id = 0; // of the document, for the cache of drawn blocks
        // The document's, read once: asking a document costs more than the rest of a delta's
        // layout when an answer has hundreds of blocks.
        int height = 0;
        int characters = 0; // characterCount()
        qreal topMargin = 0; // of its first paragraph
        qreal bottomMargin = 0; // of its last
        int top = 0;
        int offset = 0; // position of its first character
    };

    TextBody() = default;
    // Takes `document` as the block's, with its id and measures.
    static void adopt(Block &block, std::shared_ptr<QTextDocument> document);
    // How many leading blocks `markdown` (this body's text grown by a delta) keeps as they are:
    // their cuts stand and the scan can resume after them. 0 when it must start over.
    size_t keptBlocks(QStringView markdown, const QList<QPair<qsizetype, qsizetype>> &spans) const;
    void stack(int width);
    void paintBlock(QPainter *painter, const Block &block, QPoint at, const Paint &how) const;
    // Copies the block from its cached image (drawn now if it is not there); false when it
    // cannot be (a selection in it, no background, a painter that scales).
    bool paintBlockFromCache(QPainter *painter, const Block &block, QPoint at,
                             const Paint &how) const;
    int blockAt(int position) const;
    int blockAtY(qreal y) const;

    std::vector<Block> m_blocks;
    QSize m_size;
    int m_rendered = 0;
};

} // namespace qvd
