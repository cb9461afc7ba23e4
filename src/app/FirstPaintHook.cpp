#include "app/FirstPaintHook.h"

#include <QEvent>
#include <QTimer>
#include <QWidget>

#include <utility>

namespace qvd {

void FirstPaintHook::install(QWidget *window, std::function<void()> work)
{
    new FirstPaintHook(window, std::move(work));
}

FirstPaintHook::FirstPaintHook(QWidget *window, std::function<void()> work)
    : QObject(window), m_work(std::move(work))
{
    window->installEventFilter(this);
    QTimer::singleShot(kFallbackMs, this, &FirstPaintHook::run);
}

bool FirstPaintHook::eventFilter(QObject *watched, QEvent *event)
{
    // The window's own paint event comes first; its children are painted in the same pass.
    if (event->type() == QEvent::Paint && !m_painted) {
        m_painted = true;
        QTimer::singleShot(0, this, &FirstPaintHook::run);
    }
    return QObject::eventFilter(watched, event);
}

void FirstPaintHook::run()
{
    if (!m_work)
        return;
    const std::function<void()> work = std::exchange(m_work, {});
    parent()->removeEventFilter(this);
    deleteLater();
    work(); // may close the window, and this hook with it
}

} // namespace qvd
