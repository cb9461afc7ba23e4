#pragma once

#include <QObject>

#include <functional>

class QWidget;

namespace qvd {

// Runs start-up work the first frame does not need right after that frame: once, in the turn
// of the event loop after the window's first paint (by then the whole window is painted and on
// screen). A window that is not painted within kFallbackMs (shown minimised, never exposed)
// gets the work then anyway.
class FirstPaintHook : public QObject
{
public:
    static constexpr int kFallbackMs = 1000;

    // The hook is a child of `window`: nothing runs if the window goes first.
    static void install(QWidget *window, std::function<void()> work);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    FirstPaintHook(QWidget *window, std::function<void()> work);
    void run();

    std::function<void()> m_work;
    bool m_painted = false;
};

} // namespace qvd
