#include "core/grounding/GroundingParser.h"
#include "core/grounding/StreamingGrounder.h"

#include "AdversarialInputs.h"
#include "DetectionTestUtil.h"
#include "TestMain.h"

using qvd::GroundingParser;
using qvd::ParseMode;
using qvd::StreamingGrounder;
using qvd::test::box;
using qvd::test::Detections;

namespace {

// The answer in pieces of `size` characters, as a stream would bring it.
QStringList deltas(const QString &answer, int size)
{
    QStringList pieces;
    for (qsizetype at = 0; at < answer.size(); at += size)
        pieces.append(answer.mid(at, size));
    return pieces;
}

const QString kTags =
    QStringLiteral("Two animals: <ref>dog</ref><box>(100,200),(300,400)</box> and "
                   "<ref>cat</ref><box>(500,20),(700,400)</box>.");

} // namespace

class TestStreamingGrounder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void finishGivesTheCompleteRule();
    void eachPublishedResultIsTheStreamingParseOfAPrefix();
    void aBurstOfDeltasStartsOneParse();
    void theLastDeltaIsGroundedWithoutAnother();
    void appendDoesNotParseOnTheCallingThread();
    void resultsOfAFinishedAnswerAreDropped();
    void beginForgetsThePreviousAnswer();
    void appendAfterFinishStartsNothing();
};

void TestStreamingGrounder::finishGivesTheCompleteRule()
{
    // The last plain line counts only once the answer is complete (the streaming rule holds it
    // back, as it could still grow).
    const QString answer = QStringLiteral("1,2,3,4 cat\n5,6,7,8 do");
    StreamingGrounder grounder;
    grounder.begin();
    for (const QString &piece : deltas(answer, 3))
        grounder.append(piece);
    const Detections final = grounder.finish(answer);
    COMPARE_SHAPES(final, (Detections{box(1, 2, 3, 4, "cat"), box(5, 6, 7, 8, "do")}));
    QCOMPARE(final, GroundingParser(ParseMode::Complete).parse(answer));
    QCOMPARE(grounder.detections(), final);
    QCOMPARE(grounder.groundedLength(), answer.size());
}

void TestStreamingGrounder::eachPublishedResultIsTheStreamingParseOfAPrefix()
{
    StreamingGrounder grounder;
    grounder.setMinimumInterval(std::chrono::milliseconds(0));
    QList<QPair<qsizetype, Detections>> published;
    connect(&grounder, &StreamingGrounder::detectionsChanged, this, [&](const Detections &found) {
        published.append({grounder.groundedLength(), found});
    });
    grounder.begin();
    for (const QString &piece : deltas(kTags, 4)) {
        grounder.append(piece);
        QCoreApplication::processEvents();
    }
    QTRY_COMPARE_WITH_TIMEOUT(grounder.groundedLength(), kTags.size(), 20000);
    QVERIFY(!published.isEmpty());
    for (const auto &[length, found] : std::as_const(published))
        QCOMPARE(found, GroundingParser(ParseMode::Streaming).parse(kTags.left(length)));
    COMPARE_SHAPES(published.last().second,
                   (Detections{box(100, 200, 300, 400, "dog"), box(500, 20, 700, 400, "cat")}));
    QCOMPARE(grounder.detections(), published.last().second);
}

