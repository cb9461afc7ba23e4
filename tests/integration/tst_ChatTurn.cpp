// ChatTurn over a real socket: HttpTestServer replays docs/dashscope-protocol.md §9 bytes to a real
// QNetworkAccessManager; requests are checked as the server recorded them.
#include "ChatTurnFixtures.h"
#include "HttpTestServer.h"
#include "TestMain.h"

#include "core/api/ChatTurn.h"
#include "core/api/DashScopeBackend.h"
#include "core/api/OpenAiBackend.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>

using namespace qvd;
using test::HttpTestServer;
using test::Reply;
using namespace qvd::test;

class TestChatTurn : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void replay9A_nonStreaming();
    void replay9B_streaming();
    void replay9B_oneBytePerSegment();
    void replay9B_chosenBoundaries();
    void replay9C_401NotRetried();
    void badRequest400NotRetried();
    void replay9C_streamErrorEvent();
    void replay9D_openAiStream();
    void retries503Then200();
    void givesUpAfterMaxAttempts();
    void honorsRetryAfterOn429();
    void resetAfterPartialOutputNotRetried();
    void resetAfterHeadersBeforeDataRetried();
    void stallTimesOutKeepingPartialText();
    void cancelMidStreamKeepsPartialText();
    void streamEndingWithoutFinishFails();
    void partialResponseIsMarkedCutByServer();
    void nonStreamedAnswerOutwaitsTheStallTimeout();

private:
    std::unique_ptr<ChatTurn> makeTurn(const ChatBackend &backend, const ChatRequest &request);
    DashScopeBackend dashScope() const;

    std::unique_ptr<HttpTestServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
};

void TestChatTurn::init()
{
    m_server = std::make_unique<HttpTestServer>();
    QVERIFY(m_server->listen());
    m_network = std::make_unique<QNetworkAccessManager>();
}

void TestChatTurn::cleanup()
{
    m_server->release();
    m_network.reset();
    m_server.reset();
}

DashScopeBackend TestChatTurn::dashScope() const
{
    return DashScopeBackend(
        {m_server->url(QStringLiteral("/api/v1")), QStringLiteral("sk-xxxxxxxx"), {}});
}

std::unique_ptr<ChatTurn> TestChatTurn::makeTurn(const ChatBackend &backend,
                                                 const ChatRequest &request)
{
    auto turn = std::make_unique<ChatTurn>(m_network.get(), &backend, request);
    ChatTurn::RetryPolicy policy;
    policy.baseDelay = std::chrono::milliseconds(5);
    policy.random = [] {
        return 0.5;
    };
    turn->setRetryPolicy(policy);
    turn->setStallTimeout(std::chrono::seconds(20));
    return turn;
}

void TestChatTurn::replay9A_nonStreaming()
{
    m_server->enqueue(Reply::raw(wire(QStringLiteral("9a-response.http"))));
    const DashScopeBackend backend = dashScope();
    ChatRequest request = spec9Request(false);
    request.parameters.highResolutionImages = true;
    request.parameters.temperature = 1.1;
    request.parameters.repetitionPenalty = 1.3;
    request.parameters.presencePenalty = 1.2;
    request.parameters.stop = {QStringLiteral("你好")};
    auto turn = makeTurn(backend, request);
    QSignalSpy finished(turn.get(), &ChatTurn::finished);
    QSignalSpy delta(turn.get(), &ChatTurn::delta);
    turn->start();
    QVERIFY(finished.wait());

    const Message answer = finished.first().first().value<Message>();
    QCOMPARE(answer.text, QStringLiteral("海滩。"));
    QCOMPARE(answer.finishReason, QStringLiteral("stop"));
    QCOMPARE(answer.usage, Usage({3613, 3, 3577}));
    QCOMPARE(answer.requestId, QStringLiteral("e81aa922-be6c-9f9d-bd4f-0f43e21fd913"));
    QCOMPARE(answer.state, Message::State::Complete);
    QCOMPARE(deltaText(delta), QStringLiteral("海滩。"));

    QCOMPARE(m_server->requests().size(), 1);
    const test::RecordedRequest recorded = m_server->requests().first();
    QCOMPARE(recorded.method, QByteArray("POST"));
    QCOMPARE(recorded.target, QByteArray("/api/v1/services/aigc/multimodal-generation/generation"));
    QCOMPARE(recorded.header("Authorization"), QByteArray("Bearer sk-xxxxxxxx"));
    QCOMPARE(recorded.header("Content-Type"), QByteArray("application/json"));
    QCOMPARE(recorded.header("Accept"), QByteArray("application/json"));
    QCOMPARE(recorded.header("X-DashScope-SSE"), QByteArray());
    QCOMPARE(QJsonDocument::fromJson(recorded.body),
             QJsonDocument::fromJson(readFixture(QStringLiteral("9a-request.json"))));
}

