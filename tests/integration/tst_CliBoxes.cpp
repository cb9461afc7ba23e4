// `qwenvl-desk-cli boxes` and `render` as a user runs them: the built binary, answers from
// files and standard input, real image files (an EXIF-rotated JPEG among them).
#include "core/grounding/LabelPalette.h"

#include "../unit/ImageFixtures.h"
#include "CliRunner.h"
#include "LargePng.h"
#include "TestMain.h"

#include <QGuiApplication>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

namespace {

using Run = qvd::test::CliRun;

Run cli(const QStringList &arguments, const QByteArray &stdinBytes = {})
{
    return qvd::test::runCli(arguments, stdinBytes);
}

QStringList args(std::initializer_list<const char *> list)
{
    QStringList result;
    for (const char *a : list)
        result.append(QString::fromUtf8(a));
    return result;
}

QJsonObject firstDetection(const Run &run)
{
    return run.json().value(QStringLiteral("detections")).toArray().at(0).toObject();
}

// x1, y1, x2, y2 of a detection object.
QList<double> corners(const QJsonObject &d)
{
    return {d.value(QStringLiteral("x1")).toDouble(), d.value(QStringLiteral("y1")).toDouble(),
            d.value(QStringLiteral("x2")).toDouble(), d.value(QStringLiteral("y2")).toDouble()};
}

const QByteArray kTags = "<ref>cat</ref><box>(100,200),(500,600)</box>";

} // namespace

class TestCliBoxes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void jsonSnapshotQwen25();
    void jsonWithSizeFromStdin();
    void maxPixelsSetsTheBudget();
    void spaceOverride_data();
    void spaceOverride();
    void exifRotatedImageGivesUprightPixels();
    void withoutImageStaysInModelSpace();
    void coco();
    void labelMe();
    void yoloKeepsTheClassList();
    void renderDrawsTheBox();
    void renderRotatedJpegIsUpright();
    void renderReadsAnOriginalPastQtsDefaultLimit();
    void unreadableInputIsExit2_data();
    void unreadableInputIsExit2();
    void helpListsTheSpaceRule();

private:
    QString writeFile(const QString &name, const QByteArray &bytes);
    QTemporaryDir m_dir;
    QString m_tags;
    QString m_rotatedJpeg;
};

QString TestCliBoxes::writeFile(const QString &name, const QByteArray &bytes)
{
    QFile file(m_dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write a fixture");
    return file.fileName();
}

void TestCliBoxes::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_tags = writeFile(QStringLiteral("tags.txt"), kTags);
    // Stored 80×40 with EXIF orientation 6 (rotate 90° clockwise): upright it is 40×80.
    m_rotatedJpeg =
        writeFile(QStringLiteral("rotated.jpg"),
                  qvd::fixtures::withExifOrientation(
                      qvd::fixtures::encode(qvd::fixtures::quadrants(QSize(80, 40)), "jpeg"), 6));
}

void TestCliBoxes::jsonSnapshotQwen25()
{
    const Run run =
        cli({QStringLiteral("boxes"), QStringLiteral("--model"),
             QStringLiteral("qwen2.5-vl-72b-instruct"), QStringLiteral("--size"),
             QStringLiteral("1920x1080"),
             qvd::test::dataPath(QStringLiteral("grounding/answer-qwen25-1920x1080.txt"))});
    QCOMPARE(run.exitCode, 0);
    QFile expectedFile(
        qvd::test::dataPath(QStringLiteral("grounding/answer-qwen25-1920x1080.expected.json")));
    QVERIFY(expectedFile.open(QIODevice::ReadOnly));
    const QJsonObject expected = QJsonDocument::fromJson(expectedFile.readAll()).object();
    QVERIFY(!expected.isEmpty());
    QVERIFY2(run.json() == expected, qPrintable(run.out));
}

void TestCliBoxes::jsonWithSizeFromStdin()
{
    const Run run = cli(args({"boxes", "--size", "2000x1000", "-"}), kTags);
    QCOMPARE(run.exitCode, 0);
    const QJsonObject json = run.json();
    QCOMPARE(json.value(QStringLiteral("family")).toString(), QStringLiteral("unknown"));
    QCOMPARE(json.value(QStringLiteral("space")).toString(), QStringLiteral("norm1000"));
    QCOMPARE(json.value(QStringLiteral("space_reason")).toString(),
             QStringLiteral("syntax-default"));
    QCOMPARE(json.value(QStringLiteral("image")).toObject().value(QStringLiteral("width")).toInt(),
             2000);
    const QJsonObject cat = firstDetection(run);
    QCOMPARE(cat.value(QStringLiteral("label")).toString(), QStringLiteral("cat"));
    QCOMPARE(corners(cat), QList<double>({200, 200, 1000, 600}));
}

