// The open conversation over a real loopback socket: streaming into the assistant message,
// grounding as the text arrives, failures, retry, stop and edit-and-resend.
#include "core/conversation/ChatSession.h"

#include "HttpTestServer.h"
#include "TestMain.h"
#include "WireFixtures.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>

using qvd::ChatSession;
using qvd::Message;
using qvd::Part;
using qvd::test::HttpTestServer;
using qvd::test::Reply;

namespace { } // namespace

class TestChatSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void answerStreamsIntoAnAssistantMessage();
    void boxesAppearOnlyOnceTheirSyntaxIsClosed();
    void boxesAppearWhileTheAnswerStreams();
    void secondTurnCarriesTheHistory();
    void failureKeepsTheErrorAndRetryReplacesTheAnswer();
    void stopKeepsThePartialTextAsInterrupted();
    void resendDropsLaterTurns();
    void nothingIsSentWhileBusy();
    void uploadProgressIsReportedWhileTheRequestIsSent();
    void uploadProgressIsClearedWhileARetryWaits();

private:
    void waitUntilIdle();

    std::unique_ptr<HttpTestServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<ChatSession> m_session;
};

void TestChatSession::init()
{
    m_server = std::make_unique<HttpTestServer>();
    QVERIFY(m_server->listen());
    m_network = std::make_unique<QNetworkAccessManager>();
    m_session = std::make_unique<ChatSession>(m_network.get());
    qvd::EndpointProfile profile;
    profile.name = QStringLiteral("test");
    profile.baseUrl = m_server->url(QStringLiteral("/api/v1"));
    m_session->setEndpoint(profile, QStringLiteral("sk-session"));
    qvd::ModelInfo model;
    model.id = QStringLiteral("qwen3-vl-plus");
    model.family = qvd::ModelFamily::Qwen3VL;
    m_session->setModel(model);
    m_session->setMaxAttempts(1);
}

void TestChatSession::waitUntilIdle()
{
    QTRY_VERIFY_WITH_TIMEOUT(!m_session->isBusy(), 20000);
}

void TestChatSession::answerStreamsIntoAnAssistantMessage()
{
    m_server->enqueue(Reply::raw(qvd::test::wire(QStringLiteral("9b-response.http"))));
    QSignalSpy added(m_session.get(), &ChatSession::messageAdded);
    QSignalSpy changed(m_session.get(), &ChatSession::messageChanged);
    QSignalSpy finished(m_session.get(), &ChatSession::answerFinished);
    QSignalSpy busy(m_session.get(), &ChatSession::busyChanged);

    QVERIFY(m_session->send({Part::fromText(QStringLiteral("这个图片是哪里？"))}));
    QVERIFY(m_session->isBusy());
    QCOMPARE(added.size(), 2); // the question and the (empty) answer
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.first().first().toInt(), 1);
    QVERIFY(changed.size() >= 2); // at least one delta, and the end

    const Message &answer = m_session->conversation().messages.at(1);
    QCOMPARE(answer.role, Message::Role::Assistant);
    QCOMPARE(answer.text, QStringLiteral("这是一个海滩和其他访客。"));
    QCOMPARE(answer.state, Message::State::Complete);
    QCOMPARE(answer.requestId, QStringLiteral("13c5644d-339c-928a-a09a-e0414bfaa95c"));
    QCOMPARE(m_session->conversation().title, QStringLiteral("这个图片是哪里？"));
    QVERIFY(!m_session->conversation().id.isEmpty());
    QCOMPARE(busy.size(), 2);
    QCOMPARE(busy.last().first().toBool(), false);
    QVERIFY(m_session->detections(1).isEmpty());
}