void TestChatTurn::replay9B_streaming()
{
    m_server->enqueue(Reply::raw(wire(QStringLiteral("9b-response.http"))));
    const DashScopeBackend backend = dashScope();
    auto turn = makeTurn(backend, spec9Request(true));
    QSignalSpy finished(turn.get(), &ChatTurn::finished);
    QSignalSpy delta(turn.get(), &ChatTurn::delta);
    turn->start();
    QVERIFY(finished.wait());

    // Three events: as many deltas or fewer (events read together are announced together).
    QVERIFY(delta.size() >= 1 && delta.size() <= 3);
    QCOMPARE(deltaText(delta), QStringLiteral("这是一个海滩和其他访客。"));
    const Message answer = finished.first().first().value<Message>();
    QCOMPARE(answer.text, QStringLiteral("这是一个海滩和其他访客。"));
    QCOMPARE(answer.usage, Usage({1283, 85, 1247}));
    QCOMPARE(answer.finishReason, QStringLiteral("stop"));
    QCOMPARE(answer.requestId, QStringLiteral("13c5644d-339c-928a-a09a-e0414bfaa95c"));

    const test::RecordedRequest recorded = m_server->requests().first();
    QCOMPARE(recorded.method, QByteArray("POST"));
    QCOMPARE(recorded.target, QByteArray("/api/v1/services/aigc/multimodal-generation/generation"));
    QCOMPARE(recorded.header("Accept"), QByteArray("text/event-stream"));
    QCOMPARE(recorded.header("X-DashScope-SSE"), QByteArray("enable"));
    QCOMPARE(recorded.header("Authorization"), QByteArray("Bearer sk-xxxxxxxx"));
    QCOMPARE(QJsonDocument::fromJson(recorded.body),
             QJsonDocument::fromJson(readFixture(QStringLiteral("9b-request.json"))));
}

void TestChatTurn::replay9B_oneBytePerSegment()
{
    // Every byte its own write and TCP segment: head, chunk framing and UTF-8 all cut apart.
    const QByteArray http = readFixture(QStringLiteral("9b-response.http"));
    m_server->enqueue(Reply().sendInChunks(headOf(http) + chunk(bodyOf(http), 97) + kLastChunk, 1));
    const DashScopeBackend backend = dashScope();
    auto turn = makeTurn(backend, spec9Request(true));
    QSignalSpy finished(turn.get(), &ChatTurn::finished);
    QSignalSpy delta(turn.get(), &ChatTurn::delta);
    turn->start();
    QVERIFY(finished.wait(30000));
    QVERIFY(delta.size() >= 1 && delta.size() <= 3);
    QCOMPARE(deltaText(delta), QStringLiteral("这是一个海滩和其他访客。"));
    QCOMPARE(finished.first().first().value<Message>().text,
             QStringLiteral("这是一个海滩和其他访客。"));
}

void TestChatTurn::replay9B_chosenBoundaries()
{
    // One chunk for the whole body, cut inside a UTF-8 character, between the two '\n' that end
    // an event, inside "data:" and right after the head.
    const QByteArray http = readFixture(QStringLiteral("9b-response.http"));
    const QByteArray bytes = headOf(http) + chunk(bodyOf(http), 4096) + kLastChunk;
    const int inChar = int(bytes.indexOf("这")) + 1;
    const int betweenNewlines = int(bytes.indexOf("\n\nid:2")) + 1;
    const int inData = int(bytes.indexOf("data:", betweenNewlines)) + 2;
    const int afterHead = int(headOf(http).size());
    m_server->enqueue(Reply().sendSplit(bytes, {afterHead, inChar, betweenNewlines, inData}));
    const DashScopeBackend backend = dashScope();
    auto turn = makeTurn(backend, spec9Request(true));
    QSignalSpy finished(turn.get(), &ChatTurn::finished);
    turn->start();
    QVERIFY(finished.wait());
    QCOMPARE(finished.first().first().value<Message>().text,
             QStringLiteral("这是一个海滩和其他访客。"));
}

