// A batch job's exports land on the right pixels: real JPEGs turned by their EXIF orientation
// (3, 6 and 8) and plain images, each with solid rectangles at known places of the upright
// picture a person sees, go through the Batch API flow against the loopback Batch API server,
// which answers with the rectangles in the coordinate space the model uses for the image it
// was sent (docs/grounding.md §2: pixels of the smart_resize'd input for Qwen2.5-VL, 0..1000
// for Qwen3-VL), computed here from the test's own truth. The COCO file must be sound
// (CocoCheck.h) and its boxes, and the LabelMe and YOLO files' boxes, must enclose the
// rectangles found in the originals read upright (QImageReader with EXIF applied).
#include "../unit/ImageFixtures.h"
#include "BatchApiServer.h"
#include "BatchFixtures.h"
#include "CocoCheck.h"
#include "TestMain.h"

#include "core/batch/JobExport.h"

#include <QDirIterator>
#include <QGuiApplication>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QTransform>

#include <cmath>

using namespace qvd;
using namespace qvd::test;

namespace {

const QColor kBackground(205, 205, 205);
const QHash<QString, QColor> kColours{{QStringLiteral("red"), QColor(220, 20, 20)},
                                      {QStringLiteral("blue"), QColor(20, 40, 220)}};
// Pixels a box may be off: JPEG's blur at the edges and the model's integer coordinates.
const double kTolerance = 3;

struct Mark
{
    QString label;
    QRect rect; // in the upright image
};

struct Truth
{
    QString relativePath; // under the job's folder
    int orientation = 1; // EXIF; 0: a PNG without EXIF
    QSize upright;
    QList<Mark> marks;
};

QList<Truth> truths()
{
    const auto red = QStringLiteral("red");
    const auto blue = QStringLiteral("blue");
    return {
        {QStringLiteral("upright.jpg"),
         1,
         {900, 600},
         {{red, {100, 80, 200, 150}}, {blue, {500, 300, 250, 200}}}},
        {QStringLiteral("turned-6.jpg"), 6, {700, 1100}, {{red, {50, 600, 300, 200}}}},
        {QStringLiteral("sub/turned-8.jpg"),
         8,
         {800, 1300},
         {{blue, {400, 100, 200, 500}}, {red, {60, 900, 300, 250}}}},
        // Over the model's pixel budget: the model sees it smaller.
        {QStringLiteral("turned-3.jpg"), 3, {1500, 900}, {{blue, {1000, 500, 300, 250}}}},
        {QStringLiteral("plain.png"), 0, {640, 480}, {{red, {300, 200, 120, 90}}}},
    };
}

// smart_resize as docs/grounding.md §1.3 gives it (qwen-vl-utils), with Python's round (half
// to even) as std::nearbyint: the size the model sees an upright image at.
QSize modelSize(QSize upright, int factor, qint64 minPixels, qint64 maxPixels)
{
    const double h = upright.height();
    const double w = upright.width();
    double hBar = std::max<double>(factor, std::nearbyint(h / factor) * factor);
    double wBar = std::max<double>(factor, std::nearbyint(w / factor) * factor);
    if (hBar * wBar > double(maxPixels)) {
        const double beta = std::sqrt(h * w / double(maxPixels));
        hBar = std::max<double>(factor, std::floor(h / beta / factor) * factor);
        wBar = std::max<double>(factor, std::floor(w / beta / factor) * factor);
    } else if (hBar * wBar < double(minPixels)) {
        const double beta = std::sqrt(double(minPixels) / (h * w));
        hBar = std::ceil(h * beta / factor) * factor;
        wBar = std::ceil(w * beta / factor) * factor;
    }
    return QSize(int(wBar), int(hBar));
}

// Writes the file whose upright picture is `truth`: the pixels stored turned the other way,
// with the EXIF orientation that turns them back.
bool writeTruth(const QString &folder, const Truth &truth)
{
    QImage upright(truth.upright, QImage::Format_RGB32);
    upright.fill(kBackground);
    QPainter painter(&upright);
    for (const Mark &mark : truth.marks)
        painter.fillRect(mark.rect, kColours.value(mark.label));
    painter.end();
    const QString path = QDir(folder).filePath(truth.relativePath);
    if (!QDir().mkpath(QFileInfo(path).path()))
        return false;
    if (truth.orientation == 0)
        return upright.save(path, "PNG");
    // Orientation 6 shows the stored pixels turned 90° clockwise, 8 turned 90° anticlockwise,
    // 3 turned half way (EXIF 2.32, tag 0x0112): store them turned back.
    const int stored = truth.orientation == 6 ? -90
        : truth.orientation == 8              ? 90
        : truth.orientation == 3              ? 180
                                              : 0;
    const QImage pixels = upright.transformed(QTransform().rotate(stored));
    QByteArray jpeg = fixtures::encode(pixels, "jpeg", 95);
    if (truth.orientation != 1)
        jpeg = fixtures::withExifOrientation(jpeg, truth.orientation);
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(jpeg) == jpeg.size();
}

// The image as a viewer shows it, EXIF applied.
QImage readUpright(const QString &path)
{
    QImageReader reader(path);
    reader.setAutoTransform(true);
    return reader.read();
}

// The bounding rectangle (pixel edges) of the pixels close to `colour`.
QRectF findColour(const QImage &image, const QColor &colour)
{
    int left = image.width();
    int top = image.height();
    int right = -1;
    int bottom = -1;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QRgb p = image.pixel(x, y);
            if (std::abs(qRed(p) - colour.red()) < 50 && std::abs(qGreen(p) - colour.green()) < 50
                && std::abs(qBlue(p) - colour.blue()) < 50) {
                left = std::min(left, x);
                top = std::min(top, y);
                right = std::max(right, x);
                bottom = std::max(bottom, y);
            }
        }
    }
    return right < 0 ? QRectF() : QRectF(QPointF(left, top), QPointF(right + 1, bottom + 1));
}

