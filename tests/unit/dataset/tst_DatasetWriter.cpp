// The data set writer: one merged class list per folder, many images one by one with one COCO
// file at the end, image names relative to the folder, hidden detections left out, and
// failures that say which file.
#include "core/dataset/ClassList.h"
#include "core/dataset/DatasetWriter.h"

#include "DatasetTestUtil.h"
#include "TestMain.h"

#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace qvd;
using qvd::test::datasetBox;
using qvd::test::datasetPoint;
using qvd::test::readAll;
using qvd::test::writeAll;

namespace {

DatasetImage image(const QString &path, QSize size, const QList<MappedDetection> &detections)
{
    DatasetImage result;
    result.imagePath = path;
    result.size = size;
    result.detections = detections;
    return result;
}

QJsonObject json(const QString &path)
{
    return QJsonDocument::fromJson(readAll(path)).object();
}

QStringList lines(const QString &path)
{
    return QString::fromUtf8(readAll(path)).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

} // namespace

class TestDatasetWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void yoloFilesShareOneGrowingClassList();
    void classListKeepsEveryPosition();
    void cocoCategoriesFollowTheClassList();
    void manyImagesThenOneCocoFile();
    void imagePathsAreRelativeToTheFolder();
    void hiddenDetectionsAreLeftOut();
    void vocWritesWholePixelEdges();
    void failuresNameTheFile();
    void yoloNeedsTheImageSize();
    void pngNeedsPixels();
    void contentsWithoutAFolder();
};

void TestDatasetWriter::yoloFilesShareOneGrowingClassList()
{
    QTemporaryDir dir;
    const QString classes = dir.filePath(QStringLiteral("classes.txt"));
    {
        DatasetWriter writer(dir.path());
        QVERIFY2(writer.writeFile(DatasetFormat::Yolo,
                                  image(QStringLiteral("a.jpg"), QSize(100, 100),
                                        {datasetBox(0, 0, 10, 10, QStringLiteral("dog")),
                                         datasetBox(0, 0, 10, 10, QStringLiteral("cat"))}),
                                  QStringLiteral("a.txt")),
                 qPrintable(writer.errorString()));
    }
    QCOMPARE(readAll(classes), QByteArray("dog\ncat\n"));
    // A second writer (another export, another run) on the same folder.
    DatasetWriter writer(dir.path());
    QVERIFY(writer.writeFile(DatasetFormat::Yolo,
                             image(QStringLiteral("b.jpg"), QSize(100, 100),
                                   {datasetBox(0, 0, 10, 10, QStringLiteral("bird")),
                                    datasetBox(50, 50, 100, 100, QStringLiteral("dog"))}),
                             QStringLiteral("b.txt")));
    QCOMPARE(readAll(classes), QByteArray("dog\ncat\nbird\n"));
    QCOMPARE(lines(dir.filePath(QStringLiteral("b.txt"))),
             QStringList({QStringLiteral("2 0.050000 0.050000 0.100000 0.100000"),
                          QStringLiteral("0 0.750000 0.750000 0.500000 0.500000")}));
    QCOMPARE(writer.classes(),
             QStringList({QStringLiteral("dog"), QStringLiteral("cat"), QStringLiteral("bird")}));
    // Nothing new: the list is not rewritten.
    const QDateTime before = QFileInfo(classes).lastModified();
    QVERIFY(writer.writeFile(DatasetFormat::Yolo,
                             image(QStringLiteral("c.jpg"), QSize(10, 10),
                                   {datasetBox(0, 0, 1, 1, QStringLiteral("cat"))}),
                             QStringLiteral("c.txt")));
    QCOMPARE(readAll(dir.filePath(QStringLiteral("c.txt"))),
             QByteArray("1 0.050000 0.050000 0.100000 0.100000\n"));
    QCOMPARE(QFileInfo(classes).lastModified(), before);
    QCOMPARE(writer.writtenFiles().count(classes), 1);
}

