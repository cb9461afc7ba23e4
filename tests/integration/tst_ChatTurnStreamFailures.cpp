// ChatTurn when a stream goes wrong after it started, over a real socket: error events and
// unreadable data after output (docs/dashscope-protocol.md §5), an idle server, and the
// OpenAI-compatible stream cut at every byte. The partial answer is kept and never retried once
// shown.
#include "ChatTurnFixtures.h"
#include "HttpTestServer.h"
#include "TestMain.h"

#include "core/api/ChatTurn.h"
#include "core/api/DashScopeBackend.h"
#include "core/api/OpenAiBackend.h"

#include <QNetworkAccessManager>

using namespace qvd;
using namespace qvd::test;
using Category = ApiError::Category;
using Kind = ApiError::Kind;

namespace {

const QString kKey = QStringLiteral("sk-test-5e1d0c9b8a");

QByteArray errorEvent(int id, int status, const QByteArray &json)
{
    return "id:" + QByteArray::number(id) + "\nevent:error\n:HTTP_STATUS/"
        + QByteArray::number(status) + "\ndata:" + json + "\n\n";
}

} // namespace

class TestChatTurnStreamFailures : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void errorAfterOutput_data();
    void errorAfterOutput();
    void malformedData_data();
    void malformedData();
    void stallTimerMeasuresIdleTimeNotTotal();
    void openAiStreamOneBytePerSegment();

private:
    std::unique_ptr<ChatTurn> makeTurn(const ChatBackend &backend, const ChatRequest &request);

    std::unique_ptr<HttpTestServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
};

void TestChatTurnStreamFailures::init()
{
    m_server = std::make_unique<HttpTestServer>();
    QVERIFY(m_server->listen());
    m_network = std::make_unique<QNetworkAccessManager>();
}

void TestChatTurnStreamFailures::cleanup()
{
    m_server->release();
    m_network.reset();
    m_server.reset();
}

std::unique_ptr<ChatTurn> TestChatTurnStreamFailures::makeTurn(const ChatBackend &backend,
                                                               const ChatRequest &request)
{
    auto turn = std::make_unique<ChatTurn>(m_network.get(), &backend, request);
    ChatTurn::RetryPolicy policy;
    policy.baseDelay = std::chrono::milliseconds(4);
    turn->setRetryPolicy(policy);
    turn->setStallTimeout(std::chrono::seconds(20));
    return turn;
}

void TestChatTurnStreamFailures::errorAfterOutput_data()
{
    QTest::addColumn<bool>("compatible");
    QTest::addColumn<QByteArray>("reply"); // the body sent in one chunk after the head
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("requestId");
    QTest::addColumn<Category>("category");
    QTest::addColumn<bool>("retryable"); // in itself; never retried after output
    QTest::addColumn<QString>("partial");
    QTest::addColumn<int>("deltas");

    // Mid-stream framing inferred from §9.C (docs/dashscope-protocol.md §5, §10 item 3): output
    // moderation.
    QTest::newRow("DataInspectionFailed after two events")
        << false
        << events9B(2)
            + errorEvent(3, 400,
                         R"({"code":"DataInspectionFailed","message":"Output data may contain )"
                         R"(inappropriate content.","request_id":"d1"})")
        << 400 << "DataInspectionFailed"
        << "Output data may contain inappropriate content."
        << "d1" << Category::ContentInspection << false << "这是一个海滩" << 2;
    // §9.C's own shape: ends after a single '\n' and the connection closes.
    QTest::newRow("error event ending in one newline")
        << false << events9B(1) + R"(id:2
event:error
:HTTP_STATUS/400
data:{"code":"DataInspectionFailed","message":"Output data may contain inappropriate content.","request_id":"d2"}
)" << 400
        << "DataInspectionFailed"
        << "Output data may contain inappropriate content."
        << "d2" << Category::ContentInspection << false << "这是一个" << 1;
    QTest::newRow("retryable 500 after output")
        << false
        << events9B(1)
            + errorEvent(2, 500,
                         R"({"code":"InternalError","message":"inference internal error.",)"
                         R"("request_id":"e5"})")
        << 500 << "InternalError"
        << "inference internal error."
        << "e5" << Category::Server << true << "这是一个" << 1;
    // No request_id in the error: the one of the stream so far is kept for support.
    QTest::newRow("error without request_id")
        << false
        << events9B(1) + errorEvent(2, 500, R"({"code":"ModelServiceFailed","message":"x"})") << 500
        << "ModelServiceFailed"
        << "x"
        << "13c5644d-339c-928a-a09a-e0414bfaa95c" << Category::Server << true << "这是一个" << 1;
    // vLLM and others put {"error": …} in a data line of an OpenAI stream.
    QTest::newRow("openai error chunk") << true
                                        << events9D(2)
            + R"(data: {"error":{"message":"upstream overloaded","type":"server_error","code":null}})"
              "\n\n" << 0 << "server_error"
                                        << "upstream overloaded"
                                        << "chatcmpl-4c83f437-303f-907b-9de5-79cac83d6b18"
                                        << Category::Server << false << "图" << 1;
}

