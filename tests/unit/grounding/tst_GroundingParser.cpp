#include "core/grounding/GroundingParser.h"

#include "DetectionTestUtil.h"
#include "TestMain.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using qvd::Detection;
using qvd::DetectionKind;
using qvd::GroundingParser;
using qvd::GroundingSyntax;
using qvd::ParseMode;

Q_DECLARE_METATYPE(qvd::Detection)

namespace {

using qvd::test::box;
using qvd::test::describe;
using qvd::test::Detections;
using qvd::test::point;
using qvd::test::quad;

Detections parse(const QString &text, ParseMode mode = ParseMode::Complete)
{
    return GroundingParser(mode).parse(text);
}

QList<QJsonObject> corpus()
{
    QFile file(qvd::test::dataPath(QStringLiteral("grounding/public-corpus.jsonl")));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("corpus missing");
    QList<QJsonObject> cases;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (!line.trimmed().isEmpty())
            cases.append(QJsonDocument::fromJson(line).object());
    }
    return cases;
}

Detections expectedOf(const QJsonObject &row)
{
    Detections expected;
    for (const QJsonValue &v : row.value(QLatin1String("expected")).toArray()) {
        const QJsonObject e = v.toObject();
        Detection d =
            Detection::box(e[QLatin1String("x1")].toDouble(), e[QLatin1String("y1")].toDouble(),
                           e[QLatin1String("x2")].toDouble(), e[QLatin1String("y2")].toDouble(),
                           e[QLatin1String("label")].toString());
        const QString kind = e[QLatin1String("kind")].toString();
        d.kind = kind == u"point" ? DetectionKind::Point
            : kind == u"quad"     ? DetectionKind::Quad
                                  : DetectionKind::Box;
        expected.append(d);
    }
    return expected;
}

} // namespace

class TestGroundingParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void corpus_data();
    void corpus();
    void prefixesOnlyGrow_data();
    void prefixesOnlyGrow();
    void rules_data();
    void rules();
    void streamingHoldsBackOpenSyntax_data();
    void streamingHoldsBackOpenSyntax();
    void syntaxAndSourceSpan();
    void attributesAndImageIndex();
    void reasoningIsSkipped();
    void largeAnswers();
    void hostileInputReturns_data();
    void hostileInputReturns();
};

void TestGroundingParser::corpus_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<Detections>("expected");
    for (const QJsonObject &row : ::corpus()) {
        QTest::newRow(qPrintable(row[QLatin1String("id")].toString()))
            << row[QLatin1String("text")].toString() << expectedOf(row);
    }
}

void TestGroundingParser::corpus()
{
    QFETCH(QString, text);
    QFETCH(Detections, expected);
    COMPARE_SHAPES(parse(text), expected);
}

void TestGroundingParser::prefixesOnlyGrow_data()
{
    corpus_data();
    rules_data(); // the same check over the hand-made rows
}

// Every prefix, parsed while streaming, shows only detections the whole answer also has, with
// the same values; and they never disappear again as the text grows.
void TestGroundingParser::prefixesOnlyGrow()
{
    QFETCH(QString, text);
    QEXPECT_FAIL("lines: bare pairs rank higher",
                 "documented exception: a later, higher-ranked syntax replaces what came before",
                 Abort);
    const Detections final = parse(text);
    Detections previous;
    for (qsizetype n = 0; n <= text.size(); ++n) {
        const Detections shown = parse(text.left(n), ParseMode::Streaming);
        for (const Detection &d : shown)
            QVERIFY2(
                final.contains(d),
                qPrintable(QStringLiteral("prefix %1: %2 not in final").arg(n).arg(describe(d))));
        for (const Detection &d : previous)
            QVERIFY2(shown.contains(d),
                     qPrintable(QStringLiteral("prefix %1 lost %2").arg(n).arg(describe(d))));
        previous = shown;
    }
}

