#include "ui/ChatPane.h"
#include "ui/ConversationListPane.h"
#include "ui/InspectorPane.h"
#include "ui/MainWindow.h"

#include "TestAppContext.h"
#include "TestMain.h"

#include <QApplication>
#include <QMenu>
#include <QPushButton>
#include <QSplitter>
#include <QTranslator>

using qvd::MainWindow;

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void titleIsTheAppName();
    void hasThreePanesInOrder();
    void viewMenuHidesAndShowsSidePanes();
    void switchingToChineseRetranslatesVisibleTexts();
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

QVD_TEST_WIDGETS_MAIN(TestMainWindow)
#include "tst_MainWindow.moc"
