// DashScopeBackend: request bytes and reply parsing against docs/dashscope-protocol.md §2–§5, §9.
#include "ImageFixtures.h"
#include "TestMain.h"

#include "core/api/DashScopeBackend.h"

#include <QFile>
#include <QJsonDocument>

using namespace qvd;

namespace {

QByteArray readFixture(const QString &name)
{
    QFile file(test::dataPath(QStringLiteral("api/") + name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return file.readAll();
}

QJsonDocument json(const QByteArray &bytes)
{
    return QJsonDocument::fromJson(bytes);
}

const char kImage[] = "https://dashscope.oss-cn-beijing.aliyuncs.com/images/dog_and_girl.jpeg";

// The messages of §9.A / §9.B as a ChatRequest.
ChatRequest spec9Request(bool stream)
{
    ChatRequest request;
    request.model.id = QStringLiteral("qwen-vl-plus");
    request.systemPrompt = QStringLiteral("You are a helpful assistant.");
    request.messages = {
        Message::user({Part::fromImage(QString::fromLatin1(kImage)),
                       Part::fromText(QStringLiteral("这个图片是哪里，请用简短的语言回答"))})};
    request.stream = stream;
    request.parameters.seed = 1234;
    request.parameters.topK = 100;
    request.parameters.topP = 0.81;
    return request;
}

Endpoint keyed(const QString &base = {})
{
    return {QUrl(base), QStringLiteral("sk-xxxxxxxx"), {}};
}

} // namespace

class TestDashScopeBackend : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nonStreamingBodyMatches9A();
    void nonStreamingHeaders();
    void streamingBodyMatches9B();
    void streamingHeaders();
    void url_data();
    void url();
    void noKeyNoAuthorization();
    void workspaceAndOssHeaders();
    void imageBoundsRegionsAndHistory();
    void preparedImageGoesOutAsItsDataUri();
    void thinkingTokensAndStopList();
    void parsesNonStreamingReply9A();
    void parsesStream9B();
    void parsesEmptyFinalContent();
    void parsesStringContentAndBoxItems();
    void keepsReasoningApart();
    void errorEvent9C();
    void errorBodyInsteadOfOutput();
    void malformedJson();
    void controlBytesAreRefused();
};

void TestDashScopeBackend::nonStreamingBodyMatches9A()
{
    ChatRequest request = spec9Request(false);
    request.parameters.highResolutionImages = true;
    request.parameters.temperature = 1.1;
    request.parameters.repetitionPenalty = 1.3;
    request.parameters.presencePenalty = 1.2;
    request.parameters.stop = {QStringLiteral("你好")};
    const DashScopeBackend backend(keyed());
    QCOMPARE(json(backend.body(request)), json(readFixture(QStringLiteral("9a-request.json"))));
}

void TestDashScopeBackend::nonStreamingHeaders()
{
    const DashScopeBackend backend(keyed());
    const QNetworkRequest request = backend.networkRequest(spec9Request(false));
    QCOMPARE(request.url(),
             QUrl(QStringLiteral("https://dashscope.aliyuncs.com/api/v1/services/aigc/"
                                 "multimodal-generation/generation")));
    QCOMPARE(request.rawHeader("Authorization"), QByteArray("Bearer sk-xxxxxxxx"));
    QCOMPARE(request.header(QNetworkRequest::ContentTypeHeader).toByteArray(),
             QByteArray("application/json"));
    QCOMPARE(request.rawHeader("Accept"), QByteArray("application/json"));
    QVERIFY(!request.hasRawHeader("X-DashScope-SSE"));
    QVERIFY(!request.hasRawHeader("X-DashScope-OssResourceResolve"));
    QVERIFY(!request.hasRawHeader("X-DashScope-WorkSpace"));
}

void TestDashScopeBackend::streamingBodyMatches9B()
{
    const DashScopeBackend backend(keyed());
    QCOMPARE(json(backend.body(spec9Request(true))),
             json(readFixture(QStringLiteral("9b-request.json"))));
}

void TestDashScopeBackend::streamingHeaders()
{
    const DashScopeBackend backend(keyed());
    const QNetworkRequest request = backend.networkRequest(spec9Request(true));
    QCOMPARE(request.rawHeader("Accept"), QByteArray("text/event-stream"));
    QCOMPARE(request.rawHeader("X-DashScope-SSE"), QByteArray("enable"));
    QCOMPARE(request.rawHeader("X-Accel-Buffering"), QByteArray("no"));
}

void TestDashScopeBackend::url_data()
{
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("expected");
    const QString path = QStringLiteral("/services/aigc/multimodal-generation/generation");
    QTest::newRow("default") << QString()
                             << QStringLiteral("https://dashscope.aliyuncs.com/api/v1") + path;
    QTest::newRow("intl") << QStringLiteral("https://dashscope-intl.aliyuncs.com/api/v1")
                          << QStringLiteral("https://dashscope-intl.aliyuncs.com/api/v1") + path;
    QTest::newRow("workspace host")
        << QStringLiteral("https://ws1.ap-southeast-1.maas.aliyuncs.com/api/v1/")
        << QStringLiteral("https://ws1.ap-southeast-1.maas.aliyuncs.com/api/v1") + path;
    QTest::newRow("local") << QStringLiteral("http://127.0.0.1:8080/api/v1//")
                           << QStringLiteral("http://127.0.0.1:8080/api/v1") + path;
}

void TestDashScopeBackend::url()
{
    QFETCH(QString, base);
    QFETCH(QString, expected);
    QCOMPARE(DashScopeBackend(keyed(base)).url(), QUrl(expected));
}

void TestDashScopeBackend::noKeyNoAuthorization()
{
    const DashScopeBackend backend(Endpoint{});
    QVERIFY(!backend.networkRequest(spec9Request(true)).hasRawHeader("Authorization"));
}

void TestDashScopeBackend::workspaceAndOssHeaders()
{
    ChatRequest request = spec9Request(true);
    request.messages.first().parts.first().imageUrl =
        ImageUrl::fromString(QStringLiteral("oss://dashscope-instant/abc/2026-01-01/uuid/dog.jpg"));
    Endpoint endpoint = keyed();
    endpoint.workspace = QStringLiteral("llm-ws123");
    const QNetworkRequest out = DashScopeBackend(endpoint).networkRequest(request);
    QCOMPARE(out.rawHeader("X-DashScope-WorkSpace"), QByteArray("llm-ws123"));
    QCOMPARE(out.rawHeader("X-DashScope-OssResourceResolve"), QByteArray("enable"));
}

void TestDashScopeBackend::imageBoundsRegionsAndHistory()
{
    ChatRequest request;
    request.model.id = QStringLiteral("qwen-vl-max");
    request.stream = false;
    request.messages = {
        Message::user(
            {Part::fromImage(QStringLiteral("data:image/png;base64,iVBO"), {}, 3136, 1003520),
             Part::fromText(QStringLiteral("框出狗"))}),
        Message::assistant(QStringLiteral("```json\n[{\"bbox_2d\":[1,2,3,4]}]\n```")),
        Message::user(
            {Part::fromText(QStringLiteral("What is in ")),
             Part::fromRegion(QRectF(10, 20, 30, 40), QStringLiteral("[10, 20, 40, 60]"), 0)}),
    };
    const QByteArray expected = R"({"model":"qwen-vl-max","input":{"messages":[
        {"role":"user","content":[{"image":"data:image/png;base64,iVBO","min_pixels":3136,"max_pixels":1003520},{"text":"框出狗"}]},
        {"role":"assistant","content":[{"text":"```json\n[{\"bbox_2d\":[1,2,3,4]}]\n```"}]},
        {"role":"user","content":[{"text":"What is in "},{"text":"[10, 20, 40, 60]"}]}]},
        "parameters":{}})";
    QCOMPARE(json(DashScopeBackend(keyed()).body(request)), json(expected));
}