// One row per rule of docs/grounding.md §5 that the corpus does not show; expected values are
// read off the text by hand.
void TestGroundingParser::rules_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<Detections>("expected");
    const auto row = [](const char *name, const char *text, const Detections &expected) {
        QTest::newRow(name) << QString::fromUtf8(text) << expected;
    };
    // 1. Qwen-VL tags
    row("tags: quad is 8 numbers", "<ref>sign</ref><quad>(10,20),(30,20),(30,40),(10,40)</quad>",
        {quad({{10, 20}, {30, 20}, {30, 40}, {10, 40}}, "sign")});
    row("tags: quad of 6 numbers ignored", "<quad>(10,20),(30,20),(30,40)</quad>", {});
    row("tags: 3 numbers are no box", "<ref>a</ref><box>(1,2),(3)</box>", {});
    row("tags: box without ref", "<box>(1,2),(3,4)</box>", {box(1, 2, 3, 4)});
    row("tags: img and endoftext ignored",
        "<img>https://x/(1,2),(3,4).jpg</img>Caption:<ref> Woman</ref><box>(451,379),(731,806)"
        "</box><|endoftext|>",
        {box(451, 379, 731, 806, "Woman")});
    row("tags: label kept across prose", "<ref>a</ref> and <box>(1,2),(3,4)</box>",
        {box(1, 2, 3, 4, "a")});
    row("tags win over JSON", "<box>(1,2),(3,4)</box> {\"bbox_2d\": [5, 6, 7, 8]}",
        {box(1, 2, 3, 4)});
    row("tags that give nothing fall through", "<box>(1,2,3)</box> {\"bbox_2d\": [5, 6, 7, 8]}",
        {box(5, 6, 7, 8)});
    // 2. Qwen2 tokens
    row("tokens: spaced names",
        "<| object_ref_start |>cat<| object_ref_end |><| box_start |>"
        "(1769, 1013), (1778, 1027)<| box_end |>",
        {box(1769, 1013, 1778, 1027, "cat")});
    row("tokens: one pair is a point", "click(start_box='<|box_start|>(246,113)<|box_end|>')",
        {point(246, 113)});
    row("tokens: four pairs are a quad", "<|quad_start|>(1,2),(5,2),(5,6),(1,6)<|quad_end|>",
        {quad({{1, 2}, {5, 2}, {5, 6}, {1, 6}})});
    row("tokens: three pairs ignored", "<|box_start|>(1,2),(5,2),(5,6)<|box_end|>", {});
    row("tokens: extra_0..3 spelling", "<|extra_0|>dog<|extra_1|><|extra_2|>(1,2),(3,4)<|extra_3|>",
        {box(1, 2, 3, 4, "dog")});
    row("tokens: in prose",
        "The spatial extent is given by <|box_start|>(342,308),(670,766)"
        "<|box_end|>.",
        {box(342, 308, 670, 766)});
    // 3. XML points
    row("xml: x/y and element text", "<point x=\"10.5\" y=\"20\">cat</point>",
        {point(10.5, 20, "cat")});
    row("xml: no alt, no text", "<points x1=\"745\" y1=\"312\"></points>", {point(745, 312)});
    row("xml: alt wins over text", "<points x1=\"1\" y1=\"2\" alt=\"a\">b</points>",
        {point(1, 2, "a")});
    row("xml: bad number gives nothing", "<points x1=\"1\" y1=\"two\">b</points>", {});
    row("xml: self-closing", "<point x='3' y='4' alt='x &amp; y'/>", {point(3, 4, "x & y")});
    // 4. QwenVL HTML
    row("html: ol skipped, nested text, entities",
        "<ol data-bbox=\"1 2 3 4\"><li data-bbox=\"5 6 7 8\">A &amp; <b>B</b></li></ol>",
        {box(5, 6, 7, 8, "A & B")});
    row("html: 3 numbers skipped", "<p data-bbox=\"1 2 3\">x</p><p data-bbox=\"1 2 3 4\">y</p>",
        {box(1, 2, 3, 4, "y")});
    row("html: unclosed p reads to the next tag", "<p data-bbox=\"1 2 3 4\">first<p>second",
        {box(1, 2, 3, 4, "first")});
    // 5. JSON
    row("json: fence without language tag",
        "```\n[{\"bbox_2d\": [1, 2, 3, 4], \"label\": \"a\"}]\n```", {box(1, 2, 3, 4, "a")});
    row("json: missing closing fence drops the open object",
        "```json\n[{\"bbox_2d\": [1, 2, 3, 4], \"label\": \"a\"},\n {\"bbox_2d\": [5, 6, 7, 8], "
        "\"la",
        {box(1, 2, 3, 4, "a")});
    row("json: bare, after the word json",
        "json\n[{\"point_2d\": [925, 618], \"label\": \"point_1\"}]", {point(925, 618, "point_1")});
    row("json: cut after the last bracket", "[{\"bbox\": [1, 2, 3, 4]}] is the answer",
        {box(1, 2, 3, 4)});
    row("json: stray brace",
        "[{\"bbox_2d\": [1, 2, 3, 4], \"label\": \"a\"}, {\n{\"bbox_2d\": [5, 6, 7, 8], "
        "\"label\": \"b\"}]",
        {box(1, 2, 3, 4, "a"), box(5, 6, 7, 8, "b")});
    row("json: concatenated objects, braces in strings",
        "{\"box_2d\": [1, 2, 3, 4], \"label\": \"}{\"}\n{\"point\": [5, 6], \"label\": \"q\"}",
        {box(1, 2, 3, 4, "}{"), point(5, 6, "q")});
    row("json: escapes in a label",
        "{\"bbox_2d\": [1, 2, 3, 4], \"label\": \"\\\"a\\\"\\\\b\\/c\\u72d7\\tz\"}",
        {box(1, 2, 3, 4, "\"a\"\\b/c\xe7\x8b\x97\tz")});
    row("json: duplicate keys in a closed object",
        "{\"name\": \"a\", \"bbox\": [1, 2, 3, 4], \"name\": \"b\", \"bbox\": [5, 6, 7, 8]}",
        {box(1, 2, 3, 4, "a"), box(5, 6, 7, 8, "b")});
    row("json: key scan takes the nearest preceding label",
        "[{\"label\": \"a\" \"bbox_2d\": [1, 2, 3, 4]}, {\"label\": \"b\", \"bbox_2d\": [5, 6, 7, "
        "8], "
        "\"x\": [1",
        {box(1, 2, 3, 4, "a"), box(5, 6, 7, 8, "b")});
    row("json: swipe has coordinate and coordinate2",
        "<tool_call>\n{\"name\": \"mobile_use\", \"arguments\": {\"action\": \"swipe\", "
        "\"coordinate\": [10, 20], \"coordinate2\": [30, 40]}}\n</tool_call>",
        {point(10, 20, "swipe"), point(30, 40, "swipe")});
    row("json: arguments as a JSON string",
        "{\"name\": \"computer_use\", \"arguments\": \"{\\\"action\\\": \\\"left_click\\\", "
        "\\\"coordinate\\\": [7, 8]}\"}",
        {point(7, 8, "left_click")});
    row("json: nested names joined in order",
        "{\"bbox_2d\": [1, 2, 3, 4], \"names\": {\"zh\": \"富冈义勇\", \"en\": \"Giyu Tomioka\"}}",
        {box(1, 2, 3, 4, "富冈义勇 / Giyu Tomioka")});
    row("json: text_content before other strings",
        "[{\"bbox_2d\": [1, 2, 3, 4], \"role\": \"title\", \"text_content\": \" Hi \"}]",
        {box(1, 2, 3, 4, "Hi")});
    row("json: label keeps quotes", "[{\"bbox_2d\": [1, 2, 3, 4], \"label\": \"\\\"x\\\"\"}]",
        {box(1, 2, 3, 4, "\"x\"")});
    row("json: bbox_3d ignored", "[{\"bbox_3d\": [1, 2, 3, 4, 5, 6, 0, 0, 0], \"label\": \"car\"}]",
        {});
    row("json: 3 numbers, objects, bad strings give nothing",
        "[{\"bbox_2d\": [1, 2, 3]}, {\"bbox_2d\": {\"x\": 1}}, {\"point_2d\": [\"a\", \"b\"]}, "
        "{\"point_2d\": [1, 2, 3, 4]}]",
        {});
    row("json: bbox with 2 numbers is a point", "{\"bbox_2d\": [\"5\", 6]}", {point(5, 6)});
    row("json: several fences",
        "```json\n{\"point_2d\": [1, 2]}\n```\ntext\n```json\n"
        "{\"point_2d\": [3, 4]}\n```",
        {point(1, 2), point(3, 4)});
    // 6. bare pairs
    row("bare: labels since the previous box", "猫(1,2),(3,4)，狗 (5,6),(7,8)\nbird:(9,10),(11,12)",
        {box(1, 2, 3, 4, "猫"), box(5, 6, 7, 8, "狗"), box(9, 10, 11, 12)});
    row("bare: label at most 50 characters",
        "0123456789abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ(1,2),(3,4)",
        {box(1, 2, 3, 4, "6789abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ")});
    row("bare: malformed pair", "the selection (501,10), (995987)", {});
    // 7. plain lines
    row("lines", "10,20,30,40 red car\n 5, 6, 7, 8 \tdog \nnot 1,2,3,4 x\n",
        {box(10, 20, 30, 40, "red car"), box(5, 6, 7, 8, "dog")});
    row("lines: bare pairs rank higher", "1,2,3,4 a\nb(5,6),(7,8)", {box(5, 6, 7, 8, "b")});
    // declines
    row("decline", "There are none.", {});
    row("empty", "", {});
    // Bare coordinate answers (docs/grounding.md §1.6): the whole answer only.
    row("bare array is a box", "[1, 2, 3, 4]", {box(1, 2, 3, 4)});
    row("bare arrays: trimmed, one box each", "\n [[1, 2, 3, 4],\n [5.5, -6, 7, 8e1]] \n",
        {box(1, 2, 3, 4), box(5.5, -6, 7, 80)});
    row("bare arrays: fenced without tag", "```\n[1, 2, 3, 4]\n```", {box(1, 2, 3, 4)});
    row("bare arrays: fence without its end", "```json\n[[1, 2, 3, 4]]", {box(1, 2, 3, 4)});
    row("bare arrays: text after the fence stays text", "```json\n[1, 2, 3, 4]\n```\nthe dog", {});
    row("bare arrays: a word before stays text", "box: [1, 2, 3, 4]", {});
    row("bare arrays: three numbers", "[1, 2, 3]", {});
    row("bare arrays: five numbers", "[[1, 2, 3, 4, 5]]", {});
    row("bare arrays: one bad member spoils the list", "[[1, 2, 3, 4], [5, 6, 7]]", {});
    row("bare arrays: trailing comma", "[[1, 2, 3, 4],]", {});
    row("bare arrays: deeper nesting", "[[[1, 2, 3, 4]]]", {});
    row("bare arrays: strings are not numbers", "[\"1\", \"2\", \"3\", \"4\"]", {});
    row("bare arrays: empty", "[]", {});
}

