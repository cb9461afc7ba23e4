// Scores on hand-computed fixtures (each expected number is worked out in the comment beside
// it), and COCO-style AP on a 60-image, 6-category fixture against reference values from an
// independent implementation (tests/data/eval/README.md).
#include "core/dataset/DatasetReader.h"
#include "core/eval/EvalInput.h"
#include "core/eval/EvaluationJson.h"
#include "core/eval/Evaluator.h"

#include "TestMain.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace qvd;

namespace {

EvalObject box(qreal x1, qreal y1, qreal x2, qreal y2, const char *label,
               std::optional<double> score = std::nullopt)
{
    EvalObject o;
    o.label = QString::fromUtf8(label);
    o.rect = QRectF(QPointF(x1, y1), QPointF(x2, y2));
    o.score = score;
    return o;
}

EvalObject point(qreal x, qreal y, const char *label)
{
    EvalObject o = box(x, y, x, y, label);
    o.kind = DetectionKind::Point;
    return o;
}

EvalImage image(const QList<EvalObject> &truth, const QList<EvalObject> &predictions)
{
    return EvalImage{QStringLiteral("image"), truth, predictions};
}

bool near(const std::optional<double> &value, double expected, double tolerance = 1e-9)
{
    return value && std::abs(*value - expected) <= tolerance;
}

#define QCOMPARE_COUNTS(counts, TP, FP, FN)                                                        \
    do {                                                                                           \
        QCOMPARE((counts).tp, qint64(TP));                                                         \
        QCOMPARE((counts).fp, qint64(FP));                                                         \
        QCOMPARE((counts).fn, qint64(FN));                                                         \
    } while (false)

} // namespace

class TestEvaluator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchesAtTheThreshold();
    void emptyPredictions();
    void emptyTruth();
    void nothingAtAll();
    void duplicateDetections();
    void highestIouFirstNotFirstPrediction();
    void crowdOfOverlappingBoxes();
    void pointsHitInsideABox();
    void labelsExactLooseAndSynonyms();
    void synonymFile();
    void ignoredRegions();
    void perLabelAndPerImage();
    void averagePrecisionByHand();
    void averagePrecisionAcrossThresholds();
    void averagePrecisionNeedsEveryScore();
    void averagePrecisionOnTheCocoFixture();
    void json();
};

void TestEvaluator::matchesAtTheThreshold()
{
    // dog: identical (IoU 1). cat: [20,0,30,5] in [20,0,30,10]: 50 / 100 = IoU 0.5.
    const EvalImage pair = image({box(0, 0, 10, 10, "dog"), box(20, 0, 30, 10, "cat")},
                                 {box(0, 0, 10, 10, "dog"), box(20, 0, 30, 5, "cat")});
    const ImageEvaluation at50 = Evaluator(LabelRule(), 0.5).evaluate(pair);
    QCOMPARE_COUNTS(at50.counts, 2, 0, 0);
    QVERIFY(near(at50.counts.precision(), 1.0));
    QVERIFY(near(at50.counts.recall(), 1.0));
    QVERIFY(near(at50.counts.f1(), 1.0));
    QVERIFY(near(at50.counts.meanIou(), 0.75)); // (1 + 0.5) / 2
    // Just above 0.5 the cat pair is no match: one found, one false, one missed.
    const ImageEvaluation at51 = Evaluator(LabelRule(), 0.51).evaluate(pair);
    QCOMPARE_COUNTS(at51.counts, 1, 1, 1);
    QVERIFY(near(at51.counts.precision(), 0.5));
    QVERIFY(near(at51.counts.recall(), 0.5));
    QVERIFY(near(at51.counts.f1(), 0.5)); // 2·1 / (2·1 + 1 + 1)
    QVERIFY(near(at51.counts.meanIou(), 1.0));
    QCOMPARE(at51.falsePredictions, QList<int>({1}));
    QCOMPARE(at51.missedTruth, QList<int>({1}));
}

void TestEvaluator::emptyPredictions()
{
    const ImageEvaluation result = Evaluator().evaluate(
        image({box(0, 0, 1, 1, "a"), box(2, 2, 3, 3, "a"), box(4, 4, 5, 5, "b")}, {}));
    QCOMPARE_COUNTS(result.counts, 0, 0, 3);
    QVERIFY(!result.counts.precision()); // nothing predicted: no precision
    QVERIFY(near(result.counts.recall(), 0.0));
    QVERIFY(near(result.counts.f1(), 0.0));
    QVERIFY(!result.counts.meanIou());
    QCOMPARE(result.missedTruth, QList<int>({0, 1, 2}));
}

