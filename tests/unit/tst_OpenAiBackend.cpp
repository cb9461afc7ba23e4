// OpenAiBackend: chat/completions request and replies per docs/dashscope-protocol.md §7 and §9.D.
#include "ImageFixtures.h"
#include "TestMain.h"

#include "core/api/OpenAiBackend.h"

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

ChatRequest sampleRequest()
{
    ChatRequest request;
    request.model.id = QStringLiteral("qwen-vl-plus");
    request.systemPrompt = QStringLiteral("You are a helpful assistant.");
    request.messages = {
        Message::user({Part::fromImage(QStringLiteral("https://x.test/dog.jpeg"), {}, 3136, 802816),
                       Part::fromText(QStringLiteral("这是什么"))}),
        Message::assistant(QStringLiteral("一只狗。")),
        Message::user({Part::fromRegion(
            QRectF(1, 2, 3, 4), QStringLiteral("What is inside {\"bbox_2d\": [1, 2, 4, 6]}?"))}),
    };
    request.parameters.topK = 100;
    request.parameters.highResolutionImages = true;
    request.model.thinking = Thinking::Off; // enable_thinking applies (Qwen3-VL Plus, §8.1)
    request.parameters.enableThinking = false;
    request.parameters.temperature = 0.7;
    return request;
}

} // namespace

class TestOpenAiBackend : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void streamingBody();
    void nonStreamingBodyHasNoStreamFields();
    void preparedImageGoesOutAsItsDataUri();
    void headers();
    void localServerWithoutKey();
    void parsesStream9D();
    void parsesNonStreamingReply();
    void reasoningDelta();
    void errorChunkAndErrorBody();
    void malformedChunk();
};

void TestOpenAiBackend::streamingBody()
{
    const QByteArray expected = R"({"model":"qwen-vl-plus","messages":[
        {"role":"system","content":"You are a helpful assistant."},
        {"role":"user","content":[
            {"type":"image_url","image_url":{"url":"https://x.test/dog.jpeg"},"min_pixels":3136,"max_pixels":802816},
            {"type":"text","text":"这是什么"}]},
        {"role":"assistant","content":"一只狗。"},
        {"role":"user","content":[{"type":"text","text":"What is inside {\"bbox_2d\": [1, 2, 4, 6]}?"}]}],
        "stream":true,"stream_options":{"include_usage":true},
        "top_k":100,"vl_high_resolution_images":true,"enable_thinking":false,"temperature":0.7})";
    QCOMPARE(json(OpenAiBackend(Endpoint{}).body(sampleRequest())), json(expected));
}

void TestOpenAiBackend::nonStreamingBodyHasNoStreamFields()
{
    ChatRequest request = sampleRequest();
    request.stream = false;
    const QJsonObject body = json(OpenAiBackend(Endpoint{}).body(request)).object();
    QVERIFY(!body.contains(QLatin1String("stream")));
    QVERIFY(!body.contains(QLatin1String("stream_options")));
}

// A prepared image is held as bytes; the body carries the same data: URI, byte for byte, as
// PreparedImage::dataUri() (§3.3, §7).
void TestOpenAiBackend::preparedImageGoesOutAsItsDataUri()
{
    const PrepareResult prepared = fixtures::preparedPhoto();
    QVERIFY(prepared.ok());
    ChatRequest request = sampleRequest();
    request.messages = {Message::user(
        {Part::fromPrepared(prepared.image), Part::fromText(QStringLiteral("这是什么"))})};
    const QByteArray body = OpenAiBackend(Endpoint{}).body(request);
    const QJsonObject image = json(body)
                                  .object()
                                  .value(QLatin1String("messages"))
                                  .toArray()
                                  .at(1)
                                  .toObject()
                                  .value(QLatin1String("content"))
                                  .toArray()
                                  .first()
                                  .toObject();
    QCOMPARE(
        image.value(QLatin1String("image_url")).toObject().value(QLatin1String("url")).toString(),
        prepared.image.dataUri());
    QCOMPARE(image.value(QLatin1String("max_pixels")).toInteger(), prepared.image.maxPixels);
    QVERIFY(body.contains(QByteArray("{\"url\":\"" + prepared.image.dataUri().toLatin1() + "\"}")));
}