void TestDatasetWriter::classListKeepsEveryPosition()
{
    // Lines as other tools leave them: a Windows line end, spaces, an empty line in the middle.
    QTemporaryDir dir;
    const QString classes = dir.filePath(QStringLiteral("classes.txt"));
    QVERIFY(writeAll(classes, "person\r\n\n car \n"));
    DatasetWriter writer(dir.path());
    QVERIFY(writer.writeFile(DatasetFormat::Yolo,
                             image(QStringLiteral("a.jpg"), QSize(10, 10),
                                   {datasetBox(0, 0, 1, 1, QStringLiteral("car")),
                                    datasetBox(0, 0, 1, 1, QStringLiteral("bus"))}),
                             QStringLiteral("a.txt")));
    QCOMPARE(readAll(classes), QByteArray("person\n\ncar\nbus\n"));
    QCOMPARE(lines(dir.filePath(QStringLiteral("a.txt"))).first().left(2), QStringLiteral("2 "));
    QCOMPARE(ClassList::parse("a\n\nb\n\n\n"),
             QStringList({QStringLiteral("a"), QString(), QStringLiteral("b")}));
}

void TestDatasetWriter::cocoCategoriesFollowTheClassList()
{
    QTemporaryDir dir;
    QVERIFY(writeAll(dir.filePath(QStringLiteral("classes.txt")), "dog\ncat\n"));
    DatasetWriter writer(dir.path());
    QVERIFY(writer.writeFile(DatasetFormat::Coco,
                             image(QStringLiteral("a.jpg"), QSize(10, 10),
                                   {datasetBox(0, 0, 1, 1, QStringLiteral("cat")),
                                    datasetBox(0, 0, 1, 1, QStringLiteral("eel"))}),
                             QStringLiteral("a-coco.json")));
    const QJsonObject coco = json(dir.filePath(QStringLiteral("a-coco.json")));
    const QJsonArray categories = coco.value(QStringLiteral("categories")).toArray();
    QCOMPARE(categories.size(), 3);
    QCOMPARE(categories.at(2).toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("eel"));
    const QJsonArray annotations = coco.value(QStringLiteral("annotations")).toArray();
    QCOMPARE(annotations.at(0).toObject().value(QStringLiteral("category_id")).toInt(), 2);
    QCOMPARE(annotations.at(1).toObject().value(QStringLiteral("category_id")).toInt(), 3);
    // COCO alone does not change the YOLO class list.
    QCOMPARE(readAll(dir.filePath(QStringLiteral("classes.txt"))), QByteArray("dog\ncat\n"));
}

void TestDatasetWriter::manyImagesThenOneCocoFile()
{
    QTemporaryDir dir;
    DatasetWriter writer(dir.path());
    const DatasetFormats all = DatasetFormat::Coco | DatasetFormat::LabelMe | DatasetFormat::Yolo;
    MappedDetection scored = datasetBox(10, 20, 30, 60, QStringLiteral("dog"));
    scored.attributes.insert(QStringLiteral("score"), 0.8);
    scored.attributes.insert(QStringLiteral("colour"), QStringLiteral("brown"));
    QVERIFY(
        writer.addImage(image(QStringLiteral("day/photo.jpg"), QSize(100, 100), {scored}), all));
    // Same file name in another folder: the label files get their own names.
    QVERIFY(writer.addImage(image(QStringLiteral("night/photo.jpg"), QSize(200, 100),
                                  {datasetPoint(50, 50, QStringLiteral("owl"))}),
                            all));
    // An image called like the COCO file does not overwrite it.
    QVERIFY(writer.addImage(image(QStringLiteral("coco.png"), QSize(10, 10), {}), all));
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("photo.json"))));
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("photo-2.json"))));
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("photo-2.txt"))));
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("coco-2.json"))));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("coco.json"))));
    QVERIFY2(writer.finish(), qPrintable(writer.errorString()));

    const QJsonObject coco = json(dir.filePath(QStringLiteral("coco.json")));
    const QJsonArray images = coco.value(QStringLiteral("images")).toArray();
    QCOMPARE(images.size(), 3);
    QCOMPARE(images.at(1).toObject().value(QStringLiteral("file_name")).toString(),
             QStringLiteral("night/photo.jpg"));
    QCOMPARE(images.at(1).toObject().value(QStringLiteral("width")).toInt(), 200);
    const QJsonArray annotations = coco.value(QStringLiteral("annotations")).toArray();
    QCOMPARE(annotations.size(), 2);
    const QJsonObject dog = annotations.at(0).toObject();
    QCOMPARE(dog.value(QStringLiteral("image_id")).toInt(), 1);
    QCOMPARE(dog.value(QStringLiteral("score")).toDouble(), 0.8);
    QCOMPARE(dog.value(QStringLiteral("attributes")).toObject(),
             QJsonObject({{QStringLiteral("colour"), QStringLiteral("brown")}}));
    const QJsonObject owl = annotations.at(1).toObject();
    QCOMPARE(owl.value(QStringLiteral("image_id")).toInt(), 2);
    QCOMPARE(owl.value(QStringLiteral("id")).toInt(), 2);
    QCOMPARE(owl.value(QStringLiteral("category_id")).toInt(), 2);
    QCOMPARE(readAll(dir.filePath(QStringLiteral("classes.txt"))), QByteArray("dog\nowl\n"));
    QCOMPARE(coco.value(QStringLiteral("categories")).toArray().size(), 2);
}

