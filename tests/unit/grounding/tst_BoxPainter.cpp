// BoxPainter, asserted on pixels: shapes where the mapped coordinates say, in the label's
// colour, nothing anywhere else, labels inside the image, CJK text as real glyphs.
#include "core/grounding/BoxPainter.h"
#include "core/grounding/LabelPalette.h"

#include "TestMain.h"

#include <QFontDatabase>
#include <QGuiApplication>
#include <QPainter>

using qvd::BoxPainter;
using qvd::BoxStyle;
using qvd::DetectionKind;
using qvd::LabelPalette;
using qvd::MappedDetection;

Q_DECLARE_METATYPE(qvd::MappedDetection)

namespace {

const QSize kSize(400, 300);
const QColor kBackground(250, 250, 250);

QImage blank(QSize size = kSize)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(kBackground);
    return image;
}

MappedDetection box(qreal x1, qreal y1, qreal x2, qreal y2, const char *label = "")
{
    MappedDetection d;
    d.rect = QRectF(QPointF(x1, y1), QPointF(x2, y2));
    d.label = QString::fromUtf8(label);
    return d;
}

MappedDetection point(qreal x, qreal y, const char *label = "")
{
    MappedDetection d = box(x, y, x, y, label);
    d.kind = DetectionKind::Point;
    return d;
}

bool sameColour(QRgb pixel, const QColor &colour, int tolerance = 2)
{
    return std::abs(qRed(pixel) - colour.red()) <= tolerance
        && std::abs(qGreen(pixel) - colour.green()) <= tolerance
        && std::abs(qBlue(pixel) - colour.blue()) <= tolerance;
}

QString describe(QRgb pixel)
{
    return QStringLiteral("rgb(%1,%2,%3)").arg(qRed(pixel)).arg(qGreen(pixel)).arg(qBlue(pixel));
}

// Pixels that differ from `before` outside `allowed`.
int changedOutside(const QImage &before, const QImage &after, const QRegion &allowed,
                   QPoint *first = nullptr)
{
    int changed = 0;
    for (int y = 0; y < before.height(); ++y) {
        for (int x = 0; x < before.width(); ++x) {
            if (allowed.contains(QPoint(x, y)) || before.pixel(x, y) == after.pixel(x, y))
                continue;
            if (changed++ == 0 && first)
                *first = QPoint(x, y);
        }
    }
    return changed;
}

// The band a stroke of `width` centred on `r`'s edges may touch, plus one pixel of antialiasing.
QRegion strokeBand(const QRectF &r, qreal width)
{
    const int m = qCeil(width / 2) + 1;
    const QRect outer = r.toAlignedRect().adjusted(-m, -m, m, m);
    const QRect inner = r.toAlignedRect().adjusted(m, m, -m, -m);
    return QRegion(outer).subtracted(QRegion(inner));
}

// Ink of one string drawn in the label font: a missing glyph draws the same box for every
// character, so two different characters drawing the same ink means both are missing.
QImage glyphImage(const QString &text, const QFont &font)
{
    QImage image(QSize(80, 80), QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setFont(font);
    painter.setPen(Qt::black);
    painter.drawText(image.rect(), Qt::AlignCenter, text);
    return image;
}

int inkPixels(const QImage &image)
{
    int ink = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            ink += qGray(image.pixel(x, y)) < 128;
    return ink;
}

} // namespace

class TestBoxPainter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void boxEdgesAtMappedCoordinates();
    void pointIsARingedDot();
    void quadIsAPolygon();
    void hiddenDetectionsAreSkipped();
    void identicalBoxesAreDrawnOnce();
    void labelPlateStaysInsideImage_data();
    void labelPlateStaysInsideImage();
    void labelIsPaintedOnItsPlate();
    void colourIsStablePerLabel();
    void cjkLabelUsesRealGlyphs();
    void sizesScaleWithImage();
    void renderKeepsSizeAndAlpha();
    void cachedLabelTextMatchesDrawText();
    void stackedLabelsMatchPaintingThemOneByOne_data();
    void stackedLabelsMatchPaintingThemOneByOne();
};

