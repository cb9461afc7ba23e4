#pragma once

// The whole application for journey tests: the real Application (src/app) with its real
// services — the settings file and history database under the test's own HOME, the real
// keychain (gnome-keyring in the test command's private D-Bus session, under a service name of
// this test's own), one network manager — started exactly as main() starts it. The tests then
// use the window the way a person does: clicks, keys, drops, menus.

#include "app/Application.h"
#include "core/conversation/ChatSession.h"
#include "ui/chat/ChatPane.h"
#include "ui/chat/ChatView.h"
#include "ui/chat/Composer.h"
#include "ui/chat/ComposerEdit.h"
#include "ui/chat/MessageListModel.h"
#include "ui/inspector/ImageCanvas.h"
#include "ui/inspector/InspectorPane.h"
#include "ui/window/MainWindow.h"

#include "ChatTestSupport.h"
#include "TestMain.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QStatusBar>

#include <memory>

namespace qvd::test {

class JourneyApp
{
public:
    // `images`: the command line's image arguments. Like main(), a launch while the app runs
    // hands them over instead (then started() is false and there is no window).
    explicit JourneyApp(const QStringList &images = {})
    {
        const QString test = QFileInfo(QCoreApplication::applicationFilePath()).baseName();
        Application::applyIdentity();
        m_app = std::make_unique<Application>(
            Application::Options{QStringLiteral("io.github.qwenvl_desk.journey.") + test});
        m_handedOver = m_app->handOverToRunningInstance(images);
        if (!m_handedOver)
            m_app->start(images);
    }
    bool handedOver() const { return m_handedOver; }
    ~JourneyApp()
    {
        // As at quit: the window closes (saving its layout), then the services go.
        if (!m_handedOver)
            m_app->mainWindow().close();
    }

    Application &app() { return *m_app; }
    MainWindow &window() { return m_app->mainWindow(); }

    // Waits for the work after the first frame (keychain, history, first-run check).
    bool waitStarted()
    {
        return QTest::qWaitFor([this] { return m_app->isStarted(); }, 10000);
    }

    // The top-level widget of type T that is shown, once it is; null after `timeoutMs`.
    template<typename T>
    T *waitForWindow(int timeoutMs = 10000)
    {
        T *found = nullptr;
        const bool shown = QTest::qWaitFor(
            [&found] {
                for (QWidget *widget : QApplication::topLevelWidgets()) {
                    if (auto *typed = qobject_cast<T *>(widget); typed && typed->isVisible())
                        found = typed;
                }
                return found != nullptr;
            },
            timeoutMs);
        return shown ? found : nullptr;
    }

    // Clicks into the composer (there is no window manager to give focus), types, presses Enter.
    void ask(const QString &text)
    {
        ComposerEdit *input = window().chat()->composer()->input();
        QTest::mouseClick(input->viewport(), Qt::LeftButton, {}, QPoint(10, 10));
        QTest::keyClicks(input, text);
        QTest::keyClick(input, Qt::Key_Return);
    }

    // What the chat view shows as the last message's text (the answer once it came).
    QString lastShownText()
    {
        MessageListModel *model = window().chat()->view()->messageModel();
        const int rows = model->rowCount();
        return rows > 0 ? model->message(rows - 1).text : QString();
    }
    int shownMessageCount() { return window().chat()->view()->messageModel()->rowCount(); }

    QString statusText()
    {
        const auto *label = window().findChild<QLabel *>(QStringLiteral("profileStatus"));
        return label ? label->text() : QString();
    }
    QString composerNotice() { return window().chat()->composer()->notice(); }
    // Presses Enter in the composer again (what is typed stays after a refused send).
    void sendAgain()
    {
        ComposerEdit *input = window().chat()->composer()->input();
        QTest::mouseClick(input->viewport(), Qt::LeftButton, {}, QPoint(10, 10));
        QTest::keyClick(input, Qt::Key_Return);
    }
    // What a file manager does: drags files onto the chat and drops them.
    bool dropFiles(const QStringList &paths)
    {
        QList<QUrl> urls;
        for (const QString &path : paths)
            urls.append(QUrl::fromLocalFile(path));
        const std::unique_ptr<QMimeData> mime(uriList(urls));
        return drop(window().chat(), mime.get());
    }
    QAction *action(const QString &objectName) { return window().findChild<QAction *>(objectName); }
    ImageCanvas *canvas() { return window().inspector()->canvas(); }
    // With the inspector's region tool, drags from `from` to `to` (original image pixels).
    void dragRegion(QPointF from, QPointF to)
    {
        QAction *tool = action(QStringLiteral("actionRegionTool"));
        if (!tool->isChecked())
            tool->trigger();
        QWidget *viewport = canvas()->viewport();
        const QPoint a = canvas()->imageToViewport(from).toPoint();
        const QPoint b = canvas()->imageToViewport(to).toPoint();
        QTest::mousePress(viewport, Qt::LeftButton, {}, a);
        QTest::mouseMove(viewport, (a + b) / 2);
        QTest::mouseMove(viewport, b);
        QTest::mouseRelease(viewport, Qt::LeftButton, {}, b);
        tool->trigger(); // back to selecting
    }
    // Types a model id into the composer's picker, as a person picks or types one.
    void chooseModel(const QString &id)
    {
        QComboBox *picker = window().chat()->composer()->modelPicker();
        QTest::mouseClick(picker->lineEdit(), Qt::LeftButton);
        QTest::keyClick(picker->lineEdit(), Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(picker->lineEdit(), id);
        QTest::keyClick(picker->lineEdit(), Qt::Key_Return);
    }
    QString statusMessage() { return window().statusBar()->currentMessage(); }

private:
    std::unique_ptr<Application> m_app;
    bool m_handedOver = false;
};

} // namespace qvd::test