void TestDatasetWriter::imagePathsAreRelativeToTheFolder()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("set"));
    QVERIFY(QDir().mkpath(folder));
    DatasetWriter writer(folder);
    QVERIFY(
        writer.writeFile(DatasetFormat::LabelMe,
                         image(dir.filePath(QStringLiteral("pictures/a.jpg")), QSize(10, 10), {}),
                         QStringLiteral("a.json")));
    QCOMPARE(json(QDir(folder).filePath(QStringLiteral("a.json")))
                 .value(QStringLiteral("imagePath"))
                 .toString(),
             QStringLiteral("../pictures/a.jpg"));
    QVERIFY(writer.writeFile(
        DatasetFormat::Coco,
        image(QDir(folder).filePath(QStringLiteral("images/b.jpg")), QSize(10, 10), {}),
        QStringLiteral("b.json")));
    QCOMPARE(json(QDir(folder).filePath(QStringLiteral("b.json")))
                 .value(QStringLiteral("images"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("file_name"))
                 .toString(),
             QStringLiteral("images/b.jpg"));
}

void TestDatasetWriter::hiddenDetectionsAreLeftOut()
{
    QTemporaryDir dir;
    MappedDetection hidden = datasetBox(0, 0, 5, 5, QStringLiteral("ghost"));
    hidden.hidden = true;
    DatasetWriter writer(dir.path());
    QVERIFY(writer.writeFile(DatasetFormat::Yolo,
                             image(QStringLiteral("a.jpg"), QSize(10, 10),
                                   {hidden, datasetBox(0, 0, 10, 10, QStringLiteral("cat"))}),
                             QStringLiteral("a.txt")));
    QCOMPARE(readAll(dir.filePath(QStringLiteral("a.txt"))),
             QByteArray("0 0.500000 0.500000 1.000000 1.000000\n"));
    QCOMPARE(readAll(dir.filePath(QStringLiteral("classes.txt"))), QByteArray("cat\n"));
}

void TestDatasetWriter::vocWritesWholePixelEdges()
{
    QTemporaryDir dir;
    MappedDetection hard = datasetBox(10.4, 20.6, 30.5, 40, QStringLiteral("cup"));
    hard.attributes.insert(QStringLiteral("difficult"), 1);
    DatasetWriter writer(dir.path());
    QVERIFY(writer.writeFile(
        DatasetFormat::Voc,
        image(QStringLiteral("k.jpg"), QSize(50, 60), {hard, datasetPoint(5, 6, QString())}),
        QStringLiteral("k.xml")));
    const QString xml = QString::fromUtf8(readAll(dir.filePath(QStringLiteral("k.xml"))));
    QVERIFY2(xml.contains(QStringLiteral("<filename>k.jpg</filename>")), qPrintable(xml));
    QVERIFY(xml.contains(QStringLiteral("<width>50</width>")));
    QVERIFY(xml.contains(QStringLiteral("<difficult>1</difficult>")));
    QVERIFY(xml.contains(QStringLiteral("<xmin>10</xmin>")));
    QVERIFY(xml.contains(QStringLiteral("<ymin>21</ymin>")));
    QVERIFY(xml.contains(QStringLiteral("<xmax>31</xmax>"))); // 30.5 rounds away from zero
    QVERIFY(xml.contains(QStringLiteral("<name>object</name>"))); // the unlabelled point
    QVERIFY(xml.contains(QStringLiteral("<xmin>5</xmin>")));
    QVERIFY(xml.contains(QStringLiteral("<xmax>5</xmax>")));
}

