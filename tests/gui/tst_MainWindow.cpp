#include "ui/chat/ChatPane.h"
#include "ui/conversations/ConversationListPane.h"
#include "ui/inspector/InspectorPane.h"
#include "ui/settings/SettingsDialog.h"
#include "ui/window/MainWindow.h"
#include "ui/window/ProfileStatus.h"

#include "core/secrets/ApiKeyVault.h"
#include "core/secrets/KeyScope.h"
#include "core/session/ActiveEndpoint.h"
#include "core/session/DeskSession.h"
#include "core/settings/Settings.h"
#include "ui/chat/Composer.h"
#include "ui/chat/ComposerEdit.h"

#include "TestAppContext.h"
#include "TestMain.h"

#include <QApplication>
#include <QLineEdit>
#include <QMenu>
#include <QMouseEvent>
#include <QPushButton>
#include <QSplitter>
#include <QStatusBar>
#include <QTranslator>

using qvd::MainWindow;

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void titleIsTheAppName();
    void hasThreePanesInOrder();
    void viewMenuHidesAndShowsSidePanes();
    void switchingToChineseRetranslatesVisibleTexts();
    void geometryAndSplitterAreRestoredByTheNextWindow();
    void statusBarShowsProfileModelAndKeySource();
    void statusBarSaysWhenTheKeyIsMissingOrFromTheEnvironment();
    void statusBarTextCanBeSelectedWithTheMouse();
    void ctrlFFocusesTheConversationSearch();
    void chatShortcutsEmitSignalsForTheChatPane();
    void escStopsOnlyWhileAnAnswerRuns();
    void attachImagesPassesExistingFilesOn();
    void settingsActionOpensOneSettingsDialog();
};

void TestMainWindow::titleIsTheAppName()
{
    qvd::test::TestAppContext app;
    MainWindow window(app.context());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.windowTitle(), QStringLiteral("QwenVL Desk"));
}

void TestMainWindow::hasThreePanesInOrder()
{
    qvd::test::TestAppContext app;
    MainWindow window(app.context());
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *splitter = window.findChild<QSplitter *>(QStringLiteral("splitter"));
    QVERIFY(splitter);
    QCOMPARE(splitter->count(), 3);
    QCOMPARE(splitter->widget(0), window.conversationList());
    QCOMPARE(splitter->widget(1), window.chat());
    QCOMPARE(splitter->widget(2), window.inspector());
    // The chat gets the most room, and no pane is squeezed to nothing.
    const QList<int> sizes = splitter->sizes();
    QVERIFY(sizes[1] > sizes[0]);
    QVERIFY(sizes[1] >= sizes[2]);
    for (int size : sizes)
        QVERIFY(size >= 150);
}

void TestMainWindow::viewMenuHidesAndShowsSidePanes()
{
    qvd::test::TestAppContext app;
    MainWindow window(app.context());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *toggle = window.findChild<QAction *>(QStringLiteral("actionShowInspector"));
    QVERIFY(toggle);
    QVERIFY(window.inspector()->isVisible());
    toggle->trigger();
    QVERIFY(!window.inspector()->isVisible());
    toggle->trigger();
    QVERIFY(window.inspector()->isVisible());
}

void TestMainWindow::switchingToChineseRetranslatesVisibleTexts()
{
    qvd::test::TestAppContext app;
    MainWindow window(app.context());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *newButton = window.conversationList()->findChild<QPushButton *>();
    QVERIFY(newButton);
    auto *fileMenu = window.findChild<QMenu *>(QStringLiteral("menuFile"));
    QVERIFY(fileMenu);
    const QString englishButton = newButton->text();
    const QString englishMenu = fileMenu->title();

    QTranslator chinese;
    QVERIFY(chinese.load(QStringLiteral(":/i18n/qwenvl-desk_zh_CN.qm")));
    QVERIFY(QCoreApplication::installTranslator(&chinese));
    QTRY_VERIFY(newButton->text() != englishButton);
    QVERIFY(fileMenu->title() != englishMenu);
    // The translation is Chinese, not just different: it holds CJK ideographs.
    QVERIFY(newButton->text().contains(QRegularExpression(QStringLiteral("\\p{Han}"))));

    QCoreApplication::removeTranslator(&chinese);
    QTRY_COMPARE(newButton->text(), englishButton);
    QCOMPARE(fileMenu->title(), englishMenu);
}

void TestMainWindow::init()
{
    qvd::test::TestAppContext::forgetSettings();
}