void TestChatTurn::replay9C_401NotRetried()
{
    m_server->enqueue(Reply::raw(wire(QStringLiteral("9c-401.http"))));
    const DashScopeBackend backend = dashScope();
    auto turn = makeTurn(backend, spec9Request(false));
    QSignalSpy failed(turn.get(), &ChatTurn::failed);
    turn->start();
    QVERIFY(failed.wait());
    const ApiError error = failed.first().first().value<ApiError>();
    QCOMPARE(error.kind, ApiError::Kind::HttpStatus);
    QCOMPARE(error.httpStatus, 401);
    QCOMPARE(error.code, QStringLiteral("InvalidApiKey"));
    QCOMPARE(error.message, QStringLiteral("Invalid API-key provided."));
    QCOMPARE(error.requestId, QStringLiteral("a1c0561c-1dfe-98a6-a62f-983577b8bc5e"));
    QVERIFY(error.userMessage().contains(QLatin1String("Invalid API-key provided.")));
    QVERIFY(!error.userMessage().contains(QLatin1String("sk-xxxxxxxx")));
    QCOMPARE(m_server->requests().size(), 1);
    QCOMPARE(turn->answer().state, Message::State::Failed);
}

void TestChatTurn::badRequest400NotRetried()
{
    // §6 parameter-error-nosse.
    m_server->enqueue(Reply::http(
        400,
        R"({"code":"InvalidParameter","message":"Role must be user or assistant and Content length must be greater than 0","request_id":"b2"})",
        {"Content-Type: application/json"}));
    const DashScopeBackend backend = dashScope();
    auto turn = makeTurn(backend, spec9Request(true));
    QSignalSpy failed(turn.get(), &ChatTurn::failed);
    turn->start();
    QVERIFY(failed.wait());
    const ApiError error = failed.first().first().value<ApiError>();
    QCOMPARE(error.httpStatus, 400);
    QCOMPARE(error.code, QStringLiteral("InvalidParameter"));
    QCOMPARE(error.requestId, QStringLiteral("b2"));
    QCOMPARE(m_server->requests().size(), 1);
}

void TestChatTurn::replay9C_streamErrorEvent()
{
    m_server->enqueue(Reply::raw(wire(QStringLiteral("9c-stream-error.http"))));
    const DashScopeBackend backend = dashScope();
    auto turn = makeTurn(backend, spec9Request(true));
    QSignalSpy failed(turn.get(), &ChatTurn::failed);
    QSignalSpy finished(turn.get(), &ChatTurn::finished);
    turn->start();
    QVERIFY(failed.wait());
    const ApiError error = failed.first().first().value<ApiError>();
    QCOMPARE(error.kind, ApiError::Kind::Server);
    QCOMPARE(error.httpStatus, 400);
    QCOMPARE(error.code, QStringLiteral("InvalidParameter"));
    QCOMPARE(error.requestId, QStringLiteral("7671ecd8-93cc-9ee9-bc89-739f0fd8b809"));
    QCOMPARE(m_server->requests().size(), 1);
    QCOMPARE(finished.size(), 0);
}

void TestChatTurn::replay9D_openAiStream()
{
    // §9.D has no response head; this one is the usual for an SSE reply.
    m_server->enqueue(Reply::raw(
        kStreamHead + chunk(readFixture(QStringLiteral("9d-openai-stream.sse"))) + kLastChunk));
    const OpenAiBackend backend({m_server->url(QStringLiteral("/compatible-mode/v1")), {}, {}});
    ChatRequest request = spec9Request(true);
    request.parameters = {};
    request.parameters.highResolutionImages = true;
    auto turn = makeTurn(backend, request);
    QSignalSpy finished(turn.get(), &ChatTurn::finished);
    QSignalSpy delta(turn.get(), &ChatTurn::delta);
    turn->start();
    QVERIFY(finished.wait());
    const Message answer = finished.first().first().value<Message>();
    QCOMPARE(answer.text, QStringLiteral("图与宠物之间的友谊时刻。"));
    QCOMPARE(answer.usage, Usage({1276, 79, 0}));
    QCOMPARE(answer.finishReason, QStringLiteral("stop"));
    QVERIFY(delta.size() >= 1 && delta.size() <= 2); // the first chunk's content is ""
    QCOMPARE(deltaText(delta), answer.text);

    const test::RecordedRequest recorded = m_server->requests().first();
    QCOMPARE(recorded.method, QByteArray("POST"));
    QCOMPARE(recorded.target, QByteArray("/compatible-mode/v1/chat/completions"));
    QCOMPARE(recorded.header("Authorization"), QByteArray()); // local server: no key
    const QByteArray expected = R"({"model":"qwen-vl-plus","messages":[
        {"role":"system","content":"You are a helpful assistant."},
        {"role":"user","content":[
            {"type":"image_url","image_url":{"url":"https://dashscope.oss-cn-beijing.aliyuncs.com/images/dog_and_girl.jpeg"}},
            {"type":"text","text":"这个图片是哪里，请用简短的语言回答"}]}],
        "stream":true,"stream_options":{"include_usage":true},"vl_high_resolution_images":true})";
    QCOMPARE(QJsonDocument::fromJson(recorded.body), QJsonDocument::fromJson(expected));
}

