// Downscaling a 24-megapixel JPEG for the model: libjpeg's DCT-domain scaling through
// QImageReader::setScaledSize (what ImagePreparer does) against the baseline "full decode, then
// QImage::scaled" in the same run (goal: at most half its time; BenchReport.h). CPU time,
// median of the runs. The whole preparation (decode, orient, resize, encode) is printed too;
// bench_PrepareVsConvert and bench_PrepareMemory judge it.
//   build/bin/bench_ImagePreparer            (QVD_BENCH_QUICK=1: one run)

#include "core/imaging/ImagePreparer.h"

#include "BenchReport.h"
#include "CameraJpeg.h"
#include "TestMain.h"

#include <QBuffer>
#include <QGuiApplication>
#include <QImageReader>

using namespace qvd;

class BenchImagePreparer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void dctScaledAgainstFullDecode();
    void prepareEndToEnd();

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

void BenchImagePreparer::dctScaledAgainstFullDecode()
{
    const int runs = bench::pick(5, 1);
    QImage scaled;
    const double dctMs = bench::medianCpuMs(runs, [&] {
        QBuffer buffer(&m_jpeg);
        buffer.open(QIODevice::ReadOnly);
        QImageReader reader(&buffer, "jpeg");
        reader.setScaledSize(m_target);
        scaled = reader.read();
    });
    QCOMPARE(scaled.size(), m_target);
    QImage full;
    const double fullMs = bench::medianCpuMs(runs, [&] {
        QBuffer buffer(&m_jpeg);
        buffer.open(QIODevice::ReadOnly);
        QImageReader reader(&buffer, "jpeg");
        full = reader.read().scaled(m_target, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    });
    QCOMPARE(full.size(), m_target);
    // libjpeg picks scale_num = ceil(8 / min(6000/W, 4000/H)) over 8; for 1204x812 that is 2/8,
    // so the largest buffer is the 1500x1000 RGB32 intermediate (Qt's qjpeghandler.cpp), against
    // 96 MB for the full decode.
    QVD_BENCH_GOAL("decode a 24 MP JPEG at the model's size (ms)", dctMs, "ms",
                   "full decode, then QImage::scaled", fullMs, bench::Better::Lower, 0.5);
}

void BenchImagePreparer::prepareEndToEnd()
{
    const ImagePreparer preparer(m_model);
    PrepareResult result;
    const double ms = bench::medianCpuMs(bench::pick(5, 1), [&] {
        result = preparer.prepareBytes(m_jpeg, QStringLiteral("camera.jpg"));
    });
    QVERIFY(result.ok());
    QCOMPARE(result.image.transform.sentSize, m_target);
    qInfo("prepared in %.1f ms CPU; sent %lld bytes of JPEG", ms,
          qint64(result.image.encoded.size()));
}

QVD_TEST_GUI_MAIN(BenchImagePreparer)
#include "bench_ImagePreparer.moc"
