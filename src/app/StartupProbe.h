#pragma once

#include <QObject>

namespace qvd {

class MainWindow;

// For the start-up benchmark (tests/bench/bench_Startup.cpp), by QVD_STARTUP_PROBE in the
// environment:
//   1     prints "first-paint" on stdout once the main window has painted, then quits;
//   list  prints "list-painted <rows>" once the conversation list has painted what the history
//         holds (rows 0: it painted the hint that there is nothing), then quits.
class StartupProbe : public QObject
{
public:
    static constexpr char kVariable[] = "QVD_STARTUP_PROBE";
    enum class Mode { Off, FirstPaint, ConversationList };
    static Mode mode();
    // Watches `window` as `mode` says; the probe is a child of it.
    static void watch(MainWindow *window, Mode mode);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    StartupProbe(MainWindow *window, Mode mode);
    void report(const QByteArray &line);

    MainWindow *m_window;
    Mode m_mode;
    bool m_done = false;
};

} // namespace qvd