void TestChatTurnStreamFailures::errorAfterOutput()
{
    QFETCH(bool, compatible);
    QFETCH(QByteArray, reply);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QString, message);
    QFETCH(QString, requestId);
    QFETCH(Category, category);
    QFETCH(bool, retryable);
    QFETCH(QString, partial);
    QFETCH(int, deltas);

    m_server->enqueue(Reply::raw(kStreamHead + chunk(reply) + kLastChunk));
    m_server->enqueue(Reply::raw(wire(QStringLiteral("9b-response.http")))); // a wrong retry
    const DashScopeBackend nativeBackend({m_server->url(QStringLiteral("/api/v1")), kKey, {}});
    const OpenAiBackend compatibleBackend(
        {m_server->url(QStringLiteral("/compatible-mode/v1")), kKey, {}});
    const ChatBackend &backend =
        compatible ? static_cast<const ChatBackend &>(compatibleBackend) : nativeBackend;
    auto turn = makeTurn(backend, spec9Request(true));
    QSignalSpy failed(turn.get(), &ChatTurn::failed);
    QSignalSpy finished(turn.get(), &ChatTurn::finished);
    QSignalSpy retrying(turn.get(), &ChatTurn::retrying);
    QSignalSpy delta(turn.get(), &ChatTurn::delta);
    turn->start();
    QVERIFY(failed.wait());

    const ApiError error = failed.first().first().value<ApiError>();
    QCOMPARE(error.kind, Kind::Server);
    QCOMPARE(error.httpStatus, status);
    QCOMPARE(error.code, code);
    QCOMPARE(error.message, message);
    QCOMPARE(error.requestId, requestId);
    QCOMPARE(error.category(), category);
    QCOMPARE(error.retryable(), retryable);
    QVERIFY(error.userMessage().contains(message));
    QVERIFY(!error.userMessage().contains(kKey));
    QVERIFY(delta.size() <= deltas); // events read together are announced together
    QCOMPARE(deltaText(delta), partial);
    QCOMPARE(turn->answer().text, partial);
    QCOMPARE(turn->answer().state, Message::State::Failed);
    QCOMPARE(turn->attempts(), 1);
    QCOMPARE(retrying.size(), 0);
    QCOMPARE(finished.size(), 0);
    QCOMPARE(m_server->requests().size(), 1);
}

void TestChatTurnStreamFailures::malformedData_data()
{
    QTest::addColumn<bool>("compatible");
    QTest::addColumn<QByteArray>("response"); // complete wire bytes
    QTest::addColumn<QString>("partial");
    QTest::addColumn<int>("deltas");

    const QByteArray cut = R"(data:{"output":{"choices":[{"message":{"content":[{"text":"海)";
    // The event after the bad one must not be applied: the answer stops where it broke.
    QTest::newRow("native, JSON cut short after output") << false
                                                         << kStreamHead
            + chunk(events9B(2) + "id:3\nevent:result\n" + cut + "\n\n" + events9B(3)) + kLastChunk
                                                         << "这是一个海滩" << 2;
    QTest::newRow("native, first event")
        << false << kStreamHead + chunk("id:1\nevent:result\n" + cut + "\n\n") + kLastChunk
        << QString() << 0;
    QTest::newRow("native, JSON but not an object with output")
        << false
        << kStreamHead + chunk(events9B(1) + "id:2\nevent:result\ndata:[1,2]\n\n") + kLastChunk
        << "这是一个" << 1;
    QTest::newRow("openai, not JSON after output")
        << true << kStreamHead + chunk(events9D(2) + "data: {choices:[oops\n\n") + kLastChunk
        << "图" << 1;
    QTest::newRow("native, non-streamed 200 body cut short")
        << false
        << Reply::http(200, R"({"output":{"choices":[{"finish_reason":"stop","mess)",
                       {"Content-Type: application/json"})
               .steps()
               .first()
               .bytes
        << QString() << 0;
}

