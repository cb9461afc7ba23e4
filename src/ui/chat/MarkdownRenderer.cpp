#include "ui/chat/MarkdownRenderer.h"

#include "ui/chat/LabelPalette.h"

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

std::unique_ptr<QTextDocument> newDocument(const MarkdownRenderer::Style &style)
{
    auto document = std::make_unique<QTextDocument>();
    document->setDefaultFont(style.font);
    document->setDocumentMargin(0);
    document->setUndoRedoEnabled(false);
    return document;
}

void shadeCodeBlocks(QTextDocument &document, const QColor &background)
{
    QTextCursor cursor(&document);
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        const QTextBlockFormat format = block.blockFormat();
        if (!format.hasProperty(QTextFormat::BlockCodeFence)
            && !format.hasProperty(QTextFormat::BlockCodeLanguage)
            && !block.charFormat().fontFixedPitch())
            continue;
        QTextBlockFormat shaded;
        shaded.setBackground(background);
        cursor.setPosition(block.position());
        cursor.mergeBlockFormat(shaded);
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
                                                        const QList<Detection> &detections,
                                                        const Style &style)
{
    // Spans in text order, skipping any that overlap the one before.
    QList<int> order;
    for (int i = 0; i < detections.size(); ++i) {
        const Detection &d = detections.at(i);
        if (d.sourceLength > 0 && d.sourceStart >= 0
            && d.sourceStart + d.sourceLength <= markdown.size())
            order.append(i);
    }
    std::sort(order.begin(), order.end(), [&detections](int a, int b) {
        return detections.at(a).sourceStart < detections.at(b).sourceStart;
    });
    QString source;
    source.reserve(markdown.size());
    qsizetype at = 0;
    QList<int> used;
    for (int i : std::as_const(order)) {
        const Detection &d = detections.at(i);
        if (d.sourceStart < at)
            continue;
        source += QStringView(markdown).mid(at, d.sourceStart - at);
        source += QChar(kOpen) + QString::number(i) + QChar(kClose);
        at = d.sourceStart + d.sourceLength;
        used.append(i);
    }
    source += QStringView(markdown).mid(at);
    keepListsBeforeInlineHtml(source);

    auto document = newDocument(style);
    document->setMarkdown(source, QTextDocument::MarkdownDialectGitHub);
    shadeCodeBlocks(*document, style.codeBackground);
    if (used.isEmpty())
        return document;

    static const QRegularExpression placeholder(QStringLiteral("\\x{E000}(\\d+)\\x{E001}"));
    QTextCursor cursor(document.get());
    while (!(cursor = document->find(placeholder, cursor)).isNull()) {
        const int index = cursor.selectedText().mid(1).chopped(1).toInt();
        const Detection &d = detections.at(index);
        QTextCharFormat format = cursor.charFormat();
        format.setBackground(labelHighlight(d.label));
        format.setUnderlineStyle(QTextCharFormat::SingleUnderline);
        format.setUnderlineColor(labelColor(d.label));
        format.setProperty(kDetectionProperty, index);
        cursor.insertText(markdown.mid(d.sourceStart, d.sourceLength), format);
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
