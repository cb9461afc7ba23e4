// Ground truth for the image shown in the inspector: read in any format, the entry for the
// image found by name (or the only one), fitted to its pixels; a YOLO label file alone is read
// against the shown image's size.
#include "core/dataset/TruthForImage.h"

#include "TestMain.h"

#include <QFile>
#include <QTemporaryDir>

using namespace qvd;

namespace {

bool write(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

DatasetImage named(const QString &name, QSize size = {})
{
    DatasetImage image;
    image.imagePath = name;
    image.size = size;
    return image;
}

} // namespace

class TestTruthForImage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void entryByNameElseTheOnlyOne()
    {
        const QList<DatasetImage> two{named(QStringLiteral("a/yard.jpg")),
                                      named(QStringLiteral("street.png"))};
        QCOMPARE(TruthForImage::entryFor(two, QStringLiteral("street.jpg")), 1);
        QCOMPARE(TruthForImage::entryFor(two, QStringLiteral("/photos/yard.png")), 0);
        QCOMPARE(TruthForImage::entryFor(two, QStringLiteral("beach.png")), -1);
        QCOMPARE(TruthForImage::entryFor({named(QStringLiteral("x.png"))},
                                         QStringLiteral("image-1.png")),
                 0);
        QCOMPARE(TruthForImage::entryFor({}, QStringLiteral("x.png")), -1);
    }

    void boxesAreScaledToAnotherSizeOfTheSameImage()
    {
        DatasetImage entry = named(QStringLiteral("yard.jpg"), QSize(500, 250));
        MappedDetection box;
        box.label = QStringLiteral("dog");
        box.rect = QRectF(50, 25, 100, 50);
        MappedDetection hidden = box;
        hidden.hidden = true;
        entry.detections = {box, hidden};
        bool scaled = false;
        const QList<MappedDetection> fitted =
            TruthForImage::fitted(entry, QSize(1000, 500), &scaled);
        QVERIFY(scaled);
        QCOMPARE(fitted.size(), 1);
        QCOMPARE(fitted.first().rect, QRectF(100, 50, 200, 100));
        QCOMPARE(TruthForImage::fitted(entry, QSize(500, 250), &scaled).first().rect, box.rect);
        QVERIFY(!scaled);
    }

    void aYoloFileAloneIsReadAgainstTheShownImage()
    {
        QTemporaryDir dir;
        QVERIFY(write(dir.filePath(QStringLiteral("classes.txt")), "cat\ndog\n"));
        QVERIFY(write(dir.filePath(QStringLiteral("yard.txt")), "1 0.5 0.5 0.2 0.4\n"));
        QString error;
        const auto images = TruthForImage::read(dir.filePath(QStringLiteral("yard.txt")),
                                                QSize(1000, 500), &error, nullptr);
        QVERIFY2(images, qPrintable(error));
        QCOMPARE(images->size(), 1);
        QCOMPARE(images->first().imageName(), QStringLiteral("yard"));
        const MappedDetection d = images->first().detections.first();
        QCOMPARE(d.label, QStringLiteral("dog"));
        // Centre (500, 250), 200 × 200.
        QCOMPARE(d.rect, QRectF(400, 150, 200, 200));
    }

    void unreadableFilesSayWhy()
    {
        QTemporaryDir dir;
        QVERIFY(write(dir.filePath(QStringLiteral("broken.json")), "{\"images\": [ oops"));
        QString error;
        QVERIFY(!TruthForImage::read(dir.filePath(QStringLiteral("broken.json")), QSize(10, 10),
                                     &error, nullptr));
        QVERIFY2(error.contains(QStringLiteral("broken.json")), qPrintable(error));
    }
};

QVD_TEST_MAIN(TestTruthForImage)
#include "tst_TruthForImage.moc"
