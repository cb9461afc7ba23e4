// Grounding speed, each figure against a baseline measured in the same run (BenchReport.h):
//  - parsing a 5 MB answer with 50,000 boxes as JSON, against QJsonDocument::fromJson of the
//    same JSON from UTF-8 (goal: at least 0.8 of its throughput), and as Qwen-VL tags, against
//    one QRegularExpression pass over the same text (goal: at least 0.5 of its throughput);
//  - the ~10 MB adversarial answers, against QString::count of one character, the floor of
//    any parser that reads the text (goal: at most 300 times that, about a second);
//  - painting 1,000 labelled boxes on a 24-megapixel image, against the same boxes without
//    labels (goal: at most 3 times their cost).
// Times are CPU time of the process (median of the runs), so a busy machine changes them less.
//   build/bin/bench_Grounding            (QVD_BENCH_QUICK=1: small sizes, one run)
#include "core/grounding/BoxPainter.h"
#include "core/grounding/GroundingParser.h"

#include "../unit/grounding/AdversarialInputs.h"
#include "BenchReport.h"
#include "TestMain.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QPainter>
#include <QRegularExpression>

#include <algorithm>
#include <functional>

using namespace qvd;

namespace {

using bench::Better;

int runs(int full = 5)
{
    return bench::pick(full, 1);
}

double megabytes(const QString &text)
{
    return double(text.toUtf8().size()) / 1e6;
}

// `boxes` boxes (50,000: about 5 MB) padded to 100 bytes each, labels and coordinates varied.
QString jsonAnswer(int boxes)
{
    QString text = QStringLiteral("```json\n[\n");
    for (int i = 0; i < boxes; ++i) {
        const int x = (i * 37) % 900;
        const int y = (i * 53) % 900;
        QString line = QStringLiteral("{\"bbox_2d\": [%1, %2, %3, %4], \"label\": \"object %5\"}")
                           .arg(x)
                           .arg(y)
                           .arg(x + 50)
                           .arg(y + 70)
                           .arg(i);
        line = line.leftJustified(97, QLatin1Char(' '));
        text += line + (i + 1 < boxes ? QStringLiteral(",\n") : QStringLiteral("\n"));
    }
    return text + QStringLiteral("]\n```\n");
}

QString tagAnswer(int boxes)
{
    QString text;
    for (int i = 0; i < boxes; ++i) {
        const int x = (i * 37) % 900;
        const int y = (i * 53) % 900;
        text += QStringLiteral("<ref>object %5</ref><box>(%1,%2),(%3,%4)</box>")
                    .arg(x)
                    .arg(y)
                    .arg(x + 50)
                    .arg(y + 70)
                    .arg(i)
                    .leftJustified(100, QLatin1Char(' '));
    }
    return text;
}

QList<MappedDetection> thousandBoxes(QSize size)
{
    QList<MappedDetection> boxes;
    for (int i = 0; i < 1000; ++i) {
        MappedDetection d;
        const qreal x = (i * 613) % (size.width() - 400);
        const qreal y = (i * 389) % (size.height() - 300);
        d.rect = QRectF(x, y, 100 + (i % 300), 80 + (i % 220));
        d.label = QStringLiteral("object %1").arg(i % 40);
        boxes.append(d);
    }
    return boxes;
}

} // namespace

class BenchGrounding : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseJson();
    void parseTags();
    void parseAdversarial();
    void paintThousandBoxes();
};

void BenchGrounding::parseJson()
{
    const int boxes = bench::pick(50'000, 2'000);
    const QString text = jsonAnswer(boxes);
    const double mb = megabytes(text);
    qsizetype found = 0;
    const double parseMs =
        bench::medianCpuMs(runs(), [&] { found = GroundingParser().parse(text).size(); });
    QCOMPARE(found, qsizetype(boxes));
    // The baseline reads the bare array, without the fence, from UTF-8 as a client would.
    const QByteArray json = text.mid(8, text.size() - 8 - 5).toUtf8();
    const double baselineMs = bench::medianCpuMs(runs(), [&] { QJsonDocument::fromJson(json); });
    QVERIFY(QJsonDocument::fromJson(json).isArray());
    QVD_BENCH_GOAL("parse JSON answer, 5 MB, 50,000 boxes (MB/s)", mb / (parseMs / 1000), "MB/s",
                   "QJsonDocument::fromJson, same JSON", mb / (baselineMs / 1000), Better::Higher,
                   0.8);
}

