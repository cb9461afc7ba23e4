// Downscaling a large JPEG for the model: libjpeg's DCT-domain scaling through
// QImageReader::setScaledSize (what ImagePreparer does) against the baseline "full decode, then
// QImage::scaled". Run one function per process to compare peak memory (printed at the end):
//   build/bin/bench_ImagePreparer dctScaledDecode -iterations 5
//   build/bin/bench_ImagePreparer fullDecodeThenScaled -iterations 5

#include "core/imaging/ImagePreparer.h"

#include "../unit/ImageFixtures.h"
#include "TestMain.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QImageReader>
#include <QLinearGradient>

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

// 6000x4000 (24 MP, a typical camera frame): quadrants, a gradient and a little grain so the
// entropy decoder has camera-like work. Cached in the temp dir, so a run that finds it never
// holds the full-size image and its peak memory shows only the path measured.
static QByteArray cameraJpeg()
{
    const QString path = QDir::temp().filePath(QStringLiteral("qvd-bench-camera-6000x4000.jpg"));
    QFile cached(path);
    if (cached.open(QIODevice::ReadOnly))
        return cached.readAll();
    QImage image = fixtures::quadrants(QSize(6000, 4000));
    QPainter painter(&image);
    QLinearGradient gradient(0, 0, 6000, 4000);
    gradient.setColorAt(0, QColor(0, 0, 0, 0));
    gradient.setColorAt(1, QColor(30, 60, 90, 160));
    painter.fillRect(image.rect(), gradient);
    painter.end();
    QRandomGenerator random(42);
    for (int y = 0; y < image.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            const int grain = int(random.bounded(17u)) - 8;
            const QRgb p = line[x];
            line[x] = qRgb(qBound(0, qRed(p) + grain, 255), qBound(0, qGreen(p) + grain, 255),
                           qBound(0, qBlue(p) + grain, 255));
        }
    }
    const QByteArray jpeg = fixtures::encode(image, "jpeg", 90);
    QFile out(path);
    if (out.open(QIODevice::WriteOnly))
        out.write(jpeg);
    return jpeg;
}

void BenchImagePreparer::initTestCase()
{
    m_jpeg = cameraJpeg();
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