void TestChatSession::boxesAppearOnlyOnceTheirSyntaxIsClosed()
{
    m_server->enqueue(
        Reply()
            .send(qvd::test::kSseHead)
            .send(qvd::test::dashScopeEvent(
                1, QStringLiteral("```json\n[{\"bbox_2d\": [100, 200, 300, ")))
            .stall()
            .send(qvd::test::dashScopeEvent(2, QStringLiteral("400], \"label\": \"狗\"}]\n")))
            .stall()
            .send(qvd::test::dashScopeEvent(3, QStringLiteral("```"), "stop")));
    QSignalSpy stalled(m_server.get(), &HttpTestServer::stalled);
    QVERIFY(m_session->send({Part::fromText(QStringLiteral("框出狗"))}));

    const auto grounded = [this] {
        return m_session->groundedLength() == m_session->conversation().messages.at(1).text.size();
    };
    QVERIFY(stalled.wait(20000));
    QTRY_VERIFY(m_session->conversation().messages.at(1).text.contains(QStringLiteral("300")));
    QTRY_VERIFY(grounded());
    QVERIFY(m_session->detections(1).isEmpty()); // half a box is not shown

    m_server->release();
    QVERIFY(stalled.wait(20000));
    QTRY_VERIFY(m_session->conversation().messages.at(1).text.contains(QStringLiteral("狗")));
    QTRY_VERIFY(grounded());
    // The object is closed but the fence is not: streaming mode may still hold it back; what
    // it must not do is show a box with other numbers.
    for (const auto &detection : m_session->detections(1))
        QCOMPARE(detection.rect, QRectF(QPointF(100, 200), QPointF(300, 400)));

    m_server->release();
    waitUntilIdle();
    const auto detections = m_session->detections(1);
    QCOMPARE(detections.size(), 1);
    QCOMPARE(detections.first().label, QStringLiteral("狗"));
    QCOMPARE(detections.first().rect, QRectF(QPointF(100, 200), QPointF(300, 400)));
}

// Grounding runs off the UI thread, but a closed box still shows while the answer streams on.
void TestChatSession::boxesAppearWhileTheAnswerStreams()
{
    m_server->enqueue(
        Reply()
            .send(qvd::test::kSseHead)
            .send(qvd::test::dashScopeEvent(
                1, QStringLiteral("Here: <ref>dog</ref><box>(100,200),(300,400)</box> and")))
            .stall()
            .send(qvd::test::dashScopeEvent(2, QStringLiteral(" nothing else."), "stop")));
    QSignalSpy stalled(m_server.get(), &HttpTestServer::stalled);
    // The view hears of the box: no delta follows it until the stall ends.
    bool told = false;
    connect(m_session.get(), &ChatSession::messageChanged, this,
            [&](int index) { told = told || (index == 1 && !m_session->detections(1).isEmpty()); });
    QVERIFY(m_session->send({Part::fromText(QStringLiteral("Find the dog"))}));
    QVERIFY(stalled.wait(20000));
    QTRY_VERIFY_WITH_TIMEOUT(told, 20000);
    QVERIFY(m_session->isBusy());
    QCOMPARE(m_session->detections(1).size(), 1);
    QCOMPARE(m_session->detections(1).first().label, QStringLiteral("dog"));
    QCOMPARE(m_session->detections(1).first().rect, QRectF(QPointF(100, 200), QPointF(300, 400)));
    m_server->release();
    waitUntilIdle();
    QCOMPARE(m_session->detections(1).size(), 1);
}

void TestChatSession::secondTurnCarriesTheHistory()
{
    m_server->enqueue(Reply()
                          .send(qvd::test::kSseHead)
                          .send(qvd::test::dashScopeEvent(1, QStringLiteral("A beach."), "stop")));
    m_server->enqueue(Reply()
                          .send(qvd::test::kSseHead)
                          .send(qvd::test::dashScopeEvent(2, QStringLiteral("One dog."), "stop")));
    QVERIFY(m_session->send({Part::fromText(QStringLiteral("Where?"))}));
    waitUntilIdle();
    QVERIFY(m_session->send({Part::fromText(QStringLiteral("How many dogs?"))}));
    waitUntilIdle();

    QCOMPARE(m_session->conversation().messages.size(), 4);
    QCOMPARE(m_session->conversation().messages.at(3).text, QStringLiteral("One dog."));
    const QJsonArray second = sentMessages(m_server->requests().at(1));
    QCOMPARE(second.size(), 3);
    QCOMPARE(second[1].toObject().value(QLatin1String("role")).toString(),
             QStringLiteral("assistant"));
    QCOMPARE(second[1]
                 .toObject()
                 .value(QLatin1String("content"))
                 .toArray()[0]
                 .toObject()
                 .value(QLatin1String("text")),
             QJsonValue(QStringLiteral("A beach.")));
}

