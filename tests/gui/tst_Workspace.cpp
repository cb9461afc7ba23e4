// The whole window wired together, as a person uses it: attach an image, ask, watch the boxes
// appear in the inspector, draw a region and ask about it, and find everything again in a
// new window from the saved history (real SQLite, real image store, loopback server).
#include "core/conversation/ChatSession.h"
#include "ui/ChatPane.h"
#include "ui/ConversationListPane.h"
#include "ui/InspectorPane.h"
#include "ui/MainWindow.h"
#include "ui/Workspace.h"
#include "ui/chat/Composer.h"
#include "ui/chat/ComposerEdit.h"

#include "ChatTestSupport.h"
#include "HttpTestServer.h"
#include "TestAppContext.h"
#include "TestMain.h"
#include "WireFixtures.h"

#include <QApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPushButton>
#include <QStatusBar>

using namespace qvd;
using qvd::test::HttpTestServer;
using qvd::test::Reply;

class TestWorkspace : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void boxesOfAnAnswerAppearOnItsImage();
    void regionDrawnInTheInspectorGoesOutWithTheNextQuestion();
    void savedConversationComesBackInANewWindow();
    void renamedConversationKeepsItsNewTitle();
    void historyOpenedAfterTheWindowIsListedRestoredAndSavedTo();

private:
    std::unique_ptr<MainWindow> openWindow();
    void askAboutImage(MainWindow &window);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<HttpTestServer> m_server;
    std::unique_ptr<qvd::test::TestAppContext> m_app;
    std::unique_ptr<MainWindow> m_window;
};

void TestWorkspace::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_server = std::make_unique<HttpTestServer>();
    QVERIFY(m_server->listen());
    m_app = std::make_unique<qvd::test::TestAppContext>();
    QVERIFY(m_app->enableHistory(m_dir->filePath(QStringLiteral("data"))));
    m_window = openWindow();
    QVERIFY(m_window);
}

void TestWorkspace::cleanup()
{
    m_window.reset();
    m_app.reset();
    m_server.reset();
}

std::unique_ptr<MainWindow> TestWorkspace::openWindow()
{
    auto window = std::make_unique<MainWindow>(m_app->context());
    EndpointProfile profile;
    profile.name = QStringLiteral("loopback");
    profile.baseUrl = m_server->url(QStringLiteral("/api/v1"));
    window->chat()->setEndpoint(profile, QStringLiteral("sk-workspace"));
    window->chat()->session()->setMaxAttempts(1);
    window->chat()->composer()->setModelId(QStringLiteral("qwen2.5-vl-72b-instruct"));
    window->resize(1400, 900);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return nullptr;
    return window;
}