void TestGroundingParser::rules()
{
    QFETCH(QString, text);
    QFETCH(Detections, expected);
    COMPARE_SHAPES(parse(text), expected);
}

// A prefix of an answer, parsed while streaming, must not show what is still open; the whole
// answer parsed as complete shows it.
void TestGroundingParser::streamingHoldsBackOpenSyntax_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<Detections>("streaming");
    QTest::addColumn<Detections>("complete");
    QTest::newRow("open box") << QStringLiteral("<ref>a</ref><box>(1,2),(3,4)</box><box>(1,2),(3")
                              << Detections{box(1, 2, 3, 4, "a")}
                              << Detections{box(1, 2, 3, 4, "a")};
    QTest::newRow("open fence, open object")
        << QStringLiteral("```json\n[{\"bbox_2d\": [1, 2, 3, 4], \"label\": \"a\"}, {\"bbox_2d\": "
                          "[5, 6, 7, 8], \"label\": \"ca")
        << Detections{box(1, 2, 3, 4, "a")} << Detections{box(1, 2, 3, 4, "a")};
    // Key scan would label the box "" now and "cat" later: it waits for the closing fence.
    QTest::newRow("open object only")
        << QStringLiteral("```json\n[{\"bbox_2d\": [1, 2, 3, 4], \"label\": \"ca") << Detections{}
        << Detections{box(1, 2, 3, 4)};
    QTest::newRow("closed fence allows key scan")
        << QStringLiteral(
               "```json\n{\"label\": \"a\", \"bbox\": [1, 2, 3, 4], \"label\": \"b\"\n```")
        << Detections{box(1, 2, 3, 4, "a")} << Detections{box(1, 2, 3, 4, "a")};
    QTest::newRow("last plain line")
        << QStringLiteral("1,2,3,4 cat\n5,6,7,8 do") << Detections{box(1, 2, 3, 4, "cat")}
        << Detections{box(1, 2, 3, 4, "cat"), box(5, 6, 7, 8, "do")};
    QTest::newRow("open html element")
        << QStringLiteral("<p data-bbox=\"1 2 3 4\">Qwen</p><p data-bbox=\"5 6 7 8\">Te")
        << Detections{box(1, 2, 3, 4, "Qwen")}
        << Detections{box(1, 2, 3, 4, "Qwen"), box(5, 6, 7, 8, "Te")};
    QTest::newRow("open xml points") << QStringLiteral("<points x1=\"1\" y1=\"2\">bir")
                                     << Detections{} << Detections{point(1, 2, "bir")};
    QTest::newRow("open think") << QStringLiteral("<think>maybe <box>(1,2),(3,4)</box>")
                                << Detections{} << Detections{};
}

