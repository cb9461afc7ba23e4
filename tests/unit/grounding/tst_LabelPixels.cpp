// LabelPixels' loops (eight pixels at a time where the processor allows) against the same done
// a pixel at a time and against QPainter: plates counted per pixel, texts blended from their
// coverage, on rows that start and end anywhere, with counts that change inside a group of
// eight, clear and solid ink, and translucent ink.
#include "core/grounding/LabelPixels.h"

#include "TestMain.h"

#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QRandomGenerator>

#include <algorithm>
#include <vector>

using namespace qvd::labelpixels;

namespace {

constexpr int kWidth = 203; // not a multiple of eight: a tail is left to the last group

// A photo-like row: opaque, every channel value used.
std::vector<QRgb> photoRow(QRandomGenerator &random)
{
    std::vector<QRgb> row(kWidth);
    for (QRgb &pixel : row)
        pixel = 0xff000000u | (random.generate() & 0xffffffu);
    return row;
}

// Up to three plates of `colour` as one fill each: drawn by QPainter on a transparent layer,
// so the table is Qt's own.
std::vector<Plate> painterPlates(const QColor &colour)
{
    std::vector<Plate> plates{{0, 255}};
    for (int k = 1; k <= 3; ++k) {
        QImage layer(1, 1, QImage::Format_ARGB32_Premultiplied);
        layer.fill(Qt::transparent);
        QPainter painter(&layer);
        for (int i = 0; i < k; ++i)
            painter.fillRect(0, 0, 1, 1, colour);
        painter.end();
        const QRgb filled = *reinterpret_cast<const QRgb *>(layer.constScanLine(0));
        plates.push_back({filled, uint(255 - qAlpha(filled))});
    }
    return plates;
}

int worstChannel(const std::vector<QRgb> &a, const std::vector<QRgb> &b)
{
    int worst = 0;
    for (size_t i = 0; i < a.size(); ++i) {
        for (int shift = 0; shift < 32; shift += 8)
            worst = std::max(worst,
                             std::abs(int((a[i] >> shift) & 0xff) - int((b[i] >> shift) & 0xff)));
    }
    return worst;
}

// Counts in runs, single pixels and whole groups of one count, some zero.
std::vector<quint8> someCounts(QRandomGenerator &random)
{
    std::vector<quint8> counts(kWidth);
    for (int x = 0; x < kWidth;) {
        const int run = random.bounded(1, 20);
        const auto k = quint8(random.bounded(0, 4));
        for (int i = x; i < std::min(kWidth, x + run); ++i)
            counts[size_t(i)] = k;
        x += run;
    }
    return counts;
}

// Coverage as text has it: clear gaps, solid strokes, antialiased edges, with padding either
// side that is clear.
std::vector<quint8> someCoverage(QRandomGenerator &random)
{
    std::vector<quint8> coverage(kWidth);
    for (int x = 0; x < kWidth;) {
        const int run = random.bounded(1, 24);
        const int kind = random.bounded(0, 3);
        for (int i = x; i < std::min(kWidth, x + run); ++i)
            coverage[size_t(i)] = kind == 0 ? 0 : kind == 1 ? 255 : quint8(random.bounded(1, 255));
        x += run;
    }
    return coverage;
}

} // namespace

class TestLabelPixels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void onePlateIsQPaintersFill();
    void settleAgreesWithOnePixelAtATime();
    void textAgreesWithOnePixelAtATime_data();
    void textAgreesWithOnePixelAtATime();
    void textOverPlatesIsQPainters();
    void addPlateStopsAtMost();
};

// One plate, and three, over photo pixels: what QPainter's fillRect leaves, within a level.
void TestLabelPixels::onePlateIsQPaintersFill()
{
    const QColor colour(0, 0, 0, 180);
    const std::vector<Plate> plates = painterPlates(colour);
    QRandomGenerator random(7);
    for (const int k : {1, 3}) {
        std::vector<QRgb> row = photoRow(random);
        QImage painted(kWidth, 1, QImage::Format_RGB32);
        std::copy(row.begin(), row.end(), reinterpret_cast<QRgb *>(painted.scanLine(0)));
        QPainter painter(&painted);
        for (int i = 0; i < k; ++i)
            painter.fillRect(0, 0, kWidth, 1, colour);
        painter.end();
        std::vector<quint8> counts(kWidth, quint8(k));
        settle(row.data(), counts.data(), 0, kWidth, plates.data());
        const auto *expected = reinterpret_cast<const QRgb *>(painted.constScanLine(0));
        QVERIFY(worstChannel(row, std::vector<QRgb>(expected, expected + kWidth)) <= 2);
        QVERIFY(std::all_of(counts.begin(), counts.end(), [](quint8 c) { return c == 0; }));
    }
}

