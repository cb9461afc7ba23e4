// Start-up time: from process start to the first painted main window, for the real app
// (QVD_STARTUP_PROBE=1 makes it print "first-paint" and quit, src/app/StartupProbe) against a
// bare Qt Widgets window (this program with --bare-window), measured alternately in one run;
// the same window with a menu bar is printed too. Goal: the app within 1.5x of the bare window
// (BenchReport.h; wall time, median of the rounds); exits non-zero when missed.
//   build/bin/bench_Startup [rounds]          (9; QVD_BENCH_QUICK=1: 1; offscreen unless
//                                              QT_QPA_PLATFORM is set)
#include "BenchReport.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLabel>
#include <QMainWindow>
#include <QMenuBar>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>

namespace {

class PaintProbe : public QObject
{
protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_done) {
            m_done = true;
            QTimer::singleShot(0, qApp, [] {
                std::fputs("first-paint\n", stdout);
                std::fflush(stdout);
                QCoreApplication::quit();
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool m_done = false;
};

int bareWindow(int argc, char *argv[], bool withMenu)
{
    QApplication app(argc, argv);
    QMainWindow window;
    window.setCentralWidget(new QLabel(QStringLiteral("bare"), &window));
    // QMenuBar's constructor asks the style for an icon, which loads every image-format plugin:
    // the second baseline shows what any window with a menu bar pays for that.
    if (withMenu)
        window.menuBar()->addMenu(QStringLiteral("&File"))->addAction(QStringLiteral("&Quit"));
    window.resize(1280, 800);
    PaintProbe probe;
    window.installEventFilter(&probe);
    window.show();
    return QApplication::exec();
}

// Milliseconds from start() to "first-paint" on stdout; -1 on failure.
double timeToFirstPaint(const QString &program, const QStringList &arguments,
                        const QProcessEnvironment &environment)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::SeparateChannels);
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    while (process.waitForReadyRead(30000)) {
        if (process.readAllStandardOutput().contains("first-paint")) {
            const double ms = double(timer.nsecsElapsed()) / 1e6;
            process.waitForFinished(10000);
            return ms;
        }
    }
    std::fprintf(stderr, "%s did not paint: %s\n", qPrintable(program),
                 process.readAllStandardError().constData());
    process.kill();
    process.waitForFinished();
    return -1;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

} // namespace

int main(int argc, char *argv[])
{
    if (argc > 1 && qstrcmp(argv[1], "--bare-window") == 0)
        return bareWindow(argc, argv, false);
    if (argc > 1 && qstrcmp(argv[1], "--bare-window-menu") == 0)
        return bareWindow(argc, argv, true);

    QCoreApplication app(argc, argv);
    const int rounds = argc > 1 ? std::max(1, QByteArray(argv[1]).toInt()) : qvd::bench::pick(9, 1);
    QTemporaryDir home;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), home.path());
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    environment.insert(QStringLiteral("QVD_STARTUP_PROBE"), QStringLiteral("1"));
    if (!environment.contains(QStringLiteral("QT_QPA_PLATFORM")))
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));

    const QString gui = QStringLiteral(QVD_GUI_PATH);
    const QString self = QCoreApplication::applicationFilePath();
    // One unmeasured start of each warms the page cache.
    timeToFirstPaint(gui, {}, environment);
    timeToFirstPaint(self, {QStringLiteral("--bare-window")}, environment);

    QList<double> appTimes;
    QList<double> bareTimes;
    QList<double> menuTimes;
    for (int i = 0; i < rounds; ++i) {
        const double appMs = timeToFirstPaint(gui, {}, environment);
        const double bareMs =
            timeToFirstPaint(self, {QStringLiteral("--bare-window")}, environment);
        const double menuMs =
            timeToFirstPaint(self, {QStringLiteral("--bare-window-menu")}, environment);
        if (appMs < 0 || bareMs < 0 || menuMs < 0)
            return 1;
        appTimes.append(appMs);
        bareTimes.append(bareMs);
        menuTimes.append(menuMs);
    }
    const double appMedian = median(appTimes);
    const double bareMedian = median(bareTimes);
    const double menuMedian = median(menuTimes);
    std::printf("first paint (median of %d, %s): qwenvl-desk %.1f ms, bare QMainWindow %.1f ms, "
                "bare QMainWindow with a menu bar %.1f ms (ratio %.2f)\n",
                rounds, qPrintable(environment.value(QStringLiteral("QT_QPA_PLATFORM"))), appMedian,
                bareMedian, menuMedian, appMedian / menuMedian);
    const bool held =
        qvd::bench::report("start-up: first painted main window (ms)", appMedian, "ms",
                           "a bare QMainWindow", bareMedian, qvd::bench::Better::Lower, 1.5);
    return held ? 0 : 1;
}
