#include "ui/chat/TextBody.h"

#include "ui/chat/MarkdownBlocks.h"

#include <QAbstractTextDocumentLayout>
#include <QPainter>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextDocumentFragment>
#include <QTextLayout>

#include <QMutex>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <list>
#include <map>

namespace qvd {
namespace {

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

// Every block document gets an id of its own when it is rendered.
quint64 nextBlockId()
{
    static std::atomic<quint64> next{1};
    return next++;
}

// Blocks drawn into images, newest use first, up to a budget of about four full-screen
// answers; the rest are drawn again when they are next shown.
class BlockImages
{
public:
    struct Key
    {
        quint64 block;
        QRgb text;
        QRgb background;
        qint64 paletteKey;
        int dpr100;
        friend bool operator<(const Key &a, const Key &b)
        {
            return std::tie(a.block, a.text, a.background, a.paletteKey, a.dpr100)
                < std::tie(b.block, b.text, b.background, b.paletteKey, b.dpr100);
        }
    };

    static BlockImages &instance()
    {
        static BlockImages images;
        return images;
    }

    QImage find(const Key &key)
    {
        const QMutexLocker lock(&m_mutex);
        const auto it = m_index.find(key);
        if (it == m_index.end())
            return {};
        m_used.splice(m_used.begin(), m_used, it->second);
        return it->second->second;
    }

