// Peak memory while preparing ten 24-megapixel JPEGs one after another, keeping every result
// as the conversation would, against the resident set after start-up and reading the ten files,
// measured in the same run (BenchReport.h). Goal: the peak at most 1.5 times that baseline
// (about 120 MiB; one decode at a time, at the reduced size), and the PreparedImage objects
// hold only encoded bytes (the sent JPEG and the source file), no decoded pixels.
//   build/bin/bench_PrepareMemory            (QVD_BENCH_QUICK=1: two images)

#include "core/imaging/ImagePreparer.h"

#include "BenchReport.h"
#include "CameraJpeg.h"
#include "TestMain.h"

#include <QGuiApplication>

using namespace qvd;

namespace {

const int kImages = bench::pick(10, 2);

// A field of /proc/self/status in KiB (VmRSS, VmHWM); -1 if unreadable.
qint64 statusKiB(const QByteArray &field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly | QIODevice::Text))
        return -1;
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith(QByteArray(field + ':')))
            return line.mid(field.size() + 1).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

// Linux: writing 5 to clear_refs resets VmHWM to the current RSS (proc(5)).
bool resetPeak()
{
    QFile clear(QStringLiteral("/proc/self/clear_refs"));
    return clear.open(QIODevice::WriteOnly) && clear.write("5") == 1;
}

double mib(qint64 bytes)
{
    return double(bytes) / (1024.0 * 1024.0);
}

} // namespace

class BenchPrepareMemory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tenCameraImages();
};

void BenchPrepareMemory::tenCameraImages()
{
    const qint64 startupKiB = statusKiB("VmRSS");
    // Made (or read from the cache) before the baseline, so its 96 MB of pixels do not count.
    const QByteArray camera = bench::cameraJpeg();
    ModelInfo model;
    model.budget = ResizeBudget{28, 4 * 784, 1280 * 784};
    const ImagePreparer preparer(model);
    // Ten different files: the same frame with each EXIF orientation (some turned sideways).
    QList<QByteArray> files;
    for (int i = 0; i < kImages; ++i)
        files.append(fixtures::withExifOrientation(camera, i % 8 + 1));
    const bool peakReset = resetPeak();
    // Start-up plus the ten files in memory (53 MB), which the results share.
    const qint64 baselineKiB = statusKiB("VmRSS");

    QList<PreparedImage> kept;
    qint64 encodedBytes = 0;
    qint64 sourceBytes = 0;
    for (const QByteArray &file : std::as_const(files)) {
        const PrepareResult result = preparer.prepareBytes(file, QStringLiteral("camera.jpg"));
        QVERIFY2(result.ok(), qPrintable(result.error.message()));
        kept.append(result.image);
        encodedBytes += result.image.encoded.size();
        sourceBytes += result.image.sourceBytes.size();
    }
    const qint64 peakKiB = statusKiB("VmHWM");
    const qint64 afterKiB = statusKiB("VmRSS");
    QCOMPARE(kept.size(), kImages);
    QVERIFY(peakKiB > 0);

    // What a PreparedImage holds: the sent JPEG, the source file (shared with `files`, not a
    // copy), and small values. A decoded 1204x812 RGB32 image alone would be 3.9 MB.
    const qint64 decodedEach = qint64(kept.first().transform.sentSize.width())
        * kept.first().transform.sentSize.height() * 4;
    const bool sharesSource = kept.first().sourceBytes.constData() == files.first().constData();
    qInfo("sent %dx%d each; source %.1f MB each", kept.first().transform.sentSize.width(),
          kept.first().transform.sentSize.height(), mib(files.first().size()));
    qInfo("peak reset: %s; peak over the baseline %.0f MiB; RSS at start-up, before reading "
          "the files: %.0f MiB",
          peakReset ? "yes" : "no", double(peakKiB - baselineKiB) / 1024.0,
          double(startupKiB) / 1024.0);
    qInfo("prepared objects: %.2f MiB encoded for %d images (%.0f KiB each; decoded pixels "
          "would be %.1f MiB each); sources %.1f MiB (shared with the files read: %s); RSS after "
          "them %.0f MiB",
          mib(encodedBytes), kImages, double(encodedBytes) / kImages / 1024.0, mib(decodedEach),
          mib(sourceBytes), sharesSource ? "yes" : "no", double(afterKiB) / 1024.0);
    QVERIFY(sharesSource);
    QVD_BENCH_GOAL("prepare ten 24 MP JPEGs: peak RSS (MiB)", double(peakKiB) / 1024.0, "MiB",
                   "RSS after start-up and reading the files", double(baselineKiB) / 1024.0,
                   bench::Better::Lower, 1.5);
    QVERIFY(encodedBytes < kImages * decodedEach / 4);
}

QVD_TEST_GUI_MAIN(BenchPrepareMemory)
#include "bench_PrepareMemory.moc"
