// `qwenvl-desk-cli eval` as a user runs it: the built binary on files and folders of each
// format, predictions made by `boxes` itself (an EXIF-rotated photo among them), a synonym
// table, and the AP fixture whose reference values tests/data/eval/README.md explains.
#include "../unit/ImageFixtures.h"
#include "CliRunner.h"
#include "TestMain.h"

#include <QDir>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

using qvd::test::CliRun;
using qvd::test::runCli;

namespace {

QString write(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

QByteArray labelMe(const char *imagePath, const QList<std::pair<const char *, QRectF>> &boxes)
{
    QJsonArray shapes;
    for (const auto &[label, r] : boxes) {
        shapes.append(QJsonObject{
            {QStringLiteral("label"), QString::fromUtf8(label)},
            {QStringLiteral("points"),
             QJsonArray{QJsonArray{r.left(), r.top()}, QJsonArray{r.right(), r.bottom()}}},
            {QStringLiteral("shape_type"), QStringLiteral("rectangle")}});
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("shapes"), shapes},
                                     {QStringLiteral("imagePath"), QString::fromUtf8(imagePath)},
                                     {QStringLiteral("imageWidth"), 100},
                                     {QStringLiteral("imageHeight"), 100}})
        .toJson();
}

// The JSON `boxes --format json --size 100x100` prints, for a model's boxes in pixels.
QByteArray boxesJson(const QList<std::pair<const char *, QRectF>> &boxes)
{
    QJsonArray detections;
    for (const auto &[label, r] : boxes) {
        detections.append(QJsonObject{{QStringLiteral("kind"), QStringLiteral("box")},
                                      {QStringLiteral("label"), QString::fromUtf8(label)},
                                      {QStringLiteral("x1"), r.left()},
                                      {QStringLiteral("y1"), r.top()},
                                      {QStringLiteral("x2"), r.right()},
                                      {QStringLiteral("y2"), r.bottom()},
                                      {QStringLiteral("image"), QJsonValue::Null},
                                      {QStringLiteral("attributes"), QJsonObject()}});
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("image"),
                                      QJsonObject{{QStringLiteral("width"), 100},
                                                  {QStringLiteral("height"), 100}}},
                                     {QStringLiteral("detections"), detections}})
        .toJson();
}

QRectF rect(qreal x1, qreal y1, qreal x2, qreal y2)
{
    return QRectF(QPointF(x1, y1), QPointF(x2, y2));
}

QStringList args(std::initializer_list<QString> list)
{
    return QStringList(list);
}

} // namespace

class TestCliEval : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void foldersOfLabelMeAgainstBoxesJson();
    void exifRotatedPhotoFromBoxesAgainstYolo();
    void synonymTableMatchesChineseLabels();
    void averagePrecisionOfTheCocoFixture();
    void textTableAndVocTruth();
    void badInputIsExplained();
};

