#include "app/StartupProbe.h"

#include "ui/conversations/ConversationListPane.h"
#include "ui/window/MainWindow.h"

#include <QCoreApplication>
#include <QEvent>
#include <QListView>
#include <QTimer>

#include <cstdio>

namespace qvd {

StartupProbe::Mode StartupProbe::mode()
{
    const QByteArray value = qgetenv(kVariable);
    if (value == "1")
        return Mode::FirstPaint;
    if (value == "list")
        return Mode::ConversationList;
    return Mode::Off;
}

StartupProbe::StartupProbe(MainWindow *window, Mode mode)
    : QObject(window), m_window(window), m_mode(mode)
{ }

void StartupProbe::watch(MainWindow *window, Mode mode)
{
    auto *probe = new StartupProbe(window, mode);
    if (mode == Mode::FirstPaint) {
        window->installEventFilter(probe);
        return;
    }
    ConversationListPane *pane = window->conversationList();
    if (auto *list = pane->findChild<QListView *>(QStringLiteral("conversationList")))
        list->viewport()->installEventFilter(probe);
    if (auto *hint = pane->findChild<QWidget *>(QStringLiteral("conversationListHint")))
        hint->installEventFilter(probe);
}

bool StartupProbe::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Paint && !m_done) {
        if (m_mode == Mode::FirstPaint)
            report("first-paint");
        else if (m_window->conversationList()->entryCount() > 0
                 || watched->objectName() == u"conversationListHint")
            report("list-painted "
                   + QByteArray::number(m_window->conversationList()->entryCount()));
    }
    return QObject::eventFilter(watched, event);
}

void StartupProbe::report(const QByteArray &line)
{
    m_done = true;
    // After this event loop pass the whole window (children included) is painted.
    QTimer::singleShot(0, this, [line] {
        std::fputs(line.constData(), stdout);
        std::fputc('\n', stdout);
        std::fflush(stdout);
        QCoreApplication::quit();
    });
}

} // namespace qvd
