// The attribute reader of the markup parsers on hostile tags: a megabyte-long start tag is read
// in linear time (the shapes below make a matcher that restarts at every letter quadratic; the
// first one does so to PCRE's own interpreter), and on random tags it finds exactly what the
// reference pattern finds.
#include "core/grounding/GroundingParser.h"
#include "core/grounding/parsers/Markup.h"

#include "TestMain.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QRegularExpression>

using qvd::grounding::tagAttributes;

namespace {

// What the attribute reader must find, written as the pattern it implements.
QHash<QString, QString> referenceAttributes(const QString &inside)
{
    static const QRegularExpression attribute(
        QStringLiteral("([A-Za-z_:][\\w:.-]*)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')"));
    QHash<QString, QString> result;
    for (auto it = attribute.globalMatch(inside); it.hasNext();) {
        const auto m = it.next();
        const QString value = m.capturedStart(3) >= 0 ? m.captured(3) : m.captured(2);
        result.insert(m.captured(1).toLower(), value);
    }
    return result;
}

// A tag of about `size` characters that makes a backtracking matcher restart at every letter.
QString hostileInside(int shape, qsizetype size)
{
    switch (shape) {
    case 0: // one endless name, then "=" without a quote
        return QString(size, u'a') + QStringLiteral("=x");
    case 1: // a value that is never closed, full of names
        return QStringLiteral("alt=\"") + QStringLiteral("b ").repeated(size / 2);
    case 2: // names and "=" separated by spaces, no quote anywhere
        return QStringLiteral("a  =  ").repeated(size / 6);
    case 3: // single-quoted values opened and never closed
        return QStringLiteral("k='v").repeated(size / 4);
    }
    return {};
}

const char *const kShapes[] = {"endless_name", "unclosed_value", "spaced_equals",
                               "unclosed_single"};

} // namespace

class TestMarkupAttributes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void megabyteTagIsReadInLinearTime_data();
    void megabyteTagIsReadInLinearTime();
    void boxInAMegabyteTagIsFound();
    void randomTagsMatchTheReferencePattern();
};

void TestMarkupAttributes::megabyteTagIsReadInLinearTime_data()
{
    QTest::addColumn<int>("shape");
    for (int shape = 0; shape < int(std::size(kShapes)); ++shape)
        QTest::newRow(kShapes[shape]) << shape;
}

// Sizes double up to a megabyte; each must be read well inside a generous bound. A linear reader
// takes milliseconds for the megabyte (tens under ASan); a quadratic one already needs seconds at
// 64 KB, so the loop stops there instead of running for minutes.
void TestMarkupAttributes::megabyteTagIsReadInLinearTime()
{
    QFETCH(int, shape);
    constexpr qint64 kBoundMs = 2000;
    for (qsizetype size = 64 * 1024; size <= 1024 * 1024; size *= 2) {
        const QString inside = hostileInside(shape, size);
        QElapsedTimer timer;
        timer.start();
        const auto attributes = tagAttributes(inside);
        const qint64 elapsed = timer.elapsed();
        QVERIFY2(elapsed < kBoundMs,
                 qPrintable(QStringLiteral("%1 characters took %2 ms").arg(size).arg(elapsed)));
        if (shape == 1)
            QVERIFY(attributes.isEmpty()); // the value never ends: nothing is an attribute
    }
}

void TestMarkupAttributes::boxInAMegabyteTagIsFound()
{
    const QString text = QStringLiteral("<div data-bbox=\"10,20,30,40\" ")
        + hostileInside(0, 1024 * 1024) + QStringLiteral(">dog</div>");
    QElapsedTimer timer;
    timer.start();
    const auto detections = qvd::GroundingParser().parse(text);
    QVERIFY2(timer.elapsed() < 4000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(detections.size(), 1);
    QCOMPARE(detections.first().label, QStringLiteral("dog"));
    QCOMPARE(detections.first().rect, QRectF(QPointF(10, 20), QPointF(30, 40)));
}

// Differential: random insides from the characters that matter (no "&": entities are decoded
// after the match), compared with the pattern.
void TestMarkupAttributes::randomTagsMatchTheReferencePattern()
{
    static const QString alphabet = QStringLiteral("ab_:1.-= \t\"'xY");
    QRandomGenerator random(20260702);
    for (int round = 0; round < 20000; ++round) {
        QString inside;
        const int length = int(random.bounded(1, 40));
        for (int i = 0; i < length; ++i)
            inside += alphabet.at(int(random.bounded(alphabet.size())));
        QVERIFY2(tagAttributes(inside) == referenceAttributes(inside),
                 qPrintable(QStringLiteral("inside: [%1]").arg(inside)));
    }
}

// The worst case of any backtracking matcher is its interpreter, which runs wherever the JIT is
// unavailable; measure that, not a JIT that may hide it.
int main(int argc, char *argv[])
{
    qputenv("QT_ENABLE_REGEXP_JIT", "0");
    qvd::test::IsolatedEnvironment isolated;
    QCoreApplication app(argc, argv);
    TestMarkupAttributes tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}

#include "tst_MarkupAttributes.moc"