void TestChatSession::failureKeepsTheErrorAndRetryReplacesTheAnswer()
{
    m_server->enqueue(Reply::http(
        401,
        R"({"code":"InvalidApiKey","message":"Invalid API-key provided.","request_id":"r401"})",
        {"Content-Type: application/json"}));
    QSignalSpy failed(m_session.get(), &ChatSession::answerFailed);
    QVERIFY(m_session->send({Part::fromText(QStringLiteral("Hi"))}));
    QVERIFY(failed.wait(20000));
    QCOMPARE(m_session->conversation().messages.at(1).state, Message::State::Failed);
    const auto error = m_session->error(1);
    QVERIFY(error.has_value());
    QCOMPARE(error->code, QStringLiteral("InvalidApiKey"));
    QVERIFY(!m_session->isBusy());

    m_server->enqueue(Reply()
                          .send(qvd::test::kSseHead)
                          .send(qvd::test::dashScopeEvent(1, QStringLiteral("Hello!"), "stop")));
    QVERIFY(m_session->retry());
    waitUntilIdle();
    QCOMPARE(m_session->conversation().messages.size(), 2);
    QCOMPARE(m_session->conversation().messages.at(1).text, QStringLiteral("Hello!"));
    QCOMPARE(m_session->conversation().messages.at(1).state, Message::State::Complete);
    QVERIFY(!m_session->error(1).has_value());
    // The retried request holds the question only, not the failed answer.
    QCOMPARE(sentMessages(m_server->requests().at(1)).size(), 1);
}

void TestChatSession::stopKeepsThePartialTextAsInterrupted()
{
    m_server->enqueue(Reply()
                          .send(qvd::test::kSseHead)
                          .send(qvd::test::dashScopeEvent(1, QStringLiteral("这是")))
                          .stall());
    QSignalSpy finished(m_session.get(), &ChatSession::answerFinished);
    QVERIFY(m_session->send({Part::fromText(QStringLiteral("?"))}));
    QTRY_COMPARE(m_session->conversation().messages.at(1).text, QStringLiteral("这是"));
    m_session->stop();
    QVERIFY(!m_session->isBusy());
    QCOMPARE(finished.size(), 1);
    QCOMPARE(m_session->conversation().messages.at(1).state, Message::State::Interrupted);
    QCOMPARE(m_session->conversation().messages.at(1).text, QStringLiteral("这是"));
    m_server->release();
}

void TestChatSession::resendDropsLaterTurns()
{
    m_server->enqueue(Reply()
                          .send(qvd::test::kSseHead)
                          .send(qvd::test::dashScopeEvent(1, QStringLiteral("First."), "stop")));
    m_server->enqueue(Reply()
                          .send(qvd::test::kSseHead)
                          .send(qvd::test::dashScopeEvent(2, QStringLiteral("Second."), "stop")));
    m_server->enqueue(Reply()
                          .send(qvd::test::kSseHead)
                          .send(qvd::test::dashScopeEvent(3, QStringLiteral("Edited."), "stop")));
    QVERIFY(m_session->send({Part::fromText(QStringLiteral("one"))}));
    waitUntilIdle();
    QVERIFY(m_session->send({Part::fromText(QStringLiteral("two"))}));
    waitUntilIdle();
    QSignalSpy removed(m_session.get(), &ChatSession::messagesRemoved);
    QVERIFY(m_session->resend(0, {Part::fromText(QStringLiteral("one, edited"))}));
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.first().first().toInt(), 0);
    waitUntilIdle();
    QCOMPARE(m_session->conversation().messages.size(), 2);
    QCOMPARE(m_session->conversation().messages.at(0).parts.first().text,
             QStringLiteral("one, edited"));
    QCOMPARE(m_session->conversation().messages.at(1).text, QStringLiteral("Edited."));
    QCOMPARE(sentMessages(m_server->requests().at(2)).size(), 1);
}

