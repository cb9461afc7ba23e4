// ImagePreparer at the edges: a header that claims 3.6 gigapixels, an empty file, a real
// 24-megapixel camera frame, and an image whose first encoding breaks the 10 MB data-URI limit.
#include "core/imaging/ImagePreparer.h"

#include "ImageFixtures.h"
#include "TestMain.h"

#include <QGuiApplication>
#include <QTemporaryDir>

#include <sys/resource.h>

using namespace qvd;
using namespace qvd::fixtures;
using Kind = ImageError::Kind;

namespace {

QImage decodeSent(const PreparedImage &image)
{
    return QImage::fromData(image.encoded);
}

qint64 peakRssKiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

// CRC-32 as PNG defines it (ISO 3309; PNG spec §5.5), over chunk type and data.
quint32 pngCrc(const QByteArray &bytes)
{
    quint32 crc = 0xffffffffu;
    for (const char byte : bytes) {
        crc ^= quint8(byte);
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
    }
    return crc ^ 0xffffffffu;
}

QByteArray pngChunk(const QByteArray &type, const QByteArray &data)
{
    QByteArray out(4, '\0');
    qToBigEndian<quint32>(quint32(data.size()), out.data());
    out += type + data;
    QByteArray crc(4, '\0');
    qToBigEndian<quint32>(pngCrc(type + data), crc.data());
    return out + crc;
}

// A valid PNG signature and header claiming `size` RGBA pixels, then one small IDAT: a few
// hundred bytes whose full decode would need width × height × 4 bytes.
QByteArray pngClaiming(QSize size)
{
    QByteArray header(13, '\0');
    qToBigEndian<quint32>(quint32(size.width()), header.data());
    qToBigEndian<quint32>(quint32(size.height()), header.data() + 4);
    header[8] = 8; // bit depth
    header[9] = 6; // colour type RGBA
    // zlib stream of one all-zero row's worth of a start; qCompress prefixes a 4-byte length.
    const QByteArray idat = qCompress(QByteArray(4096, '\0'), 9).mid(4);
    return QByteArrayLiteral("\x89PNG\r\n\x1a\n") + pngChunk("IHDR", header)
        + pngChunk("IDAT", idat) + pngChunk("IEND", {});
}

} // namespace

class TestImagePreparerLimits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // First, so the peak RSS it checks is this process's start-up peak.
    void pngBombRefusedFromHeader();
    void zeroByteFile();
    void camera24Megapixels();
    void overDataUriLimitIsShrunkUnderIt_data();
    void overDataUriLimitIsShrunkUnderIt();

private:
    QString write(const QString &name, const QByteArray &bytes);
    QTemporaryDir m_dir;
};

QString TestImagePreparerLimits::write(const QString &name, const QByteArray &bytes)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

void TestImagePreparerLimits::pngBombRefusedFromHeader()
{
    const QByteArray bomb = pngClaiming(QSize(60000, 60000));
    QVERIFY2(bomb.size() < 400, qPrintable(QString::number(bomb.size())));
    const QString path = write(QStringLiteral("bomb.png"), bomb);
    const qint64 peakBefore = peakRssKiB();

    const PrepareResult result = ImagePreparer(qwen25()).prepareFile(path);
    QCOMPARE(result.error.kind, Kind::TooLarge);
    // The size comes from the header: nothing was decoded to learn it.
    QCOMPARE(result.error.size, QSize(60000, 60000));
    QVERIFY(result.error.message().contains(QStringLiteral("60000×60000")));
    QVERIFY(result.image.encoded.isEmpty());
    // 60000² RGBA is 14.4 GB; the peak resident size did not move by even 16 MB.
    const qint64 grown = peakRssKiB() - peakBefore;
    QVERIFY2(grown < 16 * 1024, qPrintable(QStringLiteral("%1 KiB").arg(grown)));
}

void TestImagePreparerLimits::zeroByteFile()
{
    const QString path = write(QStringLiteral("empty.jpg"), {});
    const PrepareResult result = ImagePreparer(qwen25()).prepareFile(path);
    QVERIFY(!result.ok());
    QCOMPARE(result.error.kind, Kind::Empty);
    QCOMPARE(result.error.fileName, QStringLiteral("empty.jpg"));
    QCOMPARE(result.error.message(), QStringLiteral("“empty.jpg” is empty (0 bytes)."));
    QVERIFY(result.image.encoded.isEmpty());
}

