// The dataset readers on hand-written files of each format (tests/data/dataset/README.md), and
// the round trip: every format read, written again by the data set writer in every format, read
// back — the same boxes within half a pixel.
#include "core/dataset/DatasetReader.h"
#include "core/dataset/DatasetWriter.h"
#include "core/dataset/YoloImport.h"

#include "../ImageFixtures.h"
#include "DatasetTestUtil.h"
#include "TestMain.h"

#include <QGuiApplication>
#include <QTemporaryDir>

#include <algorithm>

using namespace qvd;
using qvd::test::dataPath;
using qvd::test::describe;
using qvd::test::sameRect;
using qvd::test::writeAll;
using qvd::test::writeImage;

Q_DECLARE_METATYPE(qvd::DatasetFormat)

namespace {

QString tempFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    if (!writeAll(path, bytes))
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

const char kYoloLabels[] = "0 0.5 0.5 0.2 0.4\n"
                           "2 0.25 0.25 0.1 0.2 0.9\r\n"
                           "1 0.1 0.1 0.1 0.1\n"
                           "\n"
                           "5 0.1 0.1 0.1 0.1\n"
                           "0 0.1 0.1 0.3 0.2 0.25 0.3 0.05 0.25\n";

// Ultralytics' layout: labels/train/a.txt, images/train/a.png (200×100), labels/classes.txt
// with an empty line for class 1.
QString makeYoloSet(const QTemporaryDir &dir)
{
    tempFile(dir, QStringLiteral("yolo/labels/classes.txt"), "dog\n\ncat\n");
    writeImage(dir.filePath(QStringLiteral("yolo/images/train/a.png")), QSize(200, 100));
    return tempFile(dir, QStringLiteral("yolo/labels/train/a.txt"), kYoloLabels);
}

} // namespace

class TestDatasetReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void coco();
    void labelMe();
    void voc();
    void yoloWithClassListAndImage();
    void yoloBadLineSaysWhere();
    void yoloWithoutImageSaysWhatIsMissing();
    void yoloUsesTheUprightSizeOfAnExifRotatedImage();
    void detectionJsonOfBoxesAndAsk();
    void detectionJsonInTheModelsSpaceIsRefused();
    void folderReadsEachImageOnce();
    void twoImagesOfOneNameAreAnError();
    void damagedJsonSaysWhichFile();
    void roundTrip_data();
    void roundTrip();
};

void TestDatasetReader::coco()
{
    DatasetReader reader;
    const auto images = reader.read(dataPath(QStringLiteral("dataset/coco.json")));
    QVERIFY2(images, qPrintable(reader.errorString()));
    QCOMPARE(images->size(), 2);
    const DatasetImage &street = images->at(0);
    QCOMPARE(street.imagePath, QStringLiteral("images/street.jpg"));
    QCOMPARE(street.imageName(), QStringLiteral("street"));
    QCOMPARE(street.size, QSize(640, 480));
    QCOMPARE(street.detections.size(), 3);
    const MappedDetection &person = street.detections.at(0);
    QCOMPARE(person.label, QStringLiteral("person"));
    QCOMPARE(person.kind, DetectionKind::Box);
    QCOMPARE(person.rect, QRectF(10.5, 20.25, 100, 200));
    QCOMPARE(person.attributes.value(QStringLiteral("score")).toDouble(), 0.91);
    const MappedDetection &car = street.detections.at(1);
    QCOMPARE(car.kind, DetectionKind::Box); // its segmentation is its own rectangle
    QCOMPARE(car.rect, QRectF(300, 200, 120.5, 80));
    QCOMPARE(car.attributes.value(QStringLiteral("color")).toString(), QStringLiteral("red"));
    QCOMPARE(street.detections.at(2).kind, DetectionKind::Point);
    QCOMPARE(street.detections.at(2).point(), QPointF(500, 10));

    const DatasetImage &park = images->at(1);
    QCOMPARE(park.size, QSize(400, 300));
    const MappedDetection &sign = park.detections.at(0);
    QCOMPARE(sign.label, QStringLiteral("sign"));
    QCOMPARE(sign.kind, DetectionKind::Quad);
    QCOMPARE(sign.quad,
             QPolygonF({QPointF(120, 20), QPointF(180, 30), QPointF(170, 80), QPointF(110, 70)}));
    QCOMPARE(sign.rect, QRectF(QPointF(110, 20), QPointF(180, 80)));
    QCOMPARE(park.detections.at(1).attributes.value(QStringLiteral("iscrowd")).toInt(), 1);
    QVERIFY(reader.warnings().isEmpty());
}

