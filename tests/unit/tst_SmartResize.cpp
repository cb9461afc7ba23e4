#include "core/imaging/SmartResize.h"

#include "TestMain.h"

using qvd::ResizeBudget;
using qvd::smartResize;

class TestSmartResize : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sizes_data();
    void sizes();
    void resultIsWithinBudgetAndOnTheGrid_data();
    void resultIsWithinBudgetAndOnTheGrid();
    void extremeAspectRatioIsRefused();
};

void TestSmartResize::sizes_data()
{
    QTest::addColumn<QSize>("original");
    QTest::addColumn<int>("factor");
    QTest::addColumn<qint64>("maxPixels");
    QTest::addColumn<QSize>("expected");

    const qint64 utilsMax = 16384LL * 28 * 28; // qwen-vl-utils MAX_PIXELS
    // Verified on real Qwen2.5-VL outputs (docs/grounding.md §1.3).
    QTest::newRow("ocr_example3 870x1398")
        << QSize(870, 1398) << 28 << utilsMax << QSize(868, 1400);
    QTest::newRow("docparsing 1014x1532")
        << QSize(1014, 1532) << 28 << utilsMax << QSize(1008, 1540);
    QTest::newRow("mobile 1080x2400") << QSize(1080, 2400) << 28 << utilsMax << QSize(1092, 2408);
    // 1190/28 = 42.5: Python rounds half to even (42), std::round would give 43.
    QTest::newRow("half to even") << QSize(1190, 280) << 28 << utilsMax << QSize(1176, 280);
    // docs/grounding.md §2: 1920x1200 with the 1280-token default and factor 32 gives 1440x896.
    QTest::newRow("budget factor 32")
        << QSize(1920, 1200) << 32 << 1280LL * 32 * 32 << QSize(1440, 896);
    QTest::newRow("1030x770 factor 32")
        << QSize(1030, 770) << 32 << 1280LL * 32 * 32 << QSize(1024, 768);
    // Half-way cases, rounded half to even for both factors (Python's round()):
    // 1218/28 = 43.5 -> 44, 266/28 = 9.5 -> 10; 70/28 = 2.5 -> 2, 98/28 = 3.5 -> 4.
    QTest::newRow("half to even 28, both up")
        << QSize(1218, 266) << 28 << utilsMax << QSize(1232, 280);
    QTest::newRow("half to even 28, one down one up")
        << QSize(70, 98) << 28 << utilsMax << QSize(56, 112);
    // 1200/32 = 37.5 -> 38, 400/32 = 12.5 -> 12; 1232/32 = 38.5 -> 38, 336/32 = 10.5 -> 10.
    QTest::newRow("half to even 32, up and down")
        << QSize(1200, 400) << 32 << 1280LL * 32 * 32 << QSize(1216, 384);
    QTest::newRow("half to even 32, both down")
        << QSize(1232, 336) << 32 << 1280LL * 32 * 32 << QSize(1216, 320);
    // 80/32 = 2.5 -> 2: 64x64 is exactly the 4-patch minimum, so no scale-up.
    QTest::newRow("half to even 32 at the minimum")
        << QSize(80, 80) << 32 << 1280LL * 32 * 32 << QSize(64, 64);
    // 48/32 = 1.5 -> 2.
    QTest::newRow("half to even 32, 1.5")
        << QSize(48, 80) << 32 << 1280LL * 32 * 32 << QSize(64, 64);
    // Tiny images are scaled up to the minimum (4 patches).
    QTest::newRow("tiny") << QSize(10, 10) << 28 << utilsMax << QSize(56, 56);
}

void TestSmartResize::sizes()
{
    QFETCH(QSize, original);
    QFETCH(int, factor);
    QFETCH(qint64, maxPixels);
    QFETCH(QSize, expected);
    const auto size = smartResize(original, ResizeBudget{factor, 4LL * factor * factor, maxPixels});
    QVERIFY(size.has_value());
    QCOMPARE(*size, expected);
}

void TestSmartResize::resultIsWithinBudgetAndOnTheGrid_data()
{
    QTest::addColumn<int>("factor");
    QTest::newRow("28") << 28;
    QTest::newRow("32") << 32;
}

void TestSmartResize::resultIsWithinBudgetAndOnTheGrid()
{
    QFETCH(int, factor);
    const ResizeBudget budget{factor, 256LL * factor * factor, 1280LL * factor * factor};
    for (int w = 17; w < 6000; w += 241) {
        for (int h = 13; h < 6000; h += 257) {
            if (std::max(w, h) >= 200 * std::min(w, h))
                continue; // refused, see extremeAspectRatioIsRefused
            const auto size = smartResize(QSize(w, h), budget);
            QVERIFY(size.has_value());
            QCOMPARE(size->width() % factor, 0);
            QCOMPARE(size->height() % factor, 0);
            const qint64 pixels = qint64(size->width()) * size->height();
            QVERIFY2(pixels <= budget.maxPixels, qPrintable(QStringLiteral("%1x%2").arg(w).arg(h)));
            QVERIFY2(pixels >= budget.minPixels, qPrintable(QStringLiteral("%1x%2").arg(w).arg(h)));
        }
    }
}

void TestSmartResize::extremeAspectRatioIsRefused()
{
    QVERIFY(!smartResize(QSize(4000, 20), ResizeBudget{}).has_value());
    QVERIFY(!smartResize(QSize(0, 20), ResizeBudget{}).has_value());
    QVERIFY(smartResize(QSize(3980, 20), ResizeBudget{}).has_value());
}

QVD_TEST_MAIN(TestSmartResize)
#include "tst_SmartResize.moc"