void TestCliBoxes::maxPixelsSetsTheBudget()
{
    const QString answer =
        qvd::test::dataPath(QStringLiteral("grounding/answer-qwen25-1920x1080.txt"));
    // smart_resize(1080, 1920, 28, max 500000): β = 2.0365, ⌊530.3/28⌋·28 = 504, ⌊942.8/28⌋·28 =
    // 924
    const Run run = cli({QStringLiteral("boxes"), QStringLiteral("--model"),
                         QStringLiteral("qwen2.5-vl-7b-instruct"), QStringLiteral("--size"),
                         QStringLiteral("1920x1080"), QStringLiteral("--max-pixels"),
                         QStringLiteral("500000"), answer});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.json().value(QStringLiteral("space")).toString(),
             QStringLiteral("abs-resized:924x504"));
    const QList<double> c = corners(firstDetection(run));
    QCOMPARE(c.at(0), std::round(329 * 1920.0 / 924 * 100) / 100); // 683.64
    QCOMPARE(c.at(3), 780.0); // 364 * 1080 / 504
    QCOMPARE(cli({QStringLiteral("boxes"), QStringLiteral("--max-pixels"), QStringLiteral("lots"),
                  answer})
                 .exitCode,
             2);
}

void TestCliBoxes::spaceOverride_data()
{
    QTest::addColumn<QString>("space");
    QTest::addColumn<QString>("printed");
    QTest::addColumn<QList<double>>("expected");
    // Printed with the names the history and models.json use; the short forms are still read.
    QTest::newRow("absolute") << QStringLiteral("absolute") << QStringLiteral("absolute")
                              << QList<double>({100, 200, 500, 600});
    QTest::newRow("abs") << QStringLiteral("abs") << QStringLiteral("absolute")
                         << QList<double>({100, 200, 500, 600});
    // ×2 both ways; y2 = 1200 is clamped to the image's 1000.
    QTest::newRow("abs-resized") << QStringLiteral("abs-resized:1000x500")
                                 << QStringLiteral("abs-resized:1000x500")
                                 << QList<double>({200, 400, 1000, 1000});
    QTest::newRow("resized") << QStringLiteral("resized:1000x500")
                             << QStringLiteral("abs-resized:1000x500")
                             << QList<double>({200, 400, 1000, 1000});
    QTest::newRow("norm1000") << QStringLiteral("norm1000") << QStringLiteral("norm1000")
                              << QList<double>({200, 200, 1000, 600});
}

void TestCliBoxes::spaceOverride()
{
    QFETCH(QString, space);
    QFETCH(QString, printed);
    QFETCH(QList<double>, expected);
    const Run run = cli({QStringLiteral("boxes"), QStringLiteral("--model"),
                         QStringLiteral("qwen3-vl-plus"), QStringLiteral("--size"),
                         QStringLiteral("2000x1000"), QStringLiteral("--space"), space, m_tags});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.json().value(QStringLiteral("space")).toString(), printed);
    QCOMPARE(run.json().value(QStringLiteral("space_reason")).toString(),
             QStringLiteral("user-override"));
    QCOMPARE(run.json().value(QStringLiteral("family")).toString(), QStringLiteral("qwen3-vl"));
    QCOMPARE(corners(firstDetection(run)), expected);
}

void TestCliBoxes::exifRotatedImageGivesUprightPixels()
{
    const Run run =
        cli({QStringLiteral("boxes"), QStringLiteral("--image"), m_rotatedJpeg, m_tags});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject image = run.json().value(QStringLiteral("image")).toObject();
    QCOMPARE(image.value(QStringLiteral("width")).toInt(), 40);
    QCOMPARE(image.value(QStringLiteral("height")).toInt(), 80);
    // 0..1000 of the upright 40×80: (100,200),(500,600) → (4,16),(20,48)
    QCOMPARE(corners(firstDetection(run)), QList<double>({4, 16, 20, 48}));
}

void TestCliBoxes::withoutImageStaysInModelSpace()
{
    const Run run = cli(args({"boxes"}), "<ref>x</ref><box>(900,1200),(100,50)</box>");
    QCOMPARE(run.exitCode, 0);
    const QJsonObject json = run.json();
    QVERIFY(json.value(QStringLiteral("image")).isNull());
    // Values above 1000: read as pixels of the model input, whose size nobody gave.
    QCOMPARE(json.value(QStringLiteral("space")).toString(), QStringLiteral("abs-resized"));
    const QJsonObject d = firstDetection(run);
    QCOMPARE(corners(d), QList<double>({100, 50, 900, 1200})); // ordered, not clamped
    QVERIFY(d.value(QStringLiteral("image")).isNull());
    QCOMPARE(cli(args({"boxes", "--format", "coco"}), kTags).exitCode, 2);
}

