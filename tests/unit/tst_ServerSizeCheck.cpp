// Check, don't trust: the size the server gave the model, from the image tokens of its reply.
// Every expected size below is worked out by hand with smart_resize (qwen-vl-utils, round half
// to even) in the comment next to it.
#include "core/conversation/ServerSizes.h"
#include "core/imaging/ServerSizeCheck.h"
#include "core/storage/StorageCodec.h"

#include "TestMain.h"

using qvd::ImageTransform;
using qvd::ResizeBudget;
using qvd::SizeCheck;

namespace {

// An image the client resized to `sent` with `factor` and `budget`.
ImageTransform sentAs(QSize original, QSize sent, int factor, qint64 minPixels, qint64 maxPixels)
{
    ImageTransform t;
    t.storedSize = original;
    t.originalSize = original;
    t.sentSize = sent;
    t.budget = ResizeBudget{factor, minPixels, maxPixels};
    return t;
}

// A 1200×1600 photo for a 28-px Qwen2.5-VL model (4..1280 tokens): β = √(1600·1200/1003520)
// = 1.38321, ⌊1600/β/28⌋ = 41 → 1148, ⌊1200/β/28⌋ = 30 → 840; sent 840×1148 = 30×41 = 1230
// patches.
ImageTransform photo28()
{
    return sentAs({1200, 1600}, {840, 1148}, 28, 3136, 1003520);
}

// A 1000×750 photo for a 32-px model (4..1280 tokens): inside the budget, plain rounding gives
// round(750/32) = 23 → 736 and round(1000/32) = 31 → 992; 31×23 = 713 patches.
ImageTransform photo32()
{
    return sentAs({1000, 750}, {992, 736}, 32, 4096, 1310720);
}

} // namespace

class TestServerSizeCheck : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void agreeingCountConfirms();
    void countWithVisionMarkersConfirms();
    void otherPatchSize();
    void smallerBudget();
    void smallerBudgetAndOtherPatchSize();
    void nothingFitsStaysUnknown();
    void noCountOrAnImageByUrlStaysUnknown();
    void severalImagesShareThePolicy();
    void findingIsStoredWithTheQuestionsImages();
    void findingSurvivesTheStoredJson();
};

void TestServerSizeCheck::agreeingCountConfirms()
{
    const auto checked = qvd::checkServerSizes({photo28()}, 1230);
    QCOMPARE(checked.size(), 1);
    QCOMPARE(checked[0].sizeCheck, SizeCheck::Confirmed);
    QCOMPARE(checked[0].serverSize, QSize(840, 1148));
    QCOMPARE(checked[0].serverFactor, 28);
    QCOMPARE(checked[0].modelInputSize(), QSize(840, 1148));
}

void TestServerSizeCheck::countWithVisionMarkersConfirms()
{
    // docs/grounding.md §2: image_tokens = patches + 2 in some replies.
    QCOMPARE(qvd::checkServerSizes({photo28()}, 1232)[0].sizeCheck, SizeCheck::Confirmed);
}

void TestServerSizeCheck::otherPatchSize()
{
    // The server re-snaps 840×1148 to 32-px multiples: round(840/32) = 26 → 832,
    // round(1148/32) = 36 → 1152; 26×36 = 936.
    const auto checked = qvd::checkServerSizes({photo28()}, 936);
    QCOMPARE(checked[0].sizeCheck, SizeCheck::Corrected);
    QCOMPARE(checked[0].serverSize, QSize(832, 1152));
    QCOMPARE(checked[0].serverFactor, 32);
    QCOMPARE(checked[0].modelInputSize(), QSize(832, 1152));
    QCOMPARE(checked[0].sentSize, QSize(840, 1148)); // what was sent stays as it was
}

void TestServerSizeCheck::smallerBudget()
{
    // The server's own max_pixels of 600·28² = 470400: β = √(1148·840/470400) = 1.43178,
    // ⌊1148/β/28⌋ = 28 → 784, ⌊840/β/28⌋ = 20 → 560; 20×28 = 560.
    const auto checked = qvd::checkServerSizes({photo28()}, 560);
    QCOMPARE(checked[0].sizeCheck, SizeCheck::Corrected);
    QCOMPARE(checked[0].serverSize, QSize(560, 784));
    QCOMPARE(checked[0].serverFactor, 28);
}

