// SseParser's memory bound: a line or an event's data longer than maxEventBytes() stops the
// parser however the bytes are split; what came before is still delivered, nothing after.
#include "TestMain.h"

#include "core/api/SseParser.h"

using qvd::SseEvent;
using qvd::SseParser;

namespace {

constexpr qsizetype kLimit = 1024;

QByteArray sseEvent(const QByteArray &data)
{
    return "event:result\ndata:" + data + "\n\n";
}

} // namespace

class TestSseParserLimits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultIsEightMebibytes();
    void dataUpToTheLimitIsAnEvent();
    void longLineStopsTheParser_data();
    void longLineStopsTheParser();
    void manyShortDataLinesMakeAnEventTooLarge();
    void endlessLineIsDroppedNotKept();
    void resetStartsAgainWithTheSameLimit();
};

void TestSseParserLimits::defaultIsEightMebibytes()
{
    QCOMPARE(SseParser().maxEventBytes(), qsizetype(8 * 1024 * 1024));
    SseParser parser;
    const QList<SseEvent> events = parser.feed(sseEvent(QByteArray(8 * 1024 * 1024 - 8, 'x')));
    QCOMPARE(events.size(), 1);
    QVERIFY(!parser.overflowed());
}

void TestSseParserLimits::dataUpToTheLimitIsAnEvent()
{
    SseParser parser;
    parser.setMaxEventBytes(kLimit);
    // "data:" plus the value is the line; the value alone is the data.
    const QList<SseEvent> events = parser.feed(sseEvent(QByteArray(kLimit - 5, 'x')));
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().data.size(), kLimit - 5);
    QVERIFY(!parser.overflowed());
}

void TestSseParserLimits::longLineStopsTheParser_data()
{
    QTest::addColumn<int>("piece"); // bytes per feed; 0: all at once
    QTest::newRow("one feed") << 0;
    QTest::newRow("pieces of 100") << 100;
    QTest::newRow("pieces of 1") << 1;
}

void TestSseParserLimits::longLineStopsTheParser()
{
    QFETCH(int, piece);
    const QByteArray bytes =
        sseEvent("first") + sseEvent(QByteArray(kLimit + 1, 'x')) + sseEvent("after the long one");
    SseParser parser;
    parser.setMaxEventBytes(kLimit);
    QList<SseEvent> events;
    const int step = piece == 0 ? int(bytes.size()) : piece;
    for (qsizetype from = 0; from < bytes.size(); from += step)
        events += parser.feed(bytes.mid(from, step));
    events += parser.finish();
    QVERIFY(parser.overflowed());
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().data, QByteArray("first"));
}

void TestSseParserLimits::manyShortDataLinesMakeAnEventTooLarge()
{
    SseParser parser;
    parser.setMaxEventBytes(kLimit);
    QByteArray bytes = "event:result\n";
    for (int i = 0; i < 200; ++i)
        bytes += "data:0123456789\n"; // 200 lines of 10 bytes, joined with '\n': 2199 bytes
    const QList<SseEvent> events = parser.feed(bytes + "\n");
    QVERIFY(events.isEmpty());
    QVERIFY(parser.overflowed());
}

void TestSseParserLimits::endlessLineIsDroppedNotKept()
{
    SseParser parser;
    parser.setMaxEventBytes(kLimit);
    for (int i = 0; i < 100; ++i)
        QVERIFY(parser.feed(QByteArray(512, 'y')).isEmpty()); // never a line end
    QVERIFY(parser.overflowed());
    QVERIFY(parser.finish().isEmpty());
    QVERIFY(parser.overflowed()); // until reset()
}

void TestSseParserLimits::resetStartsAgainWithTheSameLimit()
{
    SseParser parser;
    parser.setMaxEventBytes(kLimit);
    parser.feed(QByteArray(kLimit * 2, 'z'));
    QVERIFY(parser.overflowed());
    parser.reset();
    QVERIFY(!parser.overflowed());
    QCOMPARE(parser.maxEventBytes(), kLimit);
    QCOMPARE(parser.feed(sseEvent("ok")).size(), 1);
}

QVD_TEST_MAIN(TestSseParserLimits)

#include "tst_SseParserLimits.moc"
