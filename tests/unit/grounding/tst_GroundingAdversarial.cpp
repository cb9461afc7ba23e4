// ~10 MB hostile answers parse without crashing, hanging or recursing off the stack. Times are
// printed for the record only; the "< 1 s" goal is checked by bench_Grounding, since a shared
// CI machine makes wall-clock assertions flaky.
#include "core/grounding/GroundingParser.h"

#include "AdversarialInputs.h"
#include "TestMain.h"

#include <QElapsedTimer>

#include <cmath>

using qvd::GroundingParser;
using qvd::ParseMode;

namespace {

#if defined(QVD_TEST_UNDER_ASAN)
// The ASan + UBSan Debug run is about ten times slower; it looks for memory errors, which
// 1 MB finds as well, and the Release run keeps the full size.
constexpr qsizetype kBytes = 1'000'000;
#else
constexpr qsizetype kBytes = 10'000'000;
#endif

} // namespace

class TestGroundingAdversarial : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parses_data();
    void parses();
    void millionPairsAreAMillionBoxes();
};

void TestGroundingAdversarial::parses_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<int>("mode");
    const auto names = qvd::test::adversarialNames();
    for (int i = 0; i < names.size(); ++i) {
        QTest::addRow("%s complete", names.at(i)) << i << int(ParseMode::Complete);
        QTest::addRow("%s streaming", names.at(i)) << i << int(ParseMode::Streaming);
    }
}

void TestGroundingAdversarial::parses()
{
    QFETCH(int, index);
    QFETCH(int, mode);
    const QString text = qvd::test::adversarialInput(index, kBytes);
    QVERIFY(text.size() >= kBytes * 9 / 10);
    QElapsedTimer timer;
    timer.start();
    const auto detections = GroundingParser(ParseMode(mode)).parse(text);
    qInfo("%s: %lld chars, %lld detections, %lld ms", qvd::test::adversarialNames().at(index),
          qint64(text.size()), qint64(detections.size()), timer.elapsed());
    for (const auto &d : detections)
        QVERIFY(std::isfinite(d.rect.left()) && std::isfinite(d.rect.bottom()));
}

void TestGroundingAdversarial::millionPairsAreAMillionBoxes()
{
    const QString text = qvd::test::adversarialInput(3, kBytes);
    const auto detections = GroundingParser().parse(text);
    QCOMPARE(detections.size(), kBytes / 10);
    QCOMPARE(detections.last().rect, QRectF(QPointF(1, 2), QPointF(3, 4)));
}

QVD_TEST_MAIN(TestGroundingAdversarial)
#include "tst_GroundingAdversarial.moc"
