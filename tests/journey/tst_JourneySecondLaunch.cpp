// Journey: with QwenVL Desk already open, the person opens another photo with it (a file
// manager's "Open with", or the command line). No second window starts on the same history
// (whose start-up would finish the first one's pending deletions): the running window takes
// the photo into its composer, and the launch ends. (tests/checks/gui-starts.sh launches the
// real second process too.)
#include "app/SingleInstance.h"
#include "core/imaging/ImageArgument.h"
#include "ui/chat/AttachmentList.h"

#include "JourneyApp.h"

#include <QStandardPaths>

#include <atomic>
#include <thread>

using namespace qvd;
using namespace qvd::test;

class TestJourneySecondLaunch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void secondLaunchHandsItsPhotoToTheRunningWindow();
};

void TestJourneySecondLaunch::secondLaunchHandsItsPhotoToTheRunningWindow()
{
    QVD_REQUIRE_SECRET_SERVICE();
    qputenv("DASHSCOPE_API_KEY", "sk-journey-env-0123456789");
    QTemporaryDir dir;
    writeImage(dir, QStringLiteral("second.png"), QSize(320, 240));

    JourneyApp running;
    QVERIFY(!running.handedOver());
    QVERIFY(running.waitStarted());
    AttachmentList *attachments = running.window().chat()->composer()->attachments();
    QCOMPARE(attachments->attachments().size(), 0);

    // The second launch does what main() does (images read in its folder, then
    // Application::handOverToRunningInstance()), from another
    // folder (a relative path must still name the photo). It is another process in real life;
    // here a thread, since the running window answers from this thread's event loop.
    const QString before = QDir::currentPath();
    QDir::setCurrent(dir.path());
    std::atomic<int> handedOver{-1};
    const QString key = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    std::thread launch([&] {
        const QStringList images = localImagePaths({QStringLiteral("second.png")});
        handedOver = SingleInstance(key).handOver(images, 10000) ? 1 : 0;
    });
    QTRY_VERIFY_WITH_TIMEOUT(handedOver >= 0, 15000);
    launch.join();
    QDir::setCurrent(before);
    QVERIFY2(handedOver == 1, "the running window did not take the launch");
    QTRY_COMPARE_WITH_TIMEOUT(attachments->parts().size(), 1, 15000);
    QCOMPARE(attachments->attachments().first().source.name, QStringLiteral("second.png"));
}

QVD_TEST_WIDGETS_MAIN(TestJourneySecondLaunch)
#include "tst_JourneySecondLaunch.moc"
