// The export formats and the shared detection JSON, field by field against values worked out
// by hand for one 200×100 image with a box, a point, a quad and a second box of the same class.
#include "core/dataset/CocoExport.h"
#include "core/dataset/LabelMeExport.h"
#include "core/dataset/YoloExport.h"
#include "core/grounding/AnnotatedPng.h"
#include "core/grounding/DetectionJson.h"
#include "core/grounding/ExportClasses.h"
#include "core/grounding/LabelPalette.h"

#include "TestMain.h"

#include <QGuiApplication>
#include <QJsonDocument>

using namespace qvd;

namespace {

const QSize kSize(200, 100);

MappedDetection box(qreal x1, qreal y1, qreal x2, qreal y2, const char *label)
{
    MappedDetection d;
    d.rect = QRectF(QPointF(x1, y1), QPointF(x2, y2));
    d.label = QString::fromUtf8(label);
    return d;
}

QList<MappedDetection> sample()
{
    MappedDetection cat = box(20, 10, 60, 50, "cat");
    cat.attributes.insert(QStringLiteral("color"), QStringLiteral("black"));
    cat.image = 0;
    MappedDetection dot = box(100, 40, 100, 40, "");
    dot.kind = DetectionKind::Point;
    MappedDetection sign;
    sign.kind = DetectionKind::Quad;
    sign.label = QStringLiteral("sign");
    sign.quad = QPolygonF({QPointF(120, 20), QPointF(180, 30), QPointF(170, 80), QPointF(110, 70)});
    sign.rect = sign.quad.boundingRect();
    return {cat, dot, sign, box(150, 60, 190, 90, "cat")};
}

// Through text and back, as a consumer reads the file.
QJsonObject reparsed(const QJsonObject &object)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QJsonDocument(object).toJson(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        qFatal("export is not a JSON object");
    return doc.object();
}

QJsonArray numbers(std::initializer_list<double> values)
{
    QJsonArray array;
    for (double v : values)
        array.append(v);
    return array;
}

} // namespace

class TestGroundingExports : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void classesInOrderOfFirstAppearance();
    void detectionJson();
    void detectionJsonRoundsAndMapsThroughMapper();
    void coco();
    void labelMe();
    void yolo();
    void annotatedPng();
};

void TestGroundingExports::classesInOrderOfFirstAppearance()
{
    QCOMPARE(
        exportClasses(sample()),
        QStringList({QStringLiteral("cat"), QStringLiteral("object"), QStringLiteral("sign")}));
    QCOMPARE(exportClasses(sample(), {QStringLiteral("dog"), QStringLiteral("cat")}),
             QStringList({QStringLiteral("dog"), QStringLiteral("cat"), QStringLiteral("object"),
                          QStringLiteral("sign")}));
    QCOMPARE(exportClassName(QStringLiteral(" two\nlines ")), QStringLiteral("two lines"));
}

