// Journey: the person asks about a photo and the server answering is hostile. The real
// application from a clean HOME (real keyring, real SQLite history, the window driven by keys
// and drops) talks to a loopback server that redirects elsewhere, floods, never ends a line,
// sends 100,000 tiny events, broken bytes, or answers with Markdown that points at local files,
// a named pipe and a remote tracker. Every case ends with the answer shown or a clear error in
// the person's language (two cases run with the interface switched to Chinese); the UI thread's
// event loop never stalls past StallProbe::budget() from Enter until the view has caught up
// with the end; and nothing is lost: the question, its photo and the text that arrived are in
// the history file, and so is every earlier case's conversation.
#include "core/storage/HistoryLocation.h"
#include "core/storage/HistoryStore.h"
#include "core/storage/ImageStore.h"
#include "ui/LanguageManager.h"
#include "ui/chat/MessageDelegate.h"
#include "ui/chat/MessageLayout.h"
#include "ui/chat/TextBody.h"

#include "HttpTestServer.h"
#include "JourneyApp.h"
#include "PipeWatch.h"
#include "StallProbe.h"
#include "WireFixtures.h"

#include <QEventLoop>
#include <QSignalSpy>
#include <QTextBlock>
#include <QTextDocument>
#include <QThread>
#include <QTimer>

#include <functional>

using namespace qvd;
using namespace qvd::test;

namespace {

constexpr qint64 kMiB = 1024 * 1024;
const QByteArray kKey = "sk-hostile-journey-0c4b7e";
const QString kPartial = QStringLiteral("The photo shows");

// What people read (ApiError::summary(), ChatTurn), in English and as translations/zh_CN*.tsv
// has them.
const QString kLimit = QStringLiteral("went past a limit of this app");
const QString kLimitZh = QStringLiteral("回复超出了本应用的限制");
const QString kEventLimit = QStringLiteral("larger than 8 MiB");
const QString kEventLimitZh = QStringLiteral("超过了 8 MiB");
const QString kUnreadable = QStringLiteral("The model server sent a reply this app cannot read.");
const QString kRedirectZh = QStringLiteral("服务器把请求重定向到 %1");

// The hostile server runs on a thread of its own, as a server on another machine would: its
// writing (50 MB, 100,000 events) is not the app's work, and the probe measures only the app.
class ServerThread
{
public:
    ServerThread()
    {
        m_thread.start();
        m_server = new HttpTestServer;
        m_server->moveToThread(&m_thread);
        call([this] {
            m_listening = m_server->listen();
            m_root = m_server->url();
        });
    }
    ~ServerThread()
    {
        call([this] { m_server->release(); });
        m_server->deleteLater(); // with its sockets, on its thread as it finishes
        m_thread.quit();
        m_thread.wait();
    }
    ServerThread(const ServerThread &) = delete;
    ServerThread &operator=(const ServerThread &) = delete;

    bool listening() const { return m_listening; }
    QUrl url(const QString &path) const { return m_root.resolved(QUrl(path)); }
    void enqueue(const Reply &reply)
    {
        call([&] { m_server->enqueue(reply); });
    }
    int connectionCount()
    {
        int count = 0;
        call([&] { count = m_server->connectionCount(); });
        return count;
    }
    qsizetype requestCount()
    {
        qsizetype count = 0;
        call([&] { count = m_server->requests().size(); });
        return count;
    }
    RecordedRequest lastRequest()
    {
        RecordedRequest request;
        call([&] { request = m_server->requests().value(m_server->requests().size() - 1); });
        return request;
    }
    void release()
    {
        call([this] { m_server->release(); });
    }

private:
    template<typename F>
    void call(F function)
    {
        QMetaObject::invokeMethod(m_server, function, Qt::BlockingQueuedConnection);
    }

    QThread m_thread;
    HttpTestServer *m_server = nullptr;
    bool m_listening = false;
    QUrl m_root;
};

QByteArray resultEvent(int id, const QByteArray &escapedText, const char *finish = "null")
{
    return "id:" + QByteArray::number(id) + "\nevent:result\n:HTTP_STATUS/200\ndata:"
        + R"({"output":{"choices":[{"message":{"content":[{"text":")" + escapedText
        + R"("}],"role":"assistant"},"finish_reason":")" + finish + R"("}]},"request_id":"h"})"
        + "\n\n";
}

