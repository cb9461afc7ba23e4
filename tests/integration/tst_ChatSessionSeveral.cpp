// One question put to several models at once ("Ask several models") over real loopback
// sockets: each answer is its own message with its own model, all stream together, a slow one
// does not hold back the others, stop ends them all, and a later question carries one answer
// per question — the one its model wrote.
#include "core/api/BackendFactory.h"
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
using qvd::ModelInfo;
using qvd::Part;
using qvd::test::HttpTestServer;
using qvd::test::RecordedRequest;
using qvd::test::Reply;

namespace {

QString modelOf(const RecordedRequest &request)
{
    return QJsonDocument::fromJson(request.body).object().value(QLatin1String("model")).toString();
}

// The texts of a request's messages, "role: text" each.
QStringList historyOf(const RecordedRequest &request)
{
    QStringList lines;
    const QJsonArray messages = sentMessages(request);
    for (const QJsonValue &message : messages) {
        QString text;
        for (const QJsonValue &item : message.toObject().value(QLatin1String("content")).toArray())
            text += item.toObject().value(QLatin1String("text")).toString();
        lines.append(message.toObject().value(QLatin1String("role")).toString() + u": " + text);
    }
    return lines;
}

ModelInfo model(const QString &id)
{
    ModelInfo info;
    info.id = id;
    info.family = qvd::ModelFamily::Qwen3VL;
    return info;
}

Reply answer(const QString &text)
{
    return Reply().send(qvd::test::kSseHead).send(qvd::test::dashScopeEvent(1, text, "stop"));
}

} // namespace

class TestChatSessionSeveral : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void eachModelAnswersInItsOwnMessageAtOnce();
    void eachStreamingAnswerIsGroundedOnItsOwn();
    void stopEndsEveryAnswer();
    void aLaterQuestionCarriesOneAnswerPerQuestion();
    void refusedWithoutABackend();

private:
    QList<ChatSession::AnswerTarget> targets(const QStringList &ids) const;

    std::unique_ptr<HttpTestServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<ChatSession> m_session;
    std::shared_ptr<const qvd::ChatBackend> m_backend;
};

void TestChatSessionSeveral::init()
{
    m_server = std::make_unique<HttpTestServer>();
    QVERIFY(m_server->listen());
    m_network = std::make_unique<QNetworkAccessManager>();
    m_session = std::make_unique<ChatSession>(m_network.get());
    qvd::EndpointProfile profile;
    profile.name = QStringLiteral("test");
    profile.baseUrl = m_server->url(QStringLiteral("/api/v1"));
    m_backend = qvd::makeBackend(profile, QStringLiteral("sk-several"));
    m_session->setBackend(m_backend);
    m_session->setModel(model(QStringLiteral("model-a")));
    m_session->setMaxAttempts(1);
}

QList<ChatSession::AnswerTarget> TestChatSessionSeveral::targets(const QStringList &ids) const
{
    QList<ChatSession::AnswerTarget> list;
    for (const QString &id : ids)
        list.append({model(id), m_backend});
    return list;
}

