#include "core/imaging/ImagePreparer.h"

#include "ImageFixtures.h"
#include "TestMain.h"

#include <QCryptographicHash>
#include <QFutureWatcher>
#include <QGuiApplication>
#include <QImageReader>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThreadPool>

using namespace qvd;
using namespace qvd::fixtures;
using Kind = ImageError::Kind;
using Orientation = QImageIOHandler::Transformations;

namespace {

QImage decodeSent(const PreparedImage &image)
{
    const QString uri = image.dataUri();
    const QString prefix = QLatin1String("data:") + image.mimeType + QLatin1String(";base64,");
    if (!uri.startsWith(prefix))
        return {};
    return QImage::fromData(QByteArray::fromBase64(uri.mid(prefix.size()).toLatin1()));
}

} // namespace

class TestImagePreparer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formats_data();
    void formats();
    void exifOrientation_data();
    void exifOrientation();
    void transparencyKeepsPng();
    void budgetOptions_data();
    void budgetOptions();
    void rejects_data();
    void rejects();
    void missingFileIsUnreadable();
    void qualityStepsDownBeforeSize();
    void sizeStepsDownWhenQualityIsNotEnough();
    void impossibleLimitIsAnError();
    void asyncMatchesSync();
    void asyncRunsInParallel();

private:
    QString write(const QString &name, const QByteArray &bytes);
    QTemporaryDir m_dir;
};

QString TestImagePreparer::write(const QString &name, const QByteArray &bytes)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

void TestImagePreparer::formats_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QSize>("stored");
    QTest::addColumn<QSize>("sent");
    QTest::addColumn<QString>("format");

    // 640x480 at factor 28: round(480/28)=17 -> 476, round(640/28)=23 -> 644; 306,544 pixels
    // is inside [3136, 1,003,520], so no budget step.
    const QImage image = quadrants(QSize(640, 480));
    const QSize sent(644, 476);
    QTest::newRow("jpeg") << encode(image, "jpeg") << image.size() << sent << "jpeg";
    QTest::newRow("png") << encode(image, "png") << image.size() << sent << "png";
    QTest::newRow("webp") << encode(image, "webp") << image.size() << sent << "webp";
    QTest::newRow("bmp") << encode(image, "bmp") << image.size() << sent << "bmp";
    QTest::newRow("tiff") << encode(image, "tiff") << image.size() << sent << "tiff";
    // 64x48 rounds to 56x56 = 3136 pixels, exactly the 4-token minimum.
    QTest::newRow("gif, first frame")
        << twoFrameGif(QSize(64, 48)) << QSize(64, 48) << QSize(56, 56) << "gif";
}

void TestImagePreparer::formats()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QSize, stored);
    QFETCH(QSize, sent);
    QFETCH(QString, format);

    const QString path = write(QStringLiteral("picture.") + format, bytes);
    const PrepareResult result = ImagePreparer(qwen25()).prepareFile(path);
    QVERIFY2(result.ok(), qPrintable(result.error.message() + result.error.detail));
    const PreparedImage &image = result.image;
    QCOMPARE(image.sourceFormat, format);
    QCOMPARE(image.mimeType, QStringLiteral("image/jpeg"));
    QCOMPARE(image.transform.storedSize, stored);
    QCOMPARE(image.transform.originalSize, stored);
    QCOMPARE(image.transform.orientation, Orientation(QImageIOHandler::TransformationNone));
    QCOMPARE(image.transform.sentSize, sent);
    QCOMPARE(image.transform.budget, qwen25().budget);
    QCOMPARE(image.estimatedTokens, sent.width() / 28 * (sent.height() / 28) + 2);
    QCOMPARE(image.sourceByteCount, bytes.size());
    QCOMPARE(image.sourceBytes, bytes);
    QCOMPARE(image.sourceSha256, QCryptographicHash::hash(bytes, QCryptographicHash::Sha256));
    QCOMPARE(image.sourceName, QStringLiteral("picture.") + format);
    // The server's smart_resize with the bounds we send leaves the size alone.
    QCOMPARE(smartResize(sent, ResizeBudget{28, image.minPixels, image.maxPixels}), sent);

    const QImage decoded = decodeSent(image);
    QCOMPARE(decoded.size(), sent);
    const QList<QRgb> corners = cornerColours(decoded);
    QVERIFY(near(corners[0], kTopLeft));
    QVERIFY(near(corners[1], kTopRight));
    QVERIFY(near(corners[2], kBottomLeft));
    QVERIFY(near(corners[3], kBottomRight));
}