void TestOpenAiBackend::headers()
{
    const OpenAiBackend backend(
        {QUrl(QStringLiteral("https://dashscope-intl.aliyuncs.com/compatible-mode/v1/")),
         QStringLiteral("sk-abc"),
         {}});
    const QNetworkRequest request = backend.networkRequest(sampleRequest());
    QCOMPARE(request.url(),
             QUrl(QStringLiteral("https://dashscope-intl.aliyuncs.com/"
                                 "compatible-mode/v1/chat/completions")));
    QCOMPARE(request.rawHeader("Authorization"), QByteArray("Bearer sk-abc"));
    QCOMPARE(request.header(QNetworkRequest::ContentTypeHeader).toByteArray(),
             QByteArray("application/json"));
    QVERIFY(!request.hasRawHeader("X-DashScope-SSE"));
    QCOMPARE(OpenAiBackend(Endpoint{}).url(),
             QUrl(QStringLiteral("https://dashscope.aliyuncs.com/compatible-mode/v1/"
                                 "chat/completions")));
}

void TestOpenAiBackend::localServerWithoutKey()
{
    const OpenAiBackend backend({QUrl(QStringLiteral("http://localhost:11434/v1")), {}, {}});
    const QNetworkRequest request = backend.networkRequest(sampleRequest());
    QCOMPARE(request.url(), QUrl(QStringLiteral("http://localhost:11434/v1/chat/completions")));
    QVERIFY(!request.hasRawHeader("Authorization"));
}

void TestOpenAiBackend::parsesStream9D()
{
    SseParser parser;
    QList<SseEvent> events = parser.feed(readFixture(QStringLiteral("9d-openai-stream.sse")));
    events += parser.finish();
    QCOMPARE(events.size(), 5);
    const OpenAiBackend backend(Endpoint{});
    QString text;
    QList<ChatChunk> chunks;
    for (const SseEvent &event : events)
        chunks.append(backend.parseEvent(event));
    for (const ChatChunk &chunk : chunks) {
        QVERIFY(!chunk.error);
        text += chunk.text;
    }
    QCOMPARE(text, QStringLiteral("图与宠物之间的友谊时刻。"));
    QCOMPARE(chunks[0].finishReason, QString());
    QCOMPARE(chunks[1].finishReason, QString());
    QCOMPARE(chunks[2].finishReason, QStringLiteral("stop"));
    QVERIFY(!chunks[2].usage); // "usage": null
    QCOMPARE(chunks[3].usage, Usage({1276, 79, 0}));
    QCOMPARE(chunks[3].requestId, QStringLiteral("chatcmpl-4c83f437-303f-907b-9de5-79cac83d6b18"));
    QVERIFY(!chunks[3].done);
    QVERIFY(chunks[4].done);
}

void TestOpenAiBackend::parsesNonStreamingReply()
{
    const ChatChunk chunk = OpenAiBackend(Endpoint{})
                                .parseReply(readFixture(QStringLiteral("7-openai-nonstream.json")));
    QVERIFY(!chunk.error);
    QCOMPARE(chunk.text, QStringLiteral("图1中是…"));
    QCOMPARE(chunk.finishReason, QStringLiteral("stop"));
    QCOMPARE(chunk.usage, Usage({2509, 34, 0}));
}

void TestOpenAiBackend::reasoningDelta()
{
    const OpenAiBackend backend(Endpoint{});
    const ChatChunk dashScope = backend.parseEvent(
        {{},
         {},
         R"({"choices":[{"delta":{"content":null,"reasoning_content":"嗯"},"finish_reason":null}]})",
         0});
    QCOMPARE(dashScope.reasoning, QStringLiteral("嗯"));
    QCOMPARE(dashScope.text, QString());
    const ChatChunk local = backend.parseEvent(
        {{}, {}, R"({"choices":[{"delta":{"reasoning":"hm"},"finish_reason":null}]})", 0});
    QCOMPARE(local.reasoning, QStringLiteral("hm"));
}

void TestOpenAiBackend::errorChunkAndErrorBody()
{
    const ChatChunk chunk =
        OpenAiBackend(Endpoint{})
            .parseEvent(
                {{}, {}, R"({"error":{"message":"boom","type":"internal_error","code":null}})", 0});
    QVERIFY(chunk.error);
    QCOMPARE(chunk.error->kind, ApiError::Kind::Server);
    QCOMPARE(chunk.error->code, QStringLiteral("internal_error"));
    QCOMPARE(chunk.error->message, QStringLiteral("boom"));
}

void TestOpenAiBackend::malformedChunk()
{
    const ChatChunk chunk = OpenAiBackend(Endpoint{}).parseEvent({{}, {}, "{\"choices\":[", 0});
    QVERIFY(chunk.error);
    QCOMPARE(chunk.error->kind, ApiError::Kind::MalformedReply);
}

QVD_TEST_MAIN(TestOpenAiBackend)
#include "tst_OpenAiBackend.moc"