void TestWorkspace::askAboutImage(MainWindow &window)
{
    // 1000x500 goes out as 1008x504 (smart_resize, factor 28); Qwen2.5-VL answers in those
    // pixels, so [504, 252, 1008, 504] is the lower-right quarter of the file.
    const QString path = qvd::test::writeImage(*m_dir, QStringLiteral("garden.png"), {1000, 500});
    m_server->enqueue(qvd::test::answer(
        QStringLiteral("```json\n[{\"bbox_2d\": [504, 252, 1008, 504], \"label\": \"狗\"}]\n```")));
    window.attachImages({path});
    Composer *composer = window.chat()->composer();
    composer->input()->insertPlainText(QStringLiteral("框出狗"));
    QTRY_VERIFY_WITH_TIMEOUT(composer->sendButton()->isEnabled(), 20000);
    QTest::keyClick(composer->input(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!window.chat()->session()->isBusy(), 20000);
}

void TestWorkspace::boxesOfAnAnswerAppearOnItsImage()
{
    askAboutImage(*m_window);
    InspectorPane *inspector = m_window->inspector();
    QTRY_COMPARE(inspector->imageIndex(), 0);
    const QList<MappedDetection> shown = inspector->shownDetections();
    QCOMPARE(shown.size(), 1);
    QCOMPARE(shown.first().label, QStringLiteral("狗"));
    QCOMPARE(shown.first().rect, QRectF(QPointF(500, 250), QPointF(1000, 500)));
    QCOMPARE(m_window->workspace()->shownAnswer(), 1);
    // The conversation is in the list, named after the question.
    QTRY_COMPARE(m_window->conversationList()->entryCount(), 1);
}

void TestWorkspace::regionDrawnInTheInspectorGoesOutWithTheNextQuestion()
{
    askAboutImage(*m_window);
    InspectorPane *inspector = m_window->inspector();
    QTRY_COMPARE(inspector->imageIndex(), 0);
    // The person drags over the upper-left quarter of the original.
    const Part region =
        Part::fromRegion(QRectF(0, 0, 500, 250), QStringLiteral("[0, 0, 504, 252]"), 0);
    Q_EMIT inspector->regionRequested(region);
    m_server->enqueue(qvd::test::answer(QStringLiteral("草地。")));
    Composer *composer = m_window->chat()->composer();
    composer->input()->insertPlainText(QStringLiteral("这里是什么？"));
    QTest::keyClick(composer->input(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->chat()->session()->isBusy(), 20000);

    QCOMPARE(m_server->requests().size(), 2);
    const QByteArray body = m_server->requests().at(1).body;
    QVERIFY2(QString::fromUtf8(body).contains(QStringLiteral("[0, 0, 504, 252]")),
             body.constData());
}

void TestWorkspace::savedConversationComesBackInANewWindow()
{
    askAboutImage(*m_window);
    const QString id = m_window->chat()->session()->conversation().id;
    QTRY_COMPARE(m_window->conversationList()->entryCount(), 1);
    m_window.reset();

    // Next start of the app: the last conversation opens with its boxes on the stored image.
    m_window = openWindow();
    QVERIFY(m_window);
    m_window->workspace()->restoreLastConversation();
    QCOMPARE(m_window->chat()->session()->conversation().id, id);
    QCOMPARE(m_window->chat()->session()->conversation().messages.size(), 2);
    InspectorPane *inspector = m_window->inspector();
    QTRY_COMPARE(inspector->imageIndex(), 0);
    QCOMPARE(inspector->shownDetections().size(), 1);
    QCOMPARE(inspector->shownDetections().first().rect,
             QRectF(QPointF(500, 250), QPointF(1000, 500)));
    QCOMPARE(m_window->conversationList()->entryCount(), 1);
}

void TestWorkspace::renamedConversationKeepsItsNewTitle()
{
    askAboutImage(*m_window);
    const QString id = m_window->chat()->session()->conversation().id;
    QTRY_COMPARE(m_window->conversationList()->entryCount(), 1);
    QVERIFY(m_window->workspace()->renameConversation(id, QStringLiteral("  花园里的狗  ")));
    QCOMPARE(m_window->chat()->session()->conversation().title, QStringLiteral("花园里的狗"));
    QCOMPARE(m_app->context().history->conversation(id)->header.title,
             QStringLiteral("花园里的狗"));
    QVERIFY(!m_window->workspace()->renameConversation(id, QStringLiteral("   ")));
    // The next answer saves the conversation again without losing the new title.
    m_server->enqueue(qvd::test::answer(QStringLiteral("一只。")));
    Composer *composer = m_window->chat()->composer();
    composer->input()->insertPlainText(QStringLiteral("几只？"));
    QTest::keyClick(composer->input(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->chat()->session()->isBusy(), 20000);
    QTRY_COMPARE(m_app->context().history->conversation(id)->messages.size(), 4);
    QCOMPARE(m_app->context().history->conversation(id)->header.title,
             QStringLiteral("花园里的狗"));
    const auto hits = m_app->context().history->search(QStringLiteral("花园"));
    QVERIFY(!hits.isEmpty());
}

void TestWorkspace::historyOpenedAfterTheWindowIsListedRestoredAndSavedTo()
{
    askAboutImage(*m_window);
    const QString id = m_window->chat()->session()->conversation().id;
    QTRY_COMPARE(m_window->conversationList()->entryCount(), 1);
    m_window.reset();
    m_app.reset();

    // The app's next start: the window is made and painted before the history opens.
    m_app = std::make_unique<qvd::test::TestAppContext>();
    m_window = openWindow();
    QVERIFY(m_window);
    QCOMPARE(m_window->conversationList()->entryCount(), 0);
    QVERIFY(m_app->enableHistory(m_dir->filePath(QStringLiteral("data"))));
    m_app->context().historyNotice = QStringLiteral("history notice");
    m_window->workspace()->historyOpened();
    QCOMPARE(m_window->conversationList()->entryCount(), 1);
    QCOMPARE(m_window->statusBar()->currentMessage(), QStringLiteral("history notice"));
    m_window->workspace()->restoreLastConversation();
    QCOMPARE(m_window->chat()->session()->conversation().id, id);
    QTRY_COMPARE(m_window->inspector()->imageIndex(), 0);

    // Answers from now on go into that history.
    m_server->enqueue(qvd::test::answer(QStringLiteral("一只。")));
    Composer *composer = m_window->chat()->composer();
    composer->input()->insertPlainText(QStringLiteral("几只？"));
    QTest::keyClick(composer->input(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->chat()->session()->isBusy(), 20000);
    QTRY_COMPARE(m_app->context().history->conversation(id)->messages.size(), 4);
}

QVD_TEST_WIDGETS_MAIN(TestWorkspace)
#include "tst_Workspace.moc"
