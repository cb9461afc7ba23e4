// Preparing a 24-megapixel camera JPEG for upload (decode, orient, resize, encode) with
// ImagePreparer against ImageMagick doing the same job to the same smart_resize size:
//   convert in.jpg -auto-orient -resize WxH! -quality 90 out.jpg
// Goal: ImagePreparer takes at most half of convert's time (wall time, median of the runs; the
// test command installs ImageMagick). QVD_BENCH_QUICK=1: one run each.
//   build/bin/bench_PrepareVsConvert

#include "core/imaging/ImagePreparer.h"

#include "BenchReport.h"
#include "CameraJpeg.h"
#include "TestMain.h"

#include <QGuiApplication>
#include <QImageReader>
#include <QProcess>
#include <QTemporaryDir>

using namespace qvd;

namespace {

const int kRuns = qvd::bench::pick(5, 1);
const QString kConvert = QStringLiteral("/usr/bin/convert");

} // namespace

class BenchPrepareVsConvert : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void prepareVsConvert();
};

void BenchPrepareVsConvert::prepareVsConvert()
{
    if (!QFileInfo(kConvert).isExecutable())
        QSKIP("ImageMagick's /usr/bin/convert is not installed (apt-get install imagemagick)");
    QTemporaryDir dir;
    const QString input = dir.filePath(QStringLiteral("camera.jpg"));
    const QString output = dir.filePath(QStringLiteral("out.jpg"));
    {
        QFile file(input);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bench::cameraJpeg());
    }
    ModelInfo model;
    model.budget = ResizeBudget{28, 4 * 784, 1280 * 784};
    const ImagePreparer preparer(model);
    const QSize target = *smartResize(QSize(6000, 4000), model.budget);

    PrepareResult result;
    const double prepareMs = bench::medianMs(kRuns, [&] { result = preparer.prepareFile(input); });
    QVERIFY(result.ok());
    QCOMPARE(result.image.transform.sentSize, target);

    const QStringList arguments{input,
                                QStringLiteral("-auto-orient"),
                                QStringLiteral("-resize"),
                                QStringLiteral("%1x%2!").arg(target.width()).arg(target.height()),
                                QStringLiteral("-quality"),
                                QStringLiteral("90"),
                                output};
    const auto timeConvert = [&](const QStringList &args) {
        bool ok = true;
        const double ms = bench::medianMs(kRuns, [&] {
            QProcess process;
            process.start(kConvert, args);
            ok = ok && process.waitForFinished(120000) && process.exitCode() == 0;
        });
        return ok ? ms : -1.0;
    };
    const double convertMs = timeConvert(arguments);
    QVERIFY(convertMs > 0);
    QCOMPARE(QImageReader(output).size(), target);
    // For honesty: the same with libjpeg's DCT scaling hint, which the command lacks.
    const double hintedMs = timeConvert(
        QStringList{
            QStringLiteral("-define"),
            QStringLiteral("jpeg:size=%1x%2").arg(target.width() * 2).arg(target.height() * 2)}
        + arguments);
    QVERIFY(hintedMs > 0);

    qInfo("sent %dx%d, %lld bytes (convert: %lld); convert -define jpeg:size=%dx%d took %.1f ms",
          target.width(), target.height(), qint64(result.image.encoded.size()),
          QFileInfo(output).size(), target.width() * 2, target.height() * 2, hintedMs);
    QVD_BENCH_GOAL("prepare a 24 MP JPEG for upload (ms)", prepareMs, "ms",
                   "ImageMagick convert, same job", convertMs, qvd::bench::Better::Lower, 0.5);
}

QVD_TEST_GUI_MAIN(BenchPrepareVsConvert)
#include "bench_PrepareVsConvert.moc"