void TestServerSizeCheck::smallerBudgetAndOtherPatchSize()
{
    // The client sent 992×736 for 32 px; the server used 28 px and 800 tokens (627200 px):
    // β = √(736·992/627200) = 1.07892, ⌊736/β/28⌋ = 24 → 672, ⌊992/β/28⌋ = 32 → 896; 32×24 =
    // 768, which no size at 32 px gives: plain rounding keeps 31×23 = 713, smaller budgets give
    // 30×22 = 660, 29×22 = 638, 29×21 = 609, … (never 768 or 766), and plain rounding at 28 px
    // gives round(992/28) = 35 by round(736/28) = 26 = 910.
    const auto checked = qvd::checkServerSizes({photo32()}, 768);
    QCOMPARE(checked[0].sizeCheck, SizeCheck::Corrected);
    QCOMPARE(checked[0].serverSize, QSize(896, 672));
    QCOMPARE(checked[0].serverFactor, 28);
}

void TestServerSizeCheck::nothingFitsStaysUnknown()
{
    // More patches than the sent image has at either patch size: no smaller budget explains it.
    const auto checked = qvd::checkServerSizes({photo28()}, 5000);
    QCOMPARE(checked[0].sizeCheck, SizeCheck::Unknown);
    QVERIFY(checked[0].serverSize.isEmpty());
    QCOMPARE(checked[0].modelInputSize(), QSize(840, 1148));
}

void TestServerSizeCheck::noCountOrAnImageByUrlStaysUnknown()
{
    QCOMPARE(qvd::checkServerSizes({photo28()}, 0)[0].sizeCheck, SizeCheck::Unknown);
    // An image given by URL: its tokens are in the count, its size is not known here.
    const auto checked = qvd::checkServerSizes({ImageTransform(), photo28()}, 1230 + 500);
    QCOMPARE(checked[1].sizeCheck, SizeCheck::Unknown);
    QCOMPARE(checked[0].sizeCheck, SizeCheck::Unknown);
}

void TestServerSizeCheck::severalImagesShareThePolicy()
{
    // Two images at the 470400-px budget: the photo → 560×784 (560 patches, above), and a small
    // 560×420 image sent as is (under the budget: 20×15 = 300 patches, kept).
    const ImageTransform small = sentAs({560, 420}, {560, 420}, 28, 3136, 1003520);
    const auto checked = qvd::checkServerSizes({small, photo28()}, 560 + 300);
    QCOMPARE(checked[0].sizeCheck, SizeCheck::Confirmed);
    QCOMPARE(checked[0].serverSize, QSize(560, 420));
    QCOMPARE(checked[1].sizeCheck, SizeCheck::Corrected);
    QCOMPARE(checked[1].serverSize, QSize(560, 784));
}

void TestServerSizeCheck::findingIsStoredWithTheQuestionsImages()
{
    qvd::Conversation conversation;
    conversation.messages.append(qvd::Message::user(
        {qvd::Part::fromImage(QStringLiteral("data:image/png;base64,AA=="), photo28()),
         qvd::Part::fromText(QStringLiteral("框出狗"))}));
    qvd::Message answer = qvd::Message::assistant(QStringLiteral("[504, 252, 1008, 504]"));
    answer.usage.imageTokens = 936;
    conversation.messages.append(answer);
    QCOMPARE(qvd::recordServerSizes(conversation, 1), 0);
    const ImageTransform stored = conversation.messages[0].parts[0].transform;
    QCOMPARE(stored.sizeCheck, SizeCheck::Corrected);
    QCOMPARE(stored.serverSize, QSize(832, 1152));
    // Asked again with the same count: nothing changes.
    QCOMPARE(qvd::recordServerSizes(conversation, 1), -1);
    // A reply without a count leaves the question alone.
    conversation.messages[1].usage.imageTokens = 0;
    conversation.messages[0].parts[0].transform = photo28();
    QCOMPARE(qvd::recordServerSizes(conversation, 1), -1);
    QCOMPARE(conversation.messages[0].parts[0].transform.sizeCheck, SizeCheck::Unknown);
}

void TestServerSizeCheck::findingSurvivesTheStoredJson()
{
    ImageTransform corrected = qvd::checkServerSizes({photo28()}, 560)[0];
    const QJsonObject json = qvd::storage::transformToJson(corrected);
    QCOMPARE(json.value(QLatin1String("size_check")).toString(), QStringLiteral("corrected"));
    QCOMPARE(qvd::storage::transformFromJson(json), corrected);
    // Rows written before the check existed read back as unknown.
    const ImageTransform plain = photo28();
    QJsonObject old = qvd::storage::transformToJson(plain);
    QVERIFY(!old.contains(QLatin1String("size_check")));
    QCOMPARE(qvd::storage::transformFromJson(old), plain);
}

QVD_TEST_MAIN(TestServerSizeCheck)
#include "tst_ServerSizeCheck.moc"