void TestMainWindow::geometryAndSplitterAreRestoredByTheNextWindow()
{
    qvd::test::TestAppContext app;
    QList<int> sizes;
    {
        MainWindow first(app.context());
        first.setGeometry(60, 50, 1100, 700);
        first.show();
        QVERIFY(QTest::qWaitForWindowExposed(&first));
        auto *splitter = first.findChild<QSplitter *>(QStringLiteral("splitter"));
        splitter->setSizes({300, 500, 300});
        sizes = splitter->sizes();
        QCOMPARE(sizes.first(), 300);
        first.findChild<QAction *>(QStringLiteral("actionShowInspector"))->trigger();
        QVERIFY(!first.inspector()->isVisible());
        first.close();
    }
    MainWindow second(app.context());
    second.show();
    QVERIFY(QTest::qWaitForWindowExposed(&second));
    QCOMPARE(second.size(), QSize(1100, 700));
    // The conversation list keeps the width it was given; the hidden inspector's room went to
    // the chat.
    const QList<int> restored = second.findChild<QSplitter *>(QStringLiteral("splitter"))->sizes();
    QCOMPARE(restored.first(), sizes.first());
    QVERIFY(restored.at(1) > sizes.at(1));
    QVERIFY(!second.inspector()->isVisible());
    QVERIFY(!second.findChild<QAction *>(QStringLiteral("actionShowInspector"))->isChecked());
    QVERIFY(second.conversationList()->isVisible());
}

void TestMainWindow::statusBarShowsProfileModelAndKeySource()
{
    qvd::test::TestAppContext app;
    MainWindow window(app.context());
    window.show();
    const auto profile = *app.settings().profile(app.settings().defaultProfileName());
    auto *status = window.profileStatus();
    QTRY_VERIFY(status->text().contains(QStringLiteral("no key")));
    QVERIFY(status->text().contains(profile.displayName));
    QVERIFY(status->text().contains(profile.defaultModel));

    bool stored = false;
    app.context().keys->store(profile, QStringLiteral("sk-status-123456"),
                              [&](const qvd::ApiKeyLookup &) { stored = true; });
    QTRY_VERIFY(stored); // the status follows the vault by itself
    const QString expected =
        QStringLiteral("%1 · %2 · key in %3")
            .arg(profile.displayName, profile.defaultModel, app.keychain().backendName());
    QTRY_COMPARE(status->text(), expected);
    QVERIFY(!status->text().contains(QStringLiteral("sk-status")));

    // The model the composer's picker chose is the one named.
    window.session().chooseModel(QStringLiteral("qwen3-vl-flash"));
    QVERIFY(status->text().contains(QStringLiteral("qwen3-vl-flash")));
    QCOMPARE(window.chat()->composer()->modelId(), QStringLiteral("qwen3-vl-flash"));

    // A profile change (settings dialog, first run) shows at once.
    app.settings().setDefaultProfileName(QStringLiteral("local-openai"));
    app.settings().saveProfile(*app.settings().profile(QStringLiteral("local-openai")));
    QTRY_VERIFY(status->text().contains(QStringLiteral("no key needed")));
}

void TestMainWindow::statusBarSaysWhenTheKeyIsMissingOrFromTheEnvironment()
{
    qvd::test::TestAppContext app;
    qputenv(qvd::KeyScope::kDashScopeKey, "sk-from-env-000");
    MainWindow window(app.context());
    QTRY_VERIFY(window.profileStatus()->text().contains(QStringLiteral("DASHSCOPE_API_KEY")));
    QVERIFY(!window.profileStatus()->text().contains(QStringLiteral("sk-from-env")));
    qunsetenv(qvd::KeyScope::kDashScopeKey);
    window.session().endpoint()->refresh();
    QTRY_VERIFY(window.profileStatus()->text().endsWith(QStringLiteral("no key")));
}

