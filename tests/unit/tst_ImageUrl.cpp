// ImageUrl: a URL kept as text, a data: URI kept as its bytes, and the URI built again byte for
// byte (docs/dashscope-protocol.md §3.3).
#include "core/imaging/ImagePreparer.h"
#include "core/imaging/ImageUrl.h"

#include "ImageFixtures.h"
#include "TestMain.h"

using namespace qvd;
using namespace qvd::fixtures;

namespace {

// A picture with a transparent corner, so the preparer keeps PNG.
QByteArray transparentPng()
{
    QImage image = quadrants({300, 200}, QImage::Format_ARGB32);
    for (int y = 100; y < 200; ++y)
        for (int x = 150; x < 300; ++x)
            image.setPixel(x, y, qRgba(0, 0, 0, 0));
    return encode(image, "png");
}

} // namespace

class TestImageUrl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void urlsStayText_data();
    void urlsStayText();
    void canonicalDataUriIsHeldAsBytes();
    void preparedImageRoundTrips_data();
    void preparedImageRoundTrips();
    void bytesAreSharedNotCopied();
    void equality();
};

void TestImageUrl::urlsStayText_data()
{
    QTest::addColumn<QString>("url");
    QTest::newRow("https") << QStringLiteral("https://x.test/dog.jpeg?a=1&b=2");
    QTest::newRow("http") << QStringLiteral("http://127.0.0.1:8080/cat.png");
    QTest::newRow("oss") << QStringLiteral("oss://dashscope-instant/abc/2026-01-01/uuid/dog.jpg");
    QTest::newRow("empty") << QString();
    // data: URIs that are not canonical base64 would not come back as given if split.
    QTest::newRow("missing padding") << QStringLiteral("data:image/png;base64,iVBORw0KGgo");
    QTest::newRow("line break") << QStringLiteral("data:image/png;base64,iVBORw0K\nGgo=");
    QTest::newRow("base64url alphabet") << QStringLiteral("data:image/png;base64,-_-_");
    QTest::newRow("not base64") << QStringLiteral("data:text/plain,hello");
    QTest::newRow("no payload") << QStringLiteral("data:image/png;base64,");
    QTest::newRow("upper-case scheme") << QStringLiteral("DATA:image/png;base64,iVBORw0KGgo=");
    QTest::newRow("non-Latin-1") << QStringLiteral("data:image/png;base64,iVBO图片");
}

void TestImageUrl::urlsStayText()
{
    QFETCH(QString, url);
    const ImageUrl image = ImageUrl::fromString(url);
    QVERIFY(!image.isData());
    QVERIFY(image.data().isEmpty());
    QCOMPARE(image.toString(), url);
    QCOMPARE(image.isEmpty(), url.isEmpty());
}

void TestImageUrl::canonicalDataUriIsHeldAsBytes()
{
    // The eight bytes of the PNG signature.
    const QString uri = QStringLiteral("data:image/png;base64,iVBORw0KGgo=");
    const ImageUrl image = ImageUrl::fromString(uri);
    QVERIFY(image.isData());
    QCOMPARE(image.data(), QByteArray("\x89PNG\r\n\x1a\n", 8));
    QCOMPARE(image.mimeType(), QStringLiteral("image/png"));
    QCOMPARE(image.toString(), uri);
    QCOMPARE(ImageUrl::fromData(QByteArray("\x89PNG\r\n\x1a\n", 8), QStringLiteral("image/png"))
                 .toString(),
             uri);
}

void TestImageUrl::preparedImageRoundTrips_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<QString>("mimeType");
    QTest::newRow("jpeg") << encode(quadrants({1600, 1200}), "jpeg")
                          << QStringLiteral("image/jpeg");
    QTest::newRow("png with alpha") << transparentPng() << QStringLiteral("image/png");
}

void TestImageUrl::preparedImageRoundTrips()
{
    QFETCH(QByteArray, file);
    QFETCH(QString, mimeType);
    const PrepareResult prepared = ImagePreparer(qwen25()).prepareBytes(file, QStringLiteral("x"));
    QVERIFY(prepared.ok());
    QCOMPARE(prepared.image.mimeType, mimeType);
    const QString uri = prepared.image.dataUri();

    const ImageUrl fromBytes = ImageUrl::fromData(prepared.image.encoded, mimeType);
    QCOMPARE(fromBytes.toString(), uri);
    const ImageUrl fromText = ImageUrl::fromString(uri);
    QVERIFY(fromText.isData());
    QCOMPARE(fromText.data(), prepared.image.encoded);
    QCOMPARE(fromText.mimeType(), mimeType);
    QCOMPARE(fromText, fromBytes);
    QCOMPARE(fromText.toString(), uri);
    // The bytes are the picture that was sent.
    QCOMPARE(QImage::fromData(fromText.data()).size(), prepared.image.transform.sentSize);
}

void TestImageUrl::bytesAreSharedNotCopied()
{
    const QByteArray encoded = encode(quadrants({64, 48}), "jpeg");
    const ImageUrl image = ImageUrl::fromData(encoded, QStringLiteral("image/jpeg"));
    QVERIFY(image.data().isSharedWith(encoded));
    const ImageUrl copy = image;
    QVERIFY(copy.data().isSharedWith(encoded));
}

void TestImageUrl::equality()
{
    const QString uri = QStringLiteral("data:image/png;base64,iVBORw0KGgo=");
    QCOMPARE(ImageUrl::fromString(uri), ImageUrl::fromString(uri));
    QVERIFY(ImageUrl::fromString(uri)
            != ImageUrl::fromString(QStringLiteral("data:image/jpeg;base64,iVBORw0KGgo=")));
    QVERIFY(ImageUrl::fromString(uri)
            != ImageUrl::fromString(QStringLiteral("data:image/png;base64,iVBORw0KGgA=")));
    QVERIFY(ImageUrl::fromString(QStringLiteral("https://x/a.jpg"))
            != ImageUrl::fromString(QStringLiteral("https://x/b.jpg")));
    QVERIFY(ImageUrl() == ImageUrl::fromString(QString()));
}

QVD_TEST_GUI_MAIN(TestImageUrl)
#include "tst_ImageUrl.moc"
