// ChatTurn's bounds over a real loopback socket: an oversized event, an endless line, an answer
// past its size, a reply body past its size and a server trickling bytes past the deadline each
// end the turn with a LimitExceeded error in words, keeping the text received before.
#include "ChatTurnFixtures.h"
#include "HttpTestServer.h"
#include "TestMain.h"

#include "core/api/ChatTurn.h"
#include "core/api/DashScopeBackend.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>

using namespace qvd;
using namespace qvd::test;

namespace {

constexpr qint64 kMiB = 1024 * 1024;
const QString kFirst = QStringLiteral("这是一个");

} // namespace

class TestChatTurnLimits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void eventOfFiftyMegabytes();
    void endlessLineWithoutNewline();
    void answerPastFourMebibytes();
    void answerLimitIsConfigurable();
    void bodyPastSixteenMebibytes();
    void deadlineEndsATricklingStream();

private:
    // Runs a turn against the queued reply until it fails; the error and the answer so far.
    std::pair<ApiError, Message> failure(const ReplyLimits &limits = {}, bool stream = true);

    std::unique_ptr<HttpTestServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
};

void TestChatTurnLimits::init()
{
    m_server = std::make_unique<HttpTestServer>();
    QVERIFY(m_server->listen());
    m_network = std::make_unique<QNetworkAccessManager>();
}

void TestChatTurnLimits::cleanup()
{
    m_server->release();
    m_network.reset();
    m_server.reset();
}

std::pair<ApiError, Message> TestChatTurnLimits::failure(const ReplyLimits &limits, bool stream)
{
    DashScopeBackend backend(
        {m_server->url(QStringLiteral("/api/v1")), QStringLiteral("sk-l"), {}});
    ChatTurn turn(m_network.get(), &backend, spec9Request(stream));
    ChatTurn::RetryPolicy once;
    once.maxAttempts = 1;
    turn.setRetryPolicy(once);
    turn.setLimits(limits);
    QSignalSpy failed(&turn, &ChatTurn::failed);
    QSignalSpy finished(&turn, &ChatTurn::finished);
    turn.start();
    if (!failed.wait(60000) || !finished.isEmpty()) {
        qWarning("the turn did not fail");
        return {};
    }
    return {failed.first().first().value<ApiError>(), turn.answer()};
}

void TestChatTurnLimits::eventOfFiftyMegabytes()
{
    const QByteArray huge = "id:2\nevent:result\ndata:{\"output\":{\"text\":\""
        + QByteArray(50 * kMiB, 'x') + "\"}}\n\n";
    m_server->enqueue(
        Reply().send(kSseHead).send(dashScopeEvent(1, kFirst)).sendInChunks(huge, int(kMiB)));
    const auto [error, answer] = failure();
    QCOMPARE(error.kind, ApiError::Kind::LimitExceeded);
    QCOMPARE(error.category(), ApiError::Category::Limit);
    QVERIFY2(error.userMessage().contains(QStringLiteral("8 MiB")),
             qPrintable(error.userMessage()));
    QCOMPARE(answer.text, kFirst); // kept
    QCOMPARE(answer.state, Message::State::Failed);
}

void TestChatTurnLimits::endlessLineWithoutNewline()
{
    Reply reply = Reply().send(kSseHead).send(dashScopeEvent(1, kFirst)).send("data:");
    for (int i = 0; i < 10; ++i)
        reply.send(QByteArray(kMiB, 'y')); // no newline, ever
    reply.stall();
    m_server->enqueue(reply);
    const auto [error, answer] = failure();
    QCOMPARE(error.kind, ApiError::Kind::LimitExceeded);
    QCOMPARE(answer.text, kFirst);
}

void TestChatTurnLimits::answerPastFourMebibytes()
{
    // 64 KiB of text an event: the 65th takes the answer past 4 MiB.
    const QString piece(64 * 1024, QLatin1Char('a'));
    Reply reply = Reply().send(kSseHead);
    for (int i = 1; i <= 70; ++i)
        reply.send(dashScopeEvent(i, piece));
    reply.stall();
    m_server->enqueue(reply);
    const auto [error, answer] = failure();
    QCOMPARE(error.kind, ApiError::Kind::LimitExceeded);
    QVERIFY2(error.userMessage().contains(QStringLiteral("4 MiB")),
             qPrintable(error.userMessage()));
    QCOMPARE(answer.text.size(), 64 * piece.size()); // everything up to the limit is kept
}

void TestChatTurnLimits::answerLimitIsConfigurable()
{
    ReplyLimits limits;
    limits.maxAnswerBytes = kMiB;
    // Chinese is three bytes a character in UTF-8: 350,000 characters are past 1 MiB.
    const QString piece(50'000, QChar(0x72D7)); // 狗
    Reply reply = Reply().send(kSseHead);
    for (int i = 1; i <= 7; ++i)
        reply.send(dashScopeEvent(i, piece));
    reply.stall();
    m_server->enqueue(reply);
    const auto [error, answer] = failure(limits);
    QCOMPARE(error.kind, ApiError::Kind::LimitExceeded);
    QVERIFY(error.userMessage().contains(QStringLiteral("1 MiB")));
    QCOMPARE(answer.text.size(), 6 * piece.size()); // 900,000 bytes; the 7th event is too many
}

void TestChatTurnLimits::bodyPastSixteenMebibytes()
{
    const QByteArray body = "{\"output\":{\"text\":\"" + QByteArray(17 * kMiB, 'z') + "\"}}";
    m_server->enqueue(Reply()
                          .send("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                "Content-Length: "
                                + QByteArray::number(body.size()) + "\r\n\r\n")
                          .sendInChunks(body, int(kMiB)));
    const auto [error, answer] = failure({}, false);
    QCOMPARE(error.kind, ApiError::Kind::LimitExceeded);
    QVERIFY2(error.userMessage().contains(QStringLiteral("16 MiB")),
             qPrintable(error.userMessage()));
    QVERIFY(answer.text.isEmpty());
}

void TestChatTurnLimits::deadlineEndsATricklingStream()
{
    // A byte every 100 ms keeps the stall timer happy for ever; the deadline does not wait.
    Reply reply = Reply().send(kSseHead).send(dashScopeEvent(1, kFirst));
    for (int i = 0; i < 600; ++i)
        reply.pause(std::chrono::milliseconds(100)).send(":\n");
    m_server->enqueue(reply);
    ReplyLimits limits;
    limits.deadline = std::chrono::seconds(2);
    QElapsedTimer timer;
    timer.start();
    const auto [error, answer] = failure(limits);
    QCOMPARE(error.kind, ApiError::Kind::LimitExceeded);
    QVERIFY2(error.userMessage().contains(QStringLiteral("2 second")),
             qPrintable(error.userMessage()));
    QVERIFY(timer.elapsed() < 30000);
    QCOMPARE(answer.text, kFirst);
}

QVD_TEST_MAIN(TestChatTurnLimits)

#include "tst_ChatTurnLimits.moc"