bool near(const QRectF &box, const QRectF &expected)
{
    return std::abs(box.left() - expected.left()) <= kTolerance
        && std::abs(box.top() - expected.top()) <= kTolerance
        && std::abs(box.right() - expected.right()) <= kTolerance
        && std::abs(box.bottom() - expected.bottom()) <= kTolerance;
}

QString describe(const QRectF &r)
{
    return QStringLiteral("[%1, %2 – %3, %4]")
        .arg(r.left())
        .arg(r.top())
        .arg(r.right())
        .arg(r.bottom());
}

QJsonObject readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

} // namespace

class TestBatchCocoExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void structuralCheckFindsEachProblem();
    void exportsLandOnTheRightPixels_data();
    void exportsLandOnTheRightPixels();
};

// The check itself can fail: one broken file with each kind of problem.
void TestBatchCocoExport::structuralCheckFindsEachProblem()
{
    const QJsonObject sound = QJsonDocument::fromJson(R"({
        "images": [{"id": 1, "file_name": "a.jpg", "width": 100, "height": 50},
                   {"id": 2, "file_name": "b.jpg", "width": 40, "height": 40}],
        "categories": [{"id": 1, "name": "cat"}, {"id": 2, "name": "dog"}],
        "annotations": [{"id": 1, "image_id": 1, "category_id": 1, "bbox": [0, 0, 100, 50]},
                        {"id": 2, "image_id": 2, "category_id": 2, "bbox": [10, 10, 5, 5]}]
    })")
                                  .object();
    QCOMPARE(cocoStructureProblems(sound), QStringList());

    const QJsonObject broken = QJsonDocument::fromJson(R"({
        "images": [{"id": 1, "file_name": "a.jpg", "width": 100, "height": 50},
                   {"id": 1, "file_name": "b.jpg", "width": 40, "height": 40}],
        "categories": [{"id": 1, "name": "cat"}, {"id": 2, "name": "cat"}],
        "annotations": [{"id": 1, "image_id": 1, "category_id": 1, "bbox": [0, 0, 101, 50]},
                        {"id": 1, "image_id": 7, "category_id": 1, "bbox": [0, 0, 1, 1]},
                        {"id": 3, "image_id": 1, "category_id": 9, "bbox": [0, 0, 1, 1]}]
    })")
                                   .object();
    const QString problems = cocoStructureProblems(broken).join(u'\n');
    for (const char *expected : {"image id 1 is used twice", "category name \"cat\" is used twice",
                                 "annotation id 1 is used twice", "names no existing image",
                                 "names no existing category", "is not inside"})
        QVERIFY2(problems.contains(QLatin1String(expected)), qPrintable(problems));
}

