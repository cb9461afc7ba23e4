// Journey: "Open with QwenVL Desk" on a phone photo — a JPEG stored sideways with an EXIF
// orientation. The photo arrives in the composer upright; the person asks, and the box the
// model names lands on the right pixels of the upright photo.
#include "core/conversation/ChatSession.h"
#include "core/session/DeskSession.h"
#include "ui/chat/AttachmentList.h"
#include "ui/chat/ComposerEdit.h"

#include "HttpTestServer.h"
#include "ImageFixtures.h"
#include "JourneyApp.h"
#include "JourneyReplies.h"

#include <QFile>

using namespace qvd;
using namespace qvd::test;
using namespace qvd::fixtures;

class TestJourneyCommandLinePhoto : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void exifPhotoFromTheCommandLineGetsUprightBoxes();
};

void TestJourneyCommandLinePhoto::exifPhotoFromTheCommandLineGetsUprightBoxes()
{
    QVD_REQUIRE_SECRET_SERVICE();
    HttpTestServer server;
    QVERIFY(server.listen());
    qputenv("DASHSCOPE_HTTP_BASE_URL", server.url(QStringLiteral("/api/v1")).toEncoded());
    qputenv("DASHSCOPE_API_KEY", "sk-journey-env-0123456789");
    // Stored 400×200, orientation 6 (rotate 90° clockwise to view): upright it is 200×400, and
    // the stored top-left (red) quadrant is the upright top-right.
    QTemporaryDir dir;
    const QString photo = dir.filePath(QStringLiteral("IMG_0001.jpg"));
    QFile file(photo);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(withExifOrientation(encode(quadrants({400, 200}), "JPEG"), 6));
    file.close();

    JourneyApp journey({photo});
    QVERIFY(journey.waitStarted());
    AttachmentList *attachments = journey.window().chat()->composer()->attachments();
    QTRY_COMPARE_WITH_TIMEOUT(attachments->parts().size(), 1, 15000);
    QTRY_COMPARE(journey.canvas()->image().size(), QSize(200, 400));
    QVERIFY(near(journey.canvas()->image().pixel(180, 20), kTopLeft));

    // The person types straight away: the keyboard is in the composer, not on the photo's
    // remove button (where Enter took the photo away again).
    ComposerEdit *input = journey.window().chat()->composer()->input();
    QTRY_COMPARE(QApplication::focusWidget(), input);

    // Qwen3-VL: 0–1000 of the upright image.
    server.enqueue(answer(QStringLiteral("{\"bbox_2d\": [100, 250, 500, 750], \"label\": \"x\"}")));
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Mark it"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(journey.canvas()->detections().size(), 1, 15000);
    const QList<QImage> sent = sentImages(server.requests().last());
    QCOMPARE(sent.size(), 1);
    QVERIFY2(sent.first().height() > sent.first().width(), "the photo went out sideways");
    QCOMPARE(journey.canvas()->image().size(), QSize(200, 400));
    QCOMPARE(journey.canvas()->detections().first().rect,
             QRectF(QPointF(20, 100), QPointF(100, 300)));
}

QVD_TEST_WIDGETS_MAIN(TestJourneyCommandLinePhoto)
#include "tst_JourneyCommandLinePhoto.moc"
