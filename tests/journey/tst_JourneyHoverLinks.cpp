// Journey: an answer names two things with boxes. Pointing at a row of the inspector's table
// lights its box on the image and its words in the answer; pointing at a box lights its row and
// its words. (Version one lit row and box from the text, but never the text from them.)
#include "core/conversation/ChatSession.h"
#include "core/session/DeskSession.h"
#include "ui/chat/MessageDelegate.h"
#include "ui/chat/MessageLayout.h"
#include "ui/chat/TextBody.h"
#include "ui/inspector/DetectionTable.h"
#include "ui/inspector/DetectionTableModel.h"

#include "HttpTestServer.h"
#include "JourneyApp.h"

#include <QTableView>

using namespace qvd;
using namespace qvd::test;

namespace {

const QString kAnswer = QStringLiteral(
    "Two animals:\n\n```json\n[{\"bbox_2d\": [100, 100, 300, 300], \"label\": \"cat\"},\n"
    " {\"bbox_2d\": [600, 600, 900, 900], \"label\": \"dog\"}]\n```\n");

// The answer row's picture where detection `index`'s words are: lit, or not.
QImage spanPicture(ChatView *view, int row, int index)
{
    const MessageLayout *layout = view->messageDelegate()->layout(row);
    const QList<QRectF> rects = layout->body()->detectionRects(index);
    if (rects.isEmpty())
        return {};
    const QRect rowRect = view->visualRect(view->model()->index(row, 0));
    // Its inside: the outline of a neighbour's words may come up to its edge.
    const QRect span = rects.first()
                           .translated(layout->bodyRect().topLeft() + rowRect.topLeft())
                           .toAlignedRect()
                           .adjusted(3, 3, -3, -3);
    return view->viewport()->grab(span).toImage();
}

} // namespace

class TestJourneyHoverLinks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rowAndBoxLightTheText();
};

void TestJourneyHoverLinks::rowAndBoxLightTheText()
{
    QVD_REQUIRE_SECRET_SERVICE();
    HttpTestServer server;
    QVERIFY(server.listen());
    qputenv("DASHSCOPE_HTTP_BASE_URL", server.url(QStringLiteral("/api/v1")).toEncoded());
    qputenv("DASHSCOPE_API_KEY", "sk-journey-env-0123456789");
    QTemporaryDir dir;
    const QString photo = writeImage(dir, QStringLiteral("pets.png"), QSize(1000, 1000));

    JourneyApp journey;
    journey.window().resize(1400, 900);
    QVERIFY(journey.waitStarted());
    QVERIFY(journey.dropFiles({photo}));
    QTRY_VERIFY_WITH_TIMEOUT(!journey.canvas()->image().isNull(), 15000);
    server.enqueue(answer(kAnswer));
    journey.ask(QStringLiteral("Which animals?"));
    QTRY_COMPARE_WITH_TIMEOUT(journey.canvas()->detections().size(), 2, 15000);
    QTRY_VERIFY(!journey.window().session().chat()->isBusy());
    ChatView *view = journey.window().chat()->view();
    const int answerRow = view->model()->rowCount() - 1;
    view->scrollToBottom();
    const QImage plainDog = spanPicture(view, answerRow, 1);
    QVERIFY(!plainDog.isNull());

    // The table's second row ("dog").
    DetectionTable *table = journey.window().inspector()->table();
    QTableView *rows = table->view();
    QTest::mouseMove(rows->viewport(), rows->visualRect(rows->model()->index(1, 1)).center());
    QTRY_COMPARE(journey.canvas()->hovered(), 1);
    QTRY_COMPARE(view->emphasizedDetection(), qMakePair(answerRow, 1));
    QTRY_VERIFY2(spanPicture(view, answerRow, 1) != plainDog, "the dog's words are not lit");

    // The cat's box on the image.
    QTest::mouseMove(journey.canvas()->viewport(),
                     journey.canvas()->imageToViewport({200, 200}).toPoint());
    QTRY_COMPARE(table->model()->hoveredRow(), 0);
    QTRY_COMPARE(view->emphasizedDetection(), qMakePair(answerRow, 0));
    QTRY_VERIFY(spanPicture(view, answerRow, 1) == plainDog); // the dog's no longer
}

QVD_TEST_WIDGETS_MAIN(TestJourneyHoverLinks)
#include "tst_JourneyHoverLinks.moc"