void TestEvaluator::emptyTruth()
{
    const ImageEvaluation result =
        Evaluator().evaluate(image({}, {box(0, 0, 1, 1, "a"), box(2, 2, 3, 3, "b")}));
    QCOMPARE_COUNTS(result.counts, 0, 2, 0);
    QVERIFY(near(result.counts.precision(), 0.0));
    QVERIFY(!result.counts.recall()); // nothing to find: no recall
    QVERIFY(near(result.counts.f1(), 0.0));
    QCOMPARE(result.falsePredictions, QList<int>({0, 1}));
}

void TestEvaluator::nothingAtAll()
{
    const ImageEvaluation result = Evaluator().evaluate(image({}, {}));
    QCOMPARE_COUNTS(result.counts, 0, 0, 0);
    QVERIFY(!result.counts.precision());
    QVERIFY(!result.counts.recall());
    QVERIFY(!result.counts.f1());
    QVERIFY(!result.counts.meanIou());
}

void TestEvaluator::duplicateDetections()
{
    // The second box [1,0,11,10] overlaps the truth 90 / 110 = 0.818: a match on its own, but
    // the identical box (IoU 1) takes the object first; the duplicate is a false positive.
    const ImageEvaluation result = Evaluator().evaluate(
        image({box(0, 0, 10, 10, "dog")}, {box(1, 0, 11, 10, "dog"), box(0, 0, 10, 10, "dog")}));
    QCOMPARE_COUNTS(result.counts, 1, 1, 0);
    QVERIFY(near(result.counts.precision(), 0.5));
    QVERIFY(near(result.counts.f1(), 2.0 / 3.0)); // 2 / (2 + 1 + 0)
    QVERIFY(near(result.counts.meanIou(), 1.0));
    QCOMPARE(result.matches.size(), 1);
    QCOMPARE(result.matches.first().prediction, 1);
    QCOMPARE(result.falsePredictions, QList<int>({0}));
}

void TestEvaluator::highestIouFirstNotFirstPrediction()
{
    // X = [0,0,10,10], Y = [6,0,16,10].
    // P0 = [5,0,15,10]:   with X 50 / 150 = 0.3333, with Y 90 / 110 = 0.8182.
    // P1 = [6.5,0,16.5,10]: with X 35 / 165 = 0.2121, with Y 95 / 105 = 0.9048.
    // Highest first: P1–Y (0.9048), then P0's best left is X (0.3333). Taking the predictions
    // in order instead would give P0–Y and leave P1 nothing above 0.3.
    const EvalImage pair = image({box(0, 0, 10, 10, "x"), box(6, 0, 16, 10, "x")},
                                 {box(5, 0, 15, 10, "x"), box(6.5, 0, 16.5, 10, "x")});
    const ImageEvaluation at30 = Evaluator(LabelRule(), 0.3).evaluate(pair);
    QCOMPARE_COUNTS(at30.counts, 2, 0, 0);
    QVERIFY(near(at30.counts.meanIou(), (95.0 / 105.0 + 50.0 / 150.0) / 2));
    QCOMPARE(at30.matches.size(), 2);
    QCOMPARE(at30.matches[0].truth, 1);
    QCOMPARE(at30.matches[0].prediction, 1);
    QVERIFY(near(at30.matches[0].iou, 95.0 / 105.0));
    QCOMPARE(at30.matches[1].truth, 0);
    QCOMPARE(at30.matches[1].prediction, 0);
    // At 0.5, P0 only reaches X at 0.3333: P1–Y, P0 false, X missed.
    const ImageEvaluation at50 = Evaluator(LabelRule(), 0.5).evaluate(pair);
    QCOMPARE_COUNTS(at50.counts, 1, 1, 1);
    QCOMPARE(at50.falsePredictions, QList<int>({0}));
    QCOMPARE(at50.missedTruth, QList<int>({0}));
}

