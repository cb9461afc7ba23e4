// The streaming JSON reader of history imports: values taken whole, skipped or streamed, with
// escapes across block boundaries, limits that skip what is too large, and malformed or
// hostile input failing with the byte it failed at, never crashing or recursing.
#include "core/storage/JsonStream.h"

#include "TestMain.h"

#include <QBuffer>
#include <QJsonDocument>

using qvd::storage::JsonStream;
using Status = JsonStream::Status;

class TestJsonStream : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void walksObjectsAndArrays();
    void stringEscapesAndSurrogates();
    void streamsLongStringsInPieces();
    void tooLargeValuesAreSkipped();
    void malformedInputFails_data();
    void malformedInputFails();
    void deepNestingFailsWithoutRecursion();
    void progressCanStop();
};

namespace {

struct Source
{
    explicit Source(const QByteArray &bytes) : data(bytes), buffer(&data)
    {
        buffer.open(QIODevice::ReadOnly);
    }
    QByteArray data;
    QBuffer buffer;
};

} // namespace

void TestJsonStream::walksObjectsAndArrays()
{
    Source source(" { \"a\" : [1, {\"b\": null}, \"x\"], \"skip\": {\"deep\": [[[\"]\"]]]},"
                  " \"n\": -1.5e3 , \"t\": true}  ");
    JsonStream json(&source.buffer);
    QVERIFY(json.enterObject());
    QString name;
    QVERIFY(json.nextMember(&name));
    QCOMPARE(name, QStringLiteral("a"));
    QVERIFY(json.enterArray());
    QStringList elements;
    while (json.nextElement()) {
        QByteArray raw;
        QCOMPARE(json.readValue(100, &raw), Status::Ok);
        elements.append(QString::fromUtf8(raw));
    }
    QCOMPARE(elements,
             (QStringList{QStringLiteral("1"), QStringLiteral("{\"b\":null}"),
                          QStringLiteral("\"x\"")}));
    QVERIFY(json.nextMember(&name));
    QCOMPARE(name, QStringLiteral("skip"));
    QVERIFY(json.skipValue());
    QVERIFY(json.nextMember(&name));
    QByteArray number;
    QCOMPARE(json.readValue(100, &number), Status::Ok);
    QCOMPARE(number, QByteArray("-1.5e3"));
    QVERIFY(json.nextMember(&name));
    QCOMPARE(name, QStringLiteral("t"));
    QVERIFY(json.skipValue());
    QVERIFY(!json.nextMember(&name));
    QVERIFY(!json.failed());
    QVERIFY(json.atEnd());
}

void TestJsonStream::stringEscapesAndSurrogates()
{
    Source source(R"(["a\"b\\c\/d\n\t\u00e9\u72d7\ud83d\udc36\ud800x"])");
    JsonStream json(&source.buffer);
    QVERIFY(json.enterArray());
    QVERIFY(json.nextElement());
    QString text;
    QCOMPARE(json.readString(1000, &text), Status::Ok);
    QCOMPARE(text, QStringLiteral("a\"b\\c/d\n\té狗🐶\uFFFDx"));
    QVERIFY(!json.nextElement());
    QVERIFY(!json.failed());
}

void TestJsonStream::streamsLongStringsInPieces()
{
    // 3 MB of text with escapes, over many 256 KiB blocks: pieces arrive bounded, joined exact.
    QByteArray expected;
    QByteArray text = "{\"data\":\"";
    for (int i = 0; i < 300000; ++i) {
        text += "0123456\\n";
        expected += "0123456\n";
    }
    text += "\\u72d7\"}";
    expected += "狗";
    Source source(text);
    JsonStream json(&source.buffer);
    QVERIFY(json.enterObject());
    QString name;
    QVERIFY(json.nextMember(&name));
    QByteArray joined;
    qsizetype largest = 0;
    int pieces = 0;
    QVERIFY(json.streamString([&](const QByteArray &piece) {
        joined += piece;
        largest = qMax(largest, piece.size());
        ++pieces;
        return true;
    }));
    QCOMPARE(joined, expected);
    QVERIFY(pieces > 4);
    QVERIFY(largest <= 1024 * 1024);
    QVERIFY(!json.nextMember(&name));
    QVERIFY(json.atEnd());
}

