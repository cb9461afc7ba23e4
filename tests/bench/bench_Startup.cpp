// Start-up time: from process start to the first painted main window, for the real app
// (QVD_STARTUP_PROBE=1 makes it print "first-paint" and quit, src/app/StartupProbe) against a
// bare Qt Widgets window (this program with --bare-window), and the same with a menu bar
// (--bare-window-menu), measured alternately in one run; wall time, median of the rounds
// (BenchReport.h). Goals:
//  - on an empty history, the app within 1.5x of the bare window;
//  - with a real history (1,000 conversations, 20,000 messages, the last one reopened), the
//    app's first frame within 1.3x of the bare window with a menu bar;
//  - with that history, the conversation list painted with every conversation
//    (QVD_STARTUP_PROBE=list) within 3x of the bare window with a menu bar (most of the time
//    after the first frame is SQLite's check of the whole file as the history opens).
// Exits non-zero when a goal is missed or the list is painted with the wrong number of rows.
//   build/bin/bench_Startup [rounds]   (15, the starts shuffled in each; QVD_BENCH_QUICK=1:
//                                       1 round, 50 conversations; offscreen unless
//                                       QT_QPA_PLATFORM is set)
#include "BenchReport.h"
#include "HistoryFixture.h"

#include "core/settings/Settings.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QMainWindow>
#include <QMenuBar>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <random>

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

const int kConversations = qvd::bench::pick(1000, 50);
const int kMessagesEach = qvd::bench::pick(20, 4);

// Milliseconds from start() to `line` on stdout; -1 on failure. `said` gets the line.
double timeToLine(const QString &program, const QStringList &arguments,
                  const QProcessEnvironment &environment, const QByteArray &line,
                  QByteArray *said = nullptr)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::SeparateChannels);
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    QByteArray out;
    while (process.waitForReadyRead(30000)) {
        out += process.readAllStandardOutput();
        const qsizetype at = out.indexOf(line);
        if (at >= 0 && out.indexOf('\n', at) >= 0) {
            const double ms = double(timer.nsecsElapsed()) / 1e6;
            if (said)
                *said = out.mid(at, out.indexOf('\n', at) - at);
            process.waitForFinished(10000);
            return ms;
        }
    }
    std::fprintf(stderr, "%s did not say %s: %s\n", qPrintable(program), line.constData(),
                 process.readAllStandardError().constData());
    process.kill();
    process.waitForFinished();
    return -1;
}

double timeToFirstPaint(const QString &program, const QStringList &arguments,
                        const QProcessEnvironment &environment)
{
    return timeToLine(program, arguments, environment, "first-paint");
}

// A HOME under `home` for the app: its own settings and data folders.
QProcessEnvironment homeAt(QProcessEnvironment environment, const QString &home)
{
    environment.insert(QStringLiteral("HOME"), home);
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
    return environment;
}