void TestDatasetReader::labelMe()
{
    DatasetReader reader;
    const auto images = reader.read(dataPath(QStringLiteral("dataset/labelme.json")));
    QVERIFY2(images, qPrintable(reader.errorString()));
    QCOMPARE(images->size(), 1);
    const DatasetImage &yard = images->at(0);
    QCOMPARE(yard.imagePath, QStringLiteral("../images/yard.png"));
    QCOMPARE(yard.imageName(), QStringLiteral("yard"));
    QCOMPARE(yard.size, QSize(320, 200));
    const QList<MappedDetection> &d = yard.detections;
    QCOMPARE(d.size(), 6); // the line is skipped
    QCOMPARE(d[0].rect, QRectF(QPointF(20, 10), QPointF(120.5, 80))); // corners put in order
    QCOMPARE(d[0].attributes.value(QStringLiteral("score")).toDouble(), 0.75);
    QCOMPARE(d[1].kind, DetectionKind::Point);
    QCOMPARE(d[1].point(), QPointF(60, 40));
    QCOMPARE(d[2].kind, DetectionKind::Quad);
    QCOMPARE(d[2].label, QStringLiteral("sign"));
    QCOMPARE(d[3].kind, DetectionKind::Box); // five corners: the bounding box
    QCOMPARE(d[3].rect, QRectF(QPointF(5, 90), QPointF(90, 150)));
    QCOMPARE(d[4].rect, QRectF(QPointF(190, 90), QPointF(210, 110))); // circle of radius 10
    QCOMPARE(d[5].label, QStringLiteral("box4"));
    QCOMPARE(d[5].rect, QRectF(QPointF(250, 50), QPointF(290, 90)));
    QCOMPARE(reader.warnings().size(), 1);
    QVERIFY2(reader.warnings().first().contains(QStringLiteral("crack")),
             qPrintable(reader.warnings().first()));
}

void TestDatasetReader::voc()
{
    DatasetReader reader;
    const auto images = reader.read(dataPath(QStringLiteral("dataset/voc.xml")));
    QVERIFY2(images, qPrintable(reader.errorString()));
    const DatasetImage &kitchen = images->at(0);
    QCOMPARE(kitchen.imagePath, QStringLiteral("kitchen.jpg"));
    QCOMPARE(kitchen.size, QSize(500, 375));
    QCOMPARE(kitchen.detections.size(), 3);
    QCOMPARE(kitchen.detections[0].label, QStringLiteral("cup"));
    QCOMPARE(kitchen.detections[0].rect, QRectF(QPointF(48, 240), QPointF(195, 371)));
    QCOMPARE(kitchen.detections[1].rect, QRectF(QPointF(8, 12.5), QPointF(30, 300.5)));
    QCOMPARE(kitchen.detections[1].attributes.value(QStringLiteral("difficult")).toInt(), 1);
    QCOMPARE(kitchen.detections[2].kind, DetectionKind::Point);
    QCOMPARE(kitchen.detections[2].point(), QPointF(400, 100));
    QCOMPARE(kitchen.detections[2].attributes.value(QStringLiteral("score")).toDouble(), 0.4);
}

void TestDatasetReader::yoloWithClassListAndImage()
{
    QTemporaryDir dir;
    const QString labels = makeYoloSet(dir);
    DatasetReader reader;
    const auto images = reader.read(labels);
    QVERIFY2(images, qPrintable(reader.errorString()));
    const DatasetImage &a = images->at(0);
    QCOMPARE(a.imageName(), QStringLiteral("a"));
    QCOMPARE(a.size, QSize(200, 100));
    const QList<MappedDetection> &d = a.detections;
    QCOMPARE(d.size(), 5);
    // centre (100, 50), 40 × 40
    QCOMPARE(d[0].label, QStringLiteral("dog"));
    QCOMPARE(d[0].rect, QRectF(QPointF(80, 30), QPointF(120, 70)));
    // a confidence after the box, a Windows line end
    QCOMPARE(d[1].label, QStringLiteral("cat"));
    QVERIFY2(sameRect(d[1].rect, QRectF(QPointF(40, 15), QPointF(60, 35)), 1e-9),
             qPrintable(describe(d[1].rect)));
    QCOMPARE(d[1].attributes.value(QStringLiteral("score")).toDouble(), 0.9);
    // an empty line of the class list and a class past its end: named by number
    QCOMPARE(d[2].label, QStringLiteral("1"));
    QCOMPARE(d[3].label, QStringLiteral("5"));
    // a segmentation line with four corners: (20,10), (60,20), (50,30), (10,25)
    QCOMPARE(d[4].kind, DetectionKind::Quad);
    QVERIFY(sameRect(d[4].rect, QRectF(QPointF(10, 10), QPointF(60, 30)), 1e-9));
    QVERIFY(sameRect(QRectF(d[4].quad.at(1), QSizeF()), QRectF(QPointF(60, 20), QSizeF()), 1e-9));
}

