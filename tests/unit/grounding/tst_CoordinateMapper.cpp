#include "core/grounding/CoordinateMapper.h"

#include "TestMain.h"

using qvd::CoordinateMapper;
using qvd::CoordinateSpace;
using qvd::Detection;
using qvd::ImageTransform;
using qvd::ResizeBudget;

Q_DECLARE_METATYPE(qvd::CoordinateSpace)
Q_DECLARE_METATYPE(qvd::ImageTransform)

namespace {

ImageTransform transform(QSize original, QSize sent = {}, ResizeBudget budget = {})
{
    ImageTransform t;
    t.storedSize = original;
    t.originalSize = original;
    t.sentSize = sent;
    t.budget = budget;
    return t;
}

bool near(const QRectF &a, const QRectF &b)
{
    const auto close = [](qreal x, qreal y) {
        return std::abs(x - y) < 1e-3;
    };
    return close(a.left(), b.left()) && close(a.top(), b.top()) && close(a.right(), b.right())
        && close(a.bottom(), b.bottom());
}

QString text(const QRectF &r)
{
    return QStringLiteral("(%1,%2)-(%3,%4)")
        .arg(r.left(), 0, 'f', 4)
        .arg(r.top(), 0, 'f', 4)
        .arg(r.right(), 0, 'f', 4)
        .arg(r.bottom(), 0, 'f', 4);
}

QRectF corners(qreal x1, qreal y1, qreal x2, qreal y2)
{
    return QRectF(QPointF(x1, y1), QPointF(x2, y2));
}

} // namespace

class TestCoordinateMapper : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void toOriginal_data();
    void toOriginal();
    void pointsAndQuads();
    void rotatedImageUsesUprightSize();
    void invalidWithoutSizes();
    void toModelInvertsToOriginal();
};

// Expected pixels computed by hand from the formulas of docs/grounding.md §2.
void TestCoordinateMapper::toOriginal_data()
{
    QTest::addColumn<CoordinateSpace>("space");
    QTest::addColumn<ImageTransform>("image");
    QTest::addColumn<QRectF>("model");
    QTest::addColumn<QRectF>("expected");

    // Corpus qwenvl-readme-highfive, 2048x1365: 536/1000*2048 = 1097.728, 509/1000*1365 = 694.785
    QTest::newRow("norm1000 high five")
        << CoordinateSpace::Norm1000 << transform(QSize(2048, 1365)) << corners(536, 509, 588, 602)
        << corners(1097.728, 694.785, 1204.224, 821.73);
    // Corpus qwen25vl-cookbook-cakes: 1024x1024 sent as 1036x1036; 43*1024/1036 = 42.50193…
    QTest::newRow("abs_resized cakes")
        << CoordinateSpace::AbsResized << transform(QSize(1024, 1024), QSize(1036, 1036))
        << corners(43, 571, 209, 753) << corners(42.501931, 564.386100, 206.579151, 744.277992);
    // No sent size recorded: smart_resize(1024x1024, 28, qwen-vl-utils bounds) = 1036x1036.
    QTest::newRow("abs_resized from budget")
        << CoordinateSpace::AbsResized
        << transform(QSize(1024, 1024), {}, ResizeBudget{28, 3136, 12845056})
        << corners(43, 571, 209, 753) << corners(42.501931, 564.386100, 206.579151, 744.277992);
    // 1920x1200 with factor 32 and 1280 tokens → 1440x896 (§2): 1316*1920/1440 = 1754.667
    QTest::newRow("abs_resized factor 32")
        << CoordinateSpace::AbsResized
        << transform(QSize(1920, 1200), {}, ResizeBudget{32, 4 * 32 * 32, 1280 * 32 * 32})
        << corners(1316, 8, 1389, 23) << corners(1754.666667, 10.714286, 1852, 30.803571);
    QTest::newRow("absolute as is") << CoordinateSpace::Absolute << transform(QSize(640, 480))
                                    << corners(10, 20, 30, 40) << corners(10, 20, 30, 40);
    QTest::newRow("inverted corners swapped")
        << CoordinateSpace::Norm1000 << transform(QSize(1000, 500)) << corners(600, 700, 100, 200)
        << corners(100, 100, 600, 350);
    QTest::newRow("norm1000 clamped before scaling")
        << CoordinateSpace::Norm1000 << transform(QSize(2000, 1000)) << corners(-5, 10, 1005, 1200)
        << corners(0, 10, 2000, 1000);
    // #1035: y2 = 476 with a resized height of 448 → past the edge, clamped to the image.
    QTest::newRow("abs_resized past the edge")
        << CoordinateSpace::AbsResized << transform(QSize(900, 896), QSize(448, 448))
        << corners(19, 300, 154, 476) << corners(38.169643, 600, 309.375, 896);
    QTest::newRow("absolute clamped") << CoordinateSpace::Absolute << transform(QSize(640, 480))
                                      << corners(-3, 20, 700, 500) << corners(0, 20, 640, 480);
}