void TestChatSessionSeveral::eachModelAnswersInItsOwnMessageAtOnce()
{
    // A writes a little and then waits; B answers in full meanwhile.
    m_server->setResponder([](const RecordedRequest &request) -> std::optional<Reply> {
        if (modelOf(request) == u"model-a")
            return Reply()
                .send(qvd::test::kSseHead)
                .send(qvd::test::dashScopeEvent(1, QStringLiteral("A is ")))
                .stall()
                .send(qvd::test::dashScopeEvent(2, QStringLiteral("slow."), "stop"));
        if (modelOf(request) == u"model-b")
            return answer(QStringLiteral("B is quick."));
        return std::nullopt;
    });
    QSignalSpy busy(m_session.get(), &ChatSession::busyChanged);
    QSignalSpy finished(m_session.get(), &ChatSession::answerFinished);
    QSignalSpy stalled(m_server.get(), &HttpTestServer::stalled);

    QVERIFY(
        m_session->sendToSeveral({Part::fromText(QStringLiteral("Who is quick?"))},
                                 targets({QStringLiteral("model-a"), QStringLiteral("model-b")})));
    const auto &messages = m_session->conversation().messages;
    QCOMPARE(messages.size(), 3);
    QCOMPARE(messages[1].modelId, QStringLiteral("model-a"));
    QCOMPARE(messages[2].modelId, QStringLiteral("model-b"));
    QVERIFY(m_session->isStreaming(1) && m_session->isStreaming(2));
    QCOMPARE(m_session->answerGroup(1), (QList<int>{1, 2}));
    QCOMPARE(m_session->answerGroup(2), (QList<int>{1, 2}));
    QVERIFY(m_session->answerGroup(0).isEmpty());

    // B finishes while A is still writing.
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.first().first().toInt(), 2);
    QCOMPARE(m_session->conversation().messages[2].text, QStringLiteral("B is quick."));
    QTRY_VERIFY(stalled.size() == 1);
    QVERIFY(m_session->isStreaming(1));
    QVERIFY(!m_session->isStreaming(2));
    QVERIFY(m_session->isBusy());
    QCOMPARE(m_session->conversation().messages[1].text, QStringLiteral("A is "));

    m_server->release();
    QTRY_VERIFY_WITH_TIMEOUT(!m_session->isBusy(), 20000);
    QCOMPARE(m_session->conversation().messages[1].text, QStringLiteral("A is slow."));
    QCOMPARE(m_session->conversation().messages[1].state, Message::State::Complete);
    // Busy once for the question, whatever the number of answers.
    QCOMPARE(busy.size(), 2);
    QCOMPARE(busy.first().first().toBool(), true);
    QCOMPARE(busy.last().first().toBool(), false);
    // Both requests carried the same conversation: the question alone.
    QCOMPARE(m_server->requests().size(), 2);
    for (const RecordedRequest &request : m_server->requests())
        QCOMPARE(historyOf(request), QStringList{QStringLiteral("user: Who is quick?")});
}

