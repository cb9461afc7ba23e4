// Scoring speed: 10,000 images with 50 ground-truth boxes and 50 scored predictions each (10
// labels), the whole set through the Evaluator (matching per label, per-image, per-label and
// overall counts, COCO-style AP at ten thresholds). Baseline, in the same run: a naïve loop
// computing the IoU of every prediction with every ground-truth box of its image (50 × 50 per
// image) and nothing else. Goal: the whole evaluation within 5× that loop (about 2 s
// here); median of the runs (BenchReport.h). Exits non-zero when the goal is missed or the
// evaluation finds no AP:
//   build/bin/bench_Eval                   (QVD_BENCH_QUICK=1: 500 images, one run)
#include "BenchReport.h"

#include "core/eval/Evaluator.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace qvd;

namespace {

const int kImages = qvd::bench::pick(10'000, 500);
constexpr int kBoxes = 50;
constexpr int kLabels = 10;
const int kRuns = qvd::bench::pick(3, 1);

double medianMs(const std::function<void()> &work)
{
    QList<double> times;
    for (int i = 0; i < kRuns; ++i) {
        QElapsedTimer timer;
        timer.start();
        work();
        times.append(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times.at(times.size() / 2);
}

// Ground truth scattered over a 1920 × 1080 image; predictions near it (most overlap their
// object well, some are moved off it or given another label), every one scored.
QList<EvalImage> makeSet()
{
    QRandomGenerator random(20260116);
    QStringList labels;
    for (int i = 0; i < kLabels; ++i)
        labels.append(QStringLiteral("label %1").arg(i));
    QList<EvalImage> images;
    images.reserve(kImages);
    for (int n = 0; n < kImages; ++n) {
        EvalImage image;
        image.name = QStringLiteral("img%1.jpg").arg(n);
        image.truth.reserve(kBoxes);
        image.predictions.reserve(kBoxes);
        for (int b = 0; b < kBoxes; ++b) {
            const double w = 20 + random.bounded(200.0);
            const double h = 20 + random.bounded(200.0);
            const QRectF box(random.bounded(1920.0 - w), random.bounded(1080.0 - h), w, h);
            EvalObject truth;
            truth.id = QString::number(b);
            truth.label = labels.at(random.bounded(kLabels));
            truth.rect = box;
            EvalObject prediction = truth;
            prediction.rect = box.translated(random.bounded(0.3) * w - 0.15 * w,
                                             random.bounded(0.3) * h - 0.15 * h);
            if (random.bounded(10) == 0)
                prediction.label = labels.at(random.bounded(kLabels));
            prediction.score = random.generateDouble();
            image.truth.append(truth);
            image.predictions.append(prediction);
        }
        images.append(image);
    }
    return images;
}

// Every prediction against every ground-truth box of its image.
double allPairsIou(const QList<EvalImage> &images)
{
    double sum = 0;
    for (const EvalImage &image : images) {
        for (const EvalObject &p : image.predictions) {
            const double pa = p.rect.width() * p.rect.height();
            for (const EvalObject &t : image.truth) {
                const QRectF overlap = p.rect.intersected(t.rect);
                const double i = overlap.width() * overlap.height();
                sum += i / (pa + t.rect.width() * t.rect.height() - i);
            }
        }
    }
    return sum;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QList<EvalImage> images = makeSet();

    volatile double sink = 0;
    const double baselineMs = medianMs([&] { sink = sink + allPairsIou(images); });
    SetEvaluation result;
    const double evalMs = medianMs([&] { result = Evaluator().evaluate(images); });

    std::printf("%d images x %d boxes: TP %lld FP %lld FN %lld, AP50 %.3f, AP50:95 %.3f\n", kImages,
                kBoxes, static_cast<long long>(result.overall.tp),
                static_cast<long long>(result.overall.fp),
                static_cast<long long>(result.overall.fn), result.ap50.value_or(-1),
                result.ap50to95.value_or(-1));
    const bool scored = result.ap50 && result.overall.tp > 0;
    if (!scored)
        std::printf("the evaluation found no AP or no true positive\n");
    const bool held = qvd::bench::report("score 10,000 images of 50 boxes (ms)", evalMs, "ms",
                                         "all-pairs IoU loop, same boxes", baselineMs,
                                         qvd::bench::Better::Lower, 5.0);
    return held && scored ? 0 : 1;
}