void TestCoordinateMapper::toOriginal()
{
    QFETCH(CoordinateSpace, space);
    QFETCH(ImageTransform, image);
    QFETCH(QRectF, model);
    QFETCH(QRectF, expected);
    const CoordinateMapper mapper(space, image);
    QVERIFY(mapper.isValid());
    const QRectF actual = mapper.toOriginal(model);
    QVERIFY2(near(actual, expected),
             qPrintable(text(actual) + QStringLiteral(" != ") + text(expected)));
}

void TestCoordinateMapper::pointsAndQuads()
{
    // Corpus qwen25vl-cookbook-mobile-click: 1080x2400 sent as 1092x2408;
    // 935*1080/1092 = 924.725275, 406*2400/2408 = 404.651163.
    const CoordinateMapper mapper(CoordinateSpace::AbsResized,
                                  transform(QSize(1080, 2400), QSize(1092, 2408)));
    const QRectF point = mapper.toOriginal(Detection::point(935, 406));
    QVERIFY(near(point, corners(924.725275, 404.651163, 924.725275, 404.651163)));

    const CoordinateMapper norm(CoordinateSpace::Norm1000, transform(QSize(200, 100)));
    const QPolygonF quad =
        norm.toOriginal(QPolygonF({{100, 100}, {500, 100}, {500, 900}, {100, 900}}));
    QCOMPARE(quad, QPolygonF({{20, 10}, {100, 10}, {100, 90}, {20, 90}}));
}

// Coordinates refer to the upright image: a 3000x4000 file rotated by EXIF is 4000x3000.
void TestCoordinateMapper::rotatedImageUsesUprightSize()
{
    ImageTransform t = transform(QSize(4000, 3000));
    t.storedSize = QSize(3000, 4000);
    t.orientation = QImageIOHandler::TransformationRotate90;
    const CoordinateMapper mapper(CoordinateSpace::Norm1000, t);
    QVERIFY(near(mapper.toOriginal(corners(250, 500, 500, 1000)), corners(1000, 1500, 2000, 3000)));

    t.originalSize = QSize(); // not recorded: derived from the stored size and the rotation
    const CoordinateMapper derived(CoordinateSpace::Norm1000, t);
    QCOMPARE(derived.originalSize(), QSizeF(4000, 3000));
}

void TestCoordinateMapper::invalidWithoutSizes()
{
    QVERIFY(!CoordinateMapper(CoordinateSpace::Norm1000, ImageTransform{}).isValid());
    // 200:1 is refused by smart_resize, so there is no model input size to map from.
    QVERIFY(!CoordinateMapper(CoordinateSpace::AbsResized, transform(QSize(4000, 20))).isValid());
    QVERIFY(CoordinateMapper(CoordinateSpace::Norm1000, transform(QSize(4000, 20))).isValid());
}

void TestCoordinateMapper::toModelInvertsToOriginal()
{
    const CoordinateMapper norm(CoordinateSpace::Norm1000, transform(QSize(2048, 1365)));
    QCOMPARE(norm.toModel(QPointF(1024, 273)), QPointF(500, 200));
    QCOMPARE(norm.toModel(QPointF(-5, 9999)), QPointF(0, 1000)); // clamped to the image
    const CoordinateMapper abs(CoordinateSpace::AbsResized,
                               transform(QSize(1080, 2400), QSize(1092, 2408)));
    QCOMPARE(abs.toModel(QPointF(540, 1200)), QPointF(546, 1204));
}

QVD_TEST_MAIN(TestCoordinateMapper)
#include "tst_CoordinateMapper.moc"
