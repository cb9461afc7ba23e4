// SSE parsing throughput on a 50 MB DashScope stream made of §9.B-shaped events, fed in 16 KiB
// pieces as a socket would deliver them, against a naive parser that waits for the whole body,
// splits it on "\n\n" and parses each data line with QJsonDocument (what SseParser +
// DashScopeBackend::parseEvent also do, and which a stream cannot afford, as it shows nothing
// before the end): goal at least 0.8 of its throughput (BenchReport.h). memcpy
// of the same pieces, the ceiling, is printed too. CPU time, median of the runs.
//   build/bin/bench_SseParser                (QVD_BENCH_QUICK=1: 5 MB, one run)

#include "core/api/DashScopeBackend.h"
#include "core/api/SseParser.h"

#include "BenchReport.h"
#include "TestMain.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cstring>

using namespace qvd;

namespace {

const qsizetype kStreamBytes = bench::pick(50LL, 5LL) * 1024 * 1024;
constexpr qsizetype kPiece = 16 * 1024;
const int kRuns = bench::pick(3, 1);

// §9.B's three events (docs/dashscope-protocol.md), ids counting up, until the stream is 50 MB.
QByteArray dashScopeStream(int &events)
{
    QFile file(test::dataPath(QStringLiteral("api/9b-response.http")));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing 9b-response.http");
    const QByteArray http = file.readAll();
    const QList<QByteArray> shapes = http.mid(http.indexOf("\r\n\r\n") + 4).split('\n');
    QList<QByteArray> dataLines;
    for (const QByteArray &line : shapes) {
        if (line.startsWith("data:"))
            dataLines.append(line);
    }
    QByteArray stream;
    stream.reserve(kStreamBytes + 4096);
    events = 0;
    while (stream.size() < kStreamBytes) {
        const QByteArray &data = dataLines.at(events % dataLines.size());
        ++events;
        stream += "id:" + QByteArray::number(events) + "\nevent:result\n:HTTP_STATUS/200\n" + data
            + "\n\n";
    }
    return stream;
}

double mbPerSecond(qsizetype bytes, double ms)
{
    return double(bytes) / (1024.0 * 1024.0) / (ms / 1000.0);
}

} // namespace

class BenchSseParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void throughput();
};

void BenchSseParser::throughput()
{
    int events = 0;
    const QByteArray stream = dashScopeStream(events);
    const qsizetype size = stream.size();
    const auto pieces = [&](auto consume) {
        for (qsizetype from = 0; from < size; from += kPiece)
            consume(
                QByteArray::fromRawData(stream.constData() + from, std::min(kPiece, size - from)));
    };

    QByteArray sink(kPiece, '\0');
    const double memcpyMs = bench::medianCpuMs(kRuns, [&] {
        pieces([&](const QByteArray &piece) {
            std::memcpy(sink.data(), piece.constData(), size_t(piece.size()));
        });
    });

    int parsed = 0;
    const double parserMs = bench::medianCpuMs(kRuns, [&] {
        SseParser parser;
        parsed = 0;
        pieces([&](const QByteArray &piece) { parsed += int(parser.feed(piece).size()); });
        parsed += int(parser.finish().size());
    });
    QCOMPARE(parsed, events);

    const DashScopeBackend backend({});
    QString text;
    const double fullMs = bench::medianCpuMs(kRuns, [&] {
        SseParser parser;
        text.clear();
        pieces([&](const QByteArray &piece) {
            const QList<SseEvent> out = parser.feed(piece);
            for (const SseEvent &event : out)
                text += backend.parseEvent(event).text;
        });
    });
    QVERIFY(text.startsWith(QStringLiteral("这是一个海滩和其他访客。")));

    int naiveEvents = 0;
    const double naiveMs = bench::medianCpuMs(kRuns, [&] {
        // Naive: wait for the whole body, split it, parse each data line.
        QByteArray body;
        pieces([&](const QByteArray &piece) { body += piece; });
        naiveEvents = 0;
        for (qsizetype from = 0; from < body.size();) {
            qsizetype to = body.indexOf("\n\n", from);
            if (to < 0)
                to = body.size();
            const QByteArray block = body.mid(from, to - from);
            const qsizetype data = block.indexOf("\ndata:");
            if (data >= 0) {
                const qsizetype lineEnd = block.indexOf('\n', data + 1);
                const QByteArray json = block.mid(data + 6, lineEnd < 0 ? -1 : lineEnd - data - 6);
                naiveEvents += !QJsonDocument::fromJson(json).object().isEmpty();
            }
            from = to + 2;
        }
    });
    QCOMPARE(naiveEvents, events);

    const double mb = double(size) / (1024.0 * 1024.0);
    qInfo("stream: %.1f MB, %d events, %lld-byte pieces, median of %d runs", mb, events,
          qint64(kPiece), kRuns);
    qInfo("SseParser alone: %.0f MB/s; memcpy of the same pieces: %.0f MB/s",
          mbPerSecond(size, parserMs), mbPerSecond(size, memcpyMs));
    QVD_BENCH_GOAL("SSE stream parsed into text, 50 MB (MB/s)", mbPerSecond(size, fullMs), "MB/s",
                   "naive split + QJsonDocument", mbPerSecond(size, naiveMs), bench::Better::Higher,
                   1.0);
}

QVD_TEST_MAIN(BenchSseParser)
#include "bench_SseParser.moc"