void TestStreamingGrounder::aBurstOfDeltasStartsOneParse()
{
    StreamingGrounder grounder;
    grounder.setMinimumInterval(std::chrono::milliseconds(0));
    grounder.begin();
    // 1,000 deltas with no event loop in between: the first starts a parse, the rest wait for
    // it and are then parsed together, once.
    const QStringList pieces = deltas(kTags.repeated(10), 1);
    for (int i = 0; i < 1000; ++i)
        grounder.append(pieces.at(i));
    QCOMPARE(grounder.parsesStarted(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(grounder.groundedLength(), qsizetype(1000), 20000);
    QTRY_VERIFY(!grounder.isParsing());
    QCOMPARE(grounder.parsesStarted(), 2);
}

void TestStreamingGrounder::theLastDeltaIsGroundedWithoutAnother()
{
    // A model that pauses after a box: the box shows although no delta follows it.
    StreamingGrounder grounder;
    grounder.setMinimumInterval(std::chrono::milliseconds(200));
    QSignalSpy changed(&grounder, &StreamingGrounder::detectionsChanged);
    grounder.begin();
    grounder.append(QStringLiteral("Here: "));
    QTRY_VERIFY(!grounder.isParsing());
    // Within the pause after the first parse: waits for it, then parses.
    grounder.append(QStringLiteral("<ref>dog</ref><box>(1,2),(3,4)</box>"));
    QVERIFY(changed.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 1, 20000);
    COMPARE_SHAPES(grounder.detections(), (Detections{box(1, 2, 3, 4, "dog")}));
    QCOMPARE(grounder.parsesStarted(), 2);
}

void TestStreamingGrounder::appendDoesNotParseOnTheCallingThread()
{
    // Two boxes, then about 4 MB of deeply nested brackets: a parse that takes a while.
    const QString answer = kTags + qvd::test::adversarialInput(1, 4'000'000);
    StreamingGrounder grounder;
    grounder.begin();
    grounder.append(answer);
    // Returned before the boxes were found: they come from the worker, later.
    QVERIFY(grounder.isParsing());
    QVERIFY(grounder.detections().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(!grounder.isParsing(), 60000);
    QCOMPARE(grounder.groundedLength(), answer.size());
    COMPARE_SHAPES(grounder.detections(),
                   (Detections{box(100, 200, 300, 400, "dog"), box(500, 20, 700, 400, "cat")}));
}

void TestStreamingGrounder::resultsOfAFinishedAnswerAreDropped()
{
    // The parse of a big answer still runs when the answer ends.
    const QString answer = kTags + QString(2'000'000, u' ') + QStringLiteral("(1,2),(3,4)");
    StreamingGrounder grounder;
    QSignalSpy changed(&grounder, &StreamingGrounder::detectionsChanged);
    grounder.begin();
    grounder.append(answer);
    QVERIFY(grounder.isParsing());
    const QString shortAnswer = QStringLiteral("<ref>cat</ref><box>(5,6),(7,8)</box>");
    const Detections final = grounder.finish(shortAnswer);
    QTRY_VERIFY_WITH_TIMEOUT(!grounder.isParsing(), 60000);
    QVERIFY(changed.isEmpty());
    COMPARE_SHAPES(grounder.detections(), (Detections{box(5, 6, 7, 8, "cat")}));
    QCOMPARE(grounder.detections(), final);
    QCOMPARE(grounder.groundedLength(), shortAnswer.size());
}

void TestStreamingGrounder::beginForgetsThePreviousAnswer()
{
    StreamingGrounder grounder;
    grounder.setMinimumInterval(std::chrono::milliseconds(0));
    grounder.begin();
    grounder.append(kTags + QString(2'000'000, u' '));
    QVERIFY(grounder.isParsing());
    grounder.begin(); // a retry: the old answer's parse must not show up in the new one
    QVERIFY(grounder.detections().isEmpty());
    QCOMPARE(grounder.text(), QString());
    grounder.append(QStringLiteral("<ref>cat</ref><box>(5,6),(7,8)</box>"));
    QTRY_VERIFY_WITH_TIMEOUT(!grounder.isParsing() && grounder.groundedLength() == 36, 60000);
    COMPARE_SHAPES(grounder.detections(), (Detections{box(5, 6, 7, 8, "cat")}));
}

void TestStreamingGrounder::appendAfterFinishStartsNothing()
{
    StreamingGrounder grounder;
    grounder.begin();
    grounder.finish(QString());
    grounder.append(kTags);
    QVERIFY(!grounder.isParsing());
    QCOMPARE(grounder.parsesStarted(), 0);
    QVERIFY(grounder.detections().isEmpty());
}

QVD_TEST_MAIN(TestStreamingGrounder)
#include "tst_StreamingGrounder.moc"
