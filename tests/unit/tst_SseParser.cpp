// SseParser against the wire bytes of docs/dashscope-protocol.md §5 and §9, split every way.
#include "TestMain.h"

#include "core/api/SseParser.h"

#include <QFile>
#include <QRandomGenerator>

using qvd::SseEvent;
using qvd::SseParser;

Q_DECLARE_METATYPE(qvd::SseEvent)

namespace qvd {
// Readable failure output for QCOMPARE.
char *toString(const SseEvent &event)
{
    const QByteArray text = "{id=" + event.id + " event=" + event.event
        + " status=" + QByteArray::number(event.httpStatus) + " data=" + event.data + "}";
    return qstrdup(text.constData());
}
} // namespace qvd

namespace {

QByteArray readFixture(const QString &name)
{
    QFile file(qvd::test::dataPath(QStringLiteral("api/") + name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return file.readAll();
}

// The body of a raw HTTP response fixture (after the blank line that ends the headers).
QByteArray bodyOf(const QByteArray &http)
{
    return http.mid(http.indexOf("\r\n\r\n") + 4);
}

QList<SseEvent> parseInPieces(const QByteArray &bytes, const QList<int> &cuts)
{
    SseParser parser;
    QList<SseEvent> events;
    int from = 0;
    for (int cut : cuts) {
        events += parser.feed(bytes.mid(from, cut - from));
        from = cut;
    }
    events += parser.feed(bytes.mid(from));
    events += parser.finish();
    return events;
}

QByteArray dashScopeData(const char *text, const char *finish, int outputTokens)
{
    return QByteArray(R"({"output":{"choices":[{"message":{"content":[{"text":")") + text
        + R"("}],"role":"assistant"},"finish_reason":")" + finish
        + R"("}]},"usage":{"input_tokens":1283,"output_tokens":)" + QByteArray::number(outputTokens)
        + R"(,"image_tokens":1247},"request_id":"13c5644d-339c-928a-a09a-e0414bfaa95c"})";
}

// §9.B written out by hand: ids 1, 2, 14, event "result", status comment 200.
QList<SseEvent> expected9B()
{
    return {
        {"1", "result", dashScopeData("这是一个", "null", 1), 200},
        {"2", "result", dashScopeData("海滩", "null", 2), 200},
        {"14", "result", dashScopeData("和其他访客。", "stop", 85), 200},
    };
}

QList<SseEvent> expected9C()
{
    return {
        {"1", "error",
         R"({"code":"InvalidParameter","message":"Role must be user or assistant and Content length must be greater than 0","request_id":"7671ecd8-93cc-9ee9-bc89-739f0fd8b809"})",
         400}};
}

QList<SseEvent> expected9D()
{
    const QByteArray tail =
        R"(,"created":1724729595,"system_fingerprint":null,"model":"qwen-vl-plus","id":"chatcmpl-4c83f437-303f-907b-9de5-79cac83d6b18"})";
    return {
        {{},
         {},
         R"({"choices":[{"delta":{"content":"","role":"assistant"},"index":0,"logprobs":null,"finish_reason":null}],"object":"chat.completion.chunk","usage":null)"
             + tail,
         0},
        {{},
         {},
         R"({"choices":[{"finish_reason":null,"delta":{"content":"图"},"index":0,"logprobs":null}],"object":"chat.completion.chunk","usage":null)"
             + tail,
         0},
        {{},
         {},
         R"({"choices":[{"finish_reason":"stop","delta":{"content":"与宠物之间的友谊时刻。"},"index":0,"logprobs":null}],"object":"chat.completion.chunk","usage":null)"
             + tail,
         0},
        {{},
         {},
         R"({"choices":[],"object":"chat.completion.chunk","usage":{"prompt_tokens":1276,"completion_tokens":79,"total_tokens":1355})"
             + tail,
         0},
        {{}, {}, "[DONE]", 0},
    };
}

QByteArray withLineEnds(QByteArray bytes, const QByteArray &ending)
{
    return bytes.replace("\n", ending);
}

} // namespace

class TestSseParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wholeStream_data() { addStreams(); }
    void wholeStream();
    void everySingleSplit_data() { addStreams(); }
    void everySingleSplit();
    void everyPairOfSplits_data() { addStreams(); }
    void everyPairOfSplits();
    void oneByteAtATime_data() { addStreams(); }
    void oneByteAtATime();
    void randomChunkings_data() { addStreams(); }
    void randomChunkings();
    void fieldsWithAndWithoutSpace();
    void multiLineData();
    void eventTypeAndStatusResetBetweenEvents();
    void idPersistsAcrossEvents();
    void eventWithoutDataIsNotDispatched();
    void commentsAndUnknownFieldsIgnored();
    void leadingBomStripped();
    void unterminatedLastLineCountsAtFinish();
    void errorEventMidStream();
    void resetForgetsPartialState();

private:
    static void addStreams();
};

void TestSseParser::addStreams()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QList<SseEvent>>("expected");
    const QByteArray b = bodyOf(readFixture(QStringLiteral("9b-response.http")));
    const QByteArray c = bodyOf(readFixture(QStringLiteral("9c-stream-error.http")));
    const QByteArray d = readFixture(QStringLiteral("9d-openai-stream.sse"));
    QTest::newRow("9.B LF") << b << expected9B();
    QTest::newRow("9.B CRLF") << withLineEnds(b, "\r\n") << expected9B();
    QTest::newRow("9.B CR") << withLineEnds(b, "\r") << expected9B();
    QTest::newRow("9.C error, LF") << c << expected9C();
    QTest::newRow("9.C error, CRLF") << withLineEnds(c, "\r\n") << expected9C();
    QTest::newRow("9.C error, CR") << withLineEnds(c, "\r") << expected9C();
    QTest::newRow("9.D LF") << d << expected9D();
    QTest::newRow("9.D CRLF") << withLineEnds(d, "\r\n") << expected9D();
    QTest::newRow("9.D CR") << withLineEnds(d, "\r") << expected9D();
}

void TestSseParser::wholeStream()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QList<SseEvent>, expected);
    QCOMPARE(parseInPieces(bytes, {}), expected);
}

void TestSseParser::everySingleSplit()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QList<SseEvent>, expected);
    for (int cut = 0; cut <= bytes.size(); ++cut) {
        const QList<SseEvent> events = parseInPieces(bytes, {cut});
        if (events != expected)
            QFAIL(qPrintable(QStringLiteral("differs when split at byte %1").arg(cut)));
    }
}

void TestSseParser::everyPairOfSplits()
{
    // Two cuts catch a CR and its LF arriving in different pieces with a third piece after.
    QFETCH(QByteArray, bytes);
    QFETCH(QList<SseEvent>, expected);
    const int step = bytes.size() > 400 ? 7 : 1;
    for (int first = 0; first <= bytes.size(); first += step) {
        for (int second = first; second <= bytes.size(); ++second) {
            if (parseInPieces(bytes, {first, second}) != expected)
                QFAIL(qPrintable(
                    QStringLiteral("differs when split at %1 and %2").arg(first).arg(second)));
        }
    }
}

void TestSseParser::oneByteAtATime()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QList<SseEvent>, expected);
    QList<int> cuts;
    for (int i = 1; i < bytes.size(); ++i)
        cuts.append(i);
    QCOMPARE(parseInPieces(bytes, cuts), expected);
}

void TestSseParser::randomChunkings()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QList<SseEvent>, expected);
    QRandomGenerator random(20240611); // fixed seed: a failure can be replayed
    for (int round = 0; round < 200; ++round) {
        QList<int> cuts;
        int at = 0;
        while (true) {
            at += int(random.bounded(1, 40));
            if (at >= bytes.size())
                break;
            cuts.append(at);
        }
        if (parseInPieces(bytes, cuts) != expected)
            QFAIL(qPrintable(QStringLiteral("round %1 differs").arg(round)));
    }
}

void TestSseParser::fieldsWithAndWithoutSpace()
{
    // Only one space after the colon is removed (WHATWG); a second one is data.
    const QByteArray bytes = "id: 7\nevent: result\ndata: {\"a\":1}\n\nid:8\nevent:result\n"
                             "data:{\"a\":2}\n\ndata:  two spaces\n\n";
    const QList<SseEvent> expected = {
        {"7", "result", "{\"a\":1}", 0},
        {"8", "result", "{\"a\":2}", 0},
        {"8", {}, " two spaces", 0},
    };
    QCOMPARE(parseInPieces(bytes, {}), expected);
}