void TestBoxPainter::boxEdgesAtMappedCoordinates()
{
    const QImage before = blank();
    const MappedDetection d = box(100, 80, 300, 220);
    BoxStyle style;
    style.lineWidth = 4;
    const QImage after = BoxPainter::render(before, {d}, style);
    const QColor colour = LabelPalette::colour(QString());
    for (const QPoint p : {QPoint(100, 150), QPoint(299, 150), QPoint(200, 80), QPoint(200, 219),
                           QPoint(101, 81), QPoint(98, 150), QPoint(200, 78)}) {
        QVERIFY2(sameColour(after.pixel(p), colour),
                 qPrintable(QStringLiteral("(%1,%2) is %3")
                                .arg(p.x())
                                .arg(p.y())
                                .arg(describe(after.pixel(p)))));
    }
    QPoint first;
    const int changed = changedOutside(before, after, strokeBand(d.rect, 4), &first);
    QVERIFY2(changed == 0,
             qPrintable(QStringLiteral("%1 pixels changed outside the stroke, first (%2,%3)")
                            .arg(changed)
                            .arg(first.x())
                            .arg(first.y())));
    // The band check must be able to fail: the stroke itself is outside a smaller band.
    QVERIFY(changedOutside(before, after, strokeBand(d.rect, 0).subtracted(QRect(99, 0, 3, 300)))
            > 0);
}

void TestBoxPainter::pointIsARingedDot()
{
    const QImage before = blank();
    BoxStyle style;
    style.lineWidth = 8; // dot radius 20, white ring out to 24
    const QImage after = BoxPainter::render(before, {point(200, 150)}, style);
    const QColor colour = LabelPalette::colour(QString());
    QVERIFY(sameColour(after.pixel(200, 150), colour));
    QVERIFY(sameColour(after.pixel(217, 150), colour));
    QVERIFY2(sameColour(after.pixel(221, 150), Qt::white),
             qPrintable(describe(after.pixel(221, 150))));
    QVERIFY(sameColour(after.pixel(200, 128), Qt::white));
    QCOMPARE(changedOutside(before, after, QRegion(QRect(173, 123, 54, 54), QRegion::Ellipse)), 0);
}

void TestBoxPainter::quadIsAPolygon()
{
    const QImage before = blank();
    MappedDetection d;
    d.kind = DetectionKind::Quad;
    d.quad = QPolygonF({QPointF(200, 50), QPointF(300, 150), QPointF(200, 250), QPointF(100, 150)});
    d.rect = d.quad.boundingRect();
    BoxStyle style;
    style.lineWidth = 4;
    const QImage after = BoxPainter::render(before, {d}, style);
    const QColor colour = LabelPalette::colour(QString());
    QVERIFY(sameColour(after.pixel(250, 100), colour)); // middle of the top-right edge
    QVERIFY(sameColour(after.pixel(150, 200), colour));
    QVERIFY(sameColour(after.pixel(200, 150), kBackground)); // centre
    QVERIFY(sameColour(after.pixel(105, 55), kBackground)); // bounding box corner: not a box
}

void TestBoxPainter::hiddenDetectionsAreSkipped()
{
    const QImage before = blank();
    MappedDetection d = box(10, 10, 100, 100, "cat");
    d.hidden = true;
    QCOMPARE(BoxPainter::render(before, {d}), before);
    d.hidden = false;
    QVERIFY(BoxPainter::render(before, {d}) != before);
}

void TestBoxPainter::identicalBoxesAreDrawnOnce()
{
    const QImage before = blank();
    const MappedDetection d = box(50, 50, 150, 120, "picture");
    const QImage once = BoxPainter::render(before, {d});
    QCOMPARE(BoxPainter::render(before, {d, d}), once);
    BoxStyle twice;
    twice.dedupe = false;
    // The translucent plate drawn twice is darker: proof the default really skipped one.
    QVERIFY(BoxPainter::render(before, {d, d}, twice) != once);
}

