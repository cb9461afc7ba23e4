// Journey: the person drops a photo, and before asking anything marks the part to ask about.
// The photo opens in the inspector at once; the region drawn there goes out with the first
// question, written for the model, and the sent message shows it on its thumbnail. (Version
// one showed "No image selected" until the photo had been sent once.)
#include "core/conversation/ChatSession.h"
#include "core/session/DeskSession.h"
#include "ui/chat/AttachmentStrip.h"
#include "ui/chat/MessageDelegate.h"
#include "ui/chat/MessageLayout.h"

#include "HttpTestServer.h"
#include "JourneyApp.h"
#include "JourneyReplies.h"

using namespace qvd;
using namespace qvd::test;

class TestJourneyDropRegion : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void regionOnADroppedPhotoGoesWithTheFirstQuestion();
};

void TestJourneyDropRegion::regionOnADroppedPhotoGoesWithTheFirstQuestion()
{
    QVD_REQUIRE_SECRET_SERVICE();
    HttpTestServer server;
    QVERIFY(server.listen());
    qputenv("DASHSCOPE_HTTP_BASE_URL", server.url(QStringLiteral("/api/v1")).toEncoded());
    qputenv("DASHSCOPE_API_KEY", "sk-journey-env-0123456789");
    QTemporaryDir dir;
    const QString photo = writeImage(dir, QStringLiteral("shelf.png"), QSize(800, 600));

    JourneyApp journey;
    journey.window().resize(1400, 900);
    QVERIFY(journey.waitStarted());
    QVERIFY(journey.dropFiles({photo}));
    QTRY_COMPARE_WITH_TIMEOUT(journey.canvas()->image().size(), QSize(800, 600), 15000);
    journey.dragRegion({200, 150}, {600, 450});
    QTRY_COMPARE(journey.window().chat()->composer()->strip()->chips().size(), 1);

    server.enqueue(answer(QStringLiteral("A row of books.")));
    journey.ask(QStringLiteral("What is in the box?"));
    QTRY_COMPARE_WITH_TIMEOUT(journey.lastShownText(), QStringLiteral("A row of books."), 15000);
    QCOMPARE(server.requests().size(), 1);
    const RecordedRequest request = server.requests().first();
    QCOMPARE(sentImages(request).size(), 1);
    // Qwen3-VL (the default model): 0–1000 of the image.
    const QString text = sentText(request);
    QVERIFY2(text.contains(QStringLiteral("bbox_2d")) && near(firstBox(text), {250, 250, 750, 750}),
             qPrintable(text));

    // The question's thumbnail shows the region: a quarter in from each side.
    ChatView *view = journey.window().chat()->view();
    const MessageLayout *question = view->messageDelegate()->layout(0);
    const QRect thumbnail = question->imageRect(0);
    QCOMPARE(question->imageRegions(0).size(), 1);
    const QRectF region = question->imageRegions(0).first();
    QVERIFY(qAbs(region.left() - (thumbnail.left() + thumbnail.width() * 0.25)) <= 1);
    QVERIFY(qAbs(region.bottom() - (thumbnail.top() + thumbnail.height() * 0.75)) <= 1);
    view->scrollToTop();
    const QPoint rowTop = view->visualRect(view->model()->index(0, 0)).topLeft();
    const QImage shown = view->viewport()->grab().toImage();
    const QColor mark = view->palette().color(QPalette::Highlight);
    // Its outline, in the highlight colour, on the thumbnail's left edge of the region.
    const QPoint onEdge = (region.topLeft() + rowTop).toPoint() + QPoint(0, 10);
    const QColor edge = shown.pixelColor(onEdge);
    const int distance = qAbs(edge.red() - mark.red()) + qAbs(edge.green() - mark.green())
        + qAbs(edge.blue() - mark.blue());
    QVERIFY2(distance <= 90, qPrintable(edge.name() + u" is not " + mark.name()));
}

QVD_TEST_WIDGETS_MAIN(TestJourneyDropRegion)
#include "tst_JourneyDropRegion.moc"