// Runs the event loop until `done` holds or `timeout` passes. A real event loop, as the app's
// own: QTest::qWait naps 10 ms between its turns, which the probe would count as stalls.
bool spinUntil(const std::function<bool()> &done, std::chrono::milliseconds timeout)
{
    QEventLoop loop;
    QTimer check;
    QObject::connect(&check, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    check.start(10);
    QTimer::singleShot(timeout, &loop, &QEventLoop::quit);
    if (!done())
        loop.exec();
    return done();
}

bool hasImageObject(const TextBody *body)
{
    for (int i = 0; body && i < body->blockCount(); ++i) {
        for (QTextBlock b = body->block(i)->begin(); b.isValid(); b = b.next()) {
            for (auto it = b.begin(); !it.atEnd(); ++it) {
                if (it.fragment().charFormat().isImageFormat())
                    return true;
            }
        }
    }
    return false;
}

} // namespace

class TestJourneyHostileServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void cleanupTestCase();
    void redirectToAnotherOrigin();
    void eventOfFiftyMegabytes();
    void endlessLineWithoutNewline();
    void hundredThousandOneCharacterDeltas();
    void invalidUtf8();
    void nulBytes();
    void tenThousandNestedJsonArrays();
    void imageOfDevZero();
    void imageOfEtcPasswd();
    void imageOfANamedPipe();
    void remoteImageInMarkdown();

private:
    struct Outcome
    {
        QString shown; // the answer's text as the chat view renders it
        QString error; // the error shown under it
        const TextBody *body = nullptr;
        std::chrono::milliseconds stall{0};
    };
    // The person starts a new conversation, drops a photo, asks, and the server plays `reply`;
    // returns once the answer ended and the view caught up, with the longest stall meanwhile.
    // A case over the stall budget is played again, up to twice, and the last play counts: the
    // cases are deterministic, so a stall of the app's own comes back every time (the 100,000-delta
    // case stalled for 44 s each time before ChatTurn read in slices), while a moment of a
    // loaded two-core machine (the UI thread waiting for a thread of its own that waits for a
    // CPU) does not.
    Outcome ask(const Reply &reply);
    Outcome askOnce(const Reply &reply);
    // Expects the case's conversation saved with its question, photo and `text` in `state`,
    // and every earlier case's conversation as it was.
    void verifySaved(const QString &text, Message::State state);
    void switchLanguage(const QString &code);

    struct Saved
    {
        QString conversationId;
        QString question;
        QString answer;
        Message::State state;
    };

    std::unique_ptr<ServerThread> m_server;
    std::unique_ptr<ServerThread> m_elsewhere; // another origin: must receive nothing
    std::unique_ptr<JourneyApp> m_journey;
    QTemporaryDir m_dir;
    QList<Saved> m_saved; // what the cases before this one left in the history
    QString m_question;
    int m_case = 0;
};

void TestJourneyHostileServer::initTestCase()
{
    QVD_REQUIRE_SECRET_SERVICE();
    QVERIFY(m_dir.isValid());
    m_server = std::make_unique<ServerThread>();
    m_elsewhere = std::make_unique<ServerThread>();
    QVERIFY(m_server->listening() && m_elsewhere->listening());
    qputenv("DASHSCOPE_HTTP_BASE_URL", m_server->url(QStringLiteral("/api/v1")).toEncoded());
    qputenv("DASHSCOPE_API_KEY", kKey);
    m_journey = std::make_unique<JourneyApp>();
    QVERIFY(m_journey->waitStarted());
    QTRY_VERIFY2(m_journey->statusText().contains(QStringLiteral("qwen3-vl-plus")),
                 qPrintable(m_journey->statusText()));
}

void TestJourneyHostileServer::cleanup()
{
    if (m_server)
        m_server->release();
    if (m_journey && m_journey->app().context().language->language() != QStringLiteral("en"))
        switchLanguage(QStringLiteral("en"));
}

void TestJourneyHostileServer::cleanupTestCase()
{
    m_journey.reset();
    m_server.reset();
    m_elsewhere.reset();
}

void TestJourneyHostileServer::switchLanguage(const QString &code)
{
    m_journey->app().context().language->setLanguage(code);
    QCOMPARE(m_journey->app().context().language->language(), code);
}

TestJourneyHostileServer::Outcome TestJourneyHostileServer::ask(const Reply &reply)
{
    Outcome outcome = askOnce(reply);
    for (int replay = 1;
         replay <= 2 && !QTest::currentTestFailed() && outcome.stall > StallProbe::budget();
         ++replay) {
        qInfo("over the budget: the case is played again (%d of 2)", replay);
        outcome = askOnce(reply);
    }
    return outcome;
}

