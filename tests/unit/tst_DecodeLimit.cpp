// The image decode limit is the process's, set once at start-up: preparing images on worker
// threads leaves it alone, and with it an original of the largest accepted size decodes on the
// main thread (Qt 6.4's default of 128 MiB refuses such an image as if it were damaged).
#include "core/imaging/DecodeLimit.h"
#include "core/imaging/ImagePreparer.h"
#include "core/models/ModelRegistry.h"

#include "LargePng.h"
#include "TestMain.h"

#include <QImageReader>

using qvd::ImagePreparer;

class TestDecodeLimit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void limitFitsTheLargestAcceptedOriginal();
    void preparingOnWorkersLeavesTheLimitAlone();
    void largeOriginalDecodesOnTheMainThread();

private:
    QTemporaryDir m_dir;
};

void TestDecodeLimit::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void TestDecodeLimit::limitFitsTheLargestAcceptedOriginal()
{
    // 100 megapixels of RGBA64: 800,000,000 bytes.
    const qint64 largest = ImagePreparer::Options().maxSourcePixels * 8;
    QVERIFY(qint64(qvd::imageDecodeLimitMiB()) * 1024 * 1024 >= largest);
    QVERIFY(qint64(qvd::imageDecodeLimitMiB() - 1) * 1024 * 1024 < largest);
}

void TestDecodeLimit::preparingOnWorkersLeavesTheLimitAlone()
{
    QImageReader::setAllocationLimit(300); // what start-up set, say
    const QString path = m_dir.filePath(QStringLiteral("photo.png"));
    QImage photo(1600, 1200, QImage::Format_RGB32);
    photo.fill(QColor(10, 120, 200));
    QVERIFY(photo.save(path));
    const ImagePreparer preparer(qvd::ModelRegistry().find(QStringLiteral("qwen3-vl-plus")));
    QList<QFuture<qvd::PrepareResult>> running;
    for (int i = 0; i < 4; ++i)
        running.append(preparer.prepareFileAsync(path));
    for (auto &future : running) {
        future.waitForFinished();
        QVERIFY(future.result().ok());
    }
    QCOMPARE(QImageReader::allocationLimit(), 300);
}

void TestDecodeLimit::largeOriginalDecodesOnTheMainThread()
{
    // 4200 x 4200 of RGBA64 is 141 MB, past Qt's default; the limit admits it.
    const QString path = m_dir.filePath(QStringLiteral("large.png"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.write(qvd::test::rgba64Png(4200)) > 0);
    file.close();
    QImageReader::setAllocationLimit(128); // Qt 6.4's default: "damaged"
    QVERIFY(QImageReader(path).read().isNull());
    qvd::installImageDecodeLimit();
    QImageReader reader(path);
    const QImage decoded = reader.read();
    QVERIFY2(!decoded.isNull(), qPrintable(reader.errorString()));
    QCOMPARE(decoded.size(), QSize(4200, 4200));
}

QVD_TEST_GUI_MAIN(TestDecodeLimit)

#include "tst_DecodeLimit.moc"