void TestGroundingExports::detectionJson()
{
    const QJsonArray array = detectionsToJson(sample());
    QCOMPARE(array.size(), 4);
    const QJsonObject cat = array.at(0).toObject();
    QCOMPARE(cat.keys(),
             QStringList({QStringLiteral("attributes"), QStringLiteral("image"),
                          QStringLiteral("kind"), QStringLiteral("label"), QStringLiteral("x1"),
                          QStringLiteral("x2"), QStringLiteral("y1"), QStringLiteral("y2")}));
    QCOMPARE(cat.value(QStringLiteral("kind")).toString(), QStringLiteral("box"));
    QCOMPARE(cat.value(QStringLiteral("label")).toString(), QStringLiteral("cat"));
    QCOMPARE(cat.value(QStringLiteral("x1")).toDouble(), 20.0);
    QCOMPARE(cat.value(QStringLiteral("y1")).toDouble(), 10.0);
    QCOMPARE(cat.value(QStringLiteral("x2")).toDouble(), 60.0);
    QCOMPARE(cat.value(QStringLiteral("y2")).toDouble(), 50.0);
    QCOMPARE(cat.value(QStringLiteral("image")).toInt(-1), 0);
    QCOMPARE(cat.value(QStringLiteral("attributes")).toObject(),
             QJsonObject({{QStringLiteral("color"), QStringLiteral("black")}}));

    const QJsonObject dot = array.at(1).toObject();
    QCOMPARE(dot.value(QStringLiteral("kind")).toString(), QStringLiteral("point"));
    QCOMPARE(dot.value(QStringLiteral("x1")).toDouble(), 100.0);
    QCOMPARE(dot.value(QStringLiteral("x2")).toDouble(), 100.0);
    QCOMPARE(dot.value(QStringLiteral("y1")).toDouble(), 40.0);
    QCOMPARE(dot.value(QStringLiteral("y2")).toDouble(), 40.0);
    QVERIFY(dot.value(QStringLiteral("image")).isNull());
    QVERIFY(!dot.contains(QStringLiteral("points")));

    const QJsonObject sign = array.at(2).toObject();
    QCOMPARE(sign.value(QStringLiteral("kind")).toString(), QStringLiteral("quad"));
    QCOMPARE(sign.value(QStringLiteral("x1")).toDouble(), 110.0);
    QCOMPARE(sign.value(QStringLiteral("y2")).toDouble(), 80.0);
    QCOMPARE(sign.value(QStringLiteral("points")).toArray(),
             QJsonArray(
                 {numbers({120, 20}), numbers({180, 30}), numbers({170, 80}), numbers({110, 70})}));
}

void TestGroundingExports::detectionJsonRoundsAndMapsThroughMapper()
{
    ImageTransform transform;
    transform.storedSize = transform.originalSize = QSize(3000, 1000);
    const CoordinateMapper mapper(CoordinateSpace::Norm1000, transform);
    // Inverted corners and a value past 1000: swapped and clamped by the mapper.
    Detection d = Detection::box(900, 1200, 100, 333, QStringLiteral("x"));
    const QJsonObject json = detectionToJson(MappedDetection::map(d, mapper, 2));
    QCOMPARE(json.value(QStringLiteral("x1")).toDouble(), 300.0);
    QCOMPARE(json.value(QStringLiteral("y1")).toDouble(), 333.0);
    QCOMPARE(json.value(QStringLiteral("x2")).toDouble(), 2700.0);
    QCOMPARE(json.value(QStringLiteral("y2")).toDouble(), 1000.0);
    QCOMPARE(json.value(QStringLiteral("image")).toInt(), 2);
    d = Detection::box(1, 1, 2, 2);
    transform.storedSize = transform.originalSize = QSize(1000, 3);
    const QJsonObject third = detectionToJson(
        MappedDetection::map(d, CoordinateMapper(CoordinateSpace::Norm1000, transform)));
    QCOMPARE(third.value(QStringLiteral("y1")).toDouble(), 0.0); // 0.003
    const QJsonObject unmapped = detectionToJson(
        MappedDetection::unmapped(Detection::box(500.123, 600, 100, 50.5, QStringLiteral("raw"))));
    QCOMPARE(unmapped.value(QStringLiteral("x1")).toDouble(), 100.0);
    QCOMPARE(unmapped.value(QStringLiteral("x2")).toDouble(), 500.12);
    QCOMPARE(unmapped.value(QStringLiteral("y1")).toDouble(), 50.5);
}