void TestCliEval::foldersOfLabelMeAgainstBoxesJson()
{
    // a: dog found exactly, cat missed.
    // b: dog [0,0,10,10] vs [0,0,10,5] (IoU 0.5), and a false bird.
    // c: predictions only: not scored, named on standard error.
    QTemporaryDir dir;
    write(dir, QStringLiteral("truth/a.json"),
          labelMe("../photos/a.jpg", {{"dog", rect(0, 0, 10, 10)}, {"cat", rect(20, 20, 30, 30)}}));
    write(dir, QStringLiteral("truth/b.json"), labelMe("b.png", {{"dog", rect(0, 0, 10, 10)}}));
    write(dir, QStringLiteral("pred/a.json"), boxesJson({{"dog", rect(0, 0, 10, 10)}}));
    write(dir, QStringLiteral("pred/b.json"),
          boxesJson({{"Dog", rect(0, 0, 10, 5)}, {"bird", rect(50, 50, 60, 60)}}));
    write(dir, QStringLiteral("pred/c.json"), boxesJson({{"dog", rect(0, 0, 1, 1)}}));

    const CliRun run =
        runCli(args({QStringLiteral("eval"), QStringLiteral("--pred"),
                     dir.filePath(QStringLiteral("pred")), QStringLiteral("--truth"),
                     dir.filePath(QStringLiteral("truth")), QStringLiteral("--json")}));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.err.contains(QStringLiteral(": c")), qPrintable(run.err));
    const QJsonObject json = run.json();
    QCOMPARE(json.keys(),
             QStringList({QStringLiteral("images"), QStringLiteral("iou"), QStringLiteral("labels"),
                          QStringLiteral("overall")}));
    QCOMPARE(json.value(QStringLiteral("iou")).toDouble(), 0.5);
    const QJsonObject overall = json.value(QStringLiteral("overall")).toObject();
    QCOMPARE(overall.value(QStringLiteral("tp")).toInt(), 2);
    QCOMPARE(overall.value(QStringLiteral("fp")).toInt(), 1);
    QCOMPARE(overall.value(QStringLiteral("fn")).toInt(), 1);
    QCOMPARE(overall.value(QStringLiteral("precision")).toDouble(), 2.0 / 3.0);
    QCOMPARE(overall.value(QStringLiteral("recall")).toDouble(), 2.0 / 3.0);
    QCOMPARE(overall.value(QStringLiteral("f1")).toDouble(), 4.0 / 6.0); // 4 / (4 + 1 + 1)
    QCOMPARE(overall.value(QStringLiteral("mean_iou")).toDouble(), 0.75);
    const QJsonObject labels = json.value(QStringLiteral("labels")).toObject();
    QCOMPARE(labels.keys(),
             QStringList({QStringLiteral("bird"), QStringLiteral("cat"), QStringLiteral("dog")}));
    QCOMPARE(labels.value(QStringLiteral("dog")).toObject().value(QStringLiteral("tp")).toInt(), 2);
    QVERIFY(
        labels.value(QStringLiteral("cat")).toObject().value(QStringLiteral("precision")).isNull());
    const QJsonArray images = json.value(QStringLiteral("images")).toArray();
    QCOMPARE(images.size(), 2);
    QCOMPARE(images.at(0).toObject(),
             QJsonObject({{QStringLiteral("image"), QStringLiteral("a.jpg")},
                          {QStringLiteral("tp"), 1},
                          {QStringLiteral("fp"), 0},
                          {QStringLiteral("fn"), 1}}));
    QCOMPARE(images.at(1).toObject().value(QStringLiteral("fp")).toInt(), 1);

    // --iou 0.6: b's dog (IoU 0.5) no longer matches.
    const CliRun strict = runCli(args(
        {QStringLiteral("eval"), QStringLiteral("--pred"), dir.filePath(QStringLiteral("pred")),
         QStringLiteral("--truth"), dir.filePath(QStringLiteral("truth")), QStringLiteral("--iou"),
         QStringLiteral("0.6"), QStringLiteral("--json")}));
    QVERIFY2(strict.exitCode == 0, qPrintable(strict.err));
    QCOMPARE(strict.json().value(QStringLiteral("iou")).toDouble(), 0.6);
    QCOMPARE(strict.json()
                 .value(QStringLiteral("overall"))
                 .toObject()
                 .value(QStringLiteral("tp"))
                 .toInt(),
             1);
}