void TestEvaluator::crowdOfOverlappingBoxes()
{
    // Four people in a row, T_i = [10i, 0, 10i+20, 40], each overlapping the next by half;
    // the predictions P_i the same boxes 2 px to the right:
    //   P_i–T_i:   18·40 = 720 over 800 + 800 − 720 = 880 → 9/11 = 0.8182
    //   P_i–T_i+1: 12·40 = 480 over 1120 → 0.4286;  P_i–T_i−1: 8·40 = 320 over 1280 → 0.25
    // and one more, C = [15,0,35,40], between T1 and T2 (600 / 1000 = 0.6 with each), given
    // first. Every T_i goes to its own P_i (0.8182 beats 0.6); C is left over.
    QList<EvalObject> truth;
    QList<EvalObject> predictions{box(15, 0, 35, 40, "person")};
    for (int i = 0; i < 4; ++i) {
        truth.append(box(10 * i, 0, 10 * i + 20, 40, "person"));
        predictions.append(box(10 * i + 2, 0, 10 * i + 22, 40, "person"));
    }
    const ImageEvaluation result = Evaluator().evaluate(image(truth, predictions));
    QCOMPARE_COUNTS(result.counts, 4, 1, 0);
    QVERIFY(near(result.counts.precision(), 0.8));
    QVERIFY(near(result.counts.recall(), 1.0));
    QVERIFY(near(result.counts.f1(), 8.0 / 9.0)); // 8 / (8 + 1)
    QVERIFY(near(result.counts.meanIou(), 9.0 / 11.0));
    QCOMPARE(result.falsePredictions, QList<int>({0}));
    for (const EvalMatch &m : result.matches)
        QCOMPARE(m.prediction, m.truth + 1);
}

void TestEvaluator::pointsHitInsideABox()
{
    // A = [0,0,10,10], B = [5,5,20,20]. p0 (7,7) lies in both, p1 (15,15) in B only,
    // p2 (50,50) in neither. p0 takes A, p1 takes B, p2 is false. Point hits have no IoU.
    const ImageEvaluation points = Evaluator().evaluate(
        image({box(0, 0, 10, 10, "dog"), box(5, 5, 20, 20, "dog")},
              {point(7, 7, "dog"), point(15, 15, "dog"), point(50, 50, "dog")}));
    QCOMPARE_COUNTS(points.counts, 2, 1, 0);
    QVERIFY(!points.counts.meanIou());
    QCOMPARE(points.falsePredictions, QList<int>({2}));
    for (const EvalMatch &m : points.matches)
        QVERIFY(m.point);
    // On the edge counts as inside.
    QCOMPARE(Evaluator().evaluate(image({box(0, 0, 10, 10, "a")}, {point(10, 0, "a")})).counts.tp,
             qint64(1));
    // A ground-truth point is found by a box around it; two points never match.
    const ImageEvaluation truthPoints =
        Evaluator().evaluate(image({point(5, 5, "cat"), point(30, 30, "bird")},
                                   {box(0, 0, 10, 10, "cat"), point(30, 30, "bird")}));
    QCOMPARE_COUNTS(truthPoints.counts, 1, 1, 1);
}

void TestEvaluator::labelsExactLooseAndSynonyms()
{
    const EvalImage spelled = image({box(0, 0, 10, 10, "Traffic light"), box(20, 0, 30, 10, "dog")},
                                    {box(0, 0, 10, 10, "trafficLight "), box(20, 0, 30, 10, "狗")});
    // Exact: nothing matches.
    QCOMPARE_COUNTS(Evaluator(LabelRule(LabelRule::Match::Exact)).evaluate(spelled).counts, 0, 2,
                    2);
    // Case and spaces do not count: the traffic light matches, 狗 is not "dog".
    QCOMPARE_COUNTS(Evaluator(LabelRule(LabelRule::Match::Loose)).evaluate(spelled).counts, 1, 1,
                    1);
    // Through the synonym table, 狗 is a dog.
    LabelRule rule;
    rule.addSynonyms({QStringLiteral("dog"), QStringLiteral("狗"), QStringLiteral("犬")});
    QCOMPARE_COUNTS(Evaluator(rule).evaluate(spelled).counts, 2, 0, 0);
    QCOMPARE(rule.displayName(QStringLiteral("犬")), QStringLiteral("dog"));
    QCOMPARE(rule.key(QStringLiteral("DOG")), rule.key(QStringLiteral("狗")));
    // The set reports the class by the group's first name, and the loose class by the ground
    // truth's spelling.
    const SetEvaluation set = Evaluator(rule).evaluate(QList<EvalImage>{spelled});
    QCOMPARE(set.labels.size(), 2);
    QCOMPARE(set.labels[0].label, QStringLiteral("Traffic light"));
    QCOMPARE(set.labels[1].label, QStringLiteral("dog"));
    // An unlabelled box is an "object", as in every dataset file.
    QCOMPARE_COUNTS(
        Evaluator().evaluate(image({box(0, 0, 1, 1, "object")}, {box(0, 0, 1, 1, "")})).counts, 1,
        0, 0);
}