void TestLabelPixels::settleAgreesWithOnePixelAtATime()
{
    const std::vector<Plate> plates = painterPlates(QColor(0, 0, 0, 180));
    QRandomGenerator random(11);
    for (int round = 0; round < 50; ++round) {
        const std::vector<QRgb> photo = photoRow(random);
        const std::vector<quint8> counts = someCounts(random);
        const int from = random.bounded(0, 16) & ~7; // groups start at multiples of eight
        const int to = random.bounded(from, kWidth + 1);
        std::vector<QRgb> fast = photo;
        std::vector<quint8> fastCounts = counts;
        settle(fast.data(), fastCounts.data(), from, to, plates.data());
        std::vector<QRgb> each = photo;
        std::vector<quint8> eachCounts = counts;
        each::settle(each.data(), eachCounts.data(), from, to, plates.data());
        QCOMPARE(fastCounts, eachCounts);
        QVERIFY2(worstChannel(fast, each) <= 1, qPrintable(QString::number(round)));
        // Outside [from, to) nothing changed.
        for (int x = to; x < kWidth; ++x)
            QCOMPARE(fast[size_t(x)], photo[size_t(x)]);
        QVERIFY(fast != photo
                || std::all_of(counts.begin() + from, counts.begin() + to,
                               [](quint8 c) { return c == 0; }));
    }
}

void TestLabelPixels::textAgreesWithOnePixelAtATime_data()
{
    QTest::addColumn<QRgb>("ink");
    QTest::newRow("opaque ink") << qRgb(255, 200, 40);
    QTest::newRow("translucent ink") << qPremultiply(qRgba(40, 200, 255, 128));
}

// A text's row, then whatever plates are still counted: the loops may settle plates early (a
// whole group under ink at once), which must come to the same pixels.
void TestLabelPixels::textAgreesWithOnePixelAtATime()
{
    QFETCH(QRgb, ink);
    const std::vector<Plate> plates = painterPlates(QColor(0, 0, 0, 180));
    QRandomGenerator random(13);
    for (int round = 0; round < 50; ++round) {
        const std::vector<QRgb> photo = photoRow(random);
        const std::vector<quint8> counts = someCounts(random);
        const std::vector<quint8> coverage = someCoverage(random);
        const int from = random.bounded(0, 24) & ~7;
        const int to = random.bounded(from, kWidth + 1);
        std::vector<QRgb> fast = photo;
        std::vector<quint8> fastCounts = counts;
        text(fast.data(), fastCounts.data(), coverage.data(), from, to, ink, plates.data());
        settle(fast.data(), fastCounts.data(), 0, kWidth, plates.data());
        std::vector<QRgb> each = photo;
        std::vector<quint8> eachCounts = counts;
        each::text(each.data(), eachCounts.data(), coverage.data(), from, to, ink, plates.data());
        each::settle(each.data(), eachCounts.data(), 0, kWidth, plates.data());
        QVERIFY2(worstChannel(fast, each) <= 1, qPrintable(QString::number(round)));
        QVERIFY(fast != photo);
    }
}

// One plate, then text of coverage c in a colour: what QPainter leaves after fillRect and a
// pen of that colour at alpha c (how an antialiased glyph's edge is drawn).
void TestLabelPixels::textOverPlatesIsQPainters()
{
    const QColor plateColour(0, 0, 0, 180);
    const std::vector<Plate> plates = painterPlates(plateColour);
    const QColor inkColour(250, 120, 30);
    QRandomGenerator random(17);
    std::vector<QRgb> row = photoRow(random);
    std::vector<quint8> coverage(kWidth);
    for (int x = 0; x < kWidth; ++x)
        coverage[size_t(x)] = quint8(x % 4 == 0 ? 255 : (x * 37) % 256);
    QImage painted(kWidth, 1, QImage::Format_RGB32);
    std::copy(row.begin(), row.end(), reinterpret_cast<QRgb *>(painted.scanLine(0)));
    QPainter painter(&painted);
    painter.fillRect(0, 0, kWidth, 1, plateColour);
    for (int x = 0; x < kWidth; ++x) {
        QColor ink = inkColour;
        ink.setAlpha(coverage[size_t(x)]);
        painter.fillRect(x, 0, 1, 1, ink);
    }
    painter.end();
    std::vector<quint8> counts(kWidth, 1);
    text(row.data(), counts.data(), coverage.data(), 0, kWidth, inkColour.rgba(), plates.data());
    settle(row.data(), counts.data(), 0, kWidth, plates.data());
    const auto *expected = reinterpret_cast<const QRgb *>(painted.constScanLine(0));
    const int worst = worstChannel(row, std::vector<QRgb>(expected, expected + kWidth));
    QVERIFY2(worst <= 2, qPrintable(QStringLiteral("off by %1").arg(worst)));
}

void TestLabelPixels::addPlateStopsAtMost()
{
    std::vector<quint8> counts{0, 1, 5, 63, 64, 64, 2, 0, 9, 10, 11, 12, 13, 14, 15, 16, 17};
    const std::vector<quint8> before = counts;
    addPlate(counts.data() + 1, int(counts.size()) - 2, 64);
    QCOMPARE(counts.front(), before.front());
    QCOMPARE(counts.back(), before.back());
    for (size_t i = 1; i + 1 < counts.size(); ++i)
        QCOMPARE(int(counts[i]), std::min(64, before[i] + 1));
}

QVD_TEST_GUI_MAIN(TestLabelPixels)
#include "tst_LabelPixels.moc"