    void insert(const Key &key, const QImage &image)
    {
        const QMutexLocker lock(&m_mutex);
        m_used.emplace_front(key, image);
        m_index[key] = m_used.begin();
        m_bytes += image.sizeInBytes();
        while (m_bytes > kBudget && m_used.size() > 1) {
            m_bytes -= m_used.back().second.sizeInBytes();
            m_index.erase(m_used.back().first);
            m_used.pop_back();
        }
    }

private:
    static constexpr qsizetype kBudget = 48 * 1024 * 1024;
    QMutex m_mutex;
    std::list<std::pair<Key, QImage>> m_used;
    std::map<Key, std::list<std::pair<Key, QImage>>::iterator> m_index;
    qsizetype m_bytes = 0;
};

constexpr int kMaxCachedBlockHeight = 4096; // device pixels; taller blocks are drawn each time

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
    // A streamed answer only grew: the cuts before its last blocks stand, and the scan resumes
    // there, so a delta costs the same however long the answer already is.
    size_t kept = previous ? previous->keptBlocks(markdown, spans) : 0;
    QList<qsizetype> starts;
    if (kept > 0) {
        const QList<qsizetype> rest =
            markdownBlockStarts(markdown, spans, previous->m_blocks.at(kept).start);
        kept = rest.isEmpty() ? 0 : kept;
        for (size_t i = 0; i < kept; ++i)
            starts.append(previous->m_blocks.at(i).start);
        starts.append(rest);
    }
    if (kept == 0)
        starts = markdownBlockStarts(markdown, spans);
    // Each ref goes to the block it lies in (in the detections' order).
    std::vector<QList<MarkdownRenderer::Ref>> refs(size_t(starts.size()));
    for (int k = 0; k < detections.size(); ++k) {
        const Detection &d = detections.at(k);
        if (d.sourceLength <= 0 || d.sourceStart < 0 || starts.isEmpty())
            continue;
        const auto after = std::upper_bound(starts.cbegin(), starts.cend(), d.sourceStart);
        const qsizetype i = after - starts.cbegin() - 1;
        const qsizetype end = i + 1 < starts.size() ? starts.at(i + 1) : markdown.size();
        if (i >= 0 && d.sourceStart + d.sourceLength <= end)
            refs[size_t(i)].append({k, d.label, d.sourceStart - starts.at(i), d.sourceLength});
    }
    std::unique_ptr<TextBody> body(new TextBody);
    body->m_blocks.reserve(size_t(starts.size()));
    for (int i = 0; i < starts.size(); ++i) {
        const qsizetype start = starts.at(i);
        const qsizetype end = i + 1 < starts.size() ? starts.at(i + 1) : markdown.size();
        Block block;
        block.start = start;
        // A kept block's text is the same: shared, not copied or compared again.
        block.source = size_t(i) < kept ? previous->m_blocks.at(size_t(i)).source
                                        : markdown.mid(start, end - start);
        block.refs = std::move(refs[size_t(i)]);
        if (previous && size_t(i) < previous->m_blocks.size()) {
            const Block &old = previous->m_blocks.at(size_t(i));
            if ((size_t(i) < kept || old.source == block.source) && old.refs == block.refs) {
                block.document = old.document;
                block.id = old.id;
                block.height = old.height;
                block.characters = old.characters;
                block.topMargin = old.topMargin;
                block.bottomMargin = old.bottomMargin;
            }
        }
        if (!block.document) {
            std::shared_ptr<QTextDocument> document =
                MarkdownRenderer::render(block.source, block.refs, style);
            document->setTextWidth(width);
            adopt(block, std::move(document));
            ++body->m_rendered;
        }
        body->m_blocks.push_back(std::move(block));
    }
    body->stack(width);
    return body;
}

size_t TextBody::keptBlocks(QStringView markdown,
                            const QList<QPair<qsizetype, qsizetype>> &spans) const
{
    // The scan resumes at the last block, whose first line it reads again (it may have grown
    // into something that is no cut: "-" into "---").
    if (m_blocks.size() < 2)
        return 0;
    const size_t resume = m_blocks.size() - 1;
    for (size_t i = 0; i < resume; ++i) {
        const Block &block = m_blocks.at(i);
        if (markdown.mid(block.start, block.source.size()) != block.source)
            return 0;
    }
    // A ref may now span one of the kept cuts (the scan would not cut there).
    const auto end = m_blocks.cbegin() + qsizetype(resume) + 1;
    for (const auto &span : spans) {
        const auto after = std::upper_bound(
            m_blocks.cbegin(), end, span.first,
            [](qsizetype position, const Block &block) { return position < block.start; });
        if (after != end && after->start < span.first + span.second)
            return 0;
    }
    return resume;
}

std::unique_ptr<TextBody> TextBody::plain(const QString &text, const QFont &font, int maxWidth)
{
    std::unique_ptr<TextBody> body(new TextBody);
    std::unique_ptr<QTextDocument> document = MarkdownRenderer::plain(text, {font, {}});
    document->setTextWidth(maxWidth);
    const int width = qMin(maxWidth, int(std::ceil(document->idealWidth())));
    document->setTextWidth(width);
    Block block;
    block.source = text;
    adopt(block, std::move(document));
    body->m_blocks.push_back(std::move(block));
    body->m_rendered = 1;
    body->stack(width);
    return body;
}

void TextBody::adopt(Block &block, std::shared_ptr<QTextDocument> document)
{
    block.height = int(std::ceil(document->size().height()));
    block.characters = document->characterCount();
    block.topMargin = document->firstBlock().blockFormat().topMargin();
    block.bottomMargin = document->lastBlock().blockFormat().bottomMargin();
    block.document = std::move(document);
    block.id = nextBlockId();
}

void TextBody::stack(int width)
{
    int y = 0;
    int offset = 0;
    for (size_t i = 0; i < m_blocks.size(); ++i) {
        Block &block = m_blocks[i];
        // Margins collapse between blocks of one document, and a document drops its first
        // block's top and last block's bottom margin: stacked blocks are spaced the same way.
        if (i > 0)
            y += int(std::ceil(qMax(m_blocks[i - 1].bottomMargin, block.topMargin)));
        block.top = y;
        block.offset = offset;
        y += block.height;
        offset += block.characters;
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
    return last.offset + last.characters - 1;
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
        const int last = block.offset + block.characters - 1; // its separator
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
        const QRect area(0, block.top, m_size.width(), block.height);
        if ((how.clip.isNull() || how.clip.intersects(area))
            && !paintBlockFromCache(painter, block, at + QPoint(0, block.top), how))
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

bool TextBody::paintBlockFromCache(QPainter *painter, const Block &block, QPoint at,
                                   const Paint &how) const
{
    const int end = block.offset + block.characters;
    const bool selected = qMax(how.selectionStart, block.offset) < qMin(how.selectionEnd, end - 1);
    const qreal dpr = painter->device()->devicePixelRatioF();
    const QSize size(m_size.width(), block.height);
    if (selected || !how.background.isValid() || how.background.alpha() != 255
        || painter->transform().type() > QTransform::TxTranslate || size.isEmpty()
        || size.height() * dpr > kMaxCachedBlockHeight)
        return false;
    const BlockImages::Key key{block.id, how.text.rgba(), how.background.rgba(),
                               how.palette.cacheKey(), qRound(dpr * 100)};
    QImage image = BlockImages::instance().find(key);
    if (image.isNull()) {
        // Drawn on its background, as it would be on the view: the same pixels.
        image = QImage(size * dpr, QImage::Format_RGB32);
        image.setDevicePixelRatio(dpr);
        image.fill(how.background);
        QPainter imagePainter(&image);
        imagePainter.setRenderHints(painter->renderHints());
        Paint whole = how;
        whole.clip = QRect();
        whole.selectionStart = whole.selectionEnd = 0;
        paintBlock(&imagePainter, block, QPoint(0, 0), whole);
        imagePainter.end();
        BlockImages::instance().insert(key, image);
    }
    // Only the part in view.
    QRect part(QPoint(0, 0), size);
    if (!how.clip.isNull())
        part &= how.clip.translated(0, -block.top);
    if (part.isEmpty())
        return true;
    const QRectF source(QPointF(part.topLeft()) * dpr, QSizeF(part.size()) * dpr);
    painter->drawImage(QRectF(at + part.topLeft(), QSizeF(part.size())), image, source);
    return true;
}

} // namespace qvd