void TestBoxPainter::labelPlateStaysInsideImage_data()
{
    QTest::addColumn<MappedDetection>("detection");
    QTest::newRow("top-left corner") << box(0, 0, 30, 30, "cat");
    QTest::newRow("bottom-right corner") << box(395, 295, 400, 300, "a long label, far right");
    QTest::newRow("right edge") << box(390, 100, 400, 200, "猫 cat");
    QTest::newRow("bottom edge") << box(100, 299, 200, 300, "dog");
    QTest::newRow("wider than the image")
        << box(10, 10, 50, 50,
               "a label so long that it cannot possibly fit on a four hundred pixel image");
    QTest::newRow("point at the corner") << point(400, 300, "click");
}

void TestBoxPainter::labelPlateStaysInsideImage()
{
    QFETCH(MappedDetection, detection);
    const QRectF plate = BoxPainter::labelPlate(detection, kSize, BoxStyle());
    QVERIFY(!plate.isEmpty());
    QVERIFY2(QRectF(QPointF(0, 0), QSizeF(kSize)).contains(plate),
             qPrintable(QStringLiteral("plate (%1,%2) %3x%4")
                            .arg(plate.x())
                            .arg(plate.y())
                            .arg(plate.width())
                            .arg(plate.height())));
    QVERIFY(plate.height() >= BoxPainter::defaultFontPixelSize(kSize));
}

void TestBoxPainter::labelIsPaintedOnItsPlate()
{
    const QImage before = blank();
    BoxStyle style;
    style.lineWidth = 2;
    const MappedDetection d = box(120, 100, 380, 280, "cat");
    const QImage after = BoxPainter::render(before, {d}, style);
    const QRect plate = BoxPainter::labelPlate(d, kSize, style).toAlignedRect();
    QVERIFY(plate.width() > 20);
    QCOMPARE(plate.topLeft(), QPoint(120, 100)); // inside the box's top-left corner
    // The plate darkens the background; the text is drawn on it in a lighter colour.
    int dark = 0;
    int text = 0;
    for (int y = plate.top() + 2; y < plate.bottom() - 1; ++y) {
        for (int x = plate.left() + 2; x < plate.right() - 1; ++x) {
            const int grey = qGray(after.pixel(x, y));
            dark += grey < 90;
            text += grey >= 90;
        }
    }
    QVERIFY2(dark > text && text > 10,
             qPrintable(QStringLiteral("dark %1 text %2").arg(dark).arg(text)));
    QCOMPARE(
        changedOutside(before, after, strokeBand(d.rect, 2).united(plate.adjusted(-1, -1, 1, 1))),
        0);
}

void TestBoxPainter::colourIsStablePerLabel()
{
    // FNV-1a of the UTF-8 bytes modulo 10, computed independently (Python); a per-process seed
    // (qHash) would fail this in most runs.
    QCOMPARE(LabelPalette::index(QStringLiteral("cat")), 1);
    QCOMPARE(LabelPalette::index(QStringLiteral("dog")), 7);
    QCOMPARE(LabelPalette::index(QStringLiteral("person")), 8);
    QCOMPARE(LabelPalette::index(QStringLiteral("car")), 3);
    QCOMPARE(LabelPalette::index(QString::fromUtf8("猫")), 7);
    QCOMPARE(LabelPalette::colour(QStringLiteral("car")), QColor(0xd6, 0x27, 0x28));
    QCOMPARE(LabelPalette::colours().size(), 10);

    const QImage before = blank();
    BoxStyle style;
    style.labels = false;
    const QImage painted = BoxPainter::render(
        before, {box(20, 20, 100, 100, "car"), box(200, 20, 300, 100, "dog")}, style);
    QVERIFY(sameColour(painted.pixel(20, 60), QColor(0xd6, 0x27, 0x28)));
    QVERIFY(sameColour(painted.pixel(200, 60), LabelPalette::colour(QStringLiteral("dog"))));
}

