// Conversation, Message and Part: value semantics the storage and backends rely on.
#include "ImageFixtures.h"
#include "TestMain.h"

#include "core/conversation/Conversation.h"

#include <QCryptographicHash>

using qvd::Conversation;
using qvd::ImageUrl;
using qvd::Message;
using qvd::Part;

class TestConversation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void partFactoriesSetTheirKind();
    void partEqualityCoversEveryField();
    void preparedImagePartHoldsTheEncodedBytes();
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
    QVERIFY(image.imageUrl.isData());
    QCOMPARE(image.imageUrl.data(), QByteArray(3, '\0'));
    QCOMPARE(image.imageUrl.toString(), QStringLiteral("data:image/png;base64,AAAA"));
    const Part remote = Part::fromImage(QStringLiteral("https://x/a.jpg"));
    QVERIFY(!remote.imageUrl.isData());
    QCOMPARE(remote.imageUrl.toString(), QStringLiteral("https://x/a.jpg"));
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
    other = base;
    other.imageUrl = ImageUrl::fromString(QStringLiteral("https://x/b.jpg"));
    QVERIFY(base != other);
    const Part data = Part::fromImage(QStringLiteral("data:image/png;base64,AAAA"));
    QCOMPARE(data, Part::fromImage(QStringLiteral("data:image/png;base64,AAAA")));
    QVERIFY(data != Part::fromImage(QStringLiteral("data:image/png;base64,AAAB")));
    QVERIFY(data != Part::fromImage(QStringLiteral("data:image/jpeg;base64,AAAA")));
    QVERIFY(Part::fromRegion(QRectF(0, 0, 1, 1), QStringLiteral("a"))
            != Part::fromRegion(QRectF(0, 0, 1, 2), QStringLiteral("a")));
}

// The part keeps the encoded bytes (shared with the prepared image), not a data: URI string;
// the URI is built when a request is written.
void TestConversation::preparedImagePartHoldsTheEncodedBytes()
{
    const qvd::PrepareResult prepared = qvd::fixtures::preparedPhoto();
    QVERIFY(prepared.ok());

    const Part part = Part::fromPrepared(prepared.image);
    QCOMPARE(part.kind, Part::Kind::Image);
    QVERIFY(part.imageUrl.isData());
    QVERIFY(part.imageUrl.data().isSharedWith(prepared.image.encoded));
    QCOMPARE(part.imageUrl.mimeType(), QStringLiteral("image/jpeg"));
    QCOMPARE(part.imageUrl.toString(), prepared.image.dataUri());
    QCOMPARE(part.imageHash,
             QString::fromLatin1(
                 QCryptographicHash::hash(prepared.image.sourceBytes, QCryptographicHash::Sha256)
                     .toHex()));
    QCOMPARE(part.transform, prepared.image.transform);
    QCOMPARE(part.minPixels, prepared.image.minPixels);
    QCOMPARE(part.maxPixels, prepared.image.maxPixels);
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