void TestChatTurn::retries503Then200()
{
    m_server->enqueue(Reply::http(
        503,
        R"({"code":"ModelUnavailable","message":"Model is unavailable, try again later.","request_id":"u1"})",
        {"Content-Type: application/json"}));
    m_server->enqueue(Reply::raw(wire(QStringLiteral("9b-response.http"))));
    const DashScopeBackend backend = dashScope();
    auto turn = makeTurn(backend, spec9Request(true));
    QSignalSpy finished(turn.get(), &ChatTurn::finished);
    QSignalSpy failed(turn.get(), &ChatTurn::failed);
    QSignalSpy retrying(turn.get(), &ChatTurn::retrying);
    turn->start();
    QVERIFY(finished.wait());
    QCOMPARE(finished.size(), 1);
    QCOMPARE(failed.size(), 0);
    QCOMPARE(retrying.size(), 1);
    QCOMPARE(retrying.first()[0].toInt(), 2);
    // baseDelay 5 ms, random 0.5: 5/2 + 0.5 * (5 - 5/2) = 2 + 1 = 3 ms.
    QCOMPARE(retrying.first()[1].toLongLong(), 3);
    QCOMPARE(retrying.first()[2].value<ApiError>().httpStatus, 503);
    QCOMPARE(m_server->requests().size(), 2);
    QCOMPARE(m_server->requests()[0].body, m_server->requests()[1].body);
    QCOMPARE(finished.first().first().value<Message>().text,
             QStringLiteral("这是一个海滩和其他访客。"));
    QCOMPARE(turn->attempts(), 2);
}

void TestChatTurn::givesUpAfterMaxAttempts()
{
    for (int i = 0; i < 3; ++i)
        m_server->enqueue(Reply::http(500, R"({"code":"InternalError","message":"x"})"));
    const DashScopeBackend backend = dashScope();
    auto turn = makeTurn(backend, spec9Request(true));
    ChatTurn::RetryPolicy policy;
    policy.maxAttempts = 3;
    policy.baseDelay = std::chrono::milliseconds(4);
    policy.random = [] {
        return 0.0;
    };
    turn->setRetryPolicy(policy);
    QSignalSpy failed(turn.get(), &ChatTurn::failed);
    QSignalSpy retrying(turn.get(), &ChatTurn::retrying);
    turn->start();
    QVERIFY(failed.wait());
    QCOMPARE(m_server->requests().size(), 3);
    QCOMPARE(retrying.size(), 2);
    // Doubling with the random part at 0: 4/2, then 8/2.
    QCOMPARE(retrying[0][1].toLongLong(), 2);
    QCOMPARE(retrying[1][1].toLongLong(), 4);
    QCOMPARE(failed.first().first().value<ApiError>().httpStatus, 500);
}

void TestChatTurn::honorsRetryAfterOn429()
{
    m_server->enqueue(
        Reply::http(429, R"({"code":"Throttling","message":"Requests throttling triggered."})",
                    {"Retry-After: 1"}));
    m_server->enqueue(Reply::raw(wire(QStringLiteral("9b-response.http"))));
    const DashScopeBackend backend = dashScope();
    auto turn = makeTurn(backend, spec9Request(true));
    QSignalSpy finished(turn.get(), &ChatTurn::finished);
    QSignalSpy retrying(turn.get(), &ChatTurn::retrying);
    turn->start();
    QVERIFY(finished.wait(10000));
    QCOMPARE(retrying.size(), 1);
    QCOMPARE(retrying.first()[1].toLongLong(), 1000);
    QCOMPARE(m_server->requests().size(), 2);
}