void TestGroundingParser::streamingHoldsBackOpenSyntax()
{
    QFETCH(QString, text);
    QFETCH(Detections, streaming);
    QFETCH(Detections, complete);
    COMPARE_SHAPES(parse(text, ParseMode::Streaming), streaming);
    COMPARE_SHAPES(parse(text, ParseMode::Complete), complete);
}

void TestGroundingParser::syntaxAndSourceSpan()
{
    const QString text = QStringLiteral("<ref>a</ref><box>(1,2),(3,4)</box>");
    const Detections tags = parse(text);
    QCOMPARE(tags.size(), 1);
    QCOMPARE(tags[0].syntax, GroundingSyntax::QwenVlTags);
    QCOMPARE(tags[0].sourceStart, 12); // "<ref>a</ref>" is 12 characters
    QCOMPARE(tags[0].sourceLength, 22); // "<box>(1,2),(3,4)</box>"

    const QString json = QStringLiteral("ok ```json\n[{\"point_2d\": [1, 2]}]\n```");
    const Detections points = parse(json);
    QCOMPARE(points.size(), 1);
    QCOMPARE(points[0].syntax, GroundingSyntax::Json);
    QCOMPARE(json.mid(points[0].sourceStart, points[0].sourceLength),
             QStringLiteral("{\"point_2d\": [1, 2]}"));

    const QString bare = QStringLiteral("```json\n[[1, 2, 3, 4], [5, 6, 7, 8]]\n```");
    const Detections arrays = parse(bare);
    QCOMPARE(arrays.size(), 2);
    QCOMPARE(bare.mid(arrays[1].sourceStart, arrays[1].sourceLength),
             QStringLiteral("[5, 6, 7, 8]"));
    QVERIFY(parse(bare, ParseMode::Streaming).isEmpty()); // not whole until complete

    const struct
    {
        const char *text;
        GroundingSyntax syntax;
    } syntaxes[] = {
        {"<|box_start|>(1,2),(3,4)<|box_end|>", GroundingSyntax::Qwen2Tokens},
        {"<points x1=\"1\" y1=\"2\"></points>", GroundingSyntax::XmlPoints},
        {"<p data-bbox=\"1 2 3 4\">x</p>", GroundingSyntax::HtmlDataBbox},
        {"a(1,2),(3,4)", GroundingSyntax::BarePairs},
        {"1,2,3,4 a", GroundingSyntax::PlainLines},
        {"[1, 2, 3, 4]", GroundingSyntax::BareArrays},
    };
    for (const auto &s : syntaxes) {
        const Detections found = parse(QString::fromUtf8(s.text));
        QCOMPARE(found.size(), 1);
        QCOMPARE(found[0].syntax, s.syntax);
    }
}