void TestChatSessionSeveral::eachStreamingAnswerIsGroundedOnItsOwn()
{
    // Each model writes one whole box, then waits before its last words.
    const auto boxReply = [](const QString &label) {
        return Reply()
            .send(qvd::test::kSseHead)
            .send(qvd::test::dashScopeEvent(
                1,
                QStringLiteral("[{\"bbox_2d\": [10, 20, 30, 40], \"label\": \"%1\"}]\n")
                    .arg(label)))
            .stall()
            .send(qvd::test::dashScopeEvent(2, QStringLiteral("Done."), "stop"));
    };
    m_server->setResponder([&boxReply](const RecordedRequest &request) -> std::optional<Reply> {
        if (modelOf(request) == u"model-a")
            return boxReply(QStringLiteral("cat"));
        if (modelOf(request) == u"model-b")
            return boxReply(QStringLiteral("dog"));
        return std::nullopt;
    });
    QSignalSpy stalled(m_server.get(), &HttpTestServer::stalled);
    QVERIFY(
        m_session->sendToSeveral({Part::fromText(QStringLiteral("Where is it?"))},
                                 targets({QStringLiteral("model-a"), QStringLiteral("model-b")})));
    QTRY_VERIFY_WITH_TIMEOUT(stalled.size() == 2, 20000);
    const auto labels = [this](int index) {
        QStringList found;
        for (const qvd::Detection &detection : m_session->detections(index))
            found.append(detection.label);
        return found;
    };
    // While both stream, each answer shows its own box only.
    QTRY_COMPARE_WITH_TIMEOUT(labels(1), QStringList{QStringLiteral("cat")}, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(labels(2), QStringList{QStringLiteral("dog")}, 20000);
    QVERIFY(m_session->isStreaming(1) && m_session->isStreaming(2));

    m_server->release();
    QTRY_VERIFY_WITH_TIMEOUT(!m_session->isBusy(), 20000);
    QCOMPARE(labels(1), QStringList{QStringLiteral("cat")});
    QCOMPARE(labels(2), QStringList{QStringLiteral("dog")});
}

void TestChatSessionSeveral::stopEndsEveryAnswer()
{
    m_server->setResponder([](const RecordedRequest &) -> std::optional<Reply> {
        return Reply()
            .send(qvd::test::kSseHead)
            .send(qvd::test::dashScopeEvent(1, QStringLiteral("Half")))
            .stall();
    });
    QSignalSpy stalled(m_server.get(), &HttpTestServer::stalled);
    QVERIFY(m_session->sendToSeveral({Part::fromText(QStringLiteral("Go"))},
                                     targets({QStringLiteral("model-a"), QStringLiteral("model-b"),
                                              QStringLiteral("model-c")})));
    QTRY_COMPARE_WITH_TIMEOUT(stalled.size(), 3, 20000);
    QTRY_VERIFY(m_session->conversation().messages[3].text == QStringLiteral("Half"));
    m_session->stop();
    QTRY_VERIFY_WITH_TIMEOUT(!m_session->isBusy(), 20000);
    for (int i = 1; i <= 3; ++i) {
        QCOMPARE(m_session->conversation().messages[i].state, Message::State::Interrupted);
        QCOMPARE(m_session->conversation().messages[i].text, QStringLiteral("Half"));
    }
    m_server->release();
}

void TestChatSessionSeveral::aLaterQuestionCarriesOneAnswerPerQuestion()
{
    m_server->setResponder([](const RecordedRequest &request) -> std::optional<Reply> {
        const QString model = modelOf(request);
        return answer(QStringLiteral("%1 says hi.").arg(model));
    });
    QVERIFY(
        m_session->sendToSeveral({Part::fromText(QStringLiteral("Hi"))},
                                 targets({QStringLiteral("model-a"), QStringLiteral("model-b")})));
    QTRY_VERIFY_WITH_TIMEOUT(!m_session->isBusy(), 20000);

    // The next question goes to B only: it hears its own answer, not A's.
    m_session->setModel(model(QStringLiteral("model-b")));
    QVERIFY(m_session->send({Part::fromText(QStringLiteral("And?"))}));
    QTRY_VERIFY_WITH_TIMEOUT(!m_session->isBusy(), 20000);
    QCOMPARE(m_server->requests().size(), 3);
    QCOMPARE(historyOf(m_server->requests().last()),
             (QStringList{QStringLiteral("user: Hi"), QStringLiteral("assistant: model-b says hi."),
                          QStringLiteral("user: And?")}));
    // A model that wrote none of them hears the first.
    m_session->setModel(model(QStringLiteral("model-c")));
    QVERIFY(m_session->send({Part::fromText(QStringLiteral("You?"))}));
    QTRY_VERIFY_WITH_TIMEOUT(!m_session->isBusy(), 20000);
    QCOMPARE(
        historyOf(m_server->requests().last()).mid(0, 2),
        (QStringList{QStringLiteral("user: Hi"), QStringLiteral("assistant: model-a says hi.")}));
}

void TestChatSessionSeveral::refusedWithoutABackend()
{
    QList<ChatSession::AnswerTarget> list = targets({QStringLiteral("model-a")});
    list.append({model(QStringLiteral("model-b")), nullptr});
    QVERIFY(!m_session->sendToSeveral({Part::fromText(QStringLiteral("Hi"))}, list));
    QVERIFY(m_session->conversation().messages.isEmpty());
    QVERIFY(!m_session->sendToSeveral({Part::fromText(QStringLiteral("Hi"))}, {}));
    QVERIFY(m_session->conversation().messages.isEmpty());
    QCOMPARE(m_server->requests().size(), 0);
}

QVD_TEST_MAIN(TestChatSessionSeveral)
#include "tst_ChatSessionSeveral.moc"