void TestDatasetReader::yoloBadLineSaysWhere()
{
    QTemporaryDir dir;
    makeYoloSet(dir);
    const QString labels = tempFile(dir, QStringLiteral("yolo/labels/train/a.txt"),
                                    "0 0.5 0.5 0.2 0.4\n0 0.5 zero 0.2 0.4\n");
    DatasetReader reader;
    QVERIFY(!reader.read(labels));
    QVERIFY2(reader.errorString().contains(QStringLiteral("Line 2")),
             qPrintable(reader.errorString()));
    QVERIFY(reader.errorString().contains(QStringLiteral("a.txt")));
}

void TestDatasetReader::yoloWithoutImageSaysWhatIsMissing()
{
    QTemporaryDir dir;
    const QString labels = tempFile(dir, QStringLiteral("alone/b.txt"), "0 0.5 0.5 0.2 0.4\n");
    DatasetReader reader;
    QVERIFY(!reader.read(labels));
    QVERIFY2(reader.errorString().contains(QStringLiteral("“b”")),
             qPrintable(reader.errorString()));
    // With the folder the images are in, it reads.
    writeImage(dir.filePath(QStringLiteral("pictures/b.jpg")), QSize(300, 200));
    reader.setImageFolder(dir.filePath(QStringLiteral("pictures")));
    const auto images = reader.read(labels);
    QVERIFY2(images, qPrintable(reader.errorString()));
    QCOMPARE(images->at(0).detections.at(0).rect, QRectF(QPointF(120, 60), QPointF(180, 140)));
}

void TestDatasetReader::yoloUsesTheUprightSizeOfAnExifRotatedImage()
{
    // Stored 60 × 40, EXIF orientation 6 (turn 90° clockwise to view): upright 40 × 60, the
    // image every labelling tool shows and labels.
    QTemporaryDir dir;
    const QByteArray jpeg = qvd::fixtures::withExifOrientation(
        qvd::fixtures::encode(qvd::fixtures::quadrants(QSize(60, 40)), "jpg"), 6);
    tempFile(dir, QStringLiteral("turned.jpg"), jpeg);
    const QString labels = tempFile(dir, QStringLiteral("turned.txt"), "0 0.5 0.25 0.5 0.1\n");
    DatasetReader reader;
    const auto images = reader.read(labels);
    QVERIFY2(images, qPrintable(reader.errorString()));
    QCOMPARE(images->at(0).size, QSize(40, 60));
    // centre (20, 15), 20 × 6
    QVERIFY2(sameRect(images->at(0).detections.at(0).rect, QRectF(QPointF(10, 12), QPointF(30, 18)),
                      1e-9),
             qPrintable(describe(images->at(0).detections.at(0).rect)));
}