void TestGroundingParser::attributesAndImageIndex()
{
    const Detections found = parse(QStringLiteral(
        "[{\"bbox_2d\": [1, 2, 3, 4], \"label\": \"car\", \"sub_label\": \"taxi\", "
        "\"color\": \"yellow\", \"img_idx\": 1}, {\"point_2d\": [5, 6], \"img_idx\": \"0\"}, "
        "{\"point_2d\": [7, 8], \"img_idx\": -1}]"));
    QCOMPARE(found.size(), 3);
    QCOMPARE(found[0].label, QStringLiteral("car"));
    QCOMPARE(found[0].attributes.value(QStringLiteral("sub_label")),
             QVariant(QStringLiteral("taxi")));
    QCOMPARE(found[0].attributes.value(QStringLiteral("color")),
             QVariant(QStringLiteral("yellow")));
    QVERIFY(!found[0].attributes.contains(QStringLiteral("label")));
    QVERIFY(!found[0].attributes.contains(QStringLiteral("bbox_2d")));
    QCOMPARE(found[0].imageIndex, std::optional<int>(1));
    QCOMPARE(found[1].imageIndex, std::optional<int>(0));
    QCOMPARE(found[2].imageIndex, std::nullopt); // not an index
}

void TestGroundingParser::reasoningIsSkipped()
{
    COMPARE_SHAPES(parse(QStringLiteral("<think>cat(1,2),(3,4)?</think>dog(5,6),(7,8)")),
                   (Detections{box(5, 6, 7, 8, "dog")}));
    // The chat template opened <think> in the prompt; the answer only closes it.
    COMPARE_SHAPES(parse(QStringLiteral("cat(1,2),(3,4)?</think>\ndog(5,6),(7,8)")),
                   (Detections{box(5, 6, 7, 8, "dog")}));
    COMPARE_SHAPES(parse(QStringLiteral("<think>still thinking (1,2),(3,4)"), ParseMode::Streaming),
                   Detections{});
    const QString blanked = GroundingParser::withoutReasoning(QStringLiteral("a<think>b</think>c"));
    QCOMPARE(blanked, QStringLiteral("a") + QString(16, u' ') + QStringLiteral("c"));
}