void TestEvaluator::synonymFile()
{
    QTemporaryDir dir;
    const QString text = dir.filePath(QStringLiteral("labels.txt"));
    QFile file(text);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("# class, then what else means it\ndog, 狗,\t犬\n\ncat,猫\n");
    file.close();
    QString error;
    auto groups = LabelRule::readSynonyms(text, &error);
    QVERIFY2(groups, qPrintable(error));
    QCOMPARE(
        *groups,
        QList<QStringList>({{QStringLiteral("dog"), QStringLiteral("狗"), QStringLiteral("犬")},
                            {QStringLiteral("cat"), QStringLiteral("猫")}}));
    const QString json = dir.filePath(QStringLiteral("labels.json"));
    QFile jsonFile(json);
    QVERIFY(jsonFile.open(QIODevice::WriteOnly));
    jsonFile.write(R"({"dog": ["狗", "犬"], "cat": "猫"})");
    jsonFile.close();
    groups = LabelRule::readSynonyms(json, &error);
    QVERIFY2(groups, qPrintable(error));
    QCOMPARE(groups->size(), 2);
    QVERIFY(groups->contains(QStringList({QStringLiteral("cat"), QStringLiteral("猫")})));
    QVERIFY(!LabelRule::readSynonyms(dir.filePath(QStringLiteral("none.txt")), &error));
    QVERIFY(error.contains(QStringLiteral("none.txt")));
}

void TestEvaluator::ignoredRegions()
{
    // A crowd region [0,0,100,100] and one person [200,0,220,20]. The box [10,10,30,30] lies
    // inside the crowd (intersection over its own area: 400 / 400 = 1): neither found nor
    // false. The crowd is never missed. A difficult object nobody finds is not missed either.
    EvalObject crowd = box(0, 0, 100, 100, "person");
    crowd.crowd = crowd.ignore = true;
    EvalObject difficult = box(300, 0, 310, 10, "person");
    difficult.ignore = true;
    const ImageEvaluation result =
        Evaluator().evaluate(image({crowd, box(200, 0, 220, 20, "person"), difficult},
                                   {box(10, 10, 30, 30, "person"), box(200, 0, 220, 20, "person"),
                                    box(40, 40, 60, 60, "person")}));
    QCOMPARE_COUNTS(result.counts, 1, 0, 0);
    QCOMPARE(result.ignoredPredictions, QList<int>({0, 2}));
}

void TestEvaluator::perLabelAndPerImage()
{
    // Image 1: dog found, cat missed. Image 2: dog found, a false cat, a false bird.
    const QList<EvalImage> images{
        {QStringLiteral("one"),
         {box(0, 0, 10, 10, "dog"), box(20, 20, 30, 30, "cat")},
         {box(0, 0, 10, 10, "dog")}},
        {QStringLiteral("two"),
         {box(0, 0, 10, 10, "dog")},
         {box(0, 0, 10, 5, "dog"), box(50, 50, 60, 60, "cat"), box(70, 70, 80, 80, "bird")}},
    };
    const SetEvaluation set = Evaluator().evaluate(images);
    QCOMPARE_COUNTS(set.overall, 2, 2, 1);
    QVERIFY(near(set.overall.precision(), 0.5));
    QVERIFY(near(set.overall.recall(), 2.0 / 3.0));
    QVERIFY(near(set.overall.f1(), 4.0 / 7.0)); // 4 / (4 + 2 + 1)
    QVERIFY(near(set.overall.meanIou(), 0.75)); // (1 + 0.5) / 2
    QCOMPARE(set.labels.size(), 3);
    QCOMPARE(set.labels[0].label, QStringLiteral("bird"));
    QCOMPARE_COUNTS(set.labels[0].counts, 0, 1, 0);
    QCOMPARE_COUNTS(set.labels[1].counts, 0, 1, 1); // cat
    QCOMPARE_COUNTS(set.labels[2].counts, 2, 0, 0); // dog
    QCOMPARE(set.images.size(), 2);
    QCOMPARE(set.images[0].image, QStringLiteral("one"));
    QCOMPARE_COUNTS(set.images[0].counts, 1, 0, 1);
    QCOMPARE_COUNTS(set.images[1].counts, 1, 2, 0);
    QVERIFY(!set.ap50); // no scores
}

