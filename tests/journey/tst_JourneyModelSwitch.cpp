// Journey: the person switches the model in the composer's picker; the status bar names it, a
// region drawn afterwards is written in its syntax and space, the request asks it, and the
// answer's coordinate badge reads its boxes its way. (Version one kept the old model in the
// status bar and wrote regions for the model the inspector was last told about.)
#include "ui/chat/AttachmentStrip.h"
#include "ui/chat/RegionChip.h"
#include "ui/inspector/SpaceBadge.h"

#include "HttpTestServer.h"
#include "JourneyApp.h"
#include "JourneyReplies.h"

using namespace qvd;
using namespace qvd::test;

class TestJourneyModelSwitch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everythingFollowsThePicker();
};

void TestJourneyModelSwitch::everythingFollowsThePicker()
{
    QVD_REQUIRE_SECRET_SERVICE();
    HttpTestServer server;
    QVERIFY(server.listen());
    qputenv("DASHSCOPE_HTTP_BASE_URL", server.url(QStringLiteral("/api/v1")).toEncoded());
    qputenv("DASHSCOPE_API_KEY", "sk-journey-env-0123456789");
    QTemporaryDir dir;
    const QString photo = writeImage(dir, QStringLiteral("desk.png"), QSize(800, 600));

    JourneyApp journey;
    QVERIFY(journey.waitStarted());
    QTRY_VERIFY2(journey.statusText().contains(QStringLiteral("qwen3-vl-plus")),
                 qPrintable(journey.statusText()));
    const QString qwen25 = QStringLiteral("qwen2.5-vl-72b-instruct");
    journey.chooseModel(qwen25);
    QTRY_VERIFY2(journey.statusText().contains(qwen25), qPrintable(journey.statusText()));

    QVERIFY(journey.dropFiles({photo}));
    QTRY_COMPARE_WITH_TIMEOUT(journey.canvas()->image().size(), QSize(800, 600), 15000);
    journey.dragRegion({200, 150}, {600, 450});
    AttachmentStrip *strip = journey.window().chat()->composer()->strip();
    QTRY_COMPARE(strip->chips().size(), 1);

    server.enqueue(answer(QStringLiteral("Nothing special.")));
    journey.ask(QStringLiteral("What is in the box?"));
    QTRY_COMPARE_WITH_TIMEOUT(journey.lastShownText(), QStringLiteral("Nothing special."), 15000);
    const RecordedRequest request = server.requests().last();
    QCOMPARE(sentModel(request), qwen25);
    const QList<QImage> images = sentImages(request);
    QCOMPARE(images.size(), 1);
    // Qwen2.5-VL counts pixels of the image as it received it.
    const QSize sent = images.first().size();
    const QList<int> region{qRound(200.0 * sent.width() / 800), qRound(150.0 * sent.height() / 600),
                            qRound(600.0 * sent.width() / 800),
                            qRound(450.0 * sent.height() / 600)};
    // The bare list form, not Qwen3-VL's JSON.
    QVERIFY2(!sentText(request).contains(QStringLiteral("bbox_2d"))
                 && near(firstBox(sentText(request)), region),
             qPrintable(sentText(request)));

    // An answer with a box in its pixels: the badge reads it as pixels of the sent size.
    server.enqueue(answer(QStringLiteral("{\"bbox_2d\": [%1, %2, %3, %4], \"label\": \"mug\"}")
                              .arg(region[0])
                              .arg(region[1])
                              .arg(region[2])
                              .arg(region[3])));
    journey.ask(QStringLiteral("Outline it"));
    QTRY_VERIFY_WITH_TIMEOUT(journey.lastShownText().contains(QStringLiteral("mug")), 15000);
    SpaceBadge *badge = journey.window().inspector()->spaceBadge();
    const QString pixels = QStringLiteral("%1×%2").arg(sent.width()).arg(sent.height());
    QTRY_VERIFY2(badge->toolTip().contains(pixels), qPrintable(badge->toolTip()));
    QCOMPARE(journey.canvas()->detections().size(), 1);
    const QRectF box = journey.canvas()->detections().first().rect;
    QVERIFY2(qAbs(box.left() - 200) <= 2 && qAbs(box.bottom() - 450) <= 2,
             qPrintable(QStringLiteral("%1,%2 %3x%4")
                            .arg(box.x())
                            .arg(box.y())
                            .arg(box.width())
                            .arg(box.height())));

    // And back to Qwen3-VL: a new region is written 0–1000 in JSON.
    journey.chooseModel(QStringLiteral("qwen3-vl-plus"));
    QTRY_VERIFY(journey.statusText().contains(QStringLiteral("qwen3-vl-plus")));
    journey.dragRegion({200, 150}, {600, 450});
    QTRY_COMPARE(strip->chips().size(), 1);
    const QString chip = strip->chips().first()->promptText();
    QVERIFY2(chip.contains(QStringLiteral("bbox_2d")) && near(firstBox(chip), {250, 250, 750, 750}),
             qPrintable(chip));
    server.enqueue(answer(QStringLiteral("Still a mug.")));
    journey.ask(QStringLiteral("And now?"));
    QTRY_COMPARE_WITH_TIMEOUT(journey.lastShownText(), QStringLiteral("Still a mug."), 15000);
    QCOMPARE(sentModel(server.requests().last()), QStringLiteral("qwen3-vl-plus"));
    QVERIFY(near(firstBox(sentText(server.requests().last())), {250, 250, 750, 750}));
}

QVD_TEST_WIDGETS_MAIN(TestJourneyModelSwitch)
#include "tst_JourneyModelSwitch.moc"