void TestImagePreparer::exifOrientation_data()
{
    QTest::addColumn<int>("exif");
    QTest::addColumn<Orientation>("orientation");
    QTest::addColumn<QList<QColor>>("upright"); // TL, TR, BL, BR after applying the tag

    // Stored corners R G / B Y. EXIF 2.32 §4.6.4 (Orientation) read by hand, e.g. 6: "row 0 is
    // the visual right side, column 0 the visual top", so the stored bottom-left is shown top-left.
    const QColor r = kTopLeft, g = kTopRight, b = kBottomLeft, y = kBottomRight;
    using T = QImageIOHandler::Transformation;
    QTest::newRow("1 normal") << 1 << Orientation(T::TransformationNone)
                              << QList<QColor>{r, g, b, y};
    QTest::newRow("2 mirrored") << 2 << Orientation(T::TransformationMirror)
                                << QList<QColor>{g, r, y, b};
    QTest::newRow("3 rotated 180")
        << 3 << Orientation(T::TransformationRotate180) << QList<QColor>{y, b, g, r};
    QTest::newRow("4 flipped") << 4 << Orientation(T::TransformationFlip)
                               << QList<QColor>{b, y, r, g};
    QTest::newRow("5 transposed") << 5 << Orientation(T::TransformationFlipAndRotate90)
                                  << QList<QColor>{r, b, g, y};
    QTest::newRow("6 rotated 90") << 6 << Orientation(T::TransformationRotate90)
                                  << QList<QColor>{b, r, y, g};
    QTest::newRow("7 transversed")
        << 7 << Orientation(T::TransformationMirrorAndRotate90) << QList<QColor>{y, g, b, r};
    QTest::newRow("8 rotated 270")
        << 8 << Orientation(T::TransformationRotate270) << QList<QColor>{g, y, r, b};
}

void TestImagePreparer::exifOrientation()
{
    QFETCH(int, exif);
    QFETCH(Orientation, orientation);
    QFETCH(QList<QColor>, upright);

    // 1600x800 is over budget: beta = sqrt(1,280,000 / 1,003,520) = 1.1294,
    // floor(800/1.1294/28) = 25 -> 700, floor(1600/1.1294/28) = 50 -> 1400.
    const QByteArray jpeg = withExifOrientation(encode(quadrants(QSize(1600, 800)), "jpeg"), exif);
    const PrepareResult result =
        ImagePreparer(qwen25()).prepareBytes(jpeg, QStringLiteral("c.jpg"));
    QVERIFY2(result.ok(), qPrintable(result.error.message()));
    const ImageTransform &t = result.image.transform;
    const bool turned = exif >= 5;
    QCOMPARE(t.orientation, orientation);
    QCOMPARE(t.storedSize, QSize(1600, 800));
    QCOMPARE(t.originalSize, turned ? QSize(800, 1600) : QSize(1600, 800));
    QCOMPARE(t.sentSize, turned ? QSize(700, 1400) : QSize(1400, 700));

    const QImage decoded = decodeSent(result.image);
    QCOMPARE(decoded.size(), t.sentSize);
    const QList<QRgb> corners = cornerColours(decoded);
    for (int i = 0; i < 4; ++i)
        QVERIFY2(near(corners[i], upright[i]), qPrintable(QString::number(i)));
}