void TestDatasetReader::detectionJsonOfBoxesAndAsk()
{
    QTemporaryDir dir;
    const QString boxes =
        tempFile(dir, QStringLiteral("street.json"),
                 R"({"image": {"width": 200, "height": 100}, "model": "qwen3-vl-plus",
            "space": "norm1000", "detections": [
            {"kind": "box", "label": "cat", "x1": 30, "y1": 40, "x2": 1, "y2": 2,
             "image": null, "attributes": {"score": 0.5}},
            {"kind": "point", "label": "dog", "x1": 7, "y1": 8, "x2": 7, "y2": 8,
             "image": null, "attributes": {}},
            {"kind": "quad", "label": "sign", "x1": 110, "y1": 20, "x2": 180, "y2": 80,
             "points": [[120, 20], [180, 30], [170, 80], [110, 70]], "image": null,
             "attributes": {}}]})");
    DatasetReader reader;
    auto images = reader.read(boxes);
    QVERIFY2(images, qPrintable(reader.errorString()));
    QCOMPARE(images->at(0).imageName(), QStringLiteral("street")); // the file's name
    QCOMPARE(images->at(0).size, QSize(200, 100));
    const QList<MappedDetection> &d = images->at(0).detections;
    QCOMPARE(d[0].rect, QRectF(QPointF(1, 2), QPointF(30, 40)));
    QCOMPARE(d[0].attributes.value(QStringLiteral("score")).toDouble(), 0.5);
    QCOMPARE(d[1].kind, DetectionKind::Point);
    QCOMPARE(d[2].kind, DetectionKind::Quad);
    QCOMPARE(d[2].quad.size(), 4);

    const QString ask = tempFile(dir, QStringLiteral("ask.json"),
                                 R"({"text": "…", "model": "qwen2.5-vl-72b-instruct",
            "images": [{"width": 640, "height": 480, "sent_width": 644, "sent_height": 476}],
            "detections": [{"kind": "box", "label": "cat", "x1": 1, "y1": 2, "x2": 3,
                            "y2": 4, "image": 0, "attributes": {}}]})");
    images = reader.read(ask);
    QVERIFY2(images, qPrintable(reader.errorString()));
    QCOMPARE(images->at(0).size, QSize(640, 480));
    QCOMPARE(images->at(0).detections.size(), 1);

    const QString twoImages =
        tempFile(dir, QStringLiteral("two.json"),
                 R"({"images": [{"width": 64, "height": 48}, {"width": 64, "height": 48}],
            "detections": [
              {"kind": "box", "label": "a", "x1": 1, "y1": 2, "x2": 3, "y2": 4, "image": 0},
              {"kind": "box", "label": "b", "x1": 1, "y1": 2, "x2": 3, "y2": 4, "image": 1}]})");
    QVERIFY(!reader.read(twoImages));
    QVERIFY2(reader.errorString().contains(QStringLiteral("more than one image")),
             qPrintable(reader.errorString()));
}

void TestDatasetReader::detectionJsonInTheModelsSpaceIsRefused()
{
    QTemporaryDir dir;
    const QString boxes = tempFile(dir, QStringLiteral("raw.json"),
                                   R"({"image": null, "space": "norm1000", "detections": [
            {"kind": "box", "label": "cat", "x1": 1, "y1": 2, "x2": 3, "y2": 4,
             "image": null, "attributes": {}}]})");
    DatasetReader reader;
    QVERIFY(!reader.read(boxes));
    QVERIFY2(reader.errorString().contains(QStringLiteral("--image or --size")),
             qPrintable(reader.errorString()));
}

void TestDatasetReader::folderReadsEachImageOnce()
{
    // What a data set folder written in several formats holds: the same image as LabelMe and
    // YOLO (whose image is not there: it is not opened), another as VOC, and the class list.
    QTemporaryDir dir;
    tempFile(dir, QStringLiteral("set/a.json"),
             R"({"shapes": [{"label": "dog", "points": [[1, 2], [30, 40]],
                 "shape_type": "rectangle"}], "imagePath": "a.png",
                 "imageWidth": 64, "imageHeight": 48})");
    tempFile(dir, QStringLiteral("set/a.txt"), "0 0.5 0.5 0.1 0.1\n");
    tempFile(dir, QStringLiteral("set/classes.txt"), "dog\n");
    tempFile(dir, QStringLiteral("set/b.xml"),
             "<annotation><filename>b.png</filename><object><name>cat</name><bndbox>"
             "<xmin>1</xmin><ymin>2</ymin><xmax>3</xmax><ymax>4</ymax></bndbox></object>"
             "</annotation>");
    DatasetReader reader;
    const auto images = reader.read(dir.filePath(QStringLiteral("set")));
    QVERIFY2(images, qPrintable(reader.errorString()));
    QCOMPARE(images->size(), 2);
    QCOMPARE(images->at(0).imageName(), QStringLiteral("a"));
    QCOMPARE(images->at(0).detections.at(0).rect, QRectF(QPointF(1, 2), QPointF(30, 40)));
    QCOMPARE(images->at(1).imageName(), QStringLiteral("b"));
    QCOMPARE(reader.warnings().size(), 1);
    QVERIFY2(reader.warnings().first().contains(QStringLiteral("a.txt")),
             qPrintable(reader.warnings().first()));
}

void TestDatasetReader::twoImagesOfOneNameAreAnError()
{
    QTemporaryDir dir;
    tempFile(dir, QStringLiteral("set/one.json"),
             R"({"shapes": [], "imagePath": "x/a.png", "imageWidth": 6, "imageHeight": 4})");
    tempFile(dir, QStringLiteral("set/two.json"),
             R"({"shapes": [], "imagePath": "y/a.png", "imageWidth": 6, "imageHeight": 4})");
    DatasetReader reader;
    QVERIFY(!reader.read(dir.filePath(QStringLiteral("set"))));
    QVERIFY2(reader.errorString().contains(QStringLiteral("“a”")),
             qPrintable(reader.errorString()));
}