// A prepared image is held as bytes; the body carries the same data: URI, byte for byte, as
// PreparedImage::dataUri() (§3.3), and a data: URI that is not canonical base64 goes out as given.
void TestDashScopeBackend::preparedImageGoesOutAsItsDataUri()
{
    const PrepareResult prepared = fixtures::preparedPhoto();
    QVERIFY(prepared.ok());
    const QString odd = QStringLiteral("data:image/png;base64,iVBORw0KGgo");
    ChatRequest request = spec9Request(false);
    request.messages = {Message::user({Part::fromPrepared(prepared.image), Part::fromImage(odd),
                                       Part::fromText(QStringLiteral("?"))})};
    const DashScopeBackend backend(keyed());
    const QByteArray body = backend.body(request);
    const QJsonArray content = json(body)
                                   .object()
                                   .value(QLatin1String("input"))
                                   .toObject()
                                   .value(QLatin1String("messages"))
                                   .toArray()
                                   .last() // after the system prompt
                                   .toObject()
                                   .value(QLatin1String("content"))
                                   .toArray();
    QCOMPARE(content.size(), 3);
    QCOMPARE(content.at(0).toObject().value(QLatin1String("image")).toString(),
             prepared.image.dataUri());
    QCOMPARE(content.at(1).toObject().value(QLatin1String("image")).toString(), odd);
    QVERIFY(
        body.contains(QByteArray("{\"image\":\"" + prepared.image.dataUri().toLatin1() + "\",")));
    QVERIFY(!backend.networkRequest(request).hasRawHeader("X-DashScope-OssResourceResolve"));
}