void TestBoxPainter::cjkLabelUsesRealGlyphs()
{
    QFont font = BoxPainter::labelFont(kSize, BoxStyle());
    font.setPixelSize(48);
    bool someFamilyHasChinese = false;
    for (const QString &family : font.families()) {
        someFamilyHasChinese = someFamilyHasChinese
            || QFontDatabase::writingSystems(family).contains(QFontDatabase::SimplifiedChinese);
    }
    QVERIFY2(someFamilyHasChinese,
             "no CJK font among the label fonts; the set-up script installs fonts-wqy-microhei");

    const QImage cat = glyphImage(QString::fromUtf8("猫"), font);
    const QImage dog = glyphImage(QString::fromUtf8("犬"), font);
    const QImage missing = glyphImage(QString(QChar(0xE000)), font); // private use: no glyph
    QVERIFY(inkPixels(cat) > 50);
    QVERIFY(inkPixels(dog) > 50);
    QVERIFY2(cat != dog, "two Chinese characters drew the same: missing-glyph boxes");
    QVERIFY(cat != missing);
    // And through the painter: the plate of "猫猫猫" is wider than the one of "猫".
    const QRectF one = BoxPainter::labelPlate(box(10, 10, 90, 90, "猫"), kSize, BoxStyle());
    const QRectF three = BoxPainter::labelPlate(box(10, 10, 90, 90, "猫猫猫"), kSize, BoxStyle());
    QVERIFY(three.width() > one.width() * 2);
}

void TestBoxPainter::sizesScaleWithImage()
{
    QCOMPARE(BoxPainter::defaultLineWidth(QSize(640, 480)), 2.0);
    QCOMPARE(BoxPainter::defaultFontPixelSize(QSize(320, 240)), 12.0);
    QCOMPARE(BoxPainter::defaultLineWidth(QSize(6000, 4000)), 16.0); // sqrt(24e6) = 4899 / 300
    QCOMPARE(BoxPainter::defaultFontPixelSize(QSize(6000, 4000)), 122.0);
    QVERIFY(BoxPainter::defaultFontPixelSize(QSize(2000, 2000))
            > BoxPainter::defaultFontPixelSize(QSize(1000, 1000)));
}

void TestBoxPainter::renderKeepsSizeAndAlpha()
{
    QImage transparent(QSize(64, 48), QImage::Format_ARGB32);
    transparent.fill(Qt::transparent);
    const QImage painted = BoxPainter::render(transparent, {box(8, 8, 56, 40)});
    QCOMPARE(painted.size(), transparent.size());
    QVERIFY(painted.hasAlphaChannel());
    QCOMPARE(qAlpha(painted.pixel(32, 24)), 0); // the inside stays transparent
    QCOMPARE(qAlpha(painted.pixel(8, 24)), 255);
    QVERIFY(BoxPainter::render(QImage(), {box(0, 0, 1, 1)}).isNull());
}