void TestGroundingExports::coco()
{
    const QJsonObject doc =
        reparsed(CocoExport::document(sample(), kSize, QStringLiteral("photo.jpg")));
    QCOMPARE(doc.keys(),
             QStringList({QStringLiteral("annotations"), QStringLiteral("categories"),
                          QStringLiteral("images")}));
    const QJsonArray images = doc.value(QStringLiteral("images")).toArray();
    QCOMPARE(images.size(), 1);
    QCOMPARE(images.at(0).toObject(),
             QJsonObject({{QStringLiteral("id"), 1},
                          {QStringLiteral("file_name"), QStringLiteral("photo.jpg")},
                          {QStringLiteral("width"), 200},
                          {QStringLiteral("height"), 100}}));
    const QJsonArray categories = doc.value(QStringLiteral("categories")).toArray();
    QCOMPARE(categories.size(), 3);
    QCOMPARE(categories.at(1).toObject().value(QStringLiteral("id")).toInt(), 2);
    QCOMPARE(categories.at(1).toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("object"));

    const QJsonArray annotations = doc.value(QStringLiteral("annotations")).toArray();
    QCOMPARE(annotations.size(), 4);
    const QJsonObject cat = annotations.at(0).toObject();
    QCOMPARE(cat.value(QStringLiteral("id")).toInt(), 1);
    QCOMPARE(cat.value(QStringLiteral("image_id")).toInt(), 1);
    QCOMPARE(cat.value(QStringLiteral("category_id")).toInt(), 1);
    QCOMPARE(cat.value(QStringLiteral("bbox")).toArray(), numbers({20, 10, 40, 40}));
    QCOMPARE(cat.value(QStringLiteral("area")).toDouble(), 1600.0);
    QCOMPARE(cat.value(QStringLiteral("iscrowd")).toInt(), 0);
    QCOMPARE(cat.value(QStringLiteral("segmentation")).toArray(),
             QJsonArray({numbers({20, 10, 60, 10, 60, 50, 20, 50})}));
    QCOMPARE(cat.value(QStringLiteral("attributes")).toObject().value(QStringLiteral("color")),
             QJsonValue(QStringLiteral("black")));

    const QJsonObject dot = annotations.at(1).toObject();
    QCOMPARE(dot.value(QStringLiteral("category_id")).toInt(), 2);
    QCOMPARE(dot.value(QStringLiteral("bbox")).toArray(), numbers({100, 40, 0, 0}));
    QCOMPARE(dot.value(QStringLiteral("keypoints")).toArray(), numbers({100, 40, 2}));
    QCOMPARE(dot.value(QStringLiteral("num_keypoints")).toInt(), 1);
    QCOMPARE(dot.value(QStringLiteral("area")).toDouble(), 0.0);

    const QJsonObject sign = annotations.at(2).toObject();
    QCOMPARE(sign.value(QStringLiteral("category_id")).toInt(), 3);
    QCOMPARE(sign.value(QStringLiteral("bbox")).toArray(), numbers({110, 20, 70, 60}));
    QCOMPARE(sign.value(QStringLiteral("area")).toDouble(), 3100.0); // shoelace: 6200 / 2
    QCOMPARE(sign.value(QStringLiteral("segmentation")).toArray(),
             QJsonArray({numbers({120, 20, 180, 30, 170, 80, 110, 70})}));

    const QJsonObject secondCat = annotations.at(3).toObject();
    QCOMPARE(secondCat.value(QStringLiteral("id")).toInt(), 4);
    QCOMPARE(secondCat.value(QStringLiteral("category_id")).toInt(), 1);
    QCOMPARE(secondCat.value(QStringLiteral("bbox")).toArray(), numbers({150, 60, 40, 30}));
    QCOMPARE(secondCat.value(QStringLiteral("area")).toDouble(), 1200.0);
}

