#include "ui/chat/TextBody.h"

#include "ui/chat/MarkdownBlocks.h"

#include <QAbstractTextDocumentLayout>
#include <QPainter>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextDocumentFragment>
#include <QTextLayout>

#include <algorithm>
#include <cmath>

namespace qvd {
namespace {

// Margins collapse between blocks of one document, and a document drops its first block's top
// and last block's bottom margin: stacked blocks are spaced the same way.
int gapBetween(const QTextDocument &above, const QTextDocument &below)
{
    return int(std::ceil(qMax(above.lastBlock().blockFormat().bottomMargin(),
                              below.firstBlock().blockFormat().topMargin())));
}

// The selected text as a person would copy it: plain (no table frame characters), without
// what was inserted only to help Qt's reader.
QString shownText(const QTextCursor &selection)
{
    QString text = selection.selection().toPlainText();
    // A fragment inside a list item or a table starts with the line break of its structure.
    if (text.startsWith(QLatin1Char('\n'))
        && !selection.selectedText().startsWith(QChar::ParagraphSeparator))
        text.remove(0, 1);
    text.remove(QChar(MarkdownRenderer::kZeroWidthSpace));
    return text;
}

} // namespace

TextBody::~TextBody() = default;

std::unique_ptr<TextBody> TextBody::markdown(const QString &markdown,
                                             const QList<Detection> &detections,
                                             const MarkdownRenderer::Style &style, int width,
                                             const TextBody *previous)
{
    QList<QPair<qsizetype, qsizetype>> spans;
    for (const Detection &d : detections) {
        if (d.sourceStart >= 0 && d.sourceLength > 0)
            spans.append({d.sourceStart, d.sourceLength});
    }
    QList<qsizetype> starts = markdownBlockStarts(markdown, spans);
    std::unique_ptr<TextBody> body(new TextBody);
    for (int i = 0; i < starts.size(); ++i) {
        const qsizetype start = starts.at(i);
        const qsizetype end = i + 1 < starts.size() ? starts.at(i + 1) : markdown.size();
        Block block;
        block.source = markdown.mid(start, end - start);
        for (int k = 0; k < detections.size(); ++k) {
            const Detection &d = detections.at(k);
            if (d.sourceLength > 0 && d.sourceStart >= start
                && d.sourceStart + d.sourceLength <= end)
                block.refs.append({k, d.label, d.sourceStart - start, d.sourceLength});
        }
        if (previous && size_t(i) < previous->m_blocks.size()) {
            const Block &old = previous->m_blocks.at(size_t(i));
            if (old.source == block.source && old.refs == block.refs)
                block.document = old.document;
        }
        if (!block.document) {
            block.document = MarkdownRenderer::render(block.source, block.refs, style);
            block.document->setTextWidth(width);
            ++body->m_rendered;
        }
        body->m_blocks.push_back(std::move(block));
    }
    body->stack(width);
    return body;
}

std::unique_ptr<TextBody> TextBody::plain(const QString &text, const QFont &font, int maxWidth)
{
    std::unique_ptr<TextBody> body(new TextBody);
    std::unique_ptr<QTextDocument> document = MarkdownRenderer::plain(text, {font, {}});
    document->setTextWidth(maxWidth);
    const int width = qMin(maxWidth, int(std::ceil(document->idealWidth())));
    document->setTextWidth(width);
    body->m_blocks.push_back({text, {}, std::move(document)});
    body->m_rendered = 1;
    body->stack(width);
    return body;
}

void TextBody::stack(int width)
{
    int y = 0;
    int offset = 0;
    for (size_t i = 0; i < m_blocks.size(); ++i) {
        Block &block = m_blocks[i];
        if (i > 0)
            y += gapBetween(*m_blocks[i - 1].document, *block.document);
        block.top = y;
        block.offset = offset;
        y += int(std::ceil(block.document->size().height()));
        offset += block.document->characterCount();
    }
    m_size = QSize(width, y);
}

const QTextDocument *TextBody::block(int index) const
{
    return m_blocks.at(size_t(index)).document.get();
}

QPoint TextBody::blockOffset(int index) const
{
    return {0, m_blocks.at(size_t(index)).top};
}

int TextBody::length() const
{
    if (m_blocks.empty())
        return 0;
    const Block &last = m_blocks.back();
    return last.offset + last.document->characterCount() - 1;
}

int TextBody::blockAt(int position) const
{
    int index = 0;
    while (size_t(index + 1) < m_blocks.size() && m_blocks.at(size_t(index + 1)).offset <= position)
        ++index;
    return index;
}

int TextBody::blockAtY(qreal y) const
{
    int index = 0;
    while (size_t(index + 1) < m_blocks.size() && m_blocks.at(size_t(index + 1)).top <= y)
        ++index;
    return index;
}

QString TextBody::text(int from, int to) const
{
    QString result;
    from = qMax(0, from);
    to = qMin(length(), to);
    for (const Block &block : m_blocks) {
        const int last = block.offset + block.document->characterCount() - 1; // its separator
        const int a = qMax(from, block.offset);
        const int b = qMin(to, last);
        if (a < b) {
            QTextCursor cursor(block.document.get());
            cursor.setPosition(a - block.offset);
            cursor.setPosition(b - block.offset, QTextCursor::KeepAnchor);
            result += shownText(cursor);
        }
        if (from <= last && to > last)
            result += QLatin1Char('\n');
    }
    return result;
}

int TextBody::positionAt(QPointF point, Qt::HitTestAccuracy accuracy) const
{
    if (m_blocks.empty())
        return -1;
    const Block &block = m_blocks.at(size_t(blockAtY(point.y())));
    const int local =
        block.document->documentLayout()->hitTest(point - QPointF(0, block.top), accuracy);
    return local < 0 ? -1 : block.offset + local;
}

QRectF TextBody::cursorRect(int position) const
{
    if (m_blocks.empty())
        return {};
    const Block &block = m_blocks.at(size_t(blockAt(position)));
    const QTextBlock text = block.document->findBlock(position - block.offset);
    const int inBlock = position - block.offset - text.position();
    const QTextLine line = text.layout()->lineForTextPosition(inBlock);
    if (!line.isValid())
        return {};
    const QPointF origin = text.layout()->position() + QPointF(0, block.top);
    return {origin + QPointF(line.cursorToX(inBlock), line.y()), QSizeF(1, line.height())};
}

QPair<int, int> TextBody::wordAt(int position) const
{
    if (m_blocks.empty())
        return {0, 0};
    const Block &block = m_blocks.at(size_t(blockAt(position)));
    QTextCursor cursor(block.document.get());
    cursor.setPosition(qBound(0, position - block.offset, block.document->characterCount() - 1));
    cursor.select(QTextCursor::WordUnderCursor);
    return {block.offset + cursor.selectionStart(), block.offset + cursor.selectionEnd()};
}

int TextBody::detectionAt(QPointF point) const
{
    const int position = positionAt(point, Qt::ExactHit);
    if (position < 0)
        return -1;
    const Block &block = m_blocks.at(size_t(blockAt(position)));
    QTextCursor cursor(block.document.get());
    cursor.setPosition(position - block.offset);
    cursor.movePosition(QTextCursor::NextCharacter);
    const QVariant index = cursor.charFormat().property(MarkdownRenderer::kDetectionProperty);
    return index.isValid() ? index.toInt() : -1;
}

QList<QRectF> TextBody::detectionRects(int index) const
{
    QList<QRectF> rects;
    for (const Block &block : m_blocks) {
        const bool named = std::any_of(block.refs.cbegin(), block.refs.cend(),
                                       [index](const auto &ref) { return ref.index == index; });
        if (!named)
            continue;
        const QTextDocument &document = *block.document;
        for (QTextBlock text = document.begin(); text.isValid(); text = text.next()) {
            const QTextLayout *layout = text.layout();
            const QPointF origin = document.documentLayout()->blockBoundingRect(text).topLeft()
                + QPointF(0, block.top);
            for (auto it = text.begin(); !it.atEnd(); ++it) {
                const QTextFragment fragment = it.fragment();
                const QVariant marked =
                    fragment.charFormat().property(MarkdownRenderer::kDetectionProperty);
                if (!fragment.isValid() || !marked.isValid() || marked.toInt() != index)
                    continue;
                const int from = fragment.position() - text.position();
                const int to = from + fragment.length();
                for (int l = 0; l < layout->lineCount(); ++l) {
                    const QTextLine line = layout->lineAt(l);
                    const int start = std::max(from, line.textStart());
                    const int end = std::min(to, line.textStart() + line.textLength());
                    if (start >= end)
                        continue;
                    const qreal x1 = line.cursorToX(start);
                    const qreal x2 = line.cursorToX(end);
                    rects.append(QRectF(origin.x() + std::min(x1, x2), origin.y() + line.y(),
                                        std::abs(x2 - x1), line.height()));
                }
            }
        }
    }
    return rects;
}

void TextBody::paint(QPainter *painter, QPoint at, const Paint &how) const
{
    for (const Block &block : m_blocks) {
        const QRect area(0, block.top, m_size.width(),
                         int(std::ceil(block.document->size().height())));
        if (how.clip.isNull() || how.clip.intersects(area))
            paintBlock(painter, block, at + QPoint(0, block.top), how);
    }
}

void TextBody::paintBlock(QPainter *painter, const Block &block, QPoint at, const Paint &how) const
{
    const QTextDocument &document = *block.document;
    QAbstractTextDocumentLayout::PaintContext context;
    context.palette = how.palette;
    context.palette.setColor(QPalette::Text, how.text);
    const int end = block.offset + document.characterCount();
    const int first = qMax(how.selectionStart, block.offset);
    const int last = qMin(how.selectionEnd, end - 1);
    if (first < last) {
        QAbstractTextDocumentLayout::Selection selection;
        selection.cursor = QTextCursor(block.document.get());
        selection.cursor.setPosition(first - block.offset);
        selection.cursor.setPosition(last - block.offset, QTextCursor::KeepAnchor);
        selection.format.setBackground(how.palette.brush(QPalette::Highlight));
        selection.format.setForeground(how.palette.brush(QPalette::HighlightedText));
        context.selections.append(selection);
    }

    if (!how.clip.isNull())
        context.clip = QRectF(how.clip.translated(0, -block.top));
    painter->save();
    painter->translate(at);
    document.documentLayout()->draw(painter, context);
    painter->restore();
}

} // namespace qvd