void TestChatSession::nothingIsSentWhileBusy()
{
    m_server->enqueue(Reply().send(qvd::test::kSseHead).stall());
    QVERIFY(m_session->send({Part::fromText(QStringLiteral("one"))}));
    QVERIFY(!m_session->send({Part::fromText(QStringLiteral("two"))}));
    QVERIFY(!m_session->retry());
    QCOMPARE(m_session->conversation().messages.size(), 2);
    m_session->stop();
    m_server->release();
}

void TestChatSession::uploadProgressIsReportedWhileTheRequestIsSent()
{
    // A 6 MB image as a data URI: large enough that the body goes out in many writes.
    QByteArray pixels(4'500'000, Qt::Uninitialized);
    for (qsizetype i = 0; i < pixels.size(); ++i)
        pixels[i] = char((i * 7919) % 251);
    const QString image =
        QStringLiteral("data:image/jpeg;base64,") + QString::fromLatin1(pixels.toBase64());
    m_server->enqueue(Reply()
                          .send(qvd::test::kSseHead)
                          .send(qvd::test::dashScopeEvent(1, QStringLiteral("Done."), "stop")));
    QList<ChatSession::Upload> seen;
    connect(m_session.get(), &ChatSession::uploadChanged, this,
            [this, &seen] { seen.append(m_session->upload()); });
    QVERIFY(m_session->send({Part::fromImage(image), Part::fromText(QStringLiteral("?"))}));
    waitUntilIdle();

    QCOMPARE(m_server->requests().size(), 1);
    const qint64 body = m_server->requests().first().body.size();
    bool partway = false;
    qint64 last = 0;
    int reports = 0;
    for (const ChatSession::Upload &upload : std::as_const(seen)) {
        if (upload.total == 0)
            continue;
        ++reports;
        QCOMPARE(upload.total, body);
        QVERIFY(upload.sent >= last); // never backwards
        last = upload.sent;
        partway = partway || (upload.sent > 0 && upload.sent < upload.total);
    }
    QVERIFY(partway);
    QVERIFY2(reports <= 101, qPrintable(QString::number(reports))); // 1 % steps at most
    QCOMPARE(m_session->upload().total, 0); // nothing being sent any more
    QCOMPARE(m_session->conversation().messages.last().text, QStringLiteral("Done."));
}

void TestChatSession::uploadProgressIsClearedWhileARetryWaits()
{
    const QString image = QStringLiteral("data:image/png;base64,")
        + QString::fromLatin1(QByteArray(3'000'000, 'x').toBase64());
    // The first attempt is turned away (503): a retry after a wait.
    m_server->enqueue(Reply::http(503, R"({"code":"ServiceUnavailable","message":"busy"})",
                                  {"Content-Type: application/json"}));
    m_server->enqueue(Reply()
                          .send(qvd::test::kSseHead)
                          .send(qvd::test::dashScopeEvent(1, QStringLiteral("Done."), "stop")));
    m_session->setMaxAttempts(2);
    QList<ChatSession::Upload> seen;
    connect(m_session.get(), &ChatSession::uploadChanged, this,
            [this, &seen] { seen.append(m_session->upload()); });
    QVERIFY(m_session->send({Part::fromImage(image), Part::fromText(QStringLiteral("?"))}));
    waitUntilIdle();
    QCOMPARE(m_server->requests().size(), 2);
    QCOMPARE(m_session->conversation().messages.last().text, QStringLiteral("Done."));
    // Sent completely, then cleared while the retry waited, then sent again from the start.
    qsizetype complete = -1;
    for (qsizetype i = 0; i < seen.size() && complete < 0; ++i) {
        if (seen[i].total > 0 && seen[i].sent == seen[i].total)
            complete = i;
    }
    QVERIFY(complete >= 0 && complete + 2 < seen.size());
    QCOMPARE(seen[complete + 1].total, 0);
    QVERIFY(seen[complete + 2].total > 0);
    QVERIFY(seen[complete + 2].sent < seen[complete + 2].total);
}

QVD_TEST_MAIN(TestChatSession)
#include "tst_ChatSession.moc"