void TestImagePreparer::transparencyKeepsPng()
{
    QImage image = quadrants(QSize(200, 200), QImage::Format_ARGB32);
    const PrepareResult opaque =
        ImagePreparer(qwen25()).prepareBytes(encode(image, "png"), QStringLiteral("o.png"));
    QVERIFY(opaque.ok());
    QCOMPARE(opaque.image.mimeType, QStringLiteral("image/jpeg")); // alpha channel, all 255

    for (int y = 100; y < 200; ++y)
        for (int x = 100; x < 200; ++x)
            image.setPixel(x, y, qRgba(0, 0, 0, 0));
    const PrepareResult clear =
        ImagePreparer(qwen25()).prepareBytes(encode(image, "png"), QStringLiteral("t.png"));
    QVERIFY(clear.ok());
    QCOMPARE(clear.image.mimeType, QStringLiteral("image/png"));
    QVERIFY(clear.image.dataUri().startsWith(QLatin1String("data:image/png;base64,iVBORw0KGgo")));
    const QImage decoded = decodeSent(clear.image);
    QCOMPARE(decoded.size(), QSize(196, 196)); // round(200/28) = 7 -> 196
    QCOMPARE(qAlpha(decoded.pixel(170, 170)), 0);
    QCOMPARE(qAlpha(decoded.pixel(30, 30)), 255);
}

void TestImagePreparer::budgetOptions_data()
{
    QTest::addColumn<QSize>("original");
    QTest::addColumn<bool>("highResolution");
    QTest::addColumn<qint64>("minPixels"); // 0: model default
    QTest::addColumn<qint64>("maxPixels");
    QTest::addColumn<QSize>("sent");
    QTest::addColumn<qint64>("sentMax");

    // Hand computations with smart_resize (docs/grounding.md §2), factor 28.
    // Default: beta = sqrt(6e6/1,003,520) = 2.4452 -> floor(43.8)=43, floor(29.2)=29.
    QTest::newRow("default") << QSize(3000, 2000) << false << 0LL << 0LL << QSize(1204, 812)
                             << 1003520LL;
    // High resolution: 16384*784 = 12,845,056 >= 6e6, so only rounding: 107*28 x 71*28.
    QTest::newRow("high resolution")
        << QSize(3000, 2000) << true << 0LL << 0LL << QSize(2996, 1988) << 12845056LL;
    // Override wins over high resolution: beta = sqrt(30) = 5.477 -> floor(19.56)=19,
    // floor(13.04)=13.
    QTest::newRow("max override") << QSize(3000, 2000) << true << 0LL << 200000LL << QSize(532, 364)
                                  << 200000LL;
    // Tiny image, raised minimum: beta = sqrt(1e5/400) = 15.81 -> ceil(11.29) = 12 -> 336.
    QTest::newRow("min override") << QSize(20, 20) << false << 100000LL << 0LL << QSize(336, 336)
                                  << 1003520LL;
}

void TestImagePreparer::budgetOptions()
{
    QFETCH(QSize, original);
    QFETCH(bool, highResolution);
    QFETCH(qint64, minPixels);
    QFETCH(qint64, maxPixels);
    QFETCH(QSize, sent);
    QFETCH(qint64, sentMax);

    ImagePreparer::Options options;
    options.highResolution = highResolution;
    if (minPixels)
        options.minPixels = minPixels;
    if (maxPixels)
        options.maxPixels = maxPixels;
    const ImagePreparer preparer(qwen25(), options);
    const PrepareResult result =
        preparer.prepareBytes(encode(quadrants(original), "jpeg"), QStringLiteral("b.jpg"));
    QVERIFY(result.ok());
    QCOMPARE(result.image.transform.sentSize, sent);
    QCOMPARE(result.image.maxPixels, sentMax);
    QCOMPARE(result.image.minPixels, minPixels ? minPixels : 3136);
    QCOMPARE(decodeSent(result.image).size(), sent);
}