void TestChatTurnStreamFailures::malformedData()
{
    QFETCH(bool, compatible);
    QFETCH(QByteArray, response);
    QFETCH(QString, partial);
    QFETCH(int, deltas);

    m_server->enqueue(Reply::raw(response));
    m_server->enqueue(Reply::raw(wire(QStringLiteral("9b-response.http")))); // a wrong retry
    const DashScopeBackend nativeBackend({m_server->url(QStringLiteral("/api/v1")), kKey, {}});
    const OpenAiBackend compatibleBackend(
        {m_server->url(QStringLiteral("/compatible-mode/v1")), kKey, {}});
    const ChatBackend &backend =
        compatible ? static_cast<const ChatBackend &>(compatibleBackend) : nativeBackend;
    auto turn = makeTurn(backend, spec9Request(response.startsWith(kStreamHead)));
    QSignalSpy failed(turn.get(), &ChatTurn::failed);
    QSignalSpy finished(turn.get(), &ChatTurn::finished);
    QSignalSpy delta(turn.get(), &ChatTurn::delta);
    turn->start();
    QVERIFY(failed.wait());

    const ApiError error = failed.first().first().value<ApiError>();
    QCOMPARE(error.kind, Kind::MalformedReply);
    QCOMPARE(error.category(), Category::MalformedReply);
    QVERIFY(!error.retryable());
    QVERIFY(!error.detail.isEmpty()); // the parse error, for the log
    QVERIFY(error.userMessage().contains(error.detail));
    QVERIFY(delta.size() <= deltas); // events read together are announced together
    QCOMPARE(deltaText(delta), partial);
    QCOMPARE(turn->answer().text, partial);
    QCOMPARE(turn->answer().state, Message::State::Failed);
    QCOMPARE(finished.size(), 0);
    QCOMPARE(m_server->requests().size(), 1);
}

void TestChatTurnStreamFailures::stallTimerMeasuresIdleTimeNotTotal()
{
    // tst_ChatTurn::stallTimesOutKeepingPartialText shows a quiet server timing out; here the
    // server is slow but never quiet for long. Three gaps of 350 ms under an 800 ms idle timeout: 1
    // s in all, yet never idle too long.
    const QByteArray body = events9B(3);
    const qsizetype first = body.indexOf("\n\n") + 2;
    const qsizetype second = body.indexOf("\n\n", first) + 2;
    const std::chrono::milliseconds gap(350);
    m_server->enqueue(Reply()
                          .send(kStreamHead)
                          .pause(gap)
                          .send(chunk(body.left(first)))
                          .pause(gap)
                          .send(chunk(body.mid(first, second - first)))
                          .pause(gap)
                          .send(chunk(body.mid(second)) + kLastChunk));
    const DashScopeBackend backend({m_server->url(QStringLiteral("/api/v1")), kKey, {}});

    auto turn = makeTurn(backend, spec9Request(true));
    turn->setStallTimeout(std::chrono::milliseconds(800));
    QSignalSpy finished(turn.get(), &ChatTurn::finished);
    QSignalSpy failed(turn.get(), &ChatTurn::failed);
    QElapsedTimer clock;
    clock.start();
    turn->start();
    QVERIFY(finished.wait(10000));
    QVERIFY2(clock.elapsed() >= 3 * gap.count(), "the gaps were not kept");
    QCOMPARE(failed.size(), 0);
    QCOMPARE(turn->answer().text, QStringLiteral("这是一个海滩和其他访客。"));
}

void TestChatTurnStreamFailures::openAiStreamOneBytePerSegment()
{
    // §9.D with every byte its own write and TCP segment: "data: " prefixes, UTF-8 and the
    // [DONE] marker all cut apart (tst_ChatTurn does the same for §9.B).
    const QByteArray body = readFixture(QStringLiteral("9d-openai-stream.sse"));
    m_server->enqueue(Reply().sendInChunks(kStreamHead + chunk(body, 89) + kLastChunk, 1));
    const OpenAiBackend backend({m_server->url(QStringLiteral("/compatible-mode/v1")), kKey, {}});
    auto turn = makeTurn(backend, spec9Request(true));
    QSignalSpy finished(turn.get(), &ChatTurn::finished);
    QSignalSpy delta(turn.get(), &ChatTurn::delta);
    turn->start();
    QVERIFY(finished.wait(30000));
    QVERIFY(delta.size() >= 1 && delta.size() <= 2);
    const Message answer = finished.first().first().value<Message>();
    QCOMPARE(deltaText(delta), answer.text);
    QCOMPARE(answer.text, QStringLiteral("图与宠物之间的友谊时刻。"));
    QCOMPARE(answer.usage, Usage({1276, 79, 0}));
    QCOMPARE(answer.state, Message::State::Complete);
}

QVD_TEST_MAIN(TestChatTurnStreamFailures)
#include "tst_ChatTurnStreamFailures.moc"