TestJourneyHostileServer::Outcome TestJourneyHostileServer::askOnce(const Reply &reply)
{
    Outcome outcome;
    ++m_case;
    m_question = QStringLiteral("What is in photo %1?").arg(m_case);
    MainWindow &window = m_journey->window();
    ChatPane *chat = window.chat();
    [&] {
        window.newConversationAction()->trigger();
        QTRY_COMPARE(m_journey->shownMessageCount(), 0);
        // A photo of its own for every case: each has its own original in the image store.
        const QString photo = writeImage(m_dir, QStringLiteral("photo-%1.png").arg(m_case),
                                         QSize(640, 480), QColor::fromHsv(m_case * 30, 160, 200));
        QSignalSpy ready(chat->composer(), &Composer::attachmentReady);
        QVERIFY(m_journey->dropFiles({photo}));
        QVERIFY(ready.wait(30000));
    }();
    if (QTest::currentTestFailed())
        return outcome;

    m_server->enqueue(reply);
    const qsizetype requestsBefore = m_server->requestCount();
    bool ended = false;
    const QMetaObject::Connection watch = connect(chat->session(), &ChatSession::busyChanged, this,
                                                  [&ended](bool busy) { ended = ended || !busy; });
    StallProbe probe;
    probe.start();
    m_journey->ask(m_question);
    const bool answered = spinUntil([&ended] { return ended; }, std::chrono::minutes(3));
    const auto endedAt = probe.elapsed();
    // The probe goes on for a moment after the end, so that what the end starts (the final
    // layout and paint, grounding the whole answer, saving it) is measured too.
    spinUntil([] { return false; }, std::chrono::milliseconds(300));
    disconnect(watch);
    chat->view()->flushLayout();
    chat->view()->viewport()->repaint();
    probe.stop();
    outcome.stall = probe.longestStall();
    [&] {
        QVERIFY2(answered, "the answer did not end within three minutes");
        QCOMPARE(m_server->requestCount(), requestsBefore + 1);
    }();
    qInfo("longest stall %lld ms (%lld ms of it running), ending %lld ms after Enter; %lld ms "
          "by the wall clock; CPU %d paused %lld ms in all; the answer ended after %lld ms",
          qint64(outcome.stall.count()), qint64(probe.longestStallRunning().count()),
          qint64(probe.longestStallEnd().count()), qint64(probe.longestWallStall().count()),
          probe.pinnedCpu(), qint64(probe.machinePauses().count()), qint64(endedAt.count()));

    const int row = m_journey->shownMessageCount() - 1;
    if (const MessageLayout *layout = chat->view()->messageDelegate()->layout(row)) {
        outcome.shown = layout->body() ? layout->body()->text() : QString();
        outcome.error = layout->errorText();
        outcome.body = layout->body();
    }
    return outcome;
}

void TestJourneyHostileServer::verifySaved(const QString &text, Message::State state)
{
    // A store of its own on the app's file: what the next start would read.
    const HistoryLocation location = HistoryLocation::standard();
    HistoryStore reopened;
    QVERIFY(reopened.open(location.databasePath()).ok());
    const ImageStore images(location.imagesPath());
    QList<Saved> all = m_saved;
    all.append({m_journey->window().chat()->session()->conversation().id, m_question, text, state});
    for (const Saved &expected : std::as_const(all)) {
        const auto record = reopened.conversation(expected.conversationId);
        QVERIFY2(record, qPrintable(expected.question));
        QCOMPARE(record->messages.size(), 2);
        const StoredMessage &question = record->messages.at(0);
        QCOMPARE(question.message.plainText(), expected.question);
        QCOMPARE(question.images.size(), 1);
        QVERIFY2(images.contains(question.images.first().sha256),
                 "the question's photo is not in the image store");
        const Message &answer = record->messages.at(1).message;
        QCOMPARE(answer.text, expected.answer);
        QCOMPARE(answer.state, expected.state);
    }
    m_saved = all; // the next cases check this one too
}

#define QVD_VERIFY_NO_STALL(outcome)                                                               \
    QVERIFY2((outcome).stall <= StallProbe::budget(),                                              \
             qPrintable(QStringLiteral("the event loop stalled for %1 ms (budget %2 ms)")          \
                            .arg((outcome).stall.count())                                          \
                            .arg(StallProbe::budget().count())))

#define QVD_VERIFY_ERROR_SHOWS(outcome, text)                                                      \
    QVERIFY2((outcome).error.contains(text), qPrintable((outcome).error))