void TestCliBoxes::coco()
{
    const Run run = cli({QStringLiteral("boxes"), QStringLiteral("--format"),
                         QStringLiteral("coco"), QStringLiteral("--image"), m_rotatedJpeg, m_tags});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject json = run.json();
    const QJsonObject image = json.value(QStringLiteral("images")).toArray().at(0).toObject();
    QCOMPARE(image.value(QStringLiteral("file_name")).toString(), QStringLiteral("rotated.jpg"));
    QCOMPARE(image.value(QStringLiteral("width")).toInt(), 40);
    QCOMPARE(image.value(QStringLiteral("height")).toInt(), 80);
    const QJsonObject a = json.value(QStringLiteral("annotations")).toArray().at(0).toObject();
    QCOMPARE(a.value(QStringLiteral("bbox")).toArray(), QJsonArray({4, 16, 16, 32}));
    QCOMPARE(a.value(QStringLiteral("category_id")).toInt(), 1);
    QCOMPARE(json.value(QStringLiteral("categories"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("name")),
             QJsonValue(QStringLiteral("cat")));
}

void TestCliBoxes::labelMe()
{
    const Run run = cli(args({"boxes", "--format", "labelme", "--size", "2000x1000"}), kTags);
    QCOMPARE(run.exitCode, 0);
    const QJsonObject json = run.json();
    QCOMPARE(json.value(QStringLiteral("imageWidth")).toInt(), 2000);
    QCOMPARE(json.value(QStringLiteral("imageHeight")).toInt(), 1000);
    QCOMPARE(json.value(QStringLiteral("imagePath")).toString(), QString());
    const QJsonObject shape = json.value(QStringLiteral("shapes")).toArray().at(0).toObject();
    QCOMPARE(shape.value(QStringLiteral("shape_type")).toString(), QStringLiteral("rectangle"));
    QCOMPARE(shape.value(QStringLiteral("points")).toArray(),
             QJsonArray({QJsonArray({200, 200}), QJsonArray({1000, 600})}));
}

void TestCliBoxes::yoloKeepsTheClassList()
{
    const QString classes = writeFile(QStringLiteral("classes.txt"), "dog\n");
    const Run run =
        cli({QStringLiteral("boxes"), QStringLiteral("--format"), QStringLiteral("yolo"),
             QStringLiteral("--size"), QStringLiteral("2000x1000"), QStringLiteral("--classes"),
             classes, m_tags});
    QCOMPARE(run.exitCode, 0);
    // centre (600, 400) of 2000×1000, size 800×400
    QCOMPARE(run.out, QStringLiteral("1 0.300000 0.400000 0.400000 0.400000\n"));
    QFile file(classes);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("dog\ncat\n"));
    const Run noList = cli(args({"boxes", "--format", "yolo", "--size", "2000x1000"}), kTags);
    QCOMPARE(noList.out, QStringLiteral("0 0.300000 0.400000 0.400000 0.400000\n"));
    QVERIFY(noList.err.contains(QStringLiteral("\ncat\n")));
}

void TestCliBoxes::renderDrawsTheBox()
{
    QImage white(QSize(200, 100), QImage::Format_RGB32);
    white.fill(Qt::white);
    const QString image =
        writeFile(QStringLiteral("white.png"), qvd::fixtures::encode(white, "png"));
    const QString output = m_dir.filePath(QStringLiteral("out.png"));
    const Run run = cli({QStringLiteral("render"), QStringLiteral("--image"), image,
                         QStringLiteral("--text"), m_tags, QStringLiteral("--output"), output});
    QCOMPARE(run.exitCode, 0);
    const QImage drawn(output, "png");
    QCOMPARE(drawn.size(), QSize(200, 100));
    const QColor colour = qvd::LabelPalette::colour(QStringLiteral("cat"));
    // (100,200),(500,600) of 200×100 → (20,20),(100,60): left edge below the label, right edge.
    QCOMPARE(QColor(drawn.pixel(20, 55)), colour);
    QCOMPARE(QColor(drawn.pixel(100, 40)), colour);
    QCOMPARE(QColor(drawn.pixel(60, 50)), QColor(Qt::white)); // inside
    QCOMPARE(QColor(drawn.pixel(150, 80)), QColor(Qt::white)); // outside
}