void TestGroundingExports::labelMe()
{
    const QJsonObject doc =
        reparsed(LabelMeExport::document(sample(), kSize, QStringLiteral("photo.jpg")));
    QCOMPARE(doc.value(QStringLiteral("version")).toString(), QStringLiteral("5.2.1"));
    QCOMPARE(doc.value(QStringLiteral("imagePath")).toString(), QStringLiteral("photo.jpg"));
    QVERIFY(doc.value(QStringLiteral("imageData")).isNull());
    QCOMPARE(doc.value(QStringLiteral("imageWidth")).toInt(), 200);
    QCOMPARE(doc.value(QStringLiteral("imageHeight")).toInt(), 100);
    QVERIFY(doc.value(QStringLiteral("flags")).isObject());
    const QJsonArray shapes = doc.value(QStringLiteral("shapes")).toArray();
    QCOMPARE(shapes.size(), 4);

    const QJsonObject cat = shapes.at(0).toObject();
    QCOMPARE(cat.value(QStringLiteral("label")).toString(), QStringLiteral("cat"));
    QCOMPARE(cat.value(QStringLiteral("shape_type")).toString(), QStringLiteral("rectangle"));
    QCOMPARE(cat.value(QStringLiteral("points")).toArray(),
             QJsonArray({numbers({20, 10}), numbers({60, 50})}));
    QVERIFY(cat.value(QStringLiteral("group_id")).isNull());
    QCOMPARE(cat.value(QStringLiteral("description")).toString(),
             QStringLiteral("{\"color\":\"black\"}"));
    QVERIFY(cat.value(QStringLiteral("flags")).isObject());

    const QJsonObject dot = shapes.at(1).toObject();
    QCOMPARE(dot.value(QStringLiteral("label")).toString(), QStringLiteral("object"));
    QCOMPARE(dot.value(QStringLiteral("shape_type")).toString(), QStringLiteral("point"));
    QCOMPARE(dot.value(QStringLiteral("points")).toArray(), QJsonArray({numbers({100, 40})}));
    QCOMPARE(dot.value(QStringLiteral("description")).toString(), QString());

    const QJsonObject sign = shapes.at(2).toObject();
    QCOMPARE(sign.value(QStringLiteral("shape_type")).toString(), QStringLiteral("polygon"));
    QCOMPARE(sign.value(QStringLiteral("points")).toArray().size(), 4);
    QCOMPARE(sign.value(QStringLiteral("points")).toArray().at(2).toArray(), numbers({170, 80}));
}

void TestGroundingExports::yolo()
{
    const QStringList classes = exportClasses(sample());
    QCOMPARE(YoloExport::labels(sample(), kSize, classes),
             QStringLiteral("0 0.200000 0.300000 0.200000 0.400000\n"
                            "1 0.500000 0.400000 0.000000 0.000000\n"
                            "2 0.725000 0.500000 0.350000 0.600000\n"
                            "0 0.850000 0.750000 0.200000 0.300000\n"));
    QCOMPARE(YoloExport::classList(classes), QStringLiteral("cat\nobject\nsign\n"));
    const QStringList kept =
        exportClasses(sample(), {QStringLiteral("dog"), QStringLiteral("cat")});
    QVERIFY(YoloExport::labels(sample(), kSize, kept).startsWith(QStringLiteral("1 0.200000 ")));
    // A class missing from the caller's list gives no line rather than a wrong one.
    QCOMPARE(YoloExport::labels(sample(), kSize, {QStringLiteral("sign")}),
             QStringLiteral("0 0.725000 0.500000 0.350000 0.600000\n"));
    QCOMPARE(YoloExport::labels(sample(), QSize(), classes), QString());
}

void TestGroundingExports::annotatedPng()
{
    QImage image(kSize, QImage::Format_RGB32);
    image.fill(Qt::white);
    const QByteArray png = AnnotatedPng::encode(image, sample());
    QVERIFY(png.startsWith("\x89PNG"));
    const QImage decoded = QImage::fromData(png, "png");
    QCOMPARE(decoded.size(), kSize);
    const QColor cat = LabelPalette::colour(QStringLiteral("cat"));
    // Right edge of the first cat box, below its label: the exact palette colour (lossless).
    QCOMPARE(QColor(decoded.pixel(60, 45)), cat);
    QCOMPARE(QColor(decoded.pixel(5, 95)), QColor(Qt::white));
}

QVD_TEST_GUI_MAIN(TestGroundingExports)
#include "tst_GroundingExports.moc"
