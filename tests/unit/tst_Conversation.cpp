// Conversation, Message and Part: value semantics the storage and backends rely on.
#include "TestMain.h"

#include "core/conversation/Conversation.h"

using qvd::Conversation;
using qvd::Message;
using qvd::Part;

class TestConversation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void partFactoriesSetTheirKind();
    void partEqualityCoversEveryField();
    void messageEqualityCoversEveryField();
    void plainTextJoinsTextAndRegionPrompts();
    void conversationEquality();
};

void TestConversation::partFactoriesSetTheirKind()
{
    QCOMPARE(Part::fromText(QStringLiteral("hi")).kind, Part::Kind::Text);
    const Part image =
        Part::fromImage(QStringLiteral("data:image/png;base64,AAAA"), {}, 3136, 1003520);
    QCOMPARE(image.kind, Part::Kind::Image);
    QCOMPARE(image.minPixels, 3136);
    QCOMPARE(image.maxPixels, 1003520);
    const Part box = Part::fromRegion(QRectF(10, 20, 30, 40), QStringLiteral("<box>"), 1);
    QCOMPARE(box.kind, Part::Kind::Region);
    QVERIFY(!box.isPoint);
    QCOMPARE(box.imageIndex, 1);
    const Part point = Part::fromPoint(QPointF(5, 6), QStringLiteral("here"));
    QVERIFY(point.isPoint);
    QCOMPARE(point.point, QPointF(5, 6));
}

void TestConversation::partEqualityCoversEveryField()
{
    const Part base = Part::fromImage(QStringLiteral("https://x/a.jpg"), {}, 1, 2);
    QCOMPARE(base, Part::fromImage(QStringLiteral("https://x/a.jpg"), {}, 1, 2));
    Part other = base;
    other.maxPixels = 3;
    QVERIFY(base != other);
    other = base;
    other.transform.sentSize = QSize(28, 28);
    QVERIFY(base != other);
    other = base;
    other.imageIndex = 0;
    QVERIFY(base != other);
    QVERIFY(Part::fromRegion(QRectF(0, 0, 1, 1), QStringLiteral("a"))
            != Part::fromRegion(QRectF(0, 0, 1, 2), QStringLiteral("a")));
}

void TestConversation::messageEqualityCoversEveryField()
{
    Message a = Message::assistant(QStringLiteral("海滩。"));
    a.usage = {3613, 3, 3577};
    a.requestId = QStringLiteral("e81aa922");
    a.finishReason = QStringLiteral("stop");
    Message b = a;
    QCOMPARE(a, b);
    b.state = Message::State::Interrupted;
    QVERIFY(a != b);
    b = a;
    b.reasoning = QStringLiteral("think");
    QVERIFY(a != b);
    b = a;
    b.usage.imageTokens = 0;
    QVERIFY(a != b);
}

void TestConversation::plainTextJoinsTextAndRegionPrompts()
{
    const Message user = Message::user({Part::fromImage(QStringLiteral("https://x/a.jpg")),
                                        Part::fromText(QStringLiteral("What is ")),
                                        Part::fromRegion({}, QStringLiteral("[1, 2, 3, 4]"))});
    QCOMPARE(user.plainText(), QStringLiteral("What is [1, 2, 3, 4]"));
    QCOMPARE(Message::assistant(QStringLiteral("ok")).plainText(), QStringLiteral("ok"));
    QCOMPARE(Message::system(QStringLiteral("sys")).role, Message::Role::System);
}

void TestConversation::conversationEquality()
{
    Conversation a;
    a.id = QStringLiteral("c1");
    a.modelId = QStringLiteral("qwen-vl-plus");
    a.parameters.seed = 1234;
    a.messages = {Message::user({Part::fromText(QStringLiteral("hi"))})};
    Conversation b = a;
    QCOMPARE(a, b);
    b.parameters.stop = {QStringLiteral("你好")};
    QVERIFY(a != b);
    b = a;
    b.messages.first().parts.first().text = QStringLiteral("ho");
    QVERIFY(a != b);
}

QVD_TEST_MAIN(TestConversation)
#include "tst_Conversation.moc"
