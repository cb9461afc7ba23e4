// How an answer's text is cut into blocks and laid out: cuts only where markdown cannot join
// the pieces, a streamed answer re-renders only its last block and ends up exactly like one
// laid out at once, blocks are spaced as inside one document, selection text crosses blocks,
// and what is read and copied is the same as from one document.
#include "ui/chat/LabelPalette.h"
#include "ui/chat/MarkdownBlocks.h"
#include "ui/chat/MarkdownRenderer.h"
#include "ui/chat/TextBody.h"

#include "TestMain.h"

#include <QAbstractTextDocumentLayout>
#include <QGuiApplication>
#include <QPainter>
#include <QTextBlock>
#include <QTextDocument>

#include <cmath>

using qvd::TextBody;

class TestTextBody : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void blocksAreCutOnlyBetweenIndependentBlocks_data();
    void blocksAreCutOnlyBetweenIndependentBlocks();
    void aRefIsNeverCut();
    void cutTextShowsAsTheWhole_data();
    void cutTextShowsAsTheWhole();
    void streamingRendersOnlyTheLastBlockAndEndsAsLaidOutAtOnce();
    void aResumedScanCutsAsAFullOne_data();
    void aResumedScanCutsAsAFullOne();
    void aStreamedBodyIsLaidOutAsAtOnce_data();
    void aStreamedBodyIsLaidOutAsAtOnce();
    void aRefAcrossAKeptCutStartsTheScanOver();
    void blocksAreSpacedAsInOneDocument_data();
    void blocksAreSpacedAsInOneDocument();
    void blocksCopiedFromTheCacheLookDrawnDirectly();
    void selectedTextCrossesBlocks();
    void listItemsStartingWithATagStayListItems();
    void inlineCodeIsShadedAndRefsKeepTheirUnderscores();

private:
    static QImage draw(const TextBody &body, const TextBody::Paint &how);
    static qvd::MarkdownRenderer::Style style();
};

qvd::MarkdownRenderer::Style TestTextBody::style()
{
    QFont font = QGuiApplication::font();
    font.setPointSize(11);
    return {font, QColor(235, 235, 235)};
}