void TestImagePreparer::rejects_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<qint64>("maxSourcePixels");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<QString>("inMessage");

    const QByteArray jpeg = encode(quadrants(QSize(640, 480)), "jpeg");
    const QByteArray png = encode(noise(QSize(300, 300), 7), "png");
    const qint64 limit = 100'000'000;
    QTest::newRow("text") << QByteArray("hello, not an image\n") << limit << Kind::NotAnImage
                          << QSize() << "not an image";
    QTest::newRow("empty") << QByteArray() << limit << Kind::Empty << QSize() << "is empty";
    QTest::newRow("svg is not accepted")
        << QByteArray(R"(<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>)")
        << limit << Kind::NotAnImage << QSize() << "not an image";
    QTest::newRow("jpeg header only") << QByteArray("\xff\xd8\xff\xe0garbage", 12) << limit
                                      << Kind::Damaged << QSize() << "damaged";
    QTest::newRow("png cut short")
        << png.left(png.size() / 2) << limit << Kind::Damaged << QSize() << "damaged";
    // A 3 KB file declaring 30000x20000 = 600 MP: refused from the header alone.
    QTest::newRow("decompression bomb") << withClaimedJpegSize(jpeg, QSize(30000, 20000)) << limit
                                        << Kind::TooLarge << QSize(30000, 20000) << "30000×20000";
    QTest::newRow("over a custom limit")
        << jpeg << 640LL * 480 - 1 << Kind::TooLarge << QSize(640, 480) << "640×480";
    QTest::newRow("200:1") << encode(quadrants(QSize(2000, 10)), "png") << limit
                           << Kind::ExtremeAspectRatio << QSize(2000, 10) << "2000×10";
}

void TestImagePreparer::rejects()
{
    QFETCH(QByteArray, bytes);
    QFETCH(qint64, maxSourcePixels);
    QFETCH(Kind, kind);
    QFETCH(QSize, size);
    QFETCH(QString, inMessage);

    ImagePreparer::Options options;
    options.maxSourcePixels = maxSourcePixels;
    const PrepareResult result =
        ImagePreparer(qwen25(), options).prepareBytes(bytes, QStringLiteral("holiday.jpg"));
    QVERIFY(!result.ok());
    QCOMPARE(result.error.kind, kind);
    QCOMPARE(result.error.size, size);
    const QString message = result.error.message();
    QVERIFY2(message.contains(QLatin1String("holiday.jpg")), qPrintable(message));
    QVERIFY2(message.contains(inMessage), qPrintable(message));
}

void TestImagePreparer::missingFileIsUnreadable()
{
    const PrepareResult result =
        ImagePreparer(qwen25()).prepareFile(m_dir.filePath(QStringLiteral("gone.png")));
    QCOMPARE(result.error.kind, Kind::Unreadable);
    QVERIFY(result.error.message().contains(QLatin1String("gone.png")));
    QVERIFY(!result.error.message().contains(m_dir.path())); // no directories in messages
}

void TestImagePreparer::qualityStepsDownBeforeSize()
{
    // PNG source, so the preparer's one smooth scale is the same as ours below.
    const QImage source = noise(QSize(700, 700), 1);
    const QImage sent = source.scaled(700, 700); // 700 = 25*28: no resize
    const qint64 at90 = PreparedImage::dataUriLength(encode(sent, "jpeg", 90).size(), {});
    const qint64 at60 = PreparedImage::dataUriLength(encode(sent, "jpeg", 60).size(), {});
    QVERIFY(at60 < at90 * 3 / 4);
    ImagePreparer::Options options;
    options.maxDataUriBytes = (at90 + at60) / 2 + 20; // between; 20 covers "image/jpeg"
    const PrepareResult result =
        ImagePreparer(qwen25(), options).prepareBytes(encode(source, "png"), QStringLiteral("n"));
    QVERIFY(result.ok());
    QCOMPARE(result.image.transform.sentSize, QSize(700, 700));
    QVERIFY(result.image.dataUri().size() <= options.maxDataUriBytes);
    QVERIFY(result.image.encoded.size() < encode(sent, "jpeg", 90).size());
}

