// Journey: the person searches the conversation list, then goes on asking in the open
// conversation; when the answer arrives and is saved, the list is still filtered. (Version one
// showed every conversation again after each saved answer.)
#include "core/conversation/ChatSession.h"
#include "core/session/DeskSession.h"
#include "ui/conversations/ConversationListPane.h"

#include "HttpTestServer.h"
#include "JourneyApp.h"

#include <QLineEdit>

using namespace qvd;
using namespace qvd::test;

class TestJourneySearchFilter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void filterStaysWhenAnAnswerArrives();
};

void TestJourneySearchFilter::filterStaysWhenAnAnswerArrives()
{
    QVD_REQUIRE_SECRET_SERVICE();
    HttpTestServer server;
    QVERIFY(server.listen());
    qputenv("DASHSCOPE_HTTP_BASE_URL", server.url(QStringLiteral("/api/v1")).toEncoded());
    qputenv("DASHSCOPE_API_KEY", "sk-journey-env-0123456789");

    JourneyApp journey;
    QVERIFY(journey.waitStarted());
    ConversationListPane *list = journey.window().conversationList();
    server.enqueue(answer(QStringLiteral("Cats purr.")));
    journey.ask(QStringLiteral("Tell me about cats"));
    QTRY_COMPARE_WITH_TIMEOUT(journey.lastShownText(), QStringLiteral("Cats purr."), 15000);
    const QString cats = list->entryIds().value(0);
    journey.action(QStringLiteral("actionNewConversation"))->trigger();
    server.enqueue(answer(QStringLiteral("Dogs bark.")));
    journey.ask(QStringLiteral("Tell me about dogs"));
    QTRY_COMPARE_WITH_TIMEOUT(journey.lastShownText(), QStringLiteral("Dogs bark."), 15000);
    QTRY_COMPARE(list->entryCount(), 2);

    QLineEdit *search = list->searchField();
    QTest::mouseClick(search, Qt::LeftButton);
    QTest::keyClicks(search, QStringLiteral("cats"));
    QTRY_COMPARE(list->entryIds(), QStringList{cats});

    server.enqueue(answer(QStringLiteral("They wag their tails.")));
    journey.ask(QStringLiteral("What else?"));
    QTRY_COMPARE_WITH_TIMEOUT(journey.lastShownText(), QStringLiteral("They wag their tails."),
                              15000);
    // The answer is saved (and the list read again) as it ends.
    QTRY_VERIFY(!journey.window().session().chat()->isBusy());
    QCOMPARE(search->text(), QStringLiteral("cats"));
    QCOMPARE(list->entryIds(), QStringList{cats});
}

QVD_TEST_WIDGETS_MAIN(TestJourneySearchFilter)
#include "tst_JourneySearchFilter.moc"
