#include "core/grounding/AnswerMapping.h"
#include "core/grounding/GroundingParser.h"

#include "TestMain.h"

using namespace qvd;

namespace {

ImageTransform sent(QSize original, QSize model, int factor = 28)
{
    ImageTransform transform;
    transform.storedSize = original;
    transform.originalSize = original;
    transform.sentSize = model;
    transform.budget.factor = factor;
    return transform;
}

ModelInfo qwen25()
{
    ModelInfo model;
    model.id = QStringLiteral("qwen2.5-vl-72b-instruct");
    model.family = ModelFamily::Qwen25VL;
    model.space = CoordinateSpace::AbsResized;
    return model;
}

} // namespace

class TestAnswerMapping : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mapsOntoTheLatestImage();
    void imgIdxPicksAnEarlierImage();
    void urlImageKeepsModelNumbers();
    void noImageKeepsModelNumbers();
};

void TestAnswerMapping::mapsOntoTheLatestImage()
{
    // 1000x500 sent as 1008x504: [504, 252, 1008, 504] is (500, 250)-(1000, 500).
    const auto detections = GroundingParser().parse(
        QStringLiteral("```json\n[{\"bbox_2d\": [504, 252, 1008, 504], \"label\": \"狗\"}]\n```"));
    QCOMPARE(detections.size(), 1);
    const MappedAnswer answer = mapAnswer(
        detections, qwen25(),
        {sent(QSize(200, 100), QSize(196, 112)), sent(QSize(1000, 500), QSize(1008, 504))});
    QCOMPARE(answer.space.space, CoordinateSpace::AbsResized);
    QCOMPARE(answer.space.reason, SpaceReason::ModelFamily);
    QCOMPARE(answer.detections.size(), 1);
    QCOMPARE(answer.detections[0].image, std::optional<int>(1));
    QCOMPARE(answer.detections[0].rect, QRectF(QPointF(500, 250), QPointF(1000, 500)));
}

void TestAnswerMapping::imgIdxPicksAnEarlierImage()
{
    const auto detections = GroundingParser().parse(
        QStringLiteral("{\"bbox_2d\": [0, 0, 500, 1000], \"label\": \"left\", \"img_idx\": 0}"));
    ModelInfo qwen3;
    qwen3.family = ModelFamily::Qwen3VL;
    qwen3.space = CoordinateSpace::Norm1000;
    const MappedAnswer answer =
        mapAnswer(detections, qwen3,
                  {sent(QSize(400, 200), QSize(416, 192)), sent(QSize(10, 10), QSize(56, 56))});
    QCOMPARE(answer.detections.size(), 1);
    QCOMPARE(answer.detections[0].image, std::optional<int>(0));
    QCOMPARE(answer.detections[0].rect, QRectF(QPointF(0, 0), QPointF(200, 200)));
}

void TestAnswerMapping::urlImageKeepsModelNumbers()
{
    const auto detections =
        GroundingParser().parse(QStringLiteral("<ref>狗</ref><box>(100,200),(300,400)</box>"));
    ModelInfo qwenVl;
    qwenVl.family = ModelFamily::QwenVL;
    const MappedAnswer answer = mapAnswer(detections, qwenVl, {ImageTransform()});
    QCOMPARE(answer.detections.size(), 1);
    QCOMPARE(answer.detections[0].image, std::optional<int>(0));
    QCOMPARE(answer.detections[0].rect, QRectF(QPointF(100, 200), QPointF(300, 400)));
}

void TestAnswerMapping::noImageKeepsModelNumbers()
{
    const auto detections =
        GroundingParser().parse(QStringLiteral("<ref>a</ref><box>(300,400),(100,200)</box>"));
    const MappedAnswer answer = mapAnswer(detections, ModelInfo(), {});
    QCOMPARE(answer.detections.size(), 1);
    QVERIFY(!answer.detections[0].image.has_value());
    QCOMPARE(answer.detections[0].rect, QRectF(QPointF(100, 200), QPointF(300, 400)));
}

QVD_TEST_MAIN(TestAnswerMapping)
#include "tst_AnswerMapping.moc"
