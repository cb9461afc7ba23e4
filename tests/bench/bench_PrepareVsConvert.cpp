// Preparing a 24-megapixel camera JPEG for upload (decode, orient, resize, encode) with
// ImagePreparer against ImageMagick doing the same job to the same smart_resize size:
//   convert in.jpg -auto-orient -resize WxH! -quality 90 out.jpg
// Goal: ImagePreparer takes at most half of convert's time. Prints RESULT lines; run with
//   build/bin/bench_PrepareVsConvert

#include "core/imaging/ImagePreparer.h"

#include "CameraJpeg.h"
#include "TestMain.h"

#include <QGuiApplication>
#include <QImageReader>
#include <QProcess>
#include <QTemporaryDir>

using namespace qvd;

namespace {

constexpr int kRuns = 5;
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

    const double ratio = prepareMs / convertMs;
    qInfo("RESULT prepare_24mp_jpeg %.1f ms (baseline: ImageMagick convert %.1f ms; median of %d)",
          prepareMs, convertMs, kRuns);
    qInfo("RESULT prepare_vs_convert_ratio %.2f x (goal <= 0.50: %s); sent %dx%d, %lld vs %lld "
          "bytes",
          ratio, ratio <= 0.5 ? "met" : "missed", target.width(), target.height(),
          qint64(result.image.encoded.size()), QFileInfo(output).size());
    qInfo(
        "RESULT prepare_vs_convert_hinted_ratio %.2f x (baseline: convert -define jpeg:size=%dx%d "
        "%.1f ms)",
        prepareMs / hintedMs, target.width() * 2, target.height() * 2, hintedMs);
}

QVD_TEST_GUI_MAIN(BenchPrepareVsConvert)
#include "bench_PrepareVsConvert.moc"
