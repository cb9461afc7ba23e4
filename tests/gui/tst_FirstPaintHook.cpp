// Start-up work that waits for the window's first frame (src/app/main.cpp defers the history,
// the keychain and the window icon this way).
#include "app/FirstPaintHook.h"

#include "TestMain.h"

#include <QWidget>

using qvd::FirstPaintHook;

namespace {

// Counts the paint events a widget gets.
class PaintCounter : public QObject
{
public:
    int paints = 0;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            ++paints;
        return QObject::eventFilter(watched, event);
    }
};

} // namespace

class TestFirstPaintHook : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void runsOnceRightAfterTheFirstPaint();
    void runsForAWindowThatIsNeverPainted();
};

void TestFirstPaintHook::runsOnceRightAfterTheFirstPaint()
{
    QWidget window;
    window.resize(320, 200);
    PaintCounter counter;
    window.installEventFilter(&counter);
    int runs = 0;
    int paintsBeforeRun = -1;
    FirstPaintHook::install(&window, [&] {
        ++runs;
        paintsBeforeRun = counter.paints;
    });
    QCoreApplication::processEvents();
    QCOMPARE(runs, 0); // not shown, not painted: nothing yet

    window.show();
    QTRY_COMPARE(runs, 1);
    QCOMPARE(paintsBeforeRun, 1);
    // Later frames do not run it again.
    window.repaint();
    QCoreApplication::processEvents();
    QCOMPARE(counter.paints, 2);
    QCOMPARE(runs, 1);
    QTRY_VERIFY(window.children().isEmpty());
}

void TestFirstPaintHook::runsForAWindowThatIsNeverPainted()
{
    QWidget window; // never shown
    int runs = 0;
    FirstPaintHook::install(&window, [&] { ++runs; });
    QTRY_COMPARE_WITH_TIMEOUT(runs, 1, FirstPaintHook::kFallbackMs * 5);
    QTRY_VERIFY(window.children().isEmpty()); // the hook is gone too
}

QVD_TEST_WIDGETS_MAIN(TestFirstPaintHook)
#include "tst_FirstPaintHook.moc"