void TestCliEval::exifRotatedPhotoFromBoxesAgainstYolo()
{
    // A photo stored 400 × 200 with EXIF orientation 6: upright 200 × 400. The model answers
    // in 0..1000 of the upright image: [250,125,750,375] → pixels (50,50)–(150,150). The YOLO
    // truth "0 0.5 0.25 0.5 0.25" is centre (100,100), 100 × 100 of the upright image: the same
    // box. Read against the stored 400 × 200 it would be (100,25)–(300,75) instead: no match.
    QTemporaryDir dir;
    const QString photo =
        write(dir, QStringLiteral("set/images/turned.jpg"),
              qvd::fixtures::withExifOrientation(
                  qvd::fixtures::encode(qvd::fixtures::quadrants(QSize(400, 200)), "jpg"), 6));
    write(dir, QStringLiteral("set/labels/classes.txt"), "cat\n");
    write(dir, QStringLiteral("set/labels/turned.txt"), "0 0.5 0.25 0.5 0.25\n");

    const CliRun boxes =
        runCli(args({QStringLiteral("boxes"), QStringLiteral("--model"),
                     QStringLiteral("qwen3-vl-plus"), QStringLiteral("--image"), photo}),
               R"({"bbox_2d": [250, 125, 750, 375], "label": "cat"})");
    QVERIFY2(boxes.exitCode == 0, qPrintable(boxes.err));
    const QString pred = write(dir, QStringLiteral("pred/turned.json"), boxes.out.toUtf8());

    const CliRun run = runCli(
        args({QStringLiteral("eval"), QStringLiteral("--pred"), pred, QStringLiteral("--truth"),
              dir.filePath(QStringLiteral("set/labels")), QStringLiteral("--json")}));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QJsonObject overall = run.json().value(QStringLiteral("overall")).toObject();
    QCOMPARE(overall.value(QStringLiteral("tp")).toInt(), 1);
    QCOMPARE(overall.value(QStringLiteral("fn")).toInt(), 0);
    QVERIFY(overall.value(QStringLiteral("mean_iou")).toDouble() > 0.999);
}

void TestCliEval::synonymTableMatchesChineseLabels()
{
    QTemporaryDir dir;
    const QString truth =
        write(dir, QStringLiteral("a.json"), labelMe("a.jpg", {{"dog", rect(0, 0, 10, 10)}}));
    const QString pred =
        write(dir, QStringLiteral("pred/a.json"), boxesJson({{"狗", rect(0, 0, 10, 10)}}));
    const QString table = write(dir, QStringLiteral("labels.txt"), "dog, 狗, 犬\n");
    const QStringList base{
        QStringLiteral("eval"),  QStringLiteral("--pred"), pred, QStringLiteral("--truth"), truth,
        QStringLiteral("--json")};
    const CliRun without = runCli(base);
    QVERIFY2(without.exitCode == 0, qPrintable(without.err));
    QCOMPARE(without.json()
                 .value(QStringLiteral("overall"))
                 .toObject()
                 .value(QStringLiteral("fp"))
                 .toInt(),
             1);
    const CliRun with = runCli(base + QStringList{QStringLiteral("--labels"), table});
    QVERIFY2(with.exitCode == 0, qPrintable(with.err));
    QCOMPARE(
        with.json().value(QStringLiteral("overall")).toObject().value(QStringLiteral("tp")).toInt(),
        1);
    QCOMPARE(with.json().value(QStringLiteral("labels")).toObject().keys(),
             QStringList({QStringLiteral("dog")}));
}

void TestCliEval::averagePrecisionOfTheCocoFixture()
{
    // The same figures as tst_Evaluator::averagePrecisionOnTheCocoFixture, through the CLI.
    const CliRun run = runCli(args(
        {QStringLiteral("eval"), QStringLiteral("--pred"),
         qvd::test::dataPath(QStringLiteral("eval/coco-ap/predictions.json")),
         QStringLiteral("--truth"), qvd::test::dataPath(QStringLiteral("eval/coco-ap/truth.json")),
         QStringLiteral("--label-match"), QStringLiteral("exact"), QStringLiteral("--json")}));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QFile expectedFile(qvd::test::dataPath(QStringLiteral("eval/coco-ap/expected.json")));
    QVERIFY(expectedFile.open(QIODevice::ReadOnly));
    const QJsonObject expected = QJsonDocument::fromJson(expectedFile.readAll()).object();
    const QJsonObject json = run.json();
    QVERIFY(std::abs(json.value(QStringLiteral("ap50")).toDouble()
                     - expected.value(QStringLiteral("ap50")).toDouble())
            < 1e-9);
    QVERIFY(std::abs(json.value(QStringLiteral("ap50_95")).toDouble()
                     - expected.value(QStringLiteral("ap50_95")).toDouble())
            < 1e-9);
    const QJsonObject dog =
        json.value(QStringLiteral("labels")).toObject().value(QStringLiteral("dog")).toObject();
    QVERIFY(std::abs(dog.value(QStringLiteral("ap50")).toDouble()
                     - expected.value(QStringLiteral("categories"))
                           .toObject()
                           .value(QStringLiteral("dog"))
                           .toObject()
                           .value(QStringLiteral("ap50"))
                           .toDouble())
            < 1e-9);
    QCOMPARE(json.value(QStringLiteral("images")).toArray().size(), 60);
}