// Labels over 64 px are drawn once per distinct text into an image and blended from there;
// the result must be drawText's own within rounding, at whole and fractional positions.
void TestBoxPainter::cachedLabelTextMatchesDrawText()
{
    const QImage before = blank(QSize(1400, 1000));
    BoxStyle style;
    style.fontPixelSize = 100; // over Qt's 64 px glyph cache limit: the label cache is used
    style.lineWidth = 4;
    const QList<MappedDetection> boxes{
        box(10, 10, 500, 300, "cat"),        box(600, 40.5, 1300, 400, "cat"),
        box(20.25, 450.75, 700, 900, "dog"), box(720, 500, 1390, 990, "猫 cat"),
        box(300, 320.5, 640, 420, "cat"),    box(1000, 200, 1100, 260, "dog"),
    };
    const QImage cached = BoxPainter::render(before, boxes, style);
    style.cacheLabelText = false;
    const QImage direct = BoxPainter::render(before, boxes, style);
    style.labels = false;
    const QImage shapes = BoxPainter::render(before, boxes, style);

    int differing = 0;
    int worst = 0;
    int labelled = 0; // plates and text
    for (int y = 0; y < direct.height(); ++y) {
        for (int x = 0; x < direct.width(); ++x) {
            const QRgb a = cached.pixel(x, y);
            const QRgb b = direct.pixel(x, y);
            const int diff = std::max({std::abs(qRed(a) - qRed(b)), std::abs(qGreen(a) - qGreen(b)),
                                       std::abs(qBlue(a) - qBlue(b))});
            differing += diff > 0;
            worst = std::max(worst, diff);
            labelled += direct.pixel(x, y) != shapes.pixel(x, y);
        }
    }
    qInfo("label pixels %d, differing %d, by up to %d", labelled, differing, worst);
    QVERIFY2(labelled > 20000, qPrintable(QStringLiteral("only %1 label pixels").arg(labelled)));
    QVERIFY2(worst <= 2,
             qPrintable(QStringLiteral("%1 pixels differ, by up to %2").arg(differing).arg(worst)));
}

void TestBoxPainter::stackedLabelsMatchPaintingThemOneByOne_data()
{
    QTest::addColumn<QImage>("background");
    QImage photo(QSize(640, 480), QImage::Format_RGB32);
    for (int y = 0; y < photo.height(); ++y)
        for (int x = 0; x < photo.width(); ++x)
            photo.setPixel(x, y, qRgb(x * 255 / 640, y * 255 / 480, (x + y) % 256));
    QTest::newRow("photo") << photo;
    // The inspector's layer: transparent, premultiplied.
    QImage layer(QSize(640, 480), QImage::Format_ARGB32_Premultiplied);
    layer.fill(Qt::transparent);
    QTest::newRow("transparent layer") << layer;
}

// Up to a dozen plates over one pixel, texts between them: LabelPainter darkens a pixel once for
// all the plates over it, yet gets what painting every plate and text in turn gets.
void TestBoxPainter::stackedLabelsMatchPaintingThemOneByOne()
{
    QFETCH(QImage, background);
    QList<MappedDetection> boxes;
    const char *names[] = {"cat", "dog", "行人", "a long label", "car"};
    for (int i = 0; i < 40; ++i)
        boxes.append(box(10 + (i * 37) % 300, 10 + (i * 23) % 250, 630, 470, names[i % 5]));
    BoxStyle style;
    style.fontPixelSize = 36;
    style.lineWidth = 3;
    QImage fast = background;
    {
        QPainter painter(&fast);
        BoxPainter::paint(painter, boxes, fast.size(), style);
    }
    style.cacheLabelText = false;
    QImage oneByOne = background;
    {
        QPainter painter(&oneByOne);
        BoxPainter::paint(painter, boxes, oneByOne.size(), style);
    }
    int worst = 0;
    int differing = 0;
    for (int y = 0; y < fast.height(); ++y) {
        const auto *a = reinterpret_cast<const QRgb *>(fast.constScanLine(y));
        const auto *b = reinterpret_cast<const QRgb *>(oneByOne.constScanLine(y));
        for (int x = 0; x < fast.width(); ++x) {
            const int diff = std::max(
                {std::abs(qRed(a[x]) - qRed(b[x])), std::abs(qGreen(a[x]) - qGreen(b[x])),
                 std::abs(qBlue(a[x]) - qBlue(b[x])), std::abs(qAlpha(a[x]) - qAlpha(b[x]))});
            worst = std::max(worst, diff);
            differing += diff > 0;
        }
    }
    QVERIFY(fast != background);
    QVERIFY2(worst <= 2,
             qPrintable(QStringLiteral("%1 pixels differ, by up to %2").arg(differing).arg(worst)));
}

QVD_TEST_GUI_MAIN(TestBoxPainter)
#include "tst_BoxPainter.moc"