// The history a long-time user has, where the app looks for it (src/app/Application.cpp,
// Settings), the last conversation set to be reopened; false on failure.
bool writeRealHistory(const QString &home)
{
    const QString data = home + QStringLiteral("/data/qwenvl-desk");
    if (!QDir().mkpath(data))
        return false;
    const qvd::test::WrittenHistory written = qvd::test::writeHistory(
        data + QStringLiteral("/history.sqlite"), kConversations, kMessagesEach);
    if (!written.error.isEmpty()) {
        std::fprintf(stderr, "cannot write the history: %s\n", qPrintable(written.error));
        return false;
    }
    qvd::Settings settings(home + QStringLiteral("/config/qwenvl-desk/qwenvl-desk.ini"));
    settings.setLastConversation(written.newestFirst.value(3));
    settings.sync();
    return true;
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
    const int rounds =
        argc > 1 ? std::max(1, QByteArray(argv[1]).toInt()) : qvd::bench::pick(15, 1);
    QTemporaryDir home;
    QTemporaryDir longUse;
    QProcessEnvironment base = QProcessEnvironment::systemEnvironment();
    base.insert(QStringLiteral("QVD_STARTUP_PROBE"), QStringLiteral("1"));
    if (!base.contains(QStringLiteral("QT_QPA_PLATFORM")))
        base.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    const QProcessEnvironment environment = homeAt(base, home.path());
    const QProcessEnvironment withHistory = homeAt(base, longUse.path());
    QProcessEnvironment listProbe = withHistory;
    listProbe.insert(QStringLiteral("QVD_STARTUP_PROBE"), QStringLiteral("list"));
    QElapsedTimer writing;
    writing.start();
    if (!writeRealHistory(longUse.path()))
        return 1;
    std::printf("history of %d conversations, %d messages written in %.1f s\n", kConversations,
                kConversations * kMessagesEach, double(writing.elapsed()) / 1000);

    const QString gui = QStringLiteral(QVD_GUI_PATH);
    const QString self = QCoreApplication::applicationFilePath();
    // One unmeasured start of each warms the page cache.
    timeToFirstPaint(gui, {}, environment);
    timeToFirstPaint(gui, {}, withHistory);
    timeToFirstPaint(self, {QStringLiteral("--bare-window")}, environment);

    QList<double> appTimes;
    QList<double> historyTimes;
    QList<double> listTimes;
    QList<double> bareTimes;
    QList<double> menuTimes;
    const QByteArray rows = "list-painted " + QByteArray::number(kConversations);
    QByteArray listed;
    struct Start
    {
        QList<double> *times;
        std::function<double()> run;
    };
    const QList<Start> starts = {
        {&appTimes,
         [&] {
             return timeToFirstPaint(gui, {}, environment);
         }},
        {&bareTimes,
         [&] {
             return timeToFirstPaint(self, {QStringLiteral("--bare-window")}, environment);
         }},
        {&historyTimes,
         [&] {
             return timeToFirstPaint(gui, {}, withHistory);
         }},
        {&menuTimes,
         [&] {
             return timeToFirstPaint(self, {QStringLiteral("--bare-window-menu")}, environment);
         }},
        {&listTimes,
         [&] {
             return timeToLine(gui, {}, listProbe, "list-painted", &listed);
         }},
    };
    // A start is slower right after another (the machine is still busy with its exit): the
    // starts are shuffled in every round, so each follows every other in turn, and each waits
    // for the last one's exit to settle.
    QList<int> order = {0, 1, 2, 3, 4};
    std::mt19937 shuffler(20260301);
    for (int i = 0; i < rounds; ++i) {
        std::shuffle(order.begin(), order.end(), shuffler);
        for (const int k : order) {
            QThread::msleep(150);
            const double ms = starts.at(k).run();
            if (ms < 0)
                return 1;
            starts.at(k).times->append(ms);
        }
        if (listed != rows) {
            std::fprintf(stderr, "the list was painted as \"%s\", not \"%s\"\n", listed.constData(),
                         rows.constData());
            return 1;
        }
    }
    const double appMedian = median(appTimes);
    const double historyMedian = median(historyTimes);
    const double listMedian = median(listTimes);
    const double bareMedian = median(bareTimes);
    const double menuMedian = median(menuTimes);
    std::printf("first paint (median of %d, %s): qwenvl-desk %.1f ms, with a real history %.1f ms "
                "(its list painted at %.1f ms), bare QMainWindow %.1f ms, bare QMainWindow with a "
                "menu bar %.1f ms\n",
                rounds, qPrintable(environment.value(QStringLiteral("QT_QPA_PLATFORM"))), appMedian,
                historyMedian, listMedian, bareMedian, menuMedian);
    using qvd::bench::Better;
    bool held = qvd::bench::report("start-up: first painted main window (ms)", appMedian, "ms",
                                   "a bare QMainWindow", bareMedian, Better::Lower, 1.5);
    held &= qvd::bench::report("start-up, 1,000 conversations, 20,000 messages: first frame (ms)",
                               historyMedian, "ms", "a bare QMainWindow with a menu bar",
                               menuMedian, Better::Lower, 1.3);
    held &= qvd::bench::report("start-up, 1,000 conversations, 20,000 messages: list painted (ms)",
                               listMedian, "ms", "a bare QMainWindow with a menu bar", menuMedian,
                               Better::Lower, 3.0);
    return held ? 0 : 1;
}