void TestChatTurn::resetAfterPartialOutputNotRetried()
{
    m_server->enqueue(Reply().send(kStreamHead + chunk(firstEvent9B())).stall().reset());
    m_server->enqueue(Reply::raw(wire(QStringLiteral("9b-response.http"))));
    const DashScopeBackend backend = dashScope();
    auto turn = makeTurn(backend, spec9Request(true));
    QSignalSpy failed(turn.get(), &ChatTurn::failed);
    QSignalSpy delta(turn.get(), &ChatTurn::delta);
    turn->start();
    QVERIFY(delta.wait());
    m_server->release();
    QVERIFY(failed.wait());
    const ApiError error = failed.first().first().value<ApiError>();
    QCOMPARE(error.kind, ApiError::Kind::Network);
    QCOMPARE(error.category(), ApiError::Category::Network);
    QVERIFY(!error.beforeFirstByte);
    QVERIFY(!error.retryable());
    QCOMPARE(m_server->requests().size(), 1);
    QCOMPARE(turn->attempts(), 1);
    QCOMPARE(deltaText(delta), QStringLiteral("这是一个"));
    QCOMPARE(turn->answer().text, QStringLiteral("这是一个"));
    QCOMPARE(turn->answer().state, Message::State::Failed);
}

void TestChatTurn::resetAfterHeadersBeforeDataRetried()
{
    m_server->enqueue(Reply().send(kStreamHead).stall().reset());
    m_server->enqueue(Reply::raw(wire(QStringLiteral("9b-response.http"))));
    const DashScopeBackend backend = dashScope();
    auto turn = makeTurn(backend, spec9Request(true));
    QSignalSpy started(turn.get(), &ChatTurn::responseStarted);
    QSignalSpy finished(turn.get(), &ChatTurn::finished);
    QSignalSpy retrying(turn.get(), &ChatTurn::retrying);
    turn->start();
    QVERIFY(started.wait()); // the head was read: the reset comes after it
    QCOMPARE(started.first().first().toInt(), 200);
    m_server->release();
    QVERIFY(finished.wait());
    QCOMPARE(retrying.size(), 1);
    QCOMPARE(retrying.first()[2].value<ApiError>().kind, ApiError::Kind::Network);
    QCOMPARE(m_server->requests().size(), 2);
    QCOMPARE(finished.first().first().value<Message>().text,
             QStringLiteral("这是一个海滩和其他访客。"));
}

void TestChatTurn::stallTimesOutKeepingPartialText()
{
    m_server->enqueue(Reply().send(kStreamHead + chunk(firstEvent9B())).stall());
    const DashScopeBackend backend = dashScope();
    auto turn = makeTurn(backend, spec9Request(true));
    turn->setStallTimeout(std::chrono::milliseconds(300));
    QSignalSpy failed(turn.get(), &ChatTurn::failed);
    QSignalSpy retrying(turn.get(), &ChatTurn::retrying);
    turn->start();
    QVERIFY(failed.wait());
    const ApiError error = failed.first().first().value<ApiError>();
    QCOMPARE(error.kind, ApiError::Kind::Timeout);
    QCOMPARE(error.category(), ApiError::Category::Timeout);
    QVERIFY(!error.retryable());
    QCOMPARE(error.requestId, QStringLiteral("13c5644d-339c-928a-a09a-e0414bfaa95c"));
    QCOMPARE(retrying.size(), 0);
    QCOMPARE(turn->answer().text, QStringLiteral("这是一个"));
    QCOMPARE(turn->answer().state, Message::State::Failed);
    QCOMPARE(m_server->requests().size(), 1);
}

void TestChatTurn::cancelMidStreamKeepsPartialText()
{
    m_server->enqueue(Reply().send(kStreamHead + chunk(firstEvent9B())).stall());
    const DashScopeBackend backend = dashScope();
    auto turn = makeTurn(backend, spec9Request(true));
    QSignalSpy delta(turn.get(), &ChatTurn::delta);
    QSignalSpy finished(turn.get(), &ChatTurn::finished);
    QSignalSpy failed(turn.get(), &ChatTurn::failed);
    turn->start();
    QVERIFY(delta.wait());
    turn->cancel();
    QCOMPARE(finished.size(), 1);
    const Message answer = finished.first().first().value<Message>();
    QCOMPARE(answer.state, Message::State::Interrupted);
    QCOMPARE(answer.text, QStringLiteral("这是一个"));
    QVERIFY(!turn->isRunning());
    turn->cancel(); // a second cancel does nothing
    QCOMPARE(finished.size(), 1);
    QCOMPARE(failed.size(), 0);
}