// About 1 MB answers in every family's syntax: each must come back with every detection (and
// finish: a backtracking regex would not).
void TestGroundingParser::largeAnswers()
{
    const int count = 20000;
    QString json = QStringLiteral("```json\n[\n");
    QString tags;
    QString truncated = QStringLiteral("[");
    for (int i = 0; i < count; ++i) {
        const QString object =
            QStringLiteral("\t{\"bbox_2d\": [%1, 2, 3, 4], \"label\": \"obj %1\"},\n").arg(i);
        json += object;
        truncated += object;
        tags += QStringLiteral("<ref>obj %1</ref><box>(%1,2),(3,4)</box> and ").arg(i);
    }
    json += QStringLiteral("]\n```\n");
    truncated += QStringLiteral("\t{\"bbox_2d\": [1, 2, 3, 4], \"label\": \"cut");
    QVERIFY(json.size() > 1000000);

    const Detections fromJson = parse(json);
    QCOMPARE(fromJson.size(), count);
    QCOMPARE(fromJson.last().label, QStringLiteral("obj %1").arg(count - 1));
    QCOMPARE(parse(json, ParseMode::Streaming).size(), count);
    QCOMPARE(parse(truncated).size(), count); // salvage keeps the closed objects
    QCOMPARE(parse(tags).size(), count);
}

void TestGroundingParser::hostileInputReturns_data()
{
    QTest::addColumn<QString>("text");
    const int n = 200000;
    QTest::newRow("open parens") << QString(n, u'(');
    QTest::newRow("open braces") << QString(n, u'{');
    QTest::newRow("deep brackets") << QString(n, u'[');
    QTest::newRow("quotes") << QString(n, u'"');
    QTest::newRow("lt") << QString(n, u'<');
    QTest::newRow("number runs") << QStringLiteral("(1,2),(3,").repeated(n / 8);
    QTest::newRow("open tags") << QStringLiteral("<box>(1,2),(3,4)<ref>").repeated(n / 20);
    QTest::newRow("open html") << QStringLiteral("<p data-bbox=\"1 2 3 4\">x").repeated(n / 24);
    QTest::newRow("keys") << QStringLiteral("\"bbox\": [1, ").repeated(n / 12);
    QTest::newRow("nested objects")
        << QStringLiteral("{\"a\": ").repeated(n / 6) + QString(n / 6, u'}');
    QTest::newRow("backticks") << QStringLiteral("```{").repeated(n / 4);
}

// Pathological text must come back without crashing or hanging, and without inventing boxes.
void TestGroundingParser::hostileInputReturns()
{
    QFETCH(QString, text);
    for (const ParseMode mode : {ParseMode::Complete, ParseMode::Streaming}) {
        const Detections found = parse(text, mode);
        for (const Detection &d : found)
            QVERIFY(d.rect.isValid() || d.kind == DetectionKind::Point);
    }
}

QVD_TEST_MAIN(TestGroundingParser)
#include "tst_GroundingParser.moc"
