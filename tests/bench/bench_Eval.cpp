// Scoring speed: 10,000 images with 50 ground-truth boxes and 50 scored predictions each (10
// labels), the whole set through the Evaluator (matching per label, per-image, per-label and
// overall counts, COCO-style AP at ten thresholds). Goal: ≤ 2 s. Baseline, in the same run: a
// naïve loop computing the IoU of every prediction with every ground-truth box of its image
// (50 × 50 per image) and nothing else.
// Prints "RESULT name value unit" lines (median of the runs) and exits 1 when the goal is missed:
//   build/bin/bench_Eval
#include "core/eval/Evaluator.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace qvd;

namespace {

constexpr int kImages = 10'000;
constexpr int kBoxes = 50;
constexpr int kLabels = 10;
constexpr int kRuns = 3;
constexpr double kGoalMs = 2000;

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

    std::printf("RESULT eval_all_pairs_iou_baseline %.1f ms (%d images x %d x %d pairs)\n",
                baselineMs, kImages, kBoxes, kBoxes);
    std::printf("RESULT eval_score_set %.1f ms (%.2f x the baseline; TP %lld FP %lld FN %lld, "
                "AP50 %.3f, AP50:95 %.3f)\n",
                evalMs, evalMs / baselineMs, static_cast<long long>(result.overall.tp),
                static_cast<long long>(result.overall.fp),
                static_cast<long long>(result.overall.fn), result.ap50.value_or(-1),
                result.ap50to95.value_or(-1));
    const bool met = evalMs <= kGoalMs && result.ap50 && result.overall.tp > 0;
    std::printf("goal <= %.0f ms with AP: %s\n", kGoalMs, met ? "met" : "MISSED");
    return met ? 0 : 1;
}
