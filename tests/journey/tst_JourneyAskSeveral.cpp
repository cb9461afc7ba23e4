// Journey: which of two models finds the objects in a photo? The person drops it, presses "Ask
// Several…", keeps Qwen3-VL Plus and picks Qwen2.5-VL 72B, and asks once. Both answers stream
// at once from a server that answers each model differently; they sit side by side, each with
// its boxes (Qwen2.5-VL's absolute pixels read on the image as its own server resized it), and
// one table pairs the boxes both found and lists those only one of them found. The inspector's
// Compare tab shows the same pairing; after a restart both answers are still there.
#include "core/conversation/ChatSession.h"
#include "ui/chat/AskSeveralDialog.h"
#include "ui/compare/PairTableModel.h"
#include "ui/compare/SideBySideWindow.h"
#include "ui/inspector/ComparePanel.h"

#include "HttpTestServer.h"
#include "JourneyApp.h"
#include "JourneyLayers.h"
#include "JourneyReplies.h"

#include <QPushButton>

using namespace qvd;
using namespace qvd::test;

namespace {

const QString kModelA = QStringLiteral("qwen3-vl-plus");
const QString kModelB = QStringLiteral("qwen2.5-vl-72b-instruct");

// Qwen3-VL, 0–1000 of 1000×500: a dog at x 100–300, y 100–300 and a cat at x 600–900,
// y 100–400.
const char kAnswerA[] = R"([{"bbox_2d": [100, 200, 300, 600], "label": "dog"},
 {"bbox_2d": [600, 200, 900, 800], "label": "cat"}])";
// Qwen2.5-VL, pixels of the image as its server resized it. The image was prepared for
// Qwen3-VL (patch 32): 992×512 sent; Qwen2.5-VL (patch 28) sees that as 980×504. So x × 1000/980
// and y × 500/504: the dog at x 100–300, y ≈100–300 again, and a person at x 500–600,
// y ≈ 50–150 that Qwen3-VL did not see.
const char kAnswerB[] = R"(```json
[{"bbox_2d": [98, 101, 294, 302], "label": "dog"},
 {"bbox_2d": [490, 51, 588, 151], "label": "person"}]