void TestChatTurn::streamEndingWithoutFinishFails()
{
    // A complete HTTP body whose stream never said finish_reason: the answer is cut short.
    m_server->enqueue(Reply::raw(kStreamHead + chunk(firstEvent9B()) + kLastChunk));
    const DashScopeBackend backend = dashScope();
    auto turn = makeTurn(backend, spec9Request(true));
    QSignalSpy failed(turn.get(), &ChatTurn::failed);
    turn->start();
    QVERIFY(failed.wait());
    QCOMPARE(failed.first().first().value<ApiError>().kind, ApiError::Kind::Network);
    QCOMPARE(m_server->requests().size(), 1);
    QCOMPARE(turn->answer().text, QStringLiteral("这是一个"));
}

void TestChatTurn::partialResponseIsMarkedCutByServer()
{
    // §8.1: a non-streamed answer cut at the server's 180 s comes with this header, its text
    // as far as it got, and (here) no finish_reason at all.
    const QByteArray body =
        R"({"output":{"choices":[{"message":{"role":"assistant","content":[{"text":"海滩上有"}]}}]},)"
        R"("usage":{"output_tokens":4,"input_tokens":3613,"image_tokens":3577},"request_id":"req-cut"})";
    m_server->enqueue(Reply::http(
        200, body, {"Content-Type: application/json", "x-dashscope-partialresponse: true"}));
    const DashScopeBackend backend = dashScope();
    auto turn = makeTurn(backend, spec9Request(false));
    QSignalSpy finished(turn.get(), &ChatTurn::finished);
    QSignalSpy failed(turn.get(), &ChatTurn::failed);
    turn->start();
    QVERIFY(finished.wait());
    QCOMPARE(failed.size(), 0);
    const Message answer = finished.first().first().value<Message>();
    QCOMPARE(answer.text, QStringLiteral("海滩上有"));
    QCOMPARE(answer.state, Message::State::CutByServer);

    // Without the header the same reply is a connection that closed early.
    m_server->enqueue(Reply::http(200, body, {"Content-Type: application/json"}));
    auto plain = makeTurn(backend, spec9Request(false));
    QSignalSpy plainFailed(plain.get(), &ChatTurn::failed);
    plain->start();
    QVERIFY(plainFailed.wait());
}

void TestChatTurn::nonStreamedAnswerOutwaitsTheStallTimeout()
{
    // Nothing arrives for 1.5 s, five times the stall timeout: a stream would time out, a
    // non-streamed request waits (at least ChatTurn::kNonStreamedWait, the server's 180 s).
    QVERIFY(ChatTurn::kNonStreamedWait >= std::chrono::seconds(180));
    m_server->enqueue(Reply()
                          .pause(std::chrono::milliseconds(1500))
                          .send(wire(QStringLiteral("9a-response.http"))));
    const DashScopeBackend backend = dashScope();
    auto turn = makeTurn(backend, spec9Request(false));
    turn->setStallTimeout(std::chrono::milliseconds(300));
    QSignalSpy finished(turn.get(), &ChatTurn::finished);
    QSignalSpy failed(turn.get(), &ChatTurn::failed);
    turn->start();
    QVERIFY(finished.wait(20000));
    QCOMPARE(failed.size(), 0);
    QCOMPARE(finished.first().first().value<Message>().text, QStringLiteral("海滩。"));

    // The same wait on a stream times out.
    m_server->enqueue(Reply()
                          .pause(std::chrono::milliseconds(1500))
                          .send(wire(QStringLiteral("9b-response.http"))));
    auto streamed = makeTurn(backend, spec9Request(true));
    streamed->setStallTimeout(std::chrono::milliseconds(300));
    QSignalSpy streamFailed(streamed.get(), &ChatTurn::failed);
    streamed->start();
    QVERIFY(streamFailed.wait(20000));
    QCOMPARE(streamFailed.first().first().value<ApiError>().kind, ApiError::Kind::Timeout);
}

QVD_TEST_MAIN(TestChatTurn)
#include "tst_ChatTurn.moc"