void TestJsonStream::tooLargeValuesAreSkipped()
{
    Source source("[\"" + QByteArray(5000, 'x') + "\", {\"k\": \"" + QByteArray(5000, 'y')
                  + "\"}, \"short\", \"" + QByteArray(5000, 'z') + "\"]");
    JsonStream json(&source.buffer);
    QVERIFY(json.enterArray());
    QVERIFY(json.nextElement());
    QString text;
    QCOMPARE(json.readString(100, &text), Status::TooLarge);
    QVERIFY(json.nextElement());
    QByteArray raw;
    QCOMPARE(json.readValue(100, &raw), Status::TooLarge);
    QVERIFY(raw.isEmpty());
    QVERIFY(json.nextElement());
    QCOMPARE(json.readString(100, &text), Status::Ok);
    QCOMPARE(text, QStringLiteral("short"));
    // A sink that wants no more: the rest of the string is skipped.
    QVERIFY(json.nextElement());
    int calls = 0;
    QVERIFY(json.streamString([&](const QByteArray &) { return ++calls < 1; }));
    QCOMPARE(calls, 1);
    QVERIFY(!json.nextElement());
    QVERIFY(!json.failed());
}

void TestJsonStream::malformedInputFails_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("not an object") << QByteArray("[1]");
    QTest::newRow("trailing comma") << QByteArray("{\"a\":1,}");
    QTest::newRow("missing colon") << QByteArray("{\"a\" 1}");
    QTest::newRow("missing comma") << QByteArray("{\"a\":1 \"b\":2}");
    QTest::newRow("unbalanced") << QByteArray("{\"a\":[1}");
    QTest::newRow("cut in a string") << QByteArray("{\"a\":\"abc");
    QTest::newRow("cut in an escape") << QByteArray("{\"a\":\"abc\\");
    QTest::newRow("bad escape") << QByteArray("{\"a\":\"\\q\"}");
    QTest::newRow("bad unicode") << QByteArray("{\"a\":\"\\u12g4\"}");
    QTest::newRow("raw newline") << QByteArray("{\"a\":\"x\ny\"}");
    QTest::newRow("stray") << QByteArray("{\"a\":@}");
    QTest::newRow("cut") << QByteArray("{\"a\":[1,2");
}

// Reads every member as a string, skipping what is not one; fails somewhere, never crashes.
void TestJsonStream::malformedInputFails()
{
    QFETCH(QByteArray, input);
    Source source(input);
    JsonStream json(&source.buffer);
    bool ok = json.enterObject();
    QString name;
    while (ok && json.nextMember(&name)) {
        QString text;
        ok = json.readString(100, &text) == Status::Ok;
    }
    ok = ok && !json.failed() && json.atEnd();
    QVERIFY(!ok);
    QVERIFY(json.failed());
    QVERIFY2(json.errorString().contains(QStringLiteral(" at byte ")),
             qPrintable(json.errorString()));
}

void TestJsonStream::deepNestingFailsWithoutRecursion()
{
    Source source("{\"a\":" + QByteArray(1000000, '[') + QByteArray(1000000, ']') + "}");
    JsonStream json(&source.buffer);
    QVERIFY(json.enterObject());
    QString name;
    QVERIFY(json.nextMember(&name));
    QVERIFY(!json.skipValue());
    QVERIFY(json.errorString().contains(QStringLiteral("nested too deeply")));
    // After a failure nothing more is read.
    QVERIFY(!json.nextMember(&name));
    QVERIFY(!json.atEnd());
}

void TestJsonStream::progressCanStop()
{
    Source source("[\"" + QByteArray(4 * 1024 * 1024, 'x') + "\"]");
    JsonStream json(&source.buffer);
    QList<qint64> seen;
    json.setProgress([&](qint64 done) {
        seen.append(done);
        return done < 1024 * 1024;
    });
    QVERIFY(json.enterArray());
    QVERIFY(json.nextElement());
    QVERIFY(!json.skipValue());
    QVERIFY(json.stopped());
    QVERIFY(seen.size() >= 2);
    QVERIFY(seen.last() < 2 * 1024 * 1024); // it stopped reading there
    QVERIFY(std::is_sorted(seen.begin(), seen.end()));
}

QVD_TEST_MAIN(TestJsonStream)
#include "tst_JsonStream.moc"