void BenchGrounding::parseTags()
{
    const int boxes = bench::pick(50'000, 2'000);
    const QString text = tagAnswer(boxes);
    const double mb = megabytes(text);
    qsizetype found = 0;
    const double parseMs =
        bench::medianCpuMs(runs(), [&] { found = GroundingParser().parse(text).size(); });
    QCOMPARE(found, qsizetype(boxes));
    static const QRegularExpression tags(
        QStringLiteral("<ref>(.*?)</ref>|<box>(.*?)</box>|<quad>(.*?)</quad>"),
        QRegularExpression::DotMatchesEverythingOption);
    qsizetype matches = 0;
    const double baselineMs = bench::medianCpuMs(runs(), [&] {
        matches = 0;
        for (auto it = tags.globalMatch(text); it.hasNext(); it.next())
            ++matches;
    });
    QCOMPARE(matches, qsizetype(2 * boxes));
    QVD_BENCH_GOAL("parse Qwen-VL tags, 5 MB, 50,000 boxes (MB/s)", mb / (parseMs / 1000), "MB/s",
                   "one regex pass over the same text", mb / (baselineMs / 1000), Better::Higher,
                   0.5);
}

void BenchGrounding::parseAdversarial()
{
    const auto names = test::adversarialNames();
    bool held = true;
    for (int i = 0; i < names.size(); ++i) {
        const QString text = test::adversarialInput(i, bench::pick(10'000'000, 500'000));
        const double parseMs = bench::medianCpuMs(runs(3), [&] { GroundingParser().parse(text); });
        const double streamingMs =
            bench::medianCpuMs(runs(3), [&] { GroundingParser(ParseMode::Streaming).parse(text); });
        const double baselineMs =
            bench::medianCpuMs(runs(3), [&] { (void)text.count(QLatin1Char('(')); });
        const QByteArray name = QByteArray("adversarial ") + names.at(i) + ", "
            + QByteArray::number(megabytes(text), 'f', 1) + " MB (ms)";
        held = bench::report(name.constData(), std::max(parseMs, streamingMs), "ms",
                             "QString::count of one character", baselineMs, Better::Lower, 300)
            && held;
    }
    QVERIFY2(held, "an adversarial answer took too long");
}

void BenchGrounding::paintThousandBoxes()
{
    const QSize size = bench::pick(QSize(6000, 4000), QSize(1500, 1000));
    QImage image(size, QImage::Format_RGB32);
    image.fill(Qt::gray);
    const QList<MappedDetection> boxes = thousandBoxes(size);
    // Each text drawn once, for every later paint too (LabelPainter's cache): a first paint
    // pays for drawing the distinct texts; it is reported apart.
    const double firstMs = bench::medianCpuMs(1, [&] {
        QPainter painter(&image);
        BoxPainter::paint(painter, boxes, size);
    });
    const double paintMs = bench::medianCpuMs(runs(), [&] {
        QPainter painter(&image);
        BoxPainter::paint(painter, boxes, size);
    });
    BoxStyle shapesOnly;
    shapesOnly.labels = false;
    const double shapesMs = bench::medianCpuMs(runs(), [&] {
        QPainter painter(&image);
        BoxPainter::paint(painter, boxes, size, shapesOnly);
    });
    qInfo("first labelled paint (draws the 40 distinct texts): %.1f ms", firstMs);
    QVD_BENCH_GOAL("paint 1,000 labelled boxes, 24 MP (ms)", paintMs, "ms",
                   "the same boxes without labels", shapesMs, Better::Lower, 3);
}

QVD_TEST_GUI_MAIN(BenchGrounding)
#include "bench_Grounding.moc"