void TestDashScopeBackend::thinkingTokensAndStopList()
{
    ChatRequest request = spec9Request(true);
    request.model.thinking = Thinking::Off; // can be switched on (Qwen3-VL Plus, §8.1)
    request.parameters = {};
    request.parameters.enableThinking = true;
    request.parameters.maxTokens = 512;
    request.parameters.stop = {QStringLiteral("a"), QStringLiteral("b")};
    const QJsonObject parameters = json(DashScopeBackend(keyed()).body(request))
                                       .object()
                                       .value(QLatin1String("parameters"))
                                       .toObject();
    QCOMPARE(
        json(QJsonDocument(parameters).toJson()),
        json(
            R"({"incremental_output":true,"enable_thinking":true,"max_tokens":512,"stop":["a","b"]})"));
}

void TestDashScopeBackend::parsesNonStreamingReply9A()
{
    const QByteArray http = readFixture(QStringLiteral("9a-response.http"));
    const ChatChunk chunk =
        DashScopeBackend(keyed()).parseReply(http.mid(http.indexOf("\r\n\r\n") + 4));
    QVERIFY(!chunk.error);
    QCOMPARE(chunk.text, QStringLiteral("海滩。"));
    QCOMPARE(chunk.finishReason, QStringLiteral("stop"));
    QCOMPARE(chunk.usage, Usage({3613, 3, 3577}));
    QCOMPARE(chunk.requestId, QStringLiteral("e81aa922-be6c-9f9d-bd4f-0f43e21fd913"));
}

void TestDashScopeBackend::parsesStream9B()
{
    const QByteArray http = readFixture(QStringLiteral("9b-response.http"));
    SseParser parser;
    QList<SseEvent> events = parser.feed(http.mid(http.indexOf("\r\n\r\n") + 4));
    events += parser.finish();
    QCOMPARE(events.size(), 3);
    const DashScopeBackend backend(keyed());
    const QStringList texts = {QStringLiteral("这是一个"), QStringLiteral("海滩"),
                               QStringLiteral("和其他访客。")};
    const QStringList finishes = {QString(), QString(), QStringLiteral("stop")};
    const QList<qint64> outputs = {1, 2, 85};
    for (int i = 0; i < 3; ++i) {
        const ChatChunk chunk = backend.parseEvent(events[i]);
        QVERIFY(!chunk.error);
        QCOMPARE(chunk.text, texts[i]);
        QCOMPARE(chunk.finishReason, finishes[i]);
        QCOMPARE(chunk.usage, Usage({1283, outputs[i], 1247}));
        QCOMPARE(chunk.requestId, QStringLiteral("13c5644d-339c-928a-a09a-e0414bfaa95c"));
    }
}

void TestDashScopeBackend::parsesEmptyFinalContent()
{
    const ChatChunk chunk = DashScopeBackend(keyed()).parseEvent(
        {"9", "result", readFixture(QStringLiteral("9b-ocr-last-data.json")), 200});
    QVERIFY(!chunk.error);
    QCOMPARE(chunk.text, QString());
    QCOMPARE(chunk.finishReason, QStringLiteral("stop"));
    QCOMPARE(chunk.usage, Usage({971, 155, 947}));
}

void TestDashScopeBackend::parsesStringContentAndBoxItems()
{
    const DashScopeBackend backend(keyed());
    // The qwen-vl-chat-v1 doc sample (seed page): content is a string, finish_reason JSON null.
    const ChatChunk plain = backend.parseReply(
        R"({"output":{"choices":[{"finish_reason":null,"message":{"role":"assistant","content":"图中是一名女性和一只狗在沙滩上玩"}}]},"usage":{"input_tokens":0,"output_tokens":19},"request_id":"69cee41a"})");
    QCOMPARE(plain.text, QStringLiteral("图中是一名女性和一只狗在沙滩上玩"));
    QCOMPARE(plain.finishReason, QString());
    QCOMPARE(plain.usage, Usage({0, 19, 0}));
    // Qwen-Agent also accepts {"box": …} items and bare strings (§4).
    const ChatChunk boxes = backend.parseReply(
        R"({"output":{"choices":[{"finish_reason":"stop","message":{"role":"assistant","content":[{"text":"图中"},{"box":"<ref>狗</ref><box>(1,2),(3,4)</box>"},"。"]}}]}})");
    QCOMPARE(boxes.text, QStringLiteral("图中<ref>狗</ref><box>(1,2),(3,4)</box>。"));
    QVERIFY(!boxes.usage);
}