void TestJourneyHostileServer::redirectToAnotherOrigin()
{
    switchLanguage(QStringLiteral("zh_CN"));
    const QUrl elsewhere = m_elsewhere->url(QStringLiteral("/api/v1/steal"));
    const Outcome outcome = ask(Reply::http(307, {}, {"Location: " + elsewhere.toEncoded()}));
    const QString where = QStringLiteral("http://127.0.0.1:%1").arg(elsewhere.port());
    QVD_VERIFY_ERROR_SHOWS(outcome, kRedirectZh.arg(where));
    QVERIFY(!outcome.error.contains(QString::fromLatin1(kKey)));
    // The key went to its own origin only; a followed redirect would have connected by now,
    // since the answer already ended.
    QCOMPARE(m_server->lastRequest().header("Authorization"), "Bearer " + kKey);
    QCOMPARE(m_elsewhere->connectionCount(), 0);
    QVD_VERIFY_NO_STALL(outcome);
    verifySaved(QString(), Message::State::Failed);
}

void TestJourneyHostileServer::eventOfFiftyMegabytes()
{
    switchLanguage(QStringLiteral("zh_CN"));
    const QByteArray huge = "id:2\nevent:result\ndata:{\"output\":{\"choices\":[{\"message\":"
                            "{\"content\":[{\"text\":\""
        + QByteArray(50 * kMiB, 'x') + "\"}]}}]}}\n\n";
    const Outcome outcome =
        ask(Reply().send(kSseHead).send(dashScopeEvent(1, kPartial)).sendInChunks(huge, int(kMiB)));
    QVD_VERIFY_ERROR_SHOWS(outcome, kLimitZh);
    QVD_VERIFY_ERROR_SHOWS(outcome, kEventLimitZh);
    QCOMPARE(outcome.shown, kPartial);
    QVD_VERIFY_NO_STALL(outcome);
    verifySaved(kPartial, Message::State::Failed);
}

void TestJourneyHostileServer::endlessLineWithoutNewline()
{
    Reply reply = Reply().send(kSseHead).send(dashScopeEvent(1, kPartial)).send("data:");
    for (int i = 0; i < 10; ++i)
        reply.send(QByteArray(kMiB, 'y'));
    reply.stall(); // and the line never ends
    const Outcome outcome = ask(reply);
    QVD_VERIFY_ERROR_SHOWS(outcome, kLimit);
    QVD_VERIFY_ERROR_SHOWS(outcome, kEventLimit);
    QCOMPARE(outcome.shown, kPartial);
    QVD_VERIFY_NO_STALL(outcome);
    verifySaved(kPartial, Message::State::Failed);
}

void TestJourneyHostileServer::hundredThousandOneCharacterDeltas()
{
    // Prose, one character an event: words, spaces and a paragraph break now and then.
    constexpr int kDeltas = 100'000;
    static const char *const words[] = {"the", "beach", "has",      "seven", "visitors", "and",
                                        "a",   "red",   "umbrella", "near",  "water"};
    QString expected;
    for (int i = 0; expected.size() < kDeltas; ++i) {
        expected += QString::fromLatin1(words[i % std::size(words)]);
        expected += i % 97 == 96 ? QStringLiteral("\n\n") : QStringLiteral(" ");
    }
    expected.truncate(kDeltas);
    QByteArray stream = kSseHead;
    const QByteArray latin1 = expected.toLatin1();
    for (int i = 0; i < kDeltas; ++i) {
        const char c = latin1.at(i);
        stream += resultEvent(i + 1, c == '\n' ? QByteArray("\\n") : QByteArray(1, c),
                              i + 1 == kDeltas ? "stop" : "null");
    }
    const Outcome outcome = ask(Reply().sendInChunks(stream, 64 * 1024));
    QVERIFY2(outcome.error.isEmpty(), qPrintable(outcome.error));
    QCOMPARE(m_journey->lastShownText(), expected);
    QVD_VERIFY_NO_STALL(outcome);
    verifySaved(expected, Message::State::Complete);
}

void TestJourneyHostileServer::invalidUtf8()
{
    const Outcome outcome = ask(Reply()
                                    .send(kSseHead)
                                    .send(dashScopeEvent(1, kPartial))
                                    .send(resultEvent(2, "bad \xff\xfe\xc3 bytes")));
    QVD_VERIFY_ERROR_SHOWS(outcome, kUnreadable);
    QCOMPARE(outcome.shown, kPartial);
    QVD_VERIFY_NO_STALL(outcome);
    verifySaved(kPartial, Message::State::Failed);
}