void TestDatasetReader::damagedJsonSaysWhichFile()
{
    QTemporaryDir dir;
    const QString path = tempFile(dir, QStringLiteral("broken.json"), "{\"shapes\": [");
    DatasetReader reader;
    QVERIFY(!reader.read(path));
    QVERIFY2(reader.errorString().contains(QStringLiteral("broken.json")),
             qPrintable(reader.errorString()));
    QVERIFY(!reader.read(dir.filePath(QStringLiteral("missing.json"))));
    QVERIFY(reader.errorString().contains(QStringLiteral("missing.json")));
}

void TestDatasetReader::roundTrip_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<qvd::DatasetFormat>("format");
    const std::pair<const char *, DatasetFormat> formats[] = {
        {"coco", DatasetFormat::Coco},
        {"labelme", DatasetFormat::LabelMe},
        {"voc", DatasetFormat::Voc},
        {"yolo", DatasetFormat::Yolo},
    };
    for (const char *source : {"coco", "labelme", "voc", "yolo"}) {
        for (const auto &[name, format] : formats) {
            QTest::addRow("%s→%s", source, name) << QString::fromLatin1(source) << format;
        }
    }
}

void TestDatasetReader::roundTrip()
{
    QFETCH(QString, source);
    QFETCH(qvd::DatasetFormat, format);
    QTemporaryDir dir;
    QString input;
    if (source == QLatin1String("yolo"))
        input = makeYoloSet(dir);
    else
        input = dataPath(QStringLiteral("dataset/%1.%2")
                             .arg(source,
                                  source == QLatin1String("voc") ? QStringLiteral("xml")
                                                                 : QStringLiteral("json")));
    DatasetReader reader;
    const auto original = reader.read(input);
    QVERIFY2(original, qPrintable(reader.errorString()));

    const QString out = dir.filePath(QStringLiteral("out"));
    QVERIFY(QDir().mkpath(out));
    DatasetWriter writer(out);
    for (const DatasetImage &image : *original) {
        QVERIFY2(writer.addImage(image, format), qPrintable(writer.errorString()));
        // YOLO's fractions are read back against the image's size: put an image there.
        if (format == DatasetFormat::Yolo)
            writeImage(QDir(out).filePath(image.imageName() + QStringLiteral(".png")), image.size);
    }
    QVERIFY2(writer.finish(), qPrintable(writer.errorString()));

    DatasetReader again;
    const auto copy = again.read(out);
    QVERIFY2(copy, qPrintable(again.errorString()));
    QCOMPARE(copy->size(), original->size());
    for (const DatasetImage &before : *original) {
        // A folder is read in file name order; images are paired by name.
        const auto found = std::find_if(copy->begin(), copy->end(), [&](const DatasetImage &i) {
            return i.imageName() == before.imageName();
        });
        QVERIFY2(found != copy->end(), qPrintable(before.imageName()));
        const DatasetImage &after = *found;
        QCOMPARE(after.size, before.size);
        QCOMPARE(after.detections.size(), before.detections.size());
        for (qsizetype k = 0; k < before.detections.size(); ++k) {
            const MappedDetection &b = before.detections.at(k);
            const MappedDetection &a = after.detections.at(k);
            QCOMPARE(a.label, b.label.isEmpty() ? QStringLiteral("object") : b.label);
            const bool keepsQuads =
                format == DatasetFormat::Coco || format == DatasetFormat::LabelMe;
            const DetectionKind expected =
                b.kind == DetectionKind::Quad && !keepsQuads ? DetectionKind::Box : b.kind;
            QCOMPARE(a.kind, expected);
            QVERIFY2(sameRect(a.rect, b.rect),
                     qPrintable(QStringLiteral("detection %1: %2 became %3")
                                    .arg(k)
                                    .arg(describe(b.rect), describe(a.rect))));
            if (a.kind == DetectionKind::Quad) {
                for (int c = 0; c < 4; ++c) {
                    const QPointF delta = a.quad.at(c) - b.quad.at(c);
                    QVERIFY(qAbs(delta.x()) <= 0.5 && qAbs(delta.y()) <= 0.5);
                }
            }
        }
    }
}

QVD_TEST_GUI_MAIN(TestDatasetReader)
#include "tst_DatasetReader.moc"