void TestImagePreparerLimits::camera24Megapixels()
{
    // A 6000×4000 frame stored sideways, as phones do: EXIF 6 turns it to 4000×6000.
    const QByteArray jpeg =
        withExifOrientation(encode(quadrants(QSize(6000, 4000)), "jpeg", 90), 6);
    const QString path = write(QStringLiteral("camera.jpg"), jpeg);
    const PrepareResult result = ImagePreparer(qwen25()).prepareFile(path);
    QVERIFY2(result.ok(), qPrintable(result.error.message()));
    const ImageTransform &t = result.image.transform;
    QCOMPARE(t.storedSize, QSize(6000, 4000));
    QCOMPARE(t.originalSize, QSize(4000, 6000));
    // beta = sqrt(24e6 / 1,003,520) = 4.8904: floor(4000/4.8904/28) = 29 -> 812,
    // floor(6000/4.8904/28) = 43 -> 1204.
    QCOMPARE(t.sentSize, QSize(812, 1204));
    QCOMPARE(smartResize(t.originalSize, qwen25().budget), t.sentSize);
    QCOMPARE(result.image.estimatedTokens, 29 * 43 + 2);
    QCOMPARE(result.image.mimeType, QStringLiteral("image/jpeg"));

    const QImage sent = decodeSent(result.image);
    QCOMPARE(sent.size(), QSize(812, 1204));
    // Upright: the stored bottom-left (blue) is now top-left (see tst_ImagePreparer, EXIF 6).
    const QList<QRgb> corners = cornerColours(sent);
    QVERIFY(near(corners[0], kBottomLeft));
    QVERIFY(near(corners[1], kTopLeft));
    QVERIFY(near(corners[2], kBottomRight));
    QVERIFY(near(corners[3], kTopRight));
}

void TestImagePreparerLimits::overDataUriLimitIsShrunkUnderIt_data()
{
    QTest::addColumn<int>("side"); // a square of noise, on the 28 grid so smart_resize keeps it
    QTest::addColumn<qint64>("maxPixels"); // 0: the high-resolution budget (16384 tokens)
    QTest::addColumn<int>("firstQuality"); // encoded at this quality, it is over the limit
    QTest::addColumn<bool>("fewerPixels"); // quality alone is not enough

    // Noise does not compress. 3584² = 16384 × 28² is the whole high-resolution budget:
    // about 15 MB of data URI at quality 90, under 10 MB at a lower quality.
    QTest::newRow("high resolution: quality") << 3584 << 0LL << 90 << false;
    // 4480² (20 MP, a raised max_pixels): even quality 60 is over, so the size steps down.
    QTest::newRow("raised max_pixels: size") << 4480 << 4480LL * 4480 << 60 << true;
}

void TestImagePreparerLimits::overDataUriLimitIsShrunkUnderIt()
{
    QFETCH(int, side);
    QFETCH(qint64, maxPixels);
    QFETCH(int, firstQuality);
    QFETCH(bool, fewerPixels);

    const QSize original(side, side);
    ImagePreparer::Options options;
    options.highResolution = true;
    if (maxPixels > 0)
        options.maxPixels = maxPixels;
    const ImagePreparer preparer(qwen25(), options);
    const qint64 limit = preparer.options().maxDataUriBytes;
    QCOMPARE(limit, 10'485'760); // docs/dashscope-protocol.md §3.3
    QCOMPARE(*smartResize(original, preparer.budget()), original);
    QByteArray source;
    {
        const QImage pixels = noise(original, 11);
        const qint64 over = PreparedImage::dataUriLength(
            encode(pixels, "jpeg", firstQuality).size(), QStringLiteral("image/jpeg"));
        QVERIFY2(over > limit, qPrintable(QString::number(over)));
        source = encode(pixels, "bmp"); // uncompressed: quick to write and read
    }

    const PrepareResult result = preparer.prepareBytes(source, QStringLiteral("noise.bmp"));
    QVERIFY2(result.ok(), qPrintable(result.error.message()));
    const PreparedImage &image = result.image;
    const qint64 uriBytes = image.dataUri().size();
    QVERIFY2(uriBytes <= limit, qPrintable(QString::number(uriBytes)));
    // Shrunk, but not needlessly: more than half the allowance is used.
    QVERIFY2(uriBytes > limit / 2, qPrintable(QString::number(uriBytes)));
    QCOMPARE(image.mimeType, QStringLiteral("image/jpeg"));
    const ImageTransform &t = image.transform;
    QCOMPARE(t.sentSize.width() < side, fewerPixels);
    QCOMPARE(t.sentSize.width(), t.sentSize.height());
    // The record reproduces the size: a lowered budget is what is sent with the image.
    QCOMPARE(t.budget.maxPixels < preparer.budget().maxPixels, fewerPixels);
    QCOMPARE(smartResize(t.originalSize, t.budget), t.sentSize);
    QCOMPARE(image.maxPixels, t.budget.maxPixels);
    QCOMPARE(decodeSent(image).size(), t.sentSize);
    qInfo("sent %dx%d, %lld bytes of data URI", t.sentSize.width(), t.sentSize.height(), uriBytes);
}

QVD_TEST_GUI_MAIN(TestImagePreparerLimits)
#include "tst_ImagePreparerLimits.moc"
