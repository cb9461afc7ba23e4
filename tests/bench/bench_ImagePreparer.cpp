// Downscaling a large JPEG for the model: libjpeg's DCT-domain scaling through
// QImageReader::setScaledSize (what ImagePreparer does) against the baseline "full decode, then
// QImage::scaled". Run one function per process to compare peak memory (printed at the end):
//   build/bin/bench_ImagePreparer dctScaledDecode -iterations 5
//   build/bin/bench_ImagePreparer fullDecodeThenScaled -iterations 5

#include "core/imaging/ImagePreparer.h"

#include "CameraJpeg.h"
#include "TestMain.h"

#include <QBuffer>
#include <QGuiApplication>
#include <QImageReader>

#include <sys/resource.h>

using namespace qvd;

class BenchImagePreparer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void dctScaledDecode();
    void fullDecodeThenScaled();
    void prepareEndToEnd();
    void cleanupTestCase();

private:
    QByteArray m_jpeg;
    QSize m_target;
    ModelInfo m_model;
};

void BenchImagePreparer::initTestCase()
{
    m_jpeg = bench::cameraJpeg();
    m_model.budget = ResizeBudget{28, 4 * 784, 1280 * 784};
    m_target = *smartResize(QSize(6000, 4000), m_model.budget);
    qInfo("source: 6000x4000 JPEG, %lld bytes; target %dx%d", qint64(m_jpeg.size()),
          m_target.width(), m_target.height());
}

void BenchImagePreparer::dctScaledDecode()
{
    QImage result;
    QBENCHMARK
    {
        QBuffer buffer(&m_jpeg);
        buffer.open(QIODevice::ReadOnly);
        QImageReader reader(&buffer, "jpeg");
        reader.setScaledSize(m_target);
        result = reader.read();
    }
    QCOMPARE(result.size(), m_target);
    // libjpeg picks scale_num = ceil(8 / min(6000/W, 4000/H)) over 8; for 1204x812 that is 2/8,
    // so the largest buffer is the 1500x1000 RGB32 intermediate (Qt's qjpeghandler.cpp).
    qInfo("largest decoded buffer: %lld bytes (1500x1000x4, computed)", 1500LL * 1000 * 4);
}

void BenchImagePreparer::fullDecodeThenScaled()
{
    QImage result;
    qint64 decodedBytes = 0;
    QBENCHMARK
    {
        QBuffer buffer(&m_jpeg);
        buffer.open(QIODevice::ReadOnly);
        QImageReader reader(&buffer, "jpeg");
        const QImage full = reader.read();
        decodedBytes = full.sizeInBytes();
        result = full.scaled(m_target, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    }
    QCOMPARE(result.size(), m_target);
    qInfo("largest decoded buffer: %lld bytes (measured)", decodedBytes);
}

void BenchImagePreparer::prepareEndToEnd()
{
    const ImagePreparer preparer(m_model);
    PrepareResult result;
    QBENCHMARK
    {
        result = preparer.prepareBytes(m_jpeg, QStringLiteral("camera.jpg"));
    }
    QVERIFY(result.ok());
    QCOMPARE(result.image.transform.sentSize, m_target);
    qInfo("sent %lld bytes of JPEG", qint64(result.image.encoded.size()));
}

void BenchImagePreparer::cleanupTestCase()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    qInfo("peak resident set size of this run: %ld MiB", usage.ru_maxrss / 1024);
}

QVD_TEST_GUI_MAIN(BenchImagePreparer)
#include "bench_ImagePreparer.moc"
