// ThumbnailCache: thumbnails decoded straight from an image part's bytes on a worker thread,
// keyed without hashing a data: URI; remote URLs are never fetched for display.
#include "ui/chat/Attachment.h"
#include "ui/chat/ThumbnailCache.h"

#include "TestMain.h"

#include <QBuffer>
#include <QSignalSpy>

using qvd::ImageUrl;
using qvd::Part;
using qvd::ThumbnailCache;

namespace {

// Left half red, right half blue, so a thumbnail shows which way round it was decoded.
QByteArray twoColourJpeg(QSize size)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(Qt::blue);
    for (int y = 0; y < size.height(); ++y)
        for (int x = 0; x < size.width() / 2; ++x)
            image.setPixel(x, y, qRgb(255, 0, 0));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", 95);
    return bytes;
}

bool near(QRgb pixel, QColor expected)
{
    return qAbs(qRed(pixel) - expected.red()) < 40 && qAbs(qGreen(pixel) - expected.green()) < 40
        && qAbs(qBlue(pixel) - expected.blue()) < 40;
}

} // namespace

class TestThumbnailCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decodesFromTheSentBytes();
    void remoteUrlsAreNotFetched();
    void keysFollowTheImageNotItsText();
    void scrolledAwayThumbnailsAreDecodedAgain();
};

void TestThumbnailCache::decodesFromTheSentBytes()
{
    const QByteArray jpeg = twoColourJpeg({800, 400});
    const Part part =
        Part::fromImage(QStringLiteral("data:image/jpeg;base64,") + QLatin1String(jpeg.toBase64()));
    QVERIFY(part.imageUrl.isData());
    ThumbnailCache cache;
    QSignalSpy ready(&cache, &ThumbnailCache::ready);
    const QString key = ThumbnailCache::keyOf(part);
    QVERIFY(cache.thumbnail(key, part.imageUrl).isNull()); // decoding has started
    QVERIFY(ready.wait());
    QCOMPARE(ready.first().first().toString(), key);
    QCOMPARE(cache.decodesStarted(), 1);

    const QImage thumbnail = cache.thumbnail(key, part.imageUrl);
    QCOMPARE(thumbnail.size(),
             QSize(qvd::Attachment::kThumbnailSize, qvd::Attachment::kThumbnailSize / 2));
    QVERIFY(near(thumbnail.pixel(10, thumbnail.height() / 2), Qt::red));
    QVERIFY(near(thumbnail.pixel(thumbnail.width() - 10, thumbnail.height() / 2), Qt::blue));
    QCOMPARE(cache.decodesStarted(), 1); // from the cache now
}

void TestThumbnailCache::remoteUrlsAreNotFetched()
{
    const Part part = Part::fromImage(QStringLiteral("https://127.0.0.1:9/cat.jpg"));
    ThumbnailCache cache;
    QSignalSpy ready(&cache, &ThumbnailCache::ready);
    QVERIFY(cache.thumbnail(ThumbnailCache::keyOf(part), part.imageUrl).isNull());
    QVERIFY(cache.thumbnail(ThumbnailCache::keyOf(part), part.imageUrl).isNull());
    QCOMPARE(cache.decodesStarted(), 0);
    QCOMPARE(ready.size(), 0);
}

void TestThumbnailCache::keysFollowTheImageNotItsText()
{
    const QByteArray a = twoColourJpeg({64, 48});
    const QByteArray b = twoColourJpeg({48, 64});
    const Part fromUri =
        Part::fromImage(QStringLiteral("data:image/jpeg;base64,") + QLatin1String(a.toBase64()));
    const Part fromBytes = Part::fromImage(ImageUrl::fromData(a, QStringLiteral("image/jpeg")));
    QCOMPARE(ThumbnailCache::keyOf(fromUri), ThumbnailCache::keyOf(fromBytes));
    QVERIFY(ThumbnailCache::keyOf(fromBytes)
            != ThumbnailCache::keyOf(
                Part::fromImage(ImageUrl::fromData(b, QStringLiteral("image/jpeg")))));
    QVERIFY(ThumbnailCache::keyOf(Part::fromImage(QStringLiteral("https://x/a.jpg")))
            != ThumbnailCache::keyOf(Part::fromImage(QStringLiteral("https://x/b.jpg"))));
    // A local image is known by its original and the size it was sent at.
    Part local = fromBytes;
    local.imageHash = QStringLiteral("ab12");
    local.transform.sentSize = QSize(64, 48);
    QCOMPARE(ThumbnailCache::keyOf(local), QStringLiteral("ab12@64x48"));
}

// The cache holds a bounded number of bytes, not of entries; what fell out is decoded again
// from the part when its row comes back.
void TestThumbnailCache::scrolledAwayThumbnailsAreDecodedAgain()
{
    ThumbnailCache cache;
    QList<Part> parts;
    for (int i = 0; i < 300; ++i) {
        QImage image(120, 90, QImage::Format_RGB32);
        image.fill(QColor::fromHsv(i % 360, 200, 200));
        QByteArray jpeg;
        QBuffer buffer(&jpeg);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "JPEG", 90);
        parts.append(Part::fromImage(ImageUrl::fromData(jpeg, QStringLiteral("image/jpeg"))));
        cache.insert(ThumbnailCache::keyOf(parts.last()),
                     QImage(160, 120, QImage::Format_RGB32)); // the composer's own thumbnail
    }
    QVERIFY(cache.cachedBytes() <= ThumbnailCache::kMaxBytes);
    QVERIFY(cache.cachedBytes() >= ThumbnailCache::kMaxBytes - 160 * 120 * 4);
    const Part &last = parts.last();
    QCOMPARE(cache.thumbnail(ThumbnailCache::keyOf(last), last.imageUrl).size(), QSize(160, 120));
    QCOMPARE(cache.decodesStarted(), 0);

    const Part &first = parts.first();
    QSignalSpy ready(&cache, &ThumbnailCache::ready);
    QVERIFY(cache.thumbnail(ThumbnailCache::keyOf(first), first.imageUrl).isNull());
    QCOMPARE(cache.decodesStarted(), 1);
    QVERIFY(ready.wait());
    QCOMPARE(cache.thumbnail(ThumbnailCache::keyOf(first), first.imageUrl).size(), QSize(120, 90));
}

QVD_TEST_WIDGETS_MAIN(TestThumbnailCache)
#include "tst_ThumbnailCache.moc"