void TestCliBoxes::renderRotatedJpegIsUpright()
{
    const QString output = m_dir.filePath(QStringLiteral("rotated.png"));
    const Run run = cli({QStringLiteral("render"), QStringLiteral("--image"), m_rotatedJpeg,
                         QStringLiteral("--output"), output},
                        "<ref>x</ref><box>(0,0),(10,10)</box>");
    QCOMPARE(run.exitCode, 0);
    const QImage drawn(output, "png");
    QCOMPARE(drawn.size(), QSize(40, 80));
    // Orientation 6 turns the stored image 90° clockwise: stored top-left (red) ends up
    // top-right, stored top-right (green) bottom-right, stored bottom-left (blue) top-left.
    QVERIFY(qvd::fixtures::near(drawn.pixel(34, 12), qvd::fixtures::kTopLeft));
    QVERIFY(qvd::fixtures::near(drawn.pixel(34, 60), qvd::fixtures::kTopRight));
    QVERIFY(qvd::fixtures::near(drawn.pixel(6, 30), qvd::fixtures::kBottomLeft));
}

// Qt's own decode limit (128 MiB in Qt 6.4) refuses a 4200 x 4200 16-bit original; the CLI raises
// it at start-up to what the largest accepted original needs.
void TestCliBoxes::renderReadsAnOriginalPastQtsDefaultLimit()
{
    const QString image = writeFile(QStringLiteral("large.png"), qvd::test::rgba64Png(4200));
    const QString output = m_dir.filePath(QStringLiteral("large-out.jpg"));
    const Run run = cli({QStringLiteral("render"), QStringLiteral("--image"), image,
                         QStringLiteral("--output"), output},
                        "<ref>x</ref><box>(0,0),(10,10)</box>");
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(QImageReader(output).size(), QSize(4200, 4200));
}

void TestCliBoxes::unreadableInputIsExit2_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QString missing = QStringLiteral("/nonexistent/answer.txt");
    QTest::newRow("missing answer") << QStringList({QStringLiteral("boxes"), missing})
                                    << QStringLiteral("Cannot read the answer");
    QTest::newRow("missing image")
        << QStringList({QStringLiteral("boxes"), QStringLiteral("--image"),
                        QStringLiteral("/nonexistent/a.png"), QStringLiteral("-")})
        << QStringLiteral("Cannot read the image");
    QTest::newRow("render missing text") << QStringList(
        {QStringLiteral("render"), QStringLiteral("--image"), QStringLiteral("@IMAGE@"),
         QStringLiteral("--text"), missing, QStringLiteral("--output"), QStringLiteral("@OUT@")})
                                         << QStringLiteral("Cannot read the answer");
    QTest::newRow("render not an image") << QStringList(
        {QStringLiteral("render"), QStringLiteral("--image"), QStringLiteral("@TEXT@"),
         QStringLiteral("--output"), QStringLiteral("@OUT@")})
                                         << QStringLiteral("Cannot read the image");
    QTest::newRow("render without output") << QStringList(
        {QStringLiteral("render"), QStringLiteral("--image"), QStringLiteral("@IMAGE@")})
                                           << QStringLiteral("Usage");
    QTest::newRow("bad format") << QStringList({QStringLiteral("boxes"), QStringLiteral("--format"),
                                                QStringLiteral("xml"), QStringLiteral("@TEXT@")})
                                << QStringLiteral("--format");
    QTest::newRow("bad space") << QStringList({QStringLiteral("boxes"), QStringLiteral("--space"),
                                               QStringLiteral("pixels"), QStringLiteral("@TEXT@")})
                               << QStringLiteral("--space");
    QTest::newRow("bad size") << QStringList({QStringLiteral("boxes"), QStringLiteral("--size"),
                                              QStringLiteral("0x10"), QStringLiteral("@TEXT@")})
                              << QStringLiteral("--size");
}

void TestCliBoxes::unreadableInputIsExit2()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const QString output = m_dir.filePath(QStringLiteral("never.png"));
    for (QString &a : arguments) {
        a.replace(QStringLiteral("@IMAGE@"), m_rotatedJpeg);
        a.replace(QStringLiteral("@TEXT@"), m_tags);
        a.replace(QStringLiteral("@OUT@"), output);
    }
    const Run run = cli(arguments, kTags);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
    QVERIFY(!QFile::exists(output));
}

void TestCliBoxes::helpListsTheSpaceRule()
{
    const Run run = cli(args({"boxes", "--help"}));
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains(QStringLiteral("model's own space")));
    QVERIFY(run.out.contains(QStringLiteral("--max-pixels")));
    QCOMPARE(cli(args({"render", "--help"})).exitCode, 0);
}

QVD_TEST_GUI_MAIN(TestCliBoxes)
#include "tst_CliBoxes.moc"
