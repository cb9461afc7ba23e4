#pragma once

#include <QObject>

class QWidget;

namespace qvd {

// For the start-up benchmark (tests/bench/bench_Startup.cpp): with QVD_STARTUP_PROBE=1 in the
// environment, prints "first-paint" on stdout once the main window has painted, then quits.
class StartupProbe : public QObject
{
public:
    static constexpr char kVariable[] = "QVD_STARTUP_PROBE";
    static bool requested();
    // Watches `window`; the probe is a child of it.
    static void watch(QWidget *window);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    using QObject::QObject;
    bool m_done = false;
};

} // namespace qvd
