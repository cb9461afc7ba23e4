// The whole window wired together, as a person uses it: attach an image, ask, watch the boxes
// appear in the inspector, draw a region and ask about it, and find everything again in a
// new window from the saved history (real SQLite, real image store, loopback server).
#include "core/conversation/ChatSession.h"
#include "core/session/ActiveEndpoint.h"
#include "core/session/ConversationIndex.h"
#include "core/session/DeskSession.h"
#include "core/storage/ConversationDeleter.h"
#include "core/storage/HistoryStore.h"
#include "core/storage/ImageStore.h"
#include "ui/chat/ChatPane.h"
#include "ui/chat/ChatView.h"
#include "ui/chat/Composer.h"
#include "ui/chat/ComposerEdit.h"
#include "ui/conversations/ConversationListPane.h"
#include "ui/conversations/UndoBar.h"
#include "ui/inspector/InspectorPane.h"
#include "ui/window/MainWindow.h"

#include "ChatTestSupport.h"
#include "HttpTestServer.h"
#include "TestAppContext.h"
#include "TestMain.h"
#include "WireFixtures.h"

#include <QApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QListView>
#include <QPushButton>
#include <QStatusBar>
#include <QToolButton>

using namespace qvd;
using qvd::test::HttpTestServer;
using qvd::test::Reply;
using namespace std::chrono_literals;

class TestWindowSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void boxesOfAnAnswerAppearOnItsImage();
    void regionDrawnInTheInspectorGoesOutWithTheNextQuestion();
    void savedConversationComesBackInANewWindow();
    void renamedConversationKeepsItsNewTitle();
    void deletedConversationComesBackWholeWithUndo();
    void deletionIsFinalWhenTheUndoTimeEnds();
    void closingTheWindowFinishesThePendingDeletion();
    void undoLeavesTheWindowWherePersonMovedOn();
    void ctrlZInTheComposerUndoesTypingNotTheDeletion();
    void historyOpenedAfterTheWindowIsListedRestoredAndSavedTo();

private:
    std::unique_ptr<MainWindow> openWindow();
    void askAboutImage(MainWindow &window);
    // A saved two-message conversation with its own last activity time.
    void insertConversation(const QString &id, const QDateTime &updatedAt);
    QByteArray firstImageOf(const QString &conversationId) const;
    QListView *listView() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<HttpTestServer> m_server;
    std::unique_ptr<qvd::test::TestAppContext> m_app;
    std::unique_ptr<MainWindow> m_window;
};

void TestWindowSession::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_server = std::make_unique<HttpTestServer>();
    QVERIFY(m_server->listen());
    m_app = std::make_unique<qvd::test::TestAppContext>();
    QVERIFY(m_app->enableHistory(m_dir->filePath(QStringLiteral("data"))));
    m_window = openWindow();
    QVERIFY(m_window);
}

void TestWindowSession::cleanup()
{
    m_window.reset();
    m_app.reset();
    m_server.reset();
}

std::unique_ptr<MainWindow> TestWindowSession::openWindow()
{
    m_app->useLoopback(m_server->url(QStringLiteral("/api/v1")), QStringLiteral("sk-workspace"));
    auto window = std::make_unique<MainWindow>(m_app->context());
    if (!QTest::qWaitFor(
            [&] { return window->session().endpoint()->state() == ActiveEndpoint::State::Ready; }))
        return nullptr;
    window->chat()->session()->setMaxAttempts(1);
    window->chat()->composer()->setModelId(QStringLiteral("qwen2.5-vl-72b-instruct"));
    window->resize(1400, 900);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return nullptr;
    return window;
}

void TestWindowSession::askAboutImage(MainWindow &window)
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

void TestWindowSession::boxesOfAnAnswerAppearOnItsImage()
{
    askAboutImage(*m_window);
    InspectorPane *inspector = m_window->inspector();
    QTRY_COMPARE(inspector->imageIndex(), 0);
    const QList<MappedDetection> shown = inspector->shownDetections();
    QCOMPARE(shown.size(), 1);
    QCOMPARE(shown.first().label, QStringLiteral("狗"));
    QCOMPARE(shown.first().rect, QRectF(QPointF(500, 250), QPointF(1000, 500)));
    QCOMPARE(m_window->session().selection()->answerId(),
             m_window->chat()->session()->conversation().messages.at(1).id);
    // The conversation is in the list, named after the question.
    QTRY_COMPARE(m_window->conversationList()->entryCount(), 1);
}