void TestDashScopeBackend::keepsReasoningApart()
{
    const ChatChunk chunk = DashScopeBackend(keyed()).parseEvent(
        {"1", "result",
         R"({"output":{"choices":[{"message":{"content":[],"reasoning_content":"先看图","role":"assistant"},"finish_reason":"null"}]},"request_id":"r"})",
         200});
    QCOMPARE(chunk.text, QString());
    QCOMPARE(chunk.reasoning, QStringLiteral("先看图"));
}

void TestDashScopeBackend::errorEvent9C()
{
    const QByteArray http = readFixture(QStringLiteral("9c-stream-error.http"));
    SseParser parser;
    QList<SseEvent> events = parser.feed(http.mid(http.indexOf("\r\n\r\n") + 4));
    events += parser.finish();
    QCOMPARE(events.size(), 1);
    const ChatChunk chunk = DashScopeBackend(keyed()).parseEvent(events.first());
    QVERIFY(chunk.error);
    QCOMPARE(chunk.error->kind, ApiError::Kind::Server);
    QCOMPARE(chunk.error->httpStatus, 400);
    QCOMPARE(chunk.error->code, QStringLiteral("InvalidParameter"));
    QCOMPARE(chunk.error->message,
             QStringLiteral("Role must be user or assistant and Content length must be "
                            "greater than 0"));
    QCOMPARE(chunk.error->requestId, QStringLiteral("7671ecd8-93cc-9ee9-bc89-739f0fd8b809"));
    QVERIFY(!chunk.error->retryable());
}

void TestDashScopeBackend::errorBodyInsteadOfOutput()
{
    const ChatChunk chunk = DashScopeBackend(keyed()).parseReply(
        R"({"code":"DataInspectionFailed","message":"Output data may contain inappropriate content.","request_id":"x1"})");
    QVERIFY(chunk.error);
    QCOMPARE(chunk.error->code, QStringLiteral("DataInspectionFailed"));
    QCOMPARE(chunk.error->requestId, QStringLiteral("x1"));
}

void TestDashScopeBackend::malformedJson()
{
    const DashScopeBackend backend(keyed());
    const ChatChunk broken = backend.parseEvent({"1", "result", "{\"output\":", 200});
    QVERIFY(broken.error);
    QCOMPARE(broken.error->kind, ApiError::Kind::MalformedReply);
    const ChatChunk other = backend.parseReply("{\"something\":1}");
    QVERIFY(other.error);
    QCOMPARE(other.error->kind, ApiError::Kind::MalformedReply);
}

void TestDashScopeBackend::controlBytesAreRefused()
{
    // Qt's JSON parser takes raw control characters inside strings; JSON does not (RFC 8259 §7).
    const DashScopeBackend backend(keyed());
    const QByteArray nul = QByteArray(R"({"output":{"choices":[{"message":{"content":[{"text":"a)")
        + QByteArray(1, '\0') + R"(b"}]},"finish_reason":"stop"}]}})";
    const ChatChunk refused = backend.parseEvent({"1", "result", nul, 200});
    QVERIFY(refused.error);
    QCOMPARE(refused.error->kind, ApiError::Kind::MalformedReply);
    QVERIFY2(refused.error->detail.contains(QStringLiteral("0x00")),
             qPrintable(refused.error->detail));
    QVERIFY(refused.text.isEmpty());
    QVERIFY(backend.parseReply(QByteArray(nul).replace('\0', '\x1b')).error);
    // White space between tokens may be tab, line feed or carriage return.
    const ChatChunk spaced = backend.parseReply(
        "{\t\"output\":\r\n{\"choices\":[{\"message\":{\"content\":[{\"text\":\"ok\"}]}}]}}");
    QVERIFY(!spaced.error);
    QCOMPARE(spaced.text, QStringLiteral("ok"));
}

QVD_TEST_MAIN(TestDashScopeBackend)
#include "tst_DashScopeBackend.moc"
