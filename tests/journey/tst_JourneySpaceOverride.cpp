// Journey: the boxes look off, so the person reads them another way with the coordinate
// badge; opening the conversation again — later in the session, or after a restart — draws
// them the way they chose. (Version one forgot the choice with the next answer shown.)
#include "ui/conversations/ConversationListPane.h"
#include "ui/inspector/SpaceBadge.h"

#include "HttpTestServer.h"
#include "JourneyApp.h"
#include "JourneyReplies.h"

#include <QListView>

using namespace qvd;
using namespace qvd::test;

namespace {

QRectF firstBox(JourneyApp &journey)
{
    const auto detections = journey.canvas()->detections();
    return detections.isEmpty() ? QRectF() : detections.first().rect;
}

} // namespace

class TestJourneySpaceOverride : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void overrideSurvivesReopenAndRestart();
};

void TestJourneySpaceOverride::overrideSurvivesReopenAndRestart()
{
    QVD_REQUIRE_SECRET_SERVICE();
    HttpTestServer server;
    QVERIFY(server.listen());
    qputenv("DASHSCOPE_HTTP_BASE_URL", server.url(QStringLiteral("/api/v1")).toEncoded());
    qputenv("DASHSCOPE_API_KEY", "sk-journey-env-0123456789");
    QTemporaryDir dir;
    const QString photo = writeImage(dir, QStringLiteral("yard.png"), QSize(1000, 500));
    // 0–1000 for Qwen3-VL: (100,200),(300,400) is x 100–300, y 100–200 of 1000×500; read as
    // original pixels it is x 100–300, y 200–400.
    const QRectF asNorm(QPointF(100, 100), QPointF(300, 200));
    const QRectF asPixels(QPointF(100, 200), QPointF(300, 400));

    auto journey = std::make_unique<JourneyApp>();
    QVERIFY(journey->waitStarted());
    QVERIFY(journey->dropFiles({photo}));
    QTRY_COMPARE_WITH_TIMEOUT(journey->canvas()->image().size(), QSize(1000, 500), 15000);
    server.enqueue(answer(QStringLiteral("<ref>dog</ref><box>(100,200),(300,400)</box>")));
    journey->ask(QStringLiteral("Where is the dog?"));
    QTRY_COMPARE_WITH_TIMEOUT(firstBox(*journey), asNorm, 15000);

    journey->action(QStringLiteral("spaceAbsolute"))->trigger();
    QTRY_COMPARE(firstBox(*journey), asPixels);

    // Another conversation, then this one again from the list.
    journey->action(QStringLiteral("actionNewConversation"))->trigger();
    QTRY_VERIFY(journey->canvas()->image().isNull());
    auto *list = journey->window().conversationList()->findChild<QListView *>(
        QStringLiteral("conversationList"));
    QTRY_COMPARE(list->model()->rowCount(), 1);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                      list->visualRect(list->model()->index(0, 0)).center());
    QTRY_COMPARE_WITH_TIMEOUT(firstBox(*journey), asPixels, 15000);
    QVERIFY(journey->action(QStringLiteral("spaceAbsolute"))->isChecked());

    // After a restart the last conversation opens with the same reading.
    journey.reset();
    journey = std::make_unique<JourneyApp>();
    QVERIFY(journey->waitStarted());
    QTRY_COMPARE_WITH_TIMEOUT(firstBox(*journey), asPixels, 15000);
    QVERIFY(journey->action(QStringLiteral("spaceAbsolute"))->isChecked());
}

QVD_TEST_WIDGETS_MAIN(TestJourneySpaceOverride)
#include "tst_JourneySpaceOverride.moc"