void TestEvaluator::averagePrecisionByHand()
{
    // One image, G1 = [0,0,10,10], G2 = [20,0,30,10]; by score: D1 (0.9) = G1, D2 (0.8) false,
    // D3 (0.7) = G2, all matches at IoU 1, so every threshold gives the same AP.
    //   after D1: recall 1/2, precision 1;  D2: 1/2, 1/2;  D3: 1, 2/3
    //   envelope: 1, 2/3, 2/3
    //   recall points 0 … 0.50 (51 of them) read precision 1, 0.51 … 1 (50) read 2/3
    //   AP = (51 + 50·2/3) / 101 = 253/303 = 0.834983…
    const QList<EvalImage> images{
        image({box(0, 0, 10, 10, "a"), box(20, 0, 30, 10, "a")},
              {box(50, 50, 60, 60, "a", 0.8), box(20, 0, 30, 10, "a", 0.7),
               box(0, 0, 10, 10, "a", 0.9)})};
    const SetEvaluation set = Evaluator().evaluate(images);
    QVERIFY(near(set.ap50, 253.0 / 303.0));
    QVERIFY(near(set.ap50to95, 253.0 / 303.0));
    QVERIFY(near(set.labels[0].ap50, 253.0 / 303.0));
}

void TestEvaluator::averagePrecisionAcrossThresholds()
{
    // G = [0,0,10,10], D = [0,0,10,7.8]: IoU 78 / 100 = 0.78, a match at 0.50 … 0.75 (six
    // thresholds, AP 1 each) and not at 0.80 … 0.95 (four, AP 0): AP@[.5:.95] = 6/10.
    // A second class "b" with ground truth and no prediction: AP 0; the set's AP is the mean
    // of the two classes. A third, "c", only predicted: no ground truth, no AP, not averaged.
    const QList<EvalImage> images{
        image({box(0, 0, 10, 10, "a"), box(0, 0, 5, 5, "b")},
              {box(0, 0, 10, 7.8, "a", 0.5), box(50, 50, 60, 60, "c", 0.9)})};
    const SetEvaluation set = Evaluator().evaluate(images);
    QCOMPARE(set.labels.size(), 3);
    QVERIFY(near(set.labels[0].ap50, 1.0));
    QVERIFY(near(set.labels[0].ap50to95, 0.6));
    QVERIFY(near(set.labels[1].ap50, 0.0));
    QVERIFY(!set.labels[2].ap50);
    QVERIFY(near(set.ap50, 0.5));
    QVERIFY(near(set.ap50to95, 0.3));
}

void TestEvaluator::averagePrecisionNeedsEveryScore()
{
    const QList<EvalImage> images{
        image({box(0, 0, 10, 10, "a")}, {box(0, 0, 10, 10, "a", 0.5), box(0, 0, 1, 1, "a")})};
    const SetEvaluation set = Evaluator().evaluate(images);
    QVERIFY(!set.ap50);
    QVERIFY(!set.ap50to95);
    QVERIFY(!set.labels[0].ap50);
    QCOMPARE_COUNTS(set.overall, 1, 1, 0); // the counts do not need scores
}

