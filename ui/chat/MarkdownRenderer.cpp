#include "ui/chat/MarkdownRenderer.h"

#include "ui/chat/LabelPalette.h"

#include <QGuiApplication>
#include <QPalette>
#include <QRegularExpression>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>

#include <algorithm>

namespace qvd {
namespace {

// Refs are swapped for private-use placeholders before the markdown parser runs, so neither
// markup in the ref (<ref>, **) nor a code fence around it changes what is highlighted; then
// the placeholders are swapped back for the ref's own text, formatted.
constexpr char16_t kOpen = 0xE000;
constexpr char16_t kClose = 0xE001;

// Answers come from a server, so their documents load nothing: no image, style sheet or
// background named in their markdown or HTML is read from disk, qrc: or anywhere else (Qt's
// default reads local files on the UI thread: /dev/zero never ends, a named pipe blocks).
class InertDocument : public QTextDocument
{
public:
    InertDocument()
    {
        // Asked after loadResource(); set, it also keeps any application-wide provider out.
        setResourceProvider([](const QUrl &) { return QVariant(); });
    }

protected:
    QVariant loadResource(int, const QUrl &) override { return {}; }
};

// Qt's image handler opens an image's file by its name when no resource is found, so no image
// object may stay in the document: each becomes its alt text (its address when it has none),
// shown as a link is. (Qt 6.4's reader already drops images without alt text and inline <img>.)
void replaceImagesWithText(QTextDocument &document)
{
    struct Image
    {
        int position;
        int length;
        QTextImageFormat format;
    };
    QList<Image> images;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (fragment.charFormat().isImageFormat())
                images.append({fragment.position(), fragment.length(),
                               fragment.charFormat().toImageFormat()});
        }
    }
    QTextCursor cursor(&document);
    for (auto it = images.crbegin(); it != images.crend(); ++it) {
        const QString alt = it->format.stringProperty(QTextFormat::ImageAltText);
        const QString name = it->format.name();
        QTextCharFormat text;
        text.setFont(it->format.font());
        text.setAnchor(true);
        text.setAnchorHref(name);
        text.setFontUnderline(true);
        text.setForeground(QGuiApplication::palette().link());
        cursor.setPosition(it->position);
        cursor.setPosition(it->position + it->length, QTextCursor::KeepAnchor);
        // Images side by side with the same format share one fragment: one text each.
        cursor.insertText((alt.isEmpty() ? name : alt).repeated(it->length), text);
    }
}

std::unique_ptr<QTextDocument> newDocument(const MarkdownRenderer::Style &style)
{
    auto document = std::make_unique<InertDocument>();
    document->setDefaultFont(style.font);
    document->setDocumentMargin(0);
    document->setUndoRedoEnabled(false);
    return document;
}

// Code blocks get a shaded background, and so do `inline code` spans inside other blocks.
void shadeCode(QTextDocument &document, const QColor &background)
{
    QList<int> codeBlocks; // positions
    QList<QPair<int, int>> spans; // start, end
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        const QTextBlockFormat format = block.blockFormat();
        if (format.hasProperty(QTextFormat::BlockCodeFence)
            || format.hasProperty(QTextFormat::BlockCodeLanguage)
            || block.charFormat().fontFixedPitch()) {
            codeBlocks.append(block.position());
            continue;
        }
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (fragment.charFormat().fontFixedPitch())
                spans.append({fragment.position(), fragment.position() + fragment.length()});
        }
    }
    // Formats are changed only after the walk: a change can merge or split fragments.
    QTextCursor cursor(&document);
    QTextBlockFormat shadedBlock;
    shadedBlock.setBackground(background);
    for (int position : std::as_const(codeBlocks)) {
        cursor.setPosition(position);
        cursor.mergeBlockFormat(shadedBlock);
    }
    QTextCharFormat shadedText;
    shadedText.setBackground(background);
    for (const auto &span : std::as_const(spans)) {
        cursor.setPosition(span.first);
        cursor.setPosition(span.second, QTextCursor::KeepAnchor);
        cursor.mergeCharFormat(shadedText);
    }
}

// Qt 6.4's markdown reader drops the list of an item that starts with inline HTML (it warns
// "attempted to insert into a list that no longer exists"), and Qwen-VL writes such items:
// "- <ref>dog</ref><box>…</box>". A zero-width space before the tag keeps the list.
void keepListsBeforeInlineHtml(QString &source)
{
    static const QRegularExpression itemStartingWithTag(
        QStringLiteral("^([ \\t]*(?:[-*+]|\\d{1,9}[.)])[ \\t]+)(?=<[A-Za-z/!?])"),
        QRegularExpression::MultilineOption);
    source.replace(itemStartingWithTag,
                   QStringLiteral("\\1") + QChar(MarkdownRenderer::kZeroWidthSpace));
}

} // namespace

std::unique_ptr<QTextDocument> MarkdownRenderer::render(const QString &markdown,
                                                        const QList<Ref> &refs, const Style &style)
{
    // Spans in text order, skipping any that overlap the one before.
    QList<int> order;
    for (int i = 0; i < refs.size(); ++i) {
        const Ref &ref = refs.at(i);
        if (ref.length > 0 && ref.start >= 0 && ref.start + ref.length <= markdown.size())
            order.append(i);
    }
    std::sort(order.begin(), order.end(),
              [&refs](int a, int b) { return refs.at(a).start < refs.at(b).start; });
    QString source;
    source.reserve(markdown.size());
    qsizetype at = 0;
    QList<int> used;
    for (int i : std::as_const(order)) {
        const Ref &ref = refs.at(i);
        if (ref.start < at)
            continue;
        source += QStringView(markdown).mid(at, ref.start - at);
        source += QChar(kOpen) + QString::number(i) + QChar(kClose);
        at = ref.start + ref.length;
        used.append(i);
    }
    source += QStringView(markdown).mid(at);
    keepListsBeforeInlineHtml(source);

    auto document = newDocument(style);
    document->setMarkdown(source, QTextDocument::MarkdownDialectGitHub);
    replaceImagesWithText(*document);
    shadeCode(*document, style.codeBackground);
    if (used.isEmpty())
        return document;

    static const QRegularExpression placeholder(QStringLiteral("\\x{E000}(\\d+)\\x{E001}"));
    QTextCursor cursor(document.get());
    while (!(cursor = document->find(placeholder, cursor)).isNull()) {
        const Ref &ref = refs.at(cursor.selectedText().mid(1).chopped(1).toInt());
        QTextCharFormat format = cursor.charFormat();
        // The label's colour as background only: an underline would hide the "_" of
        // "bbox_2d".
        format.setBackground(labelHighlight(ref.label));
        format.setProperty(kDetectionProperty, ref.index);
        cursor.insertText(markdown.mid(ref.start, ref.length), format);
    }
    return document;
}

std::unique_ptr<QTextDocument> MarkdownRenderer::plain(const QString &text, const Style &style)
{
    auto document = newDocument(style);
    document->setPlainText(text);
    return document;
}

} // namespace qvd