void TestSseParser::multiLineData()
{
    const QByteArray bytes = "data:first\ndata: second\ndata\ndata:\n\n";
    const QList<SseEvent> expected = {{{}, {}, "first\nsecond\n\n", 0}};
    QCOMPARE(parseInPieces(bytes, {}), expected);
}

void TestSseParser::eventTypeAndStatusResetBetweenEvents()
{
    const QByteArray bytes = "event:error\n:HTTP_STATUS/500\ndata:x\n\ndata:y\n\n";
    const QList<SseEvent> expected = {{{}, "error", "x", 500}, {{}, {}, "y", 0}};
    QCOMPARE(parseInPieces(bytes, {}), expected);
}

void TestSseParser::idPersistsAcrossEvents()
{
    const QByteArray bytes = "id:3\ndata:a\n\ndata:b\n\nid\ndata:c\n\n";
    const QList<SseEvent> expected = {{"3", {}, "a", 0}, {"3", {}, "b", 0}, {{}, {}, "c", 0}};
    QCOMPARE(parseInPieces(bytes, {}), expected);
}

void TestSseParser::eventWithoutDataIsNotDispatched()
{
    const QByteArray bytes = "id:1\nevent:done\n\ndata:after\n\n";
    const QList<SseEvent> expected = {{"1", {}, "after", 0}};
    QCOMPARE(parseInPieces(bytes, {}), expected);
}

void TestSseParser::commentsAndUnknownFieldsIgnored()
{
    const QByteArray bytes = ": keep-alive\nretry:1000\nfoo:bar\n:HTTP_STATUS/abc\ndata:z\n\n";
    const QList<SseEvent> expected = {{{}, {}, "z", 0}};
    QCOMPARE(parseInPieces(bytes, {}), expected);
}

void TestSseParser::leadingBomStripped()
{
    const QByteArray bytes = "\xEF\xBB\xBF"
                             "data:x\n\n";
    const QList<SseEvent> expected = {{{}, {}, "x", 0}};
    for (int cut = 0; cut <= bytes.size(); ++cut)
        QCOMPARE(parseInPieces(bytes, {cut}), expected);
    // Only at the very start: later it is data.
    QCOMPARE(parseInPieces("data:\xEF\xBB\xBF\n\n", {}),
             QList<SseEvent>({{{}, {}, "\xEF\xBB\xBF", 0}}));
}

void TestSseParser::unterminatedLastLineCountsAtFinish()
{
    SseParser parser;
    QVERIFY(parser.feed("event:error\ndata:{\"code\":\"X\"}").isEmpty());
    QCOMPARE(parser.finish(), QList<SseEvent>({{{}, "error", "{\"code\":\"X\"}", 0}}));
    // finish() starts over.
    QCOMPARE(parser.feed("data:next\n\n"), QList<SseEvent>({{{}, {}, "next", 0}}));
}

void TestSseParser::errorEventMidStream()
{
    // Framing of a mid-stream error is inferred (docs/dashscope-protocol.md §5, §10 item 3): same
    // shape as §9.C.
    const QByteArray bytes = "id:1\nevent:result\n:HTTP_STATUS/200\ndata:{\"a\":1}\n\n"
                             "id:2\nevent:error\n:HTTP_STATUS/400\ndata:{\"code\":"
                             "\"DataInspectionFailed\"}\n\n";
    const QList<SseEvent> expected = {
        {"1", "result", "{\"a\":1}", 200},
        {"2", "error", "{\"code\":\"DataInspectionFailed\"}", 400},
    };
    for (int cut = 0; cut <= bytes.size(); ++cut)
        QCOMPARE(parseInPieces(bytes, {cut}), expected);
}

void TestSseParser::resetForgetsPartialState()
{
    SseParser parser;
    QVERIFY(parser.feed("id:9\nevent:error\ndata:half").isEmpty());
    parser.reset();
    QCOMPARE(parser.feed("data:whole\n\n"), QList<SseEvent>({{{}, {}, "whole", 0}}));
}

QVD_TEST_MAIN(TestSseParser)
#include "tst_SseParser.moc"