void TestEvaluator::averagePrecisionOnTheCocoFixture()
{
    // 60 images, 6 categories with ground truth (and one without), crowd regions, duplicates,
    // wrong categories, an image with 120 predictions of one category. The expected values were
    // computed by tests/data/eval/coco-ap/reference_ap.py, a separate implementation in Python
    // written from the COCO evaluation's published definition (see its header), run as
    //   python3 reference_ap.py truth.json predictions.json > expected.json
    DatasetReader reader;
    const auto truth = reader.read(test::dataPath(QStringLiteral("eval/coco-ap/truth.json")));
    QVERIFY2(truth, qPrintable(reader.errorString()));
    const auto predictions =
        reader.read(test::dataPath(QStringLiteral("eval/coco-ap/predictions.json")));
    QVERIFY2(predictions, qPrintable(reader.errorString()));
    QVERIFY(truth->size() >= 50);
    QFile expectedFile(test::dataPath(QStringLiteral("eval/coco-ap/expected.json")));
    QVERIFY(expectedFile.open(QIODevice::ReadOnly));
    const QJsonObject expected = QJsonDocument::fromJson(expectedFile.readAll()).object();

    const EvalPairing pairing = pairForEvaluation(*predictions, *truth);
    QVERIFY(pairing.unpaired.isEmpty());
    const SetEvaluation set =
        Evaluator(LabelRule(LabelRule::Match::Exact)).evaluate(pairing.images);
    // Agreement within 0.001 is the goal; both follow the same arithmetic, so it is closer.
    constexpr double kTolerance = 1e-9;
    QVERIFY2(near(set.ap50, expected.value(QStringLiteral("ap50")).toDouble(), kTolerance),
             qPrintable(QString::number(set.ap50.value_or(-1), 'g', 17)));
    QVERIFY2(near(set.ap50to95, expected.value(QStringLiteral("ap50_95")).toDouble(), kTolerance),
             qPrintable(QString::number(set.ap50to95.value_or(-1), 'g', 17)));
    const QJsonObject categories = expected.value(QStringLiteral("categories")).toObject();
    QVERIFY(categories.size() >= 5);
    int checked = 0;
    for (const LabelEvaluation &label : set.labels) {
        if (!categories.contains(label.label)) {
            QVERIFY2(!label.ap50, qPrintable(label.label)); // a class without ground truth
            continue;
        }
        const QJsonObject reference = categories.value(label.label).toObject();
        QVERIFY2(near(label.ap50, reference.value(QStringLiteral("ap50")).toDouble(), kTolerance),
                 qPrintable(label.label));
        QVERIFY2(
            near(label.ap50to95, reference.value(QStringLiteral("ap50_95")).toDouble(), kTolerance),
            qPrintable(label.label));
        ++checked;
    }
    QCOMPARE(checked, categories.size());
}

void TestEvaluator::json()
{
    const QList<EvalImage> images{
        {QStringLiteral("a.jpg"),
         {box(0, 0, 10, 10, "dog"), box(20, 20, 30, 30, "cat")},
         {box(0, 0, 10, 10, "dog", 0.9)}},
    };
    const QJsonObject root = evaluationToJson(Evaluator().evaluate(images));
    QCOMPARE(
        root.keys(),
        QStringList({QStringLiteral("ap50"), QStringLiteral("ap50_95"), QStringLiteral("images"),
                     QStringLiteral("iou"), QStringLiteral("labels"), QStringLiteral("overall")}));
    QCOMPARE(root.value(QStringLiteral("iou")).toDouble(), 0.5);
    const QJsonObject overall = root.value(QStringLiteral("overall")).toObject();
    QCOMPARE(overall.keys(),
             QStringList({QStringLiteral("f1"), QStringLiteral("fn"), QStringLiteral("fp"),
                          QStringLiteral("mean_iou"), QStringLiteral("precision"),
                          QStringLiteral("recall"), QStringLiteral("tp")}));
    QCOMPARE(overall.value(QStringLiteral("tp")).toInt(), 1);
    QCOMPARE(overall.value(QStringLiteral("fn")).toInt(), 1);
    QCOMPARE(overall.value(QStringLiteral("recall")).toDouble(), 0.5);
    const QJsonObject cat =
        root.value(QStringLiteral("labels")).toObject().value(QStringLiteral("cat")).toObject();
    QVERIFY(cat.value(QStringLiteral("precision")).isNull()); // nothing predicted as a cat
    QVERIFY(cat.value(QStringLiteral("mean_iou")).isNull());
    QCOMPARE(cat.value(QStringLiteral("ap50")).toDouble(), 0.0);
    QCOMPARE(root.value(QStringLiteral("ap50")).toDouble(), 0.5); // dog 1, cat 0
    const QJsonArray perImage = root.value(QStringLiteral("images")).toArray();
    QCOMPARE(perImage.size(), 1);
    QCOMPARE(perImage.at(0).toObject(),
             QJsonObject({{QStringLiteral("image"), QStringLiteral("a.jpg")},
                          {QStringLiteral("tp"), 1},
                          {QStringLiteral("fp"), 0},
                          {QStringLiteral("fn"), 1}}));
}

QVD_TEST_MAIN(TestEvaluator)
#include "tst_Evaluator.moc"