void TestMainWindow::statusBarTextCanBeSelectedWithTheMouse()
{
    qvd::test::TestAppContext app;
    MainWindow window(app.context());
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *status = window.profileStatus();
    QTRY_VERIFY(status->text().contains(QStringLiteral("no key")));
    QVERIFY(!status->hasSelectedText());
    // Drag across the whole line, as a person copying the model name would.
    const int middle = status->height() / 2;
    QTest::mousePress(status, Qt::LeftButton, {}, QPoint(1, middle));
    QMouseEvent drag(QEvent::MouseMove, QPointF(status->width() - 1, middle),
                     status->mapToGlobal(QPointF(status->width() - 1, middle)), Qt::NoButton,
                     Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(status, &drag);
    QTest::mouseRelease(status, Qt::LeftButton, {}, QPoint(status->width() - 1, middle));
    QVERIFY(status->hasSelectedText());
    QVERIFY(status->selectedText().contains(QStringLiteral("no key")));
}

void TestMainWindow::ctrlFFocusesTheConversationSearch()
{
    qvd::test::TestAppContext app;
    MainWindow window(app.context());
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.findChild<QAction *>(QStringLiteral("actionShowConversations"))->trigger();
    QVERIFY(!window.conversationList()->isVisible());
    QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
    QVERIFY(window.conversationList()->isVisible());
    QTRY_COMPARE(QApplication::focusWidget(), window.conversationList()->searchField());
}

void TestMainWindow::chatShortcutsEmitSignalsForTheChatPane()
{
    qvd::test::TestAppContext app;
    MainWindow window(app.context());
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QSignalSpy newChat(&window, &MainWindow::newConversationRequested);
    QSignalSpy focus(&window, &MainWindow::focusComposerRequested);
    QSignalSpy copy(&window, &MainWindow::copyLastAnswerRequested);
    QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier);
    QTest::keyClick(&window, Qt::Key_L, Qt::ControlModifier);
    // What is typed next goes into the message.
    QTRY_VERIFY(window.chat()->composer()->input()->hasFocus());
    QTest::keyClick(&window, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(newChat.size(), 1);
    QCOMPARE(focus.size(), 1);
    QCOMPARE(copy.size(), 1);
    QCOMPARE(window.focusComposerAction()->shortcut(), QKeySequence(QStringLiteral("Ctrl+L")));
    QCOMPARE(window.copyLastAnswerAction()->shortcut(),
             QKeySequence(QStringLiteral("Ctrl+Shift+C")));
    QCOMPARE(window.newConversationAction()->shortcut(), QKeySequence(QStringLiteral("Ctrl+N")));
    // The pane's own button asks for a new conversation too.
    QTest::mouseClick(window.conversationList()->findChild<QPushButton *>(), Qt::LeftButton);
    QCOMPARE(newChat.size(), 2);
}

void TestMainWindow::escStopsOnlyWhileAnAnswerRuns()
{
    qvd::test::TestAppContext app;
    MainWindow window(app.context());
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QSignalSpy stop(&window, &MainWindow::stopRequested);
    QCOMPARE(window.stopAction()->shortcut(), QKeySequence(Qt::Key_Escape));
    QTest::keyClick(&window, Qt::Key_Escape);
    QCOMPARE(stop.size(), 0);
    window.setAnswerRunning(true);
    QTest::keyClick(&window, Qt::Key_Escape);
    QCOMPARE(stop.size(), 1);
    window.setAnswerRunning(false);
    QTest::keyClick(&window, Qt::Key_Escape);
    QCOMPARE(stop.size(), 1);
}

void TestMainWindow::attachImagesPassesExistingFilesOn()
{
    qvd::test::TestAppContext app;
    MainWindow window(app.context());
    QTemporaryDir dir;
    const QString image = dir.filePath(QStringLiteral("cat.png"));
    QImage(8, 8, QImage::Format_RGB32).save(image);
    QSignalSpy attached(&window, &MainWindow::imagesAttached);

    const QString missing = dir.filePath(QStringLiteral("missing.jpg"));
    window.attachImages({image, missing, image});

    QCOMPARE(attached.size(), 1);
    const QStringList paths = attached.first().first().toStringList();
    QCOMPARE(paths, QStringList({image, image}));
    QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("missing.jpg")));

    window.attachImages({QStringLiteral("/nonexistent/a.png")});
    QCOMPARE(attached.size(), 1); // nothing to attach, nothing emitted
}

void TestMainWindow::settingsActionOpensOneSettingsDialog()
{
    qvd::test::TestAppContext app;
    MainWindow window(app.context());
    window.show();
    auto *action = window.findChild<QAction *>(QStringLiteral("actionSettings"));
    QVERIFY(action);
    action->trigger();
    action->trigger();
    QCOMPARE(window.findChildren<qvd::SettingsDialog *>().size(), 1);
    QTRY_VERIFY(window.findChild<qvd::SettingsDialog *>()->isVisible());
}

QVD_TEST_WIDGETS_MAIN(TestMainWindow)
#include "tst_MainWindow.moc"
