// Grounding speed, each number next to a named baseline measured in the same run:
//   parse throughput of a 5 MB answer with 50,000 boxes, as JSON (baseline: QJsonDocument::
//   fromJson of the same JSON) and as Qwen-VL tags (baseline: one QRegularExpression pass
//   over the same text); the ~10 MB adversarial answers (baseline: QString::count of one
//   character, the floor of any parser that reads the text); painting 1,000 labelled boxes on
//   a 24-megapixel image (baselines: filling the image, and a bare drawRect loop).
// Prints "RESULT name value unit" lines (median of the runs):
//   build/bin/bench_Grounding            (QT_QPA_PLATFORM=offscreen without a display)
#include "core/grounding/BoxPainter.h"
#include "core/grounding/GroundingParser.h"

#include "../unit/grounding/AdversarialInputs.h"
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

constexpr int kRuns = 5;

// Median wall time of `runs` calls, in milliseconds.
double medianMs(const std::function<void()> &work, int runs = kRuns)
{
    QList<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        work();
        times.append(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times.at(times.size() / 2);
}

void result(const char *name, double value, const char *unit)
{
    qInfo("RESULT %s %.2f %s", name, value, unit);
}

double megabytes(const QString &text)
{
    return double(text.toUtf8().size()) / 1e6;
}

// 50,000 boxes padded to about 5 MB (100 bytes each), labels and coordinates varied.
QString jsonAnswer()
{
    QString text = QStringLiteral("```json\n[\n");
    for (int i = 0; i < 50'000; ++i) {
        const int x = (i * 37) % 900;
        const int y = (i * 53) % 900;
        QString line = QStringLiteral("{\"bbox_2d\": [%1, %2, %3, %4], \"label\": \"object %5\"}")
                           .arg(x)
                           .arg(y)
                           .arg(x + 50)
                           .arg(y + 70)
                           .arg(i);
        line = line.leftJustified(97, QLatin1Char(' '));
        text += line + (i + 1 < 50'000 ? QStringLiteral(",\n") : QStringLiteral("\n"));
    }
    return text + QStringLiteral("]\n```\n");
}

QString tagAnswer()
{
    QString text;
    for (int i = 0; i < 50'000; ++i) {
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
    const QString text = jsonAnswer();
    const double mb = megabytes(text);
    qsizetype found = 0;
    const double parseMs = medianMs([&] { found = GroundingParser().parse(text).size(); });
    QCOMPARE(found, 50'000);
    // The baseline reads the bare array, without the fence, from UTF-8 as a client would.
    const QByteArray json = text.mid(8, text.size() - 8 - 5).toUtf8();
    const double baselineMs = medianMs([&] { QJsonDocument::fromJson(json); });
    QVERIFY(QJsonDocument::fromJson(json).isArray());
    result("parse_json_5MB_50k_boxes_ms", parseMs, "ms");
    result("parse_json_5MB_50k_boxes_throughput", mb / (parseMs / 1000), "MB/s");
    result("baseline_QJsonDocument_fromJson_same_json_throughput", mb / (baselineMs / 1000),
           "MB/s");
}

void BenchGrounding::parseTags()
{
    const QString text = tagAnswer();
    const double mb = megabytes(text);
    qsizetype found = 0;
    const double parseMs = medianMs([&] { found = GroundingParser().parse(text).size(); });
    QCOMPARE(found, 50'000);
    static const QRegularExpression tags(
        QStringLiteral("<ref>(.*?)</ref>|<box>(.*?)</box>|<quad>(.*?)</quad>"),
        QRegularExpression::DotMatchesEverythingOption);
    qsizetype matches = 0;
    const double baselineMs = medianMs([&] {
        matches = 0;
        for (auto it = tags.globalMatch(text); it.hasNext(); it.next())
            ++matches;
    });
    QCOMPARE(matches, 100'000);
    result("parse_tags_5MB_50k_boxes_ms", parseMs, "ms");
    result("parse_tags_5MB_50k_boxes_throughput", mb / (parseMs / 1000), "MB/s");
    result("baseline_one_regex_pass_tags_throughput", mb / (baselineMs / 1000), "MB/s");
}

void BenchGrounding::parseAdversarial()
{
    const auto names = test::adversarialNames();
    for (int i = 0; i < names.size(); ++i) {
        const QString text = test::adversarialInput(i);
        const double parseMs = medianMs([&] { GroundingParser().parse(text); }, 3);
        const double streamingMs =
            medianMs([&] { GroundingParser(ParseMode::Streaming).parse(text); }, 3);
        const double baselineMs = medianMs([&] { (void)text.count(QLatin1Char('(')); }, 3);
        const QByteArray name = QByteArray("adversarial_") + names.at(i) + '_'
            + QByteArray::number(megabytes(text), 'f', 1) + "MB";
        const char *over = std::max(parseMs, streamingMs) < 1000 ? "" : "  ** over the 1 s goal **";
        qInfo("RESULT %s_complete %.2f ms%s", name.constData(), parseMs, over);
        qInfo("RESULT %s_streaming %.2f ms%s", name.constData(), streamingMs, over);
        qInfo("RESULT %s_baseline_QString_count %.2f ms", name.constData(), baselineMs);
    }
}

void BenchGrounding::paintThousandBoxes()
{
    const QSize size(6000, 4000);
    QImage image(size, QImage::Format_RGB32);
    image.fill(Qt::gray);
    const QList<MappedDetection> boxes = thousandBoxes(size);
    const double paintMs = medianMs([&] {
        QPainter painter(&image);
        BoxPainter::paint(painter, boxes, size);
    });
    BoxStyle shapesOnly;
    shapesOnly.labels = false;
    const double shapesMs = medianMs([&] {
        QPainter painter(&image);
        BoxPainter::paint(painter, boxes, size, shapesOnly);
    });
    const double renderMs = medianMs([&] { BoxPainter::render(image, boxes); });
    const double fillMs = medianMs([&] { image.fill(Qt::gray); });
    const double rectsMs = medianMs([&] {
        QPainter painter(&image);
        painter.setPen(QPen(Qt::red, BoxPainter::defaultLineWidth(size)));
        for (const MappedDetection &d : boxes)
            painter.drawRect(d.rect);
    });
    result("paint_1000_labelled_boxes_24MP_ms", paintMs, "ms");
    result("paint_1000_boxes_without_labels_24MP_ms", shapesMs, "ms");
    result("render_copy_and_paint_1000_boxes_24MP_ms", renderMs, "ms");
    result("baseline_fill_24MP_ms", fillMs, "ms");
    result("baseline_plain_drawRect_loop_1000_no_labels_no_antialias_ms", rectsMs, "ms");
}

QVD_TEST_GUI_MAIN(BenchGrounding)
#include "bench_Grounding.moc"