QImage TestTextBody::draw(const TextBody &body, const TextBody::Paint &how)
{
    QImage image(body.size(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    body.paint(&painter, {}, how);
    return image;
}

static QStringList pieces(const QString &text, const QList<qsizetype> &starts)
{
    QStringList list;
    for (int i = 0; i < starts.size(); ++i) {
        const qsizetype end = i + 1 < starts.size() ? starts.at(i + 1) : text.size();
        list.append(text.mid(starts.at(i), end - starts.at(i)));
    }
    return list;
}

void TestTextBody::blocksAreCutOnlyBetweenIndependentBlocks_data()
{
    QTest::addColumn<QStringList>("blocks"); // joined, they are the input
    QTest::newRow("empty") << QStringList();
    QTest::newRow("one paragraph") << QStringList{QStringLiteral("One line\nand a second.")};
    QTest::newRow("paragraphs") << QStringList{
        QStringLiteral("First.\n\n"), QStringLiteral("Second.\n\n\n"), QStringLiteral("# Third")};
    QTest::newRow("trailing blank line, next block not here yet")
        << QStringList{QStringLiteral("Done.\n\n")};
    QTest::newRow("CRLF") << QStringList{QStringLiteral("a\r\n\r\n"), QStringLiteral("b")};
    QTest::newRow("blank lines inside a fence")
        << QStringList{QStringLiteral("Code:\n\n"),
                       QStringLiteral("```py\na = 1\n\nb = 2\n```\n\n"), QStringLiteral("After.")};
    QTest::newRow("a shorter fence does not close a longer one")
        << QStringList{QStringLiteral("~~~~\nx\n\n~~~\n\ny\n~~~~\n\n"), QStringLiteral("z")};
    QTest::newRow("an unclosed fence runs to the end")
        << QStringList{QStringLiteral("Hi\n\n"), QStringLiteral("```\na\n\nb\n\nc")};
    QTest::newRow("an ordered list stays whole")
        << QStringList{QStringLiteral("1. one\n\n2. two\n\n10) ten\n\n"), QStringLiteral("End.")};
    QTest::newRow("bullet items may stand alone")
        << QStringList{QStringLiteral("- a\n\n"), QStringLiteral("* b\n\n"), QStringLiteral("+ c")};
    QTest::newRow("an item's indented paragraph stays with it")
        << QStringList{QStringLiteral("- a\n\n  more of a\n\n"), QStringLiteral("Next.")};
    QTest::newRow("indented code")
        << QStringList{QStringLiteral("    code\n\n    more code\n\n"), QStringLiteral("text")};
    QTest::newRow("a number is not a list")
        << QStringList{QStringLiteral("Intro.\n\n"), QStringLiteral("2024 was a year.")};
    QTest::newRow("but a number with a dot is (kept with what comes before)")
        << QStringList{QStringLiteral("Intro.\n\n2024. A list item.\n\n3. more")};
    QTest::newRow("quotes") << QStringList{QStringLiteral("> q\n\n"), QStringLiteral("> r")};
    QTest::newRow("HTML comment with a blank line")
        << QStringList{QStringLiteral("<!-- c\n\nstill -->\n\n"), QStringLiteral("after")};
    QTest::newRow("pre with a blank line")
        << QStringList{QStringLiteral("<pre>\n\nx\n</pre>\n\n"), QStringLiteral("y")};
    QTest::newRow("nothing from a block-level tag on")
        << QStringList{QStringLiteral("Intro.\n\n<div>\n\na\n\n</div>\n\nb")};
    QTest::newRow("blank lines first")
        << QStringList{QStringLiteral("\n \n\t\nText\n\n"), QStringLiteral("More")};
    QTest::newRow("closed on its own line")
        << QStringList{QStringLiteral("<!-- note -->\n\n"), QStringLiteral("z")};
    QTest::newRow("Chinese") << QStringList{QStringLiteral("图中有一只狗。\n\n"),
                                            QStringLiteral("它在草地上。")};
}

void TestTextBody::blocksAreCutOnlyBetweenIndependentBlocks()
{
    QFETCH(QStringList, blocks);
    const QString text = blocks.join(QString());
    QCOMPARE(pieces(text, qvd::markdownBlockStarts(text)), blocks);
}

void TestTextBody::aRefIsNeverCut()
{
    const QString text =
        QStringLiteral("<ref>a dog\n\nand more</ref><box>(1,2),(3,4)</box>\n\nEnd.");
    const qsizetype end = text.indexOf(QLatin1String("</box>")) + 6;
    QCOMPARE(pieces(text, qvd::markdownBlockStarts(text, {{0, end}})),
             QStringList({text.left(end + 2), QStringLiteral("End.")}));
    QCOMPARE(qvd::markdownBlockStarts(text).size(), 3);
}

void TestTextBody::cutTextShowsAsTheWhole_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::newRow("paragraphs") << QStringLiteral("One.\n\nTwo.\n\nThree.");
    QTest::newRow("blank lines first") << QStringLiteral("\n\n\nHello.\n\nWorld.");
    QTest::newRow("thematic breaks") << QStringLiteral("a\n\n***\n\nb\n\n---\n\nc\n\n_ _ _\n\nd");
    QTest::newRow("table") << QStringLiteral("Text\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nAfter.");
    QTest::newRow("link reference definition")
        << QStringLiteral("[x]: http://example.com\n\nSee [x] here.\n\nMore.");
    QTest::newRow("fence closed only at three spaces")
        << QStringLiteral("```\n    ```\n\nx\n```\n\nAfter.");
    QTest::newRow("div") << QStringLiteral("<div>\n<p>a</p>\n\n<p>b</p>\n</div>\n\nc");
    QTest::newRow("details") << QStringLiteral(
        "<details><summary>x</summary>\n\ny\n\n</details>\n\nz");
    QTest::newRow("bullets") << QStringLiteral("- a\n\n- b\n\nText.\n\n* c");
    QTest::newRow("quote and heading") << QStringLiteral("> q\n\n# H\n\nText.");
    QTest::newRow("full-width space line") << QStringLiteral("一\n\u3000\n二\n\n三");
}

// What a person reads and copies is the same whether the text was cut into blocks or not.
void TestTextBody::cutTextShowsAsTheWhole()
{
    QFETCH(QString, markdown);
    const std::unique_ptr<TextBody> body = TextBody::markdown(markdown, {}, style(), 400);
    const std::unique_ptr<QTextDocument> whole =
        qvd::MarkdownRenderer::render(markdown, {}, style());
    whole->setTextWidth(400);
    QString expected = whole->toPlainText();
    expected.remove(QChar(qvd::MarkdownRenderer::kZeroWidthSpace));
    QCOMPARE(body->text(), expected);
    QVERIFY2(qAbs(body->size().height() - whole->size().height()) <= 2,
             qPrintable(QStringLiteral("%1 blocks: %2 px, whole: %3 px")
                            .arg(body->blockCount())
                            .arg(body->size().height())
                            .arg(whole->size().height())));
}

void TestTextBody::streamingRendersOnlyTheLastBlockAndEndsAsLaidOutAtOnce()
{
    QString answer;
    for (int i = 0; i < 12; ++i) {
        answer += QStringLiteral("Paragraph %1 with **bold** words and `code` in it.\n\n").arg(i);
        if (i % 4 == 1)
            answer += QStringLiteral("```cpp\nint x = %1;\n\nreturn x;\n```\n\n").arg(i);
        if (i % 4 == 2)
            answer +=
                QStringLiteral("- item\n- another item\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n");
        if (i % 4 == 3)
            answer += QStringLiteral("1. first\n\n2. second\n\n");
    }
    answer += QStringLiteral("The end.");
    const int width = 500;
    std::unique_ptr<TextBody> body;
    for (qsizetype at = 5; at < answer.size() + 5; at += 5) {
        const QString prefix = answer.left(at);
        std::unique_ptr<TextBody> next = TextBody::markdown(prefix, {}, style(), width, body.get());
        if (body) {
            // What was finished is shared; only the block the delta touched is new.
            QVERIFY2(next->renderedBlocks() <= 2,
                     qPrintable(QStringLiteral("%1 blocks rendered at %2")
                                    .arg(next->renderedBlocks())
                                    .arg(at)));
        }
        body = std::move(next);
    }
    const std::unique_ptr<TextBody> atOnce = TextBody::markdown(answer, {}, style(), width);
    QVERIFY(atOnce->blockCount() > 12);
    QCOMPARE(body->blockCount(), atOnce->blockCount());
    QCOMPARE(body->size(), atOnce->size());
    QCOMPARE(body->text(), atOnce->text());
    const TextBody::Paint how{QGuiApplication::palette(), Qt::black, {}, 0, 0, {}};
    QCOMPARE(draw(*body, how), draw(*atOnce, how));
}

// Texts whose later characters change what earlier lines are: a line that becomes a thematic
// break or a table row, a link reference definition at the end, a fence that opens late.
static void addGrowingTexts()
{
    QTest::addColumn<QString>("markdown");
    QTest::newRow("paragraphs and bullets")
        << QStringLiteral("One.\n\nTwo.\n\n- a\n\n- b\n\nText.\n\n* c\n\n# Head\n\nEnd.");
    QTest::newRow("a bullet line grows into a thematic break")
        << QStringLiteral("Intro.\n\nMore.\n\n---\n\nAfter.\n\n- - -\n\nx");
    QTest::newRow("a line grows into a table")
        << QStringLiteral("Intro.\n\nMore.\n\nab | cd\n---|---\n1 | 2\n\nAfter.");
    QTest::newRow("a link reference definition at the end")
        << QStringLiteral("Intro.\n\nMore.\n\nSee [x].\n\n[x]: http://example.com\n\nz");
    QTest::newRow("fences and html")
        << QStringLiteral("a\n\n```\nx\n\ny\n```\n\nb\n\n<!-- c\n\nd -->\n\ne\n\n<div>\n\nf");
    QTest::newRow("ordered items") << QStringLiteral("a\n\nb\n\n1. one\n\n2. two\n\nc\n\nd");
}

void TestTextBody::aResumedScanCutsAsAFullOne_data()
{
    addGrowingTexts();
}

// Resumed at any cut of any prefix, the scan of the whole text finds what a scan from the
// beginning finds from that cut on, or declines to resume.
void TestTextBody::aResumedScanCutsAsAFullOne()
{
    QFETCH(QString, markdown);
    const QList<qsizetype> full = qvd::markdownBlockStarts(markdown);
    int resumed = 0;
    for (qsizetype n = 1; n <= markdown.size(); ++n) {
        const QString prefix = markdown.left(n);
        for (const qsizetype start : qvd::markdownBlockStarts(prefix)) {
            if (start == 0)
                continue;
            const QList<qsizetype> rest = qvd::markdownBlockStarts(markdown, {}, start);
            if (rest.isEmpty()) {
                // No cut there any more ("-" grew into "---"), or a definition came later.
                QVERIFY(!full.contains(start) || full == QList<qsizetype>{0});
                continue;
            }
            ++resumed;
            QCOMPARE(rest, full.mid(full.indexOf(start)));
        }
    }
    QVERIFY(resumed > 0 || full.size() == 1);
}

void TestTextBody::aStreamedBodyIsLaidOutAsAtOnce_data()
{
    addGrowingTexts();
}

void TestTextBody::aStreamedBodyIsLaidOutAsAtOnce()
{
    QFETCH(QString, markdown);
    const int width = 400;
    std::unique_ptr<TextBody> body;
    for (qsizetype n = 1; n <= markdown.size(); ++n) {
        const QString prefix = markdown.left(n);
        body = TextBody::markdown(prefix, {}, style(), width, body.get());
        const std::unique_ptr<TextBody> atOnce = TextBody::markdown(prefix, {}, style(), width);
        QCOMPARE(body->blockCount(), atOnce->blockCount());
        QCOMPARE(body->text(), atOnce->text());
        QCOMPARE(body->size(), atOnce->size());
    }
}

void TestTextBody::aRefAcrossAKeptCutStartsTheScanOver()
{
    const QString text =
        QStringLiteral("<ref>a dog\n\nand more</ref><box>(1,2),(3,4)</box>\n\nEnd.\n\nMore.");
    const std::unique_ptr<TextBody> before = TextBody::markdown(text, {}, style(), 400);
    QCOMPARE(before->blockCount(), 4);
    // The ref closed: it now spans the first cut, which must go.
    qvd::Detection dog = qvd::Detection::box(1, 2, 3, 4, QStringLiteral("a dog"));
    dog.sourceStart = 0;
    dog.sourceLength = text.indexOf(QLatin1String("</box>")) + 6;
    const QString grown = text + QStringLiteral("\n\nLast.");
    const std::unique_ptr<TextBody> after =
        TextBody::markdown(grown, {dog}, style(), 400, before.get());
    const std::unique_ptr<TextBody> atOnce = TextBody::markdown(grown, {dog}, style(), 400);
    QCOMPARE(atOnce->blockCount(), 4);
    QCOMPARE(after->blockCount(), atOnce->blockCount());
    QCOMPARE(after->text(), atOnce->text());
}

void TestTextBody::blocksAreSpacedAsInOneDocument_data()
{
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("second");
    QTest::newRow("paragraphs") << QStringLiteral("One.") << QStringLiteral("Two.");
    QTest::newRow("heading") << QStringLiteral("One.") << QStringLiteral("## Two");
    QTest::newRow("after a heading") << QStringLiteral("# One") << QStringLiteral("Two.");
    QTest::newRow("list") << QStringLiteral("One.") << QStringLiteral("- two");
    QTest::newRow("after a list") << QStringLiteral("- one\n- more") << QStringLiteral("Two.");
    QTest::newRow("code") << QStringLiteral("One.") << QStringLiteral("```\ntwo\n```");
    QTest::newRow("quote") << QStringLiteral("One.") << QStringLiteral("> Two.");
}

void TestTextBody::blocksAreSpacedAsInOneDocument()
{
    QFETCH(QString, first);
    QFETCH(QString, second);
    const QString text = first + QStringLiteral("\n\n") + second;
    const std::unique_ptr<TextBody> body = TextBody::markdown(text, {}, style(), 400);
    QCOMPARE(body->blockCount(), 2);
    const std::unique_ptr<QTextDocument> whole = qvd::MarkdownRenderer::render(text, {}, style());
    whole->setTextWidth(400);
    // The first block of the second piece: the block after the first piece's blocks.
    QTextBlock block = whole->begin();
    for (int i = 0; i < body->block(0)->blockCount(); ++i)
        block = block.next();
    QCOMPARE(block.text(), body->block(1)->firstBlock().text());
    QCOMPARE(body->blockOffset(1).y(),
             int(std::ceil(whole->documentLayout()->blockBoundingRect(block).top())));
}

// On an opaque background blocks are drawn once into images and copied from there afterwards:
// the pixels are those of drawing the text each time, whole, clipped or with a selection.
void TestTextBody::blocksCopiedFromTheCacheLookDrawnDirectly()
{
    const QString markdown =
        QStringLiteral("# Title\n\nSome **bold** text, `code` and 中文.\n\n```\nint x = 1;\n```\n\n"
                       "- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nThe end.");
    const std::unique_ptr<TextBody> body = TextBody::markdown(markdown, {}, style(), 400);
    QVERIFY(body->blockCount() > 3);
    TextBody::Paint direct{QGuiApplication::palette(), Qt::black, {}, 0, 0, {}};
    TextBody::Paint cached = direct;
    cached.background = Qt::white; // what draw() fills the image with
    const QImage expected = draw(*body, direct);
    QCOMPARE(draw(*body, cached), expected); // drawn into the cache, then copied
    QCOMPARE(draw(*body, cached), expected); // copied from the cache
    // Clipped: the same inside the clip (drawing directly may spill whole lines out of it).
    const QRect clip(0, body->size().height() / 3, 400, 40);
    direct.clip = cached.clip = clip;
    QCOMPARE(draw(*body, cached).copy(clip), draw(*body, direct).copy(clip));
    direct.clip = cached.clip = QRect();
    direct.selectionStart = cached.selectionStart = 3;
    direct.selectionEnd = cached.selectionEnd = 20;
    const QImage selected = draw(*body, direct);
    QVERIFY(selected != expected);
    QCOMPARE(draw(*body, cached), selected);
}

void TestTextBody::selectedTextCrossesBlocks()
{
    const QString text = QStringLiteral("First **para**,\nline two.\n\n- Second\n\n第三段。");
    const std::unique_ptr<TextBody> body = TextBody::markdown(text, {}, style(), 400);
    QCOMPARE(body->blockCount(), 3);
    QCOMPARE(body->text(), QStringLiteral("First para, line two.\nSecond\n第三段。"));
    const int second = body->text().indexOf(QLatin1String("Second"));
    QCOMPARE(body->text(6, second + 3), QStringLiteral("para, line two.\nSec"));
    QCOMPARE(body->text(second + 3, body->length()), QStringLiteral("ond\n第三段。"));
    const QPair<int, int> word = body->wordAt(second + 2);
    QCOMPARE(body->text(word.first, word.second), QStringLiteral("Second"));
    // A point on a character gives that character's position, in any block.
    const int third = body->text().indexOf(QStringLiteral("三"));
    const QRectF caret = body->cursorRect(third);
    QCOMPARE(body->positionAt(caret.topLeft() + QPointF(2, caret.height() / 2), Qt::ExactHit),
             third);
}

void TestTextBody::listItemsStartingWithATagStayListItems()
{
    const QString text =
        QStringLiteral("- <ref>狗</ref><box>(1,2),(3,4)</box> a dog\n- <b>a</b> cat\n"
                       "1. <ref>one</ref>\n");
    const std::unique_ptr<TextBody> body = TextBody::markdown(text, {}, style(), 400);
    QCOMPARE(body->blockCount(), 1);
    int items = 0;
    for (QTextBlock block = body->block(0)->begin(); block.isValid(); block = block.next())
        items += block.textList() ? 1 : 0;
    QCOMPARE(items, 3);
    // What helps Qt's reader is not part of the text a person copies.
    QCOMPARE(body->text(), QStringLiteral("狗(1,2),(3,4) a dog\na cat\none"));
}

void TestTextBody::inlineCodeIsShadedAndRefsKeepTheirUnderscores()
{
    const QString text = QStringLiteral("Use `bbox_2d` for {\"bbox_2d\": [1, 2, 3, 4]} boxes.");
    qvd::Detection ref;
    ref.label = QStringLiteral("dog");
    ref.sourceStart = text.indexOf(u'{');
    ref.sourceLength = text.indexOf(u'}') + 1 - ref.sourceStart;
    const std::unique_ptr<TextBody> body = TextBody::markdown(text, {ref}, style(), 400);
    QHash<QString, QTextCharFormat> formats;
    for (auto it = body->block(0)->firstBlock().begin(); !it.atEnd(); ++it)
        formats.insert(it.fragment().text(), it.fragment().charFormat());
    QVERIFY(formats.contains(QStringLiteral("bbox_2d")));
    QCOMPARE(formats.value(QStringLiteral("bbox_2d")).background().color(), style().codeBackground);
    const QTextCharFormat highlighted =
        formats.value(QStringLiteral("{\"bbox_2d\": [1, 2, 3, 4]}"));
    QCOMPARE(highlighted.background().color(), qvd::labelHighlight(QStringLiteral("dog")));
    QVERIFY(!highlighted.fontUnderline()); // it would hide the "_"
    QVERIFY(formats.value(QStringLiteral("Use ")).background().style() == Qt::NoBrush);
}

QVD_TEST_GUI_MAIN(TestTextBody)
#include "tst_TextBody.moc"