void TestCliEval::textTableAndVocTruth()
{
    // VOC truth (cup, a difficult bottle nobody finds, a spoon point) against a LabelMe
    // prediction of the cup and the spoon's box: both found, the bottle not missed.
    QTemporaryDir dir;
    const QString pred =
        write(dir, QStringLiteral("kitchen.json"),
              labelMe("kitchen.jpg",
                      {{"cup", rect(48, 240, 195, 371)}, {"spoon", rect(390, 90, 410, 110)}}));
    const QStringList base{QStringLiteral("eval"), QStringLiteral("--pred"), pred,
                           QStringLiteral("--truth"),
                           qvd::test::dataPath(QStringLiteral("dataset/voc.xml"))};
    const CliRun run = runCli(base);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QStringList lines = run.out.split(QLatin1Char('\n'));
    QVERIFY2(lines.first().contains(QStringLiteral("0.5")), qPrintable(run.out));
    QVERIFY(run.out.contains(QStringLiteral("No AP")));
    const QString all = lines.filter(QStringLiteral("(all)")).value(0);
    // TP 2, FP 0, FN 0, precision, recall, F1 1.000, mean IoU 1.000 (the point has none)
    QVERIFY2(all.simplified().startsWith(QStringLiteral("(all) 2 0 0 1.000 1.000 1.000 1.000")),
             qPrintable(all));
    QVERIFY(!lines.filter(QStringLiteral("kitchen.jpg")).isEmpty());
    const CliRun json = runCli(base + QStringList{QStringLiteral("--json")});
    QCOMPARE(
        json.json().value(QStringLiteral("overall")).toObject().value(QStringLiteral("fn")).toInt(),
        0);
}

void TestCliEval::badInputIsExplained()
{
    QTemporaryDir dir;
    const QString truth =
        write(dir, QStringLiteral("a.json"), labelMe("a.jpg", {{"dog", rect(0, 0, 10, 10)}}));
    const QString missing = dir.filePath(QStringLiteral("nowhere.json"));
    CliRun run = runCli(args({QStringLiteral("eval"), QStringLiteral("--pred"), missing,
                              QStringLiteral("--truth"), truth}));
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("nowhere.json")), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());

    const QString damaged = write(dir, QStringLiteral("pred/a.json"), "{\"detections\": [");
    run = runCli(args({QStringLiteral("eval"), QStringLiteral("--pred"), damaged,
                       QStringLiteral("--truth"), truth}));
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("a.json")), qPrintable(run.err));

    run = runCli(
        args({QStringLiteral("eval"), QStringLiteral("--pred"), truth, QStringLiteral("--truth"),
              truth, QStringLiteral("--iou"), QStringLiteral("1.5")}));
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QStringLiteral("--iou")), qPrintable(run.err));

    run = runCli(args({QStringLiteral("eval"), QStringLiteral("--truth"), truth}));
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains(QStringLiteral("--pred")));

    run = runCli(args({QStringLiteral("eval"), QStringLiteral("--pred"), truth,
                       QStringLiteral("--truth"), truth, QStringLiteral("--labels"), missing}));
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QStringLiteral("nowhere.json")), qPrintable(run.err));
}

QVD_TEST_GUI_MAIN(TestCliEval)
#include "tst_CliEval.moc"