void TestDatasetWriter::failuresNameTheFile()
{
    QTemporaryDir dir;
    DatasetWriter writer(dir.path());
    const DatasetImage one = image(QStringLiteral("a.jpg"), QSize(10, 10),
                                   {datasetBox(0, 0, 1, 1, QStringLiteral("x"))});
    QVERIFY(!writer.writeFile(DatasetFormat::Coco, one, QStringLiteral("missing/dir/a.json")));
    QVERIFY2(writer.errorString().contains(QStringLiteral("a.json")),
             qPrintable(writer.errorString()));

    // classes.txt that cannot be read (a folder of that name): nothing is written.
    QTemporaryDir other;
    QVERIFY(QDir(other.path()).mkdir(QStringLiteral("classes.txt")));
    DatasetWriter blocked(other.path());
    QVERIFY(!blocked.writeFile(DatasetFormat::Yolo, one, QStringLiteral("a.txt")));
    QVERIFY2(blocked.errorString().contains(QStringLiteral("classes.txt")),
             qPrintable(blocked.errorString()));
    QVERIFY(!QFile::exists(QDir(other.path()).filePath(QStringLiteral("a.txt"))));
}

void TestDatasetWriter::yoloNeedsTheImageSize()
{
    QTemporaryDir dir;
    DatasetWriter writer(dir.path());
    QVERIFY(!writer.writeFile(
        DatasetFormat::Yolo,
        image(QStringLiteral("a.jpg"), QSize(), {datasetBox(0, 0, 1, 1, QStringLiteral("x"))}),
        QStringLiteral("a.txt")));
    QVERIFY2(writer.errorString().contains(QStringLiteral("size")),
             qPrintable(writer.errorString()));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("classes.txt"))));
}

void TestDatasetWriter::pngNeedsPixels()
{
    QTemporaryDir dir;
    DatasetWriter writer(dir.path());
    DatasetImage drawn = image(QStringLiteral("a.jpg"), QSize(20, 10),
                               {datasetBox(2, 2, 18, 8, QStringLiteral("x"))});
    QVERIFY(!writer.writeFile(DatasetFormat::AnnotatedPng, drawn, QStringLiteral("a.png")));
    QVERIFY(!writer.errorString().isEmpty());
    drawn.pixels = QImage(QSize(20, 10), QImage::Format_RGB32);
    drawn.pixels.fill(Qt::white);
    QVERIFY(writer.writeFile(DatasetFormat::AnnotatedPng, drawn, QStringLiteral("a.png")));
    const QImage png(dir.filePath(QStringLiteral("a.png")));
    QCOMPARE(png.size(), QSize(20, 10));
    QVERIFY(png.pixel(2, 5) != qRgb(255, 255, 255)); // the box's left edge is drawn
}

void TestDatasetWriter::contentsWithoutAFolder()
{
    DatasetWriter writer{QString()};
    const auto yolo = writer.contents(DatasetFormat::Yolo,
                                      image(QStringLiteral("/somewhere/a.jpg"), QSize(10, 10),
                                            {datasetBox(0, 0, 10, 10, QStringLiteral("b")),
                                             datasetBox(0, 0, 5, 5, QStringLiteral("a"))}));
    QVERIFY(yolo);
    QCOMPARE(*yolo,
             QByteArray("0 0.500000 0.500000 1.000000 1.000000\n"
                        "1 0.250000 0.250000 0.500000 0.500000\n"));
    QCOMPARE(writer.classes(), QStringList({QStringLiteral("b"), QStringLiteral("a")}));
    QVERIFY(writer.writtenFiles().isEmpty());
}

QVD_TEST_GUI_MAIN(TestDatasetWriter)
#include "tst_DatasetWriter.moc"