void TestBatchCocoExport::exportsLandOnTheRightPixels_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<bool>("absolute");
    QTest::addColumn<int>("factor");
    QTest::addColumn<qint64>("minPixels");
    QTest::addColumn<qint64>("maxPixels");
    // The budgets of resources/models.json's family defaults for these models.
    QTest::newRow("Qwen2.5-VL, pixels of the resized image")
        << QStringLiteral("qwen2.5-vl-72b-instruct") << true << 28 << qint64(3136)
        << qint64(1003520);
    QTest::newRow("Qwen3-VL, 0..1000")
        << QStringLiteral("qwen3-vl-plus") << false << 32 << qint64(65536) << qint64(2621440);
}

void TestBatchCocoExport::exportsLandOnTheRightPixels()
{
    QFETCH(QString, model);
    QFETCH(bool, absolute);
    QFETCH(int, factor);
    QFETCH(qint64, minPixels);
    QFETCH(qint64, maxPixels);

    BatchHarness h;
    QVERIFY(h.open());
    QHash<QString, Truth> truthByPath; // absolute path → truth
    for (const Truth &truth : truths()) {
        QVERIFY(writeTruth(h.folder(), truth));
        const QString path = QDir(h.folder()).filePath(truth.relativePath);
        // The fixture is what it claims: read upright, the marks are where the truth says.
        const QImage upright = readUpright(path);
        QCOMPARE(upright.size(), truth.upright);
        for (const Mark &mark : truth.marks)
            QVERIFY2(near(findColour(upright, kColours.value(mark.label)), mark.rect),
                     qPrintable(truth.relativePath));
        truthByPath.insert(QFileInfo(path).absoluteFilePath(), truth);
    }
    const QString jobId = h.createJob(h.spec(JobMode::Batch, model));
    QVERIFY(!jobId.isEmpty());

    // The server answers each line with the truth's rectangles in the model's space for the
    // image as the model sees it (smart_resize of the upright size).
    BatchApiServer server;
    QVERIFY(server.listen());
    QStringList unknown;
    server.answer = [&](const QString &customId) {
        const std::optional<BatchItem> item = h.store.item(customId.toLongLong());
        const QString path = item ? QFileInfo(item->path).absoluteFilePath() : QString();
        if (!truthByPath.contains(path)) {
            unknown.append(customId);
            return QStringLiteral("There are none.");
        }
        const Truth &truth = truthByPath[path];
        const QSize input = modelSize(truth.upright, factor, minPixels, maxPixels);
        const double sx = absolute ? double(input.width()) / truth.upright.width()
                                   : 1000.0 / truth.upright.width();
        const double sy = absolute ? double(input.height()) / truth.upright.height()
                                   : 1000.0 / truth.upright.height();
        QJsonArray boxes;
        for (const Mark &mark : truth.marks) {
            const QRectF r(mark.rect);
            boxes.append(QJsonObject{
                {QStringLiteral("bbox_2d"),
                 QJsonArray{int(std::lround(r.left() * sx)), int(std::lround(r.top() * sy)),
                            int(std::lround(r.right() * sx)), int(std::lround(r.bottom() * sy))}},
                {QStringLiteral("label"), mark.label}});
        }
        return QStringLiteral("```json\n%1\n```")
            .arg(QString::fromUtf8(QJsonDocument(boxes).toJson(QJsonDocument::Compact)));
    };
    const auto [ok, error] = h.run(
        h.target(server.baseUrl(), EndpointProfile::Protocol::OpenAiCompatible, model), jobId);
    QVERIFY2(ok, qPrintable(error));
    QVERIFY2(unknown.isEmpty(), qPrintable(unknown.join(u',')));

    // The job recorded the upright size and the size the model saw as the truth has them.
    const QList<BatchItem> items = h.store.items(jobId);
    QCOMPARE(items.size(), truthByPath.size());
    for (const BatchItem &item : items) {
        QCOMPARE(item.state, ItemState::Done);
        const Truth truth = truthByPath.value(QFileInfo(item.path).absoluteFilePath());
        QCOMPARE(item.transform.originalSize, truth.upright);
        if (absolute)
            QCOMPARE(item.transform.sentSize,
                     modelSize(truth.upright, factor, minPixels, maxPixels));
    }

    const QString dataset = h.dir.filePath(QStringLiteral("dataset"));
    const JobExport::Result written =
        JobExport::write(h.store, jobId, dataset,
                         DatasetFormat::Coco | DatasetFormat::LabelMe | DatasetFormat::Yolo);
    QVERIFY2(written.ok, qPrintable(written.error));

    // Where each image's marks really are, read upright from the originals.
    const auto originalOf = [&](const QString &relative) -> std::optional<Truth> {
        if (relative.isEmpty() || QDir::isAbsolutePath(relative))
            return std::nullopt;
        return truthByPath.contains(QFileInfo(QDir(dataset).filePath(relative)).absoluteFilePath())
            ? std::optional<Truth>(
                truthByPath.value(QFileInfo(QDir(dataset).filePath(relative)).absoluteFilePath()))
            : std::nullopt;
    };
    QHash<QString, QHash<QString, QRectF>> found; // relative path → label → rectangle
    QHash<QString, QSize> uprightSizes;
    for (auto it = truthByPath.cbegin(); it != truthByPath.cend(); ++it) {
        const QImage upright = readUpright(it.key());
        const QString relative = QDir(dataset).relativeFilePath(it.key());
        uprightSizes.insert(relative, upright.size());
        for (const Mark &mark : it->marks)
            found[relative].insert(mark.label, findColour(upright, kColours.value(mark.label)));
    }

    // COCO: sound, one entry per image at its upright size, each box on its rectangle.
    const QJsonObject coco = readJson(QDir(dataset).filePath(QStringLiteral("coco.json")));
    const QStringList problems = cocoStructureProblems(coco);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    QHash<qint64, QString> categoryNames;
    for (const QJsonValue &category : coco.value(QLatin1String("categories")).toArray())
        categoryNames.insert(category[QLatin1String("id")].toInteger(),
                             category[QLatin1String("name")].toString());
    QCOMPARE(QSet<QString>(categoryNames.cbegin(), categoryNames.cend()),
             (QSet<QString>{QStringLiteral("red"), QStringLiteral("blue")}));
    QHash<qint64, QString> imagePaths;
    for (const QJsonValue &value : coco.value(QLatin1String("images")).toArray()) {
        const QString relative = value[QLatin1String("file_name")].toString();
        QVERIFY2(originalOf(relative), qPrintable(relative));
        QCOMPARE(
            QSize(value[QLatin1String("width")].toInt(), value[QLatin1String("height")].toInt()),
            uprightSizes.value(relative));
        imagePaths.insert(value[QLatin1String("id")].toInteger(), relative);
    }
    QCOMPARE(imagePaths.size(), truthByPath.size());
    QHash<QString, int> cocoBoxes;
    for (const QJsonValue &value : coco.value(QLatin1String("annotations")).toArray()) {
        const QString relative = imagePaths.value(value[QLatin1String("image_id")].toInteger());
        const QString label = categoryNames.value(value[QLatin1String("category_id")].toInteger());
        const QJsonArray b = value[QLatin1String("bbox")].toArray();
        const QRectF box(b.at(0).toDouble(), b.at(1).toDouble(), b.at(2).toDouble(),
                         b.at(3).toDouble());
        QVERIFY2(found.value(relative).contains(label), qPrintable(relative + u' ' + label));
        const QRectF expected = found.value(relative).value(label);
        QVERIFY2(near(box, expected),
                 qPrintable(QStringLiteral("COCO %1 %2: %3, the pixels are at %4")
                                .arg(relative, label, describe(box), describe(expected))));
        ++cocoBoxes[relative];
    }
    for (auto it = truthByPath.cbegin(); it != truthByPath.cend(); ++it)
        QCOMPARE(cocoBoxes.value(QDir(dataset).relativeFilePath(it.key())), int(it->marks.size()));

    // LabelMe and YOLO: one file each per image, named alike, YOLO classes from one list.
    QStringList classFiles;
    QDirIterator walk(dataset, {QStringLiteral("classes*.txt")}, QDir::Files,
                      QDirIterator::Subdirectories);
    while (walk.hasNext())
        classFiles.append(walk.next());
    QCOMPARE(classFiles, QStringList{QDir(dataset).filePath(QStringLiteral("classes.txt"))});
    QFile classList(classFiles.first());
    QVERIFY(classList.open(QIODevice::ReadOnly | QIODevice::Text));
    const QStringList classes =
        QString::fromUtf8(classList.readAll()).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(QSet<QString>(classes.cbegin(), classes.cend()),
             (QSet<QString>{QStringLiteral("red"), QStringLiteral("blue")}));

    int labelMeFiles = 0;
    const QStringList jsons = QDir(dataset).entryList({QStringLiteral("*.json")}, QDir::Files);
    for (const QString &name : jsons) {
        if (name == u"coco.json")
            continue;
        ++labelMeFiles;
        const QJsonObject labelMe = readJson(QDir(dataset).filePath(name));
        const QString relative = labelMe.value(QLatin1String("imagePath")).toString();
        QVERIFY2(originalOf(relative), qPrintable(name + u' ' + relative));
        const QSize upright = uprightSizes.value(relative);
        QCOMPARE(QSize(labelMe.value(QLatin1String("imageWidth")).toInt(),
                       labelMe.value(QLatin1String("imageHeight")).toInt()),
                 upright);
        const QJsonArray shapes = labelMe.value(QLatin1String("shapes")).toArray();
        QCOMPARE(shapes.size(), found.value(relative).size());
        for (const QJsonValue &shape : shapes) {
            const QString label = shape[QLatin1String("label")].toString();
            QCOMPARE(shape[QLatin1String("shape_type")].toString(), QStringLiteral("rectangle"));
            const QJsonArray points = shape[QLatin1String("points")].toArray();
            QCOMPARE(points.size(), 2);
            const QRectF box = QRectF(QPointF(points[0][0].toDouble(), points[0][1].toDouble()),
                                      QPointF(points[1][0].toDouble(), points[1][1].toDouble()))
                                   .normalized();
            QVERIFY2(found.value(relative).contains(label), qPrintable(relative + u' ' + label));
            QVERIFY2(near(box, found.value(relative).value(label)),
                     qPrintable(QStringLiteral("LabelMe %1 %2: %3, the pixels are at %4")
                                    .arg(relative, label, describe(box),
                                         describe(found.value(relative).value(label)))));
        }

        // YOLO: "<class> <cx> <cy> <w> <h>", normalised by the upright size.
        QFile yolo(QDir(dataset).filePath(QFileInfo(name).completeBaseName() + u".txt"));
        QVERIFY2(yolo.open(QIODevice::ReadOnly | QIODevice::Text), qPrintable(yolo.fileName()));
        const QStringList lines =
            QString::fromUtf8(yolo.readAll()).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), found.value(relative).size());
        for (const QString &line : lines) {
            const QStringList f = line.split(u' ', Qt::SkipEmptyParts);
            QCOMPARE(f.size(), 5);
            const int index = f[0].toInt();
            QVERIFY(index >= 0 && index < classes.size());
            const QString label = classes.at(index);
            for (int i = 1; i < 5; ++i)
                QVERIFY2(f[i].toDouble() >= 0 && f[i].toDouble() <= 1, qPrintable(line));
            const double w = f[3].toDouble() * upright.width();
            const double hgt = f[4].toDouble() * upright.height();
            const QRectF box(f[1].toDouble() * upright.width() - w / 2,
                             f[2].toDouble() * upright.height() - hgt / 2, w, hgt);
            QVERIFY2(found.value(relative).contains(label), qPrintable(relative + u' ' + label));
            QVERIFY2(near(box, found.value(relative).value(label)),
                     qPrintable(QStringLiteral("YOLO %1 %2: %3, the pixels are at %4")
                                    .arg(relative, label, describe(box),
                                         describe(found.value(relative).value(label)))));
        }
    }
    QCOMPARE(labelMeFiles, int(truthByPath.size()));
}

QVD_TEST_GUI_MAIN(TestBatchCocoExport)
#include "tst_BatchCocoExport.moc"