void TestWindowSession::regionDrawnInTheInspectorGoesOutWithTheNextQuestion()
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

void TestWindowSession::savedConversationComesBackInANewWindow()
{
    askAboutImage(*m_window);
    const QString id = m_window->chat()->session()->conversation().id;
    QTRY_COMPARE(m_window->conversationList()->entryCount(), 1);
    m_window.reset();

    // Next start of the app: the last conversation opens with its boxes on the stored image.
    m_window = openWindow();
    QVERIFY(m_window);
    m_window->session().restoreLastConversation();
    QCOMPARE(m_window->chat()->session()->conversation().id, id);
    QCOMPARE(m_window->chat()->session()->conversation().messages.size(), 2);
    InspectorPane *inspector = m_window->inspector();
    QTRY_COMPARE(inspector->imageIndex(), 0);
    QCOMPARE(inspector->shownDetections().size(), 1);
    QCOMPARE(inspector->shownDetections().first().rect,
             QRectF(QPointF(500, 250), QPointF(1000, 500)));
    QCOMPARE(m_window->conversationList()->entryCount(), 1);
}

void TestWindowSession::renamedConversationKeepsItsNewTitle()
{
    askAboutImage(*m_window);
    const QString id = m_window->chat()->session()->conversation().id;
    QTRY_COMPARE(m_window->conversationList()->entryCount(), 1);
    QVERIFY(m_window->session().rename(id, QStringLiteral("  花园里的狗  ")));
    QCOMPARE(m_window->chat()->session()->conversation().title, QStringLiteral("花园里的狗"));
    QCOMPARE(m_app->context().history->conversation(id)->header.title,
             QStringLiteral("花园里的狗"));
    QVERIFY(!m_window->session().rename(id, QStringLiteral("   ")));
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

void TestWindowSession::insertConversation(const QString &id, const QDateTime &updatedAt)
{
    ConversationRecord record;
    record.header.id = id;
    record.header.title = QStringLiteral("title of ") + id;
    record.header.modelId = QStringLiteral("qwen2.5-vl-72b-instruct");
    record.createdAt = updatedAt;
    record.updatedAt = updatedAt;
    StoredMessage question;
    question.message = Message::user({Part::fromText(QStringLiteral("hello ") + id)});
    StoredMessage answer;
    answer.message = Message::assistant(QStringLiteral("hi"));
    record.messages = {question, answer};
    const StorageError error = m_app->context().history->insertRecord(record);
    QVERIFY2(!error.isError(), qPrintable(error.detail));
}

QByteArray TestWindowSession::firstImageOf(const QString &conversationId) const
{
    const auto record = m_app->context().history->conversation(conversationId);
    if (!record || record->messages.isEmpty() || record->messages.first().images.isEmpty())
        return {};
    return record->messages.first().images.first().sha256;
}

QListView *TestWindowSession::listView() const
{
    return m_window->conversationList()->findChild<QListView *>(QStringLiteral("conversationList"));
}

void TestWindowSession::deletedConversationComesBackWholeWithUndo()
{
    askAboutImage(*m_window);
    HistoryStore *history = m_app->context().history;
    ChatSession *session = m_window->chat()->session();
    const QString open = session->conversation().id;
    QTRY_COMPARE(m_window->conversationList()->entryCount(), 1);
    const auto asked = history->conversation(open);
    QVERIFY(asked);
    const QByteArray image = firstImageOf(open);
    QVERIFY(m_app->context().images->contains(image));
    insertConversation(QStringLiteral("newer"), asked->updatedAt.addSecs(60));
    insertConversation(QStringLiteral("older"), asked->updatedAt.addDays(-1));
    insertConversation(QStringLiteral("oldest"), asked->updatedAt.addDays(-2));
    m_window->session().conversations()->refresh();
    ConversationListPane *list = m_window->conversationList();
    const QStringList order{QStringLiteral("newer"), open, QStringLiteral("older"),
                            QStringLiteral("oldest")};
    QCOMPARE(list->entryIds(), order);
    QVERIFY(!list->undoBar()->isVisible());

    // The Delete key, no question asked: the row goes at once and the window moves on to the
    // next older conversation.
    QListView *view = listView();
    view->setFocus();
    QCOMPARE(list->currentId(), open);
    QTest::keyClick(view, Qt::Key_Delete);
    QCOMPARE(
        list->entryIds(),
        (QStringList{QStringLiteral("newer"), QStringLiteral("older"), QStringLiteral("oldest")}));
    QCOMPARE(session->conversation().id, QStringLiteral("older"));
    QCOMPARE(list->currentId(), QStringLiteral("older"));
    QVERIFY(list->isUndoShown());
    QVERIFY(list->undoBar()->isVisible());
    QVERIFY(!list->undoBar()->text().isEmpty());
    QVERIFY(!history->contains(open));
    QCOMPARE(history->conversations().size(), 3);
    QVERIFY(history->search(QStringLiteral("狗")).isEmpty());
    QVERIFY(m_app->context().images->contains(image));

    // Ctrl+Z: back whole, in its place by last activity, and in the window again.
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(!list->isUndoShown());
    QVERIFY(!list->undoBar()->isVisible());
    QCOMPARE(list->entryIds(), order);
    QCOMPARE(*history->conversation(open), *asked);
    QCOMPARE(session->conversation().id, open);
    QCOMPARE(session->conversation().messages.size(), 2);
    InspectorPane *inspector = m_window->inspector();
    QTRY_COMPARE(inspector->imageIndex(), 0);
    QCOMPARE(inspector->shownDetections().size(), 1);
    QCOMPARE(inspector->shownDetections().first().rect,
             QRectF(QPointF(500, 250), QPointF(1000, 500)));

    // The same with the bar's button, for a conversation that is not open.
    QCOMPARE(list->currentId(), open);
    QVERIFY(m_window->session().deleteConversation(QStringLiteral("older")));
    QCOMPARE(session->conversation().id, open);
    QCOMPARE(list->entryIds(),
             (QStringList{QStringLiteral("newer"), open, QStringLiteral("oldest")}));
    QCOMPARE(list->currentId(), open); // the cursor stays on the open conversation
    QTest::mouseClick(list->undoBar()->undoButton(), Qt::LeftButton);
    QCOMPARE(list->entryIds(), order);
    QCOMPARE(history->conversation(QStringLiteral("older"))->messages.size(), 2);
    QCOMPARE(session->conversation().id, open);
    QVERIFY(!list->undoBar()->isVisible());
}

void TestWindowSession::deletionIsFinalWhenTheUndoTimeEnds()
{
    askAboutImage(*m_window);
    HistoryStore *history = m_app->context().history;
    const QString open = m_window->chat()->session()->conversation().id;
    QTRY_COMPARE(m_window->conversationList()->entryCount(), 1);
    const QByteArray image = firstImageOf(open);
    QVERIFY(m_app->context().images->contains(image));
    ConversationListPane *list = m_window->conversationList();
    m_window->session().deleter()->setUndoTime(100ms);

    QVERIFY(m_window->session().deleteConversation(open));
    // Nothing left to move to: a new, empty conversation.
    QVERIFY(m_window->chat()->session()->conversation().messages.isEmpty());
    QCOMPARE(list->entryCount(), 0);
    QVERIFY(list->isUndoShown());
    QCOMPARE(history->deletedConversations(), QStringList{open});

    QTRY_VERIFY(!list->isUndoShown());
    QVERIFY(!list->undoBar()->isVisible());
    QVERIFY(history->deletedConversations().isEmpty());
    QCOMPARE(history->restoreDeleted(open).kind, StorageError::Kind::NotFound);
    QVERIFY(history->referencedImages().isEmpty());
    QVERIFY(!QFileInfo::exists(m_app->context().images->pathFor(image)));
    // Too late for Ctrl+Z.
    QTest::keyClick(listView(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(list->entryCount(), 0);
    QVERIFY(!history->contains(open));
}

void TestWindowSession::closingTheWindowFinishesThePendingDeletion()
{
    askAboutImage(*m_window);
    HistoryStore *history = m_app->context().history;
    const QString open = m_window->chat()->session()->conversation().id;
    QTRY_COMPARE(m_window->conversationList()->entryCount(), 1);
    const QByteArray image = firstImageOf(open);
    QVERIFY(m_window->session().deleteConversation(open));
    QCOMPARE(history->deletedConversations(), QStringList{open});
    QVERIFY(m_app->context().images->contains(image));

    m_window.reset();
    QVERIFY(history->deletedConversations().isEmpty());
    QCOMPARE(history->restoreDeleted(open).kind, StorageError::Kind::NotFound);
    QVERIFY(!m_app->context().images->contains(image));
}

void TestWindowSession::undoLeavesTheWindowWherePersonMovedOn()
{
    askAboutImage(*m_window);
    ChatSession *session = m_window->chat()->session();
    const QString deleted = session->conversation().id;
    QTRY_COMPARE(m_window->conversationList()->entryCount(), 1);
    QVERIFY(m_window->session().deleteConversation(deleted));
    QVERIFY(session->conversation().messages.isEmpty());

    // A new question in the new conversation before Undo.
    m_server->enqueue(qvd::test::answer(QStringLiteral("你好。")));
    Composer *composer = m_window->chat()->composer();
    composer->input()->insertPlainText(QStringLiteral("你好"));
    QTest::keyClick(composer->input(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!session->isBusy(), 20000);
    const QString current = session->conversation().id;
    QVERIFY(!current.isEmpty() && current != deleted);
    QVERIFY(m_window->conversationList()->isUndoShown());

    QVERIFY(m_window->session().undoDelete());
    QCOMPARE(session->conversation().id, current);
    QCOMPARE(m_window->conversationList()->entryIds(), (QStringList{current, deleted}));
    QCOMPARE(m_app->context().history->conversation(deleted)->messages.size(), 2);
}

void TestWindowSession::ctrlZInTheComposerUndoesTypingNotTheDeletion()
{
    askAboutImage(*m_window);
    const QString open = m_window->chat()->session()->conversation().id;
    QTRY_COMPARE(m_window->conversationList()->entryCount(), 1);
    insertConversation(QStringLiteral("older"), QDateTime::currentDateTimeUtc().addDays(-1));
    m_window->session().conversations()->refresh();
    QVERIFY(m_window->session().deleteConversation(QStringLiteral("older")));
    ConversationListPane *list = m_window->conversationList();
    QVERIFY(list->isUndoShown());

    Composer *composer = m_window->chat()->composer();
    composer->input()->setFocus();
    QTest::keyClicks(composer->input(), QStringLiteral("abc"));
    QCOMPARE(composer->input()->toPlainText(), QStringLiteral("abc"));
    QTest::keyClick(composer->input(), Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(composer->input()->toPlainText() != QStringLiteral("abc"));
    QVERIFY(list->isUndoShown());
    QVERIFY(!m_app->context().history->contains(QStringLiteral("older")));

    // Elsewhere in the window Ctrl+Z undoes the deletion.
    m_window->chat()->view()->setFocus();
    QTest::keyClick(m_window->chat()->view(), Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(!list->isUndoShown());
    QCOMPARE(list->entryIds(), (QStringList{open, QStringLiteral("older")}));
    QCOMPARE(m_window->chat()->session()->conversation().id, open);
}

void TestWindowSession::historyOpenedAfterTheWindowIsListedRestoredAndSavedTo()
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
    m_window->historyOpened();
    QCOMPARE(m_window->conversationList()->entryCount(), 1);
    QCOMPARE(m_window->statusBar()->currentMessage(), QStringLiteral("history notice"));
    m_window->session().restoreLastConversation();
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

QVD_TEST_WIDGETS_MAIN(TestWindowSession)
#include "tst_WindowSession.moc"