void TestJourneyHostileServer::nulBytes()
{
    const Outcome outcome = ask(Reply()
                                    .send(kSseHead)
                                    .send(dashScopeEvent(1, kPartial))
                                    .send(QByteArray("id:\0002\nevent:\0result\n", 20))
                                    .send(resultEvent(3, QByteArray("nul \0 inside", 12), "stop")));
    QVD_VERIFY_ERROR_SHOWS(outcome, kUnreadable);
    QCOMPARE(outcome.shown, kPartial);
    QVD_VERIFY_NO_STALL(outcome);
    verifySaved(kPartial, Message::State::Failed);
}

void TestJourneyHostileServer::tenThousandNestedJsonArrays()
{
    // The whole answer, as a model trained to answer in coordinate arrays might write it: the
    // grounding parser reads such answers as boxes.
    const QString nested = QString(10'000, QLatin1Char('[')) + QString(10'000, QLatin1Char(']'));
    const Outcome outcome = ask(answer(nested));
    QVERIFY2(outcome.error.isEmpty(), qPrintable(outcome.error));
    QCOMPARE(m_journey->lastShownText(), nested);
    QVERIFY(outcome.shown.contains(QString(100, QLatin1Char('['))));
    QVERIFY(m_journey->window().chat()->session()->detections(1).isEmpty());
    QVD_VERIFY_NO_STALL(outcome);
    verifySaved(nested, Message::State::Complete);
}

void TestJourneyHostileServer::imageOfDevZero()
{
    const QString text = QStringLiteral("Look: ![zero](/dev/zero) here");
    const Outcome outcome = ask(answer(text));
    QVERIFY2(outcome.error.isEmpty(), qPrintable(outcome.error));
    QVERIFY2(outcome.shown.contains(QStringLiteral("zero")), qPrintable(outcome.shown));
    QVERIFY(!hasImageObject(outcome.body));
    QVD_VERIFY_NO_STALL(outcome);
    verifySaved(text, Message::State::Complete);
}

void TestJourneyHostileServer::imageOfEtcPasswd()
{
    const QString text = QStringLiteral("![secrets](file:///etc/passwd)");
    const Outcome outcome = ask(answer(text));
    QVERIFY2(outcome.error.isEmpty(), qPrintable(outcome.error));
    QVERIFY2(outcome.shown.contains(QStringLiteral("secrets")), qPrintable(outcome.shown));
    QVERIFY(!outcome.shown.contains(QStringLiteral("root:")));
    QVERIFY(!hasImageObject(outcome.body));
    QVD_VERIFY_NO_STALL(outcome);
    verifySaved(text, Message::State::Complete);
}

void TestJourneyHostileServer::imageOfANamedPipe()
{
    const QString pipe = m_dir.filePath(QStringLiteral("pipe"));
    const PipeWatch watch(pipe);
    const QString text = QStringLiteral("![pipe](%1) and ![pipe](file://%1)").arg(pipe);
    const Outcome outcome = ask(answer(text));
    QVERIFY2(outcome.error.isEmpty(), qPrintable(outcome.error));
    QVERIFY2(outcome.shown.contains(QStringLiteral("pipe")), qPrintable(outcome.shown));
    QVERIFY(!hasImageObject(outcome.body));
    // The watcher polls every millisecond; a reader that opened the pipe while the answer was
    // shown (the case alone took far longer) was seen.
    QVERIFY(!watch.opened());
    QVD_VERIFY_NO_STALL(outcome);
    verifySaved(text, Message::State::Complete);
}

void TestJourneyHostileServer::remoteImageInMarkdown()
{
    const QString text = QStringLiteral("![tracker](%1)")
                             .arg(m_elsewhere->url(QStringLiteral("/pixel.png")).toString());
    const Outcome outcome = ask(answer(text));
    QVERIFY2(outcome.error.isEmpty(), qPrintable(outcome.error));
    QVERIFY2(outcome.shown.contains(QStringLiteral("tracker")), qPrintable(outcome.shown));
    QVERIFY(!hasImageObject(outcome.body));
    QCOMPARE(m_elsewhere->connectionCount(), 0);
    QVD_VERIFY_NO_STALL(outcome);
    verifySaved(text, Message::State::Complete);
}

QVD_TEST_WIDGETS_MAIN(TestJourneyHostileServer)
#include "tst_JourneyHostileServer.moc"
