#include "core/grounding/TargetImage.h"

#include "TestMain.h"

using qvd::Detection;

class TestTargetImage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void target_data();
    void target();
};

void TestTargetImage::target_data()
{
    QTest::addColumn<QList<int>>("images");
    QTest::addColumn<int>("imgIdx"); // -1: none in the answer
    QTest::addColumn<int>("expected"); // -1: no image
    const QList<int> three{3, 7, 9};
    QTest::newRow("img_idx names the second image") << three << 1 << 7;
    QTest::newRow("img_idx 0") << three << 0 << 3;
    QTest::newRow("no img_idx: latest image") << three << -1 << 9;
    QTest::newRow("img_idx out of range: latest") << three << 3 << 9;
    QTest::newRow("one image") << QList<int>{42} << -1 << 42;
    QTest::newRow("no image") << QList<int>{} << 0 << -1;
}

void TestTargetImage::target()
{
    QFETCH(QList<int>, images);
    QFETCH(int, imgIdx);
    QFETCH(int, expected);
    Detection d = Detection::box(1, 2, 3, 4);
    if (imgIdx >= 0)
        d.imageIndex = imgIdx;
    const auto image = qvd::targetImage(d, images);
    QCOMPARE(image.value_or(-1), expected);
}

QVD_TEST_MAIN(TestTargetImage)
#include "tst_TargetImage.moc"