void TestImagePreparer::sizeStepsDownWhenQualityIsNotEnough()
{
    ImagePreparer::Options options;
    options.maxDataUriBytes = 60'000; // noise at 700x700 needs several hundred KB
    const PrepareResult result =
        ImagePreparer(qwen25(), options)
            .prepareBytes(encode(noise(QSize(700, 700), 2), "png"), QStringLiteral("noise.png"));
    QVERIFY2(result.ok(), qPrintable(result.error.message()));
    const PreparedImage &image = result.image;
    QVERIFY(image.dataUri().size() <= options.maxDataUriBytes);
    const ImageTransform &t = image.transform;
    QVERIFY(t.sentSize.width() < 700);
    // The record stays consistent: the smaller budget reproduces the smaller size.
    QVERIFY(t.budget.maxPixels < 1280 * 784);
    QCOMPARE(smartResize(t.originalSize, t.budget), t.sentSize);
    QCOMPARE(image.maxPixels, t.budget.maxPixels);
    QCOMPARE(decodeSent(image).size(), t.sentSize);
    QCOMPARE(image.estimatedTokens, t.sentSize.width() / 28 * (t.sentSize.height() / 28) + 2);
}

void TestImagePreparer::impossibleLimitIsAnError()
{
    ImagePreparer::Options options;
    options.maxDataUriBytes = 200; // not even the smallest 56x56 JPEG fits
    const PrepareResult result =
        ImagePreparer(qwen25(), options)
            .prepareBytes(encode(noise(QSize(300, 300), 3), "png"), QStringLiteral("big.png"));
    QCOMPARE(result.error.kind, Kind::CannotFitByteLimit);
    QVERIFY(result.error.message().contains(QLatin1String("big.png")));
    QVERIFY(result.image.encoded.isEmpty());
}

void TestImagePreparer::asyncMatchesSync()
{
    const QString path =
        write(QStringLiteral("async.jpg"), encode(quadrants(QSize(900, 600)), "jpeg"));
    const ImagePreparer preparer(qwen25());
    QFutureWatcher<PrepareResult> watcher;
    QSignalSpy finished(&watcher, &QFutureWatcherBase::finished);
    watcher.setFuture(preparer.prepareFileAsync(path));
    QVERIFY(finished.wait(20000));
    const PrepareResult async = watcher.result();
    const PrepareResult sync = preparer.prepareFile(path);
    QVERIFY(async.ok());
    QCOMPARE(async.image.transform, sync.image.transform);
    QCOMPARE(async.image.transform.sentSize, QSize(896, 588)); // 32*28 x 21*28
    QCOMPARE(async.image.encoded, sync.image.encoded);
    QCOMPARE(async.image.sourceSha256, sync.image.sourceSha256);

    QFutureWatcher<PrepareResult> failing;
    QSignalSpy failed(&failing, &QFutureWatcherBase::finished);
    failing.setFuture(preparer.prepareBytesAsync(QByteArray("nope"), QStringLiteral("x.png")));
    QVERIFY(failed.wait(20000));
    QCOMPARE(failing.result().error.kind, Kind::NotAnImage);
}

void TestImagePreparer::asyncRunsInParallel()
{
    QThreadPool pool;
    pool.setMaxThreadCount(2);
    const ImagePreparer preparer(qwen25());
    QList<QFuture<PrepareResult>> futures;
    for (int i = 0; i < 4; ++i) {
        const QByteArray bytes = encode(quadrants(QSize(300 + 28 * i, 300)), "png");
        futures.append(preparer.prepareBytesAsync(bytes, QString::number(i), &pool));
    }
    for (int i = 0; i < 4; ++i) {
        QFutureWatcher<PrepareResult> watcher;
        QSignalSpy finished(&watcher, &QFutureWatcherBase::finished);
        watcher.setFuture(futures[i]);
        QVERIFY(finished.wait(20000));
        // round((300+28i)/28) = 11+i (10.71 rounds up), round(300/28) = 11.
        QCOMPARE(watcher.result().image.transform.sentSize, QSize(28 * (11 + i), 308));
        QCOMPARE(watcher.result().image.sourceName, QString::number(i));
    }
}

QVD_TEST_GUI_MAIN(TestImagePreparer)
#include "tst_ImagePreparer.moc"