```)";

QRectF boxOf(const QList<MappedDetection> &detections, const QString &label)
{
    for (const MappedDetection &d : detections) {
        if (d.label == label)
            return d.rect;
    }
    return {};
}

} // namespace

class TestJourneyAskSeveral : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void twoModelsAnswerSideBySideWithOnePairTable();
};

void TestJourneyAskSeveral::twoModelsAnswerSideBySideWithOnePairTable()
{
    QVD_REQUIRE_SECRET_SERVICE();
    HttpTestServer server;
    QVERIFY(server.listen());
    qputenv("DASHSCOPE_HTTP_BASE_URL", server.url(QStringLiteral("/api/v1")).toEncoded());
    qputenv("DASHSCOPE_API_KEY", "sk-journey-env-0123456789");
    // Each model its own answer, whichever request comes first; the server says how many
    // image tokens it saw (992×512 at 32 px a token for A, 980×504 at 28 px for B, +2 each).
    server.setResponder([](const RecordedRequest &request) -> std::optional<Reply> {
        const QString model = sentModel(request);
        if (model == kModelA)
            return answerWithTokens(QString::fromUtf8(kAnswerA), 992 * 512 / 1024 + 2);
        if (model == kModelB)
            return answerWithTokens(QString::fromUtf8(kAnswerB), 980 * 504 / 784 + 2);
        return std::nullopt;
    });
    QTemporaryDir dir;
    const QString photo = writeImage(dir, QStringLiteral("street.png"), QSize(1000, 500));

    auto journey = std::make_unique<JourneyApp>();
    journey->window().resize(1500, 950);
    QVERIFY(journey->waitStarted());
    QVERIFY(journey->dropFiles({photo}));
    QTRY_COMPARE_WITH_TIMEOUT(journey->canvas()->image().size(), QSize(1000, 500), 15000);
    ComposerEdit *input = journey->window().chat()->composer()->input();
    QTest::mouseClick(input->viewport(), Qt::LeftButton, {}, QPoint(10, 10));
    QTest::keyClicks(input, QStringLiteral("Find every object."));

    QPushButton *several = journey->window().chat()->composer()->askSeveralButton();
    QTRY_VERIFY(several->isEnabled());
    QTest::mouseClick(several, Qt::LeftButton);
    auto *dialog = journey->waitForWindow<AskSeveralDialog>();
    QVERIFY(dialog);
    QCOMPARE(dialog->rowCount(), 2);
    QCOMPARE(dialog->modelBox(0)->currentText(), kModelA); // the current model first
    dialog->modelBox(1)->setCurrentText(kModelB);
    QTest::mouseClick(dialog->askButton(), Qt::LeftButton);

    // Both requests went out, one per model, with the same question and image.
    QTRY_COMPARE_WITH_TIMEOUT(server.requests().size(), 2, 15000);
    QStringList models{sentModel(server.requests()[0]), sentModel(server.requests()[1])};
    models.sort();
    QCOMPARE(models, (QStringList{kModelB, kModelA}));
    for (const RecordedRequest &request : server.requests()) {
        QCOMPARE(sentText(request), QStringLiteral("Find every object."));
        QCOMPARE(sentImages(request).value(0).size(), QSize(992, 512));
    }
    // The question and both answers in the chat, and the draft spent.
    QTRY_COMPARE_WITH_TIMEOUT(journey->shownMessageCount(), 3, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(!journey->window().session().chat()->isBusy(), 15000);
    QCOMPARE(input->toPlainText(), QString());

    // Side by side: a column per answer with its text and its boxes.
    auto *side = journey->waitForWindow<SideBySideWindow>();
    QVERIFY2(side, "the answers did not open side by side");
    QCOMPARE(side->columnCount(), 2);
    QTRY_COMPARE(side->columnText(0), QString::fromUtf8(kAnswerA));
    QTRY_COMPARE(side->columnText(1), QString::fromUtf8(kAnswerB));
    QVERIFY(side->columnTitle(0).contains(QStringLiteral("Qwen3-VL"))
            || side->columnTitle(0).contains(kModelA));
    const QList<MappedDetection> a = side->columnCanvas(0)->detections();
    const QList<MappedDetection> b = side->columnCanvas(1)->detections();
    QCOMPARE(a.size(), 2);
    QCOMPARE(b.size(), 2);
    QVERIFY(near(boxOf(a, QStringLiteral("dog")), QRectF(100, 100, 200, 200), 0.5));
    QVERIFY(near(boxOf(a, QStringLiteral("cat")), QRectF(600, 100, 300, 300), 0.5));
    // 294 / 980 × 1000 = 300 and 302 / 504 × 500 = 299.6: read on 980×504, not on 992×512.
    QVERIFY2(near(boxOf(b, QStringLiteral("dog")), QRectF(QPointF(100, 100.2), QPointF(300, 299.6)),
                  0.3),
             qPrintable(describe(boxOf(b, QStringLiteral("dog")))));
    QVERIFY(near(boxOf(b, QStringLiteral("person")),
                 QRectF(QPointF(500, 50.6), QPointF(600, 149.8)), 0.3));

    // One table: the dog both found, the cat only A found, the person only B found.
    PairTableModel *pairs = side->pairs();
    QTRY_COMPARE(pairs->rowCount(), 3);
    QCOMPARE(pairs->count(PairTableModel::Kind::Pair), 1);
    QCOMPARE(pairs->rows()[0].labelA, QStringLiteral("dog"));
    QCOMPARE(pairs->rows()[0].labelB, QStringLiteral("dog"));
    QVERIFY(*pairs->rows()[0].iou > 0.99);
    QCOMPARE(pairs->count(PairTableModel::Kind::OnlyA), 1);
    QCOMPARE(pairs->rows()[1].labelA, QStringLiteral("cat"));
    QCOMPARE(pairs->count(PairTableModel::Kind::OnlyB), 1);
    QCOMPARE(pairs->rows()[2].labelB, QStringLiteral("person"));

    // The inspector compares the shown answer with the other one the same way, on the image.
    ComparePanel *compare = layersOf(*journey)->comparePanel();
    QTRY_VERIFY(!compare->chosen().isEmpty());
    QTRY_COMPARE(compare->model()->rowCount(), 3);
    QCOMPARE(layersOf(*journey)->overlay().comparison().size(), 2);
    QCOMPARE(layersOf(*journey)->overlay().onlyA().size(), 1);
    QCOMPARE(layersOf(*journey)->overlay().onlyB().size(), 1);

    // After a restart both answers are there, each with its model.
    side->close();
    journey.reset();
    journey = std::make_unique<JourneyApp>();
    journey->window().resize(1500, 950);
    QVERIFY(journey->waitStarted());
    QTRY_COMPARE_WITH_TIMEOUT(journey->shownMessageCount(), 3, 15000);
    const Conversation &conversation = journey->window().session().chat()->conversation();
    QCOMPARE(conversation.messages[1].modelId, kModelA);
    QCOMPARE(conversation.messages[2].modelId, kModelB);
    QCOMPARE(conversation.messages[1].text, QString::fromUtf8(kAnswerA));
    QCOMPARE(conversation.messages[2].text, QString::fromUtf8(kAnswerB));
    ComparePanel *again = layersOf(*journey)->comparePanel();
    QTRY_VERIFY_WITH_TIMEOUT(!again->chosen().isEmpty(), 15000);
    QTRY_COMPARE(again->model()->rowCount(), 3);
}

QVD_TEST_WIDGETS_MAIN(TestJourneyAskSeveral)
#include "tst_JourneyAskSeveral.moc"
