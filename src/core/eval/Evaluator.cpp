#include "core/eval/Evaluator.h"

#include "core/eval/AveragePrecision.h"

#include <QHash>

#include <algorithm>
#include <numeric>
#include <vector>

namespace qvd {

namespace {

// A box as COCO measures it: corner, width, height.
struct Shape
{
    double x = 0;
    double y = 0;
    double w = 0;
    double h = 0;
    bool point = false;
};

Shape shapeOf(const EvalObject &object)
{
    const QRectF r = object.rect.normalized();
    return {r.x(), r.y(), r.width(), r.height(), object.kind == DetectionKind::Point};
}

bool inside(const Shape &box, double px, double py)
{
    return px >= box.x && px <= box.x + box.w && py >= box.y && py <= box.y + box.h;
}

double overlapOf(const Shape &d, const Shape &g, bool crowd, bool &point)
{
    point = false;
    if (d.point || g.point) {
        if (d.point && g.point)
            return 0;
        point = d.point ? inside(g, d.x, d.y) : inside(d, g.x, g.y);
        return point ? 1 : 0;
    }
    // The same arithmetic as the COCO evaluation's box IoU, so equal inputs compare equally.
    const double iw = std::min(d.w + d.x, g.w + g.x) - std::max(d.x, g.x);
    if (iw <= 0)
        return 0;
    const double ih = std::min(d.h + d.y, g.h + g.y) - std::max(d.y, g.y);
    if (ih <= 0)
        return 0;
    const double intersection = iw * ih;
    const double da = d.w * d.h;
    const double unionArea = crowd ? da : da + g.w * g.h - intersection;
    return unionArea > 0 ? intersection / unionArea : 0;
}

struct ClassTotals
{
    QString name;
    bool namedByTruth = false;
    Counts counts;
    AveragePrecision precision;
};

// Gives each label its class (an index into `classes`), by the label rule.
class ClassIndex
{
public:
    ClassIndex(const LabelRule &rule, std::vector<ClassTotals> &classes)
        : m_rule(rule), m_classes(classes)
    { }

    int of(const QString &label, bool truth)
    {
        int index = m_byLabel.value(label, -1);
        if (index < 0) {
            const QString key = m_rule.key(label);
            index = m_byKey.value(key, -1);
            if (index < 0) {
                index = int(m_classes.size());
                m_classes.push_back({m_rule.displayName(label), truth, {}, {}});
                m_byKey.insert(key, index);
            }
            m_byLabel.insert(label, index);
        }
        ClassTotals &totals = m_classes[std::size_t(index)];
        if (truth && !totals.namedByTruth) { // ground truth's spelling names the class
            totals.name = m_rule.displayName(label);
            totals.namedByTruth = true;
        }
        return index;
    }

private:
    const LabelRule &m_rule;
    std::vector<ClassTotals> &m_classes;
    QHash<QString, int> m_byLabel;
    QHash<QString, int> m_byKey;
};

// Scores one image, class by class; reuses its buffers from image to image.
class ImageScorer
{
public:
    ImageScorer(double threshold, bool averagePrecision)
        : m_threshold(threshold), m_averagePrecision(averagePrecision)
    { }

    void score(const EvalImage &image, ClassIndex &index, std::vector<ClassTotals> &classes,
               ImageEvaluation &result);

private:
    void scoreClass(const EvalImage &image, ClassTotals &totals, ImageEvaluation &result);
    void matchAsCoco(const EvalImage &image, ClassTotals &totals);

    double m_threshold;
    bool m_averagePrecision;
    std::vector<std::pair<int, int>> m_truthByClass; // (class, index)
    std::vector<std::pair<int, int>> m_predictionsByClass;
    std::vector<int> m_truth; // the current class's objects
    std::vector<int> m_predictions;
    std::vector<Shape> m_truthShapes;
    std::vector<Shape> m_predictionShapes;
    std::vector<double> m_overlap; // [prediction][truth] of the current class
    std::vector<char> m_pointHit;
    struct Pair
    {
        double overlap;
        int truth;
        int prediction;
    };
    std::vector<Pair> m_pairs;
    std::vector<char> m_truthUsed;
    std::vector<char> m_predictionUsed;
    std::vector<int> m_byScore;
    std::vector<int> m_truthOrder;
    std::vector<char> m_truthTaken;
    std::vector<AveragePrecision::Outcome> m_outcomes;
};

void ImageScorer::score(const EvalImage &image, ClassIndex &index,
                        std::vector<ClassTotals> &classes, ImageEvaluation &result)
{
    result.image = image.name;
    m_truthByClass.clear();
    m_predictionsByClass.clear();
    m_truthShapes.clear();
    m_predictionShapes.clear();
    for (int i = 0; i < image.truth.size(); ++i) {
        m_truthByClass.emplace_back(index.of(image.truth.at(i).label, true), i);
        m_truthShapes.push_back(shapeOf(image.truth.at(i)));
    }
    for (int i = 0; i < image.predictions.size(); ++i) {
        m_predictionsByClass.emplace_back(index.of(image.predictions.at(i).label, false), i);
        m_predictionShapes.push_back(shapeOf(image.predictions.at(i)));
    }
    std::sort(m_truthByClass.begin(), m_truthByClass.end());
    std::sort(m_predictionsByClass.begin(), m_predictionsByClass.end());

    auto t = m_truthByClass.cbegin();
    auto p = m_predictionsByClass.cbegin();
    while (t != m_truthByClass.cend() || p != m_predictionsByClass.cend()) {
        const int cls = t == m_truthByClass.cend()                    ? p->first
            : p == m_predictionsByClass.cend() || t->first < p->first ? t->first
                                                                      : p->first;
        m_truth.clear();
        m_predictions.clear();
        for (; t != m_truthByClass.cend() && t->first == cls; ++t)
            m_truth.push_back(t->second);
        for (; p != m_predictionsByClass.cend() && p->first == cls; ++p)
            m_predictions.push_back(p->second);
        scoreClass(image, classes[std::size_t(cls)], result);
    }
    std::sort(result.missedTruth.begin(), result.missedTruth.end());
    std::sort(result.falsePredictions.begin(), result.falsePredictions.end());
    std::sort(result.ignoredPredictions.begin(), result.ignoredPredictions.end());
}

void ImageScorer::scoreClass(const EvalImage &image, ClassTotals &totals, ImageEvaluation &result)
{
    const int nt = int(m_truth.size());
    const int np = int(m_predictions.size());
    m_overlap.assign(std::size_t(np) * std::size_t(nt), 0.0);
    m_pointHit.assign(m_overlap.size(), 0);
    m_pairs.clear();
    for (int pi = 0; pi < np; ++pi) {
        const Shape &d = m_predictionShapes[std::size_t(m_predictions[std::size_t(pi)])];
        for (int ti = 0; ti < nt; ++ti) {
            const EvalObject &truth = image.truth.at(m_truth[std::size_t(ti)]);
            bool point = false;
            const double o = overlapOf(d, m_truthShapes[std::size_t(m_truth[std::size_t(ti)])],
                                       truth.crowd, point);
            const std::size_t cell = std::size_t(pi) * std::size_t(nt) + std::size_t(ti);
            m_overlap[cell] = o;
            m_pointHit[cell] = point;
            if (!truth.ignore && o > 0 && o >= m_threshold)
                m_pairs.push_back({o, ti, pi});
        }
    }
    // One-to-one, the highest overlap first.
    std::sort(m_pairs.begin(), m_pairs.end(), [](const Pair &a, const Pair &b) {
        if (a.overlap != b.overlap)
            return a.overlap > b.overlap;
        return a.truth != b.truth ? a.truth < b.truth : a.prediction < b.prediction;
    });
    m_truthUsed.assign(std::size_t(nt), 0);
    m_predictionUsed.assign(std::size_t(np), 0);
    Counts counts;
    for (const Pair &pair : m_pairs) {
        if (m_truthUsed[std::size_t(pair.truth)] || m_predictionUsed[std::size_t(pair.prediction)])
            continue;
        m_truthUsed[std::size_t(pair.truth)] = 1;
        m_predictionUsed[std::size_t(pair.prediction)] = 1;
        const bool point =
            m_pointHit[std::size_t(pair.prediction) * std::size_t(nt) + std::size_t(pair.truth)];
        result.matches.append({m_truth[std::size_t(pair.truth)],
                               m_predictions[std::size_t(pair.prediction)], pair.overlap, point});
        ++counts.tp;
        if (!point) {
            counts.iouSum += pair.overlap;
            ++counts.iouPairs;
        }
    }
    for (int pi = 0; pi < np; ++pi) {
        if (m_predictionUsed[std::size_t(pi)])
            continue;
        bool onIgnored = false;
        for (int ti = 0; ti < nt && !onIgnored; ++ti) {
            const double o = m_overlap[std::size_t(pi) * std::size_t(nt) + std::size_t(ti)];
            onIgnored =
                image.truth.at(m_truth[std::size_t(ti)]).ignore && o > 0 && o >= m_threshold;
        }
        if (onIgnored) {
            result.ignoredPredictions.append(m_predictions[std::size_t(pi)]);
        } else {
            ++counts.fp;
            result.falsePredictions.append(m_predictions[std::size_t(pi)]);
        }
    }
    for (int ti = 0; ti < nt; ++ti) {
        if (!m_truthUsed[std::size_t(ti)] && !image.truth.at(m_truth[std::size_t(ti)]).ignore) {
            ++counts.fn;
            result.missedTruth.append(m_truth[std::size_t(ti)]);
        }
    }
    result.counts += counts;
    totals.counts += counts;
    if (m_averagePrecision)
        matchAsCoco(image, totals);
}

// The COCO evaluation's matching of one image and class (its evaluateImg), at all thresholds.
void ImageScorer::matchAsCoco(const EvalImage &image, ClassTotals &totals)
{
    const int nt = int(m_truth.size());
    const auto truthAt = [&](int ti) -> const EvalObject & {
        return image.truth.at(m_truth[std::size_t(ti)]);
    };
    // Predictions best score first (stable), at most 100; ground truth not ignored first.
    m_byScore.resize(m_predictions.size());
    std::iota(m_byScore.begin(), m_byScore.end(), 0);
    std::stable_sort(m_byScore.begin(), m_byScore.end(), [&](int a, int b) {
        return image.predictions.at(m_predictions[std::size_t(a)]).score.value_or(0)
            > image.predictions.at(m_predictions[std::size_t(b)]).score.value_or(0);
    });
    if (m_byScore.size() > std::size_t(AveragePrecision::kMaxPredictionsPerImage))
        m_byScore.resize(std::size_t(AveragePrecision::kMaxPredictionsPerImage));
    m_truthOrder.resize(std::size_t(nt));
    std::iota(m_truthOrder.begin(), m_truthOrder.end(), 0);
    std::stable_sort(m_truthOrder.begin(), m_truthOrder.end(),
                     [&](int a, int b) { return !truthAt(a).ignore && truthAt(b).ignore; });
    qint64 counted = 0;
    for (int ti = 0; ti < nt; ++ti)
        counted += truthAt(ti).ignore ? 0 : 1;

    m_outcomes.assign(m_byScore.size(), {});
    for (std::size_t k = 0; k < m_byScore.size(); ++k)
        m_outcomes[k].score =
            image.predictions.at(m_predictions[std::size_t(m_byScore[k])]).score.value_or(0);
    for (int t = 0; t < AveragePrecision::kThresholds; ++t) {
        const quint16 bit = quint16(1u << t);
        m_truthTaken.assign(std::size_t(nt), 0);
        for (std::size_t k = 0; k < m_byScore.size(); ++k) {
            const std::size_t row = std::size_t(m_byScore[k]) * std::size_t(nt);
            double best = std::min(AveragePrecision::threshold(t), 1 - 1e-10);
            int match = -1;
            for (const int g : m_truthOrder) {
                const EvalObject &truth = truthAt(g);
                if (m_truthTaken[std::size_t(g)] && !truth.crowd)
                    continue;
                // Past the objects that count, once one of them matched.
                if (match > -1 && !truthAt(match).ignore && truth.ignore)
                    break;
                if (m_overlap[row + std::size_t(g)] < best)
                    continue;
                best = m_overlap[row + std::size_t(g)];
                match = g;
            }
            if (match < 0)
                continue;
            m_outcomes[k].matched |= bit;
            if (truthAt(match).ignore)
                m_outcomes[k].ignored |= bit;
            m_truthTaken[std::size_t(match)] = 1;
        }
    }
    totals.precision.addImage(m_outcomes, counted);
}

bool everyPredictionScored(const QList<EvalImage> &images)
{
    bool any = false;
    for (const EvalImage &image : images) {
        for (const EvalObject &p : image.predictions) {
            if (!p.score)
                return false;
            any = true;
        }
    }
    return any;
}

} // namespace

Evaluator::Evaluator(LabelRule rule, double iouThreshold)
    : m_rule(std::move(rule)), m_threshold(iouThreshold)
{ }

double Evaluator::overlap(const EvalObject &prediction, const EvalObject &truth, bool *point)
{
    bool hit = false;
    const double o = overlapOf(shapeOf(prediction), shapeOf(truth), truth.crowd, hit);
    if (point)
        *point = hit;
    return o;
}

ImageEvaluation Evaluator::evaluate(const EvalImage &image) const
{
    std::vector<ClassTotals> classes;
    ClassIndex index(m_rule, classes);
    ImageScorer scorer(m_threshold, false);
    ImageEvaluation result;
    scorer.score(image, index, classes, result);
    return result;
}

SetEvaluation Evaluator::evaluate(const QList<EvalImage> &images) const
{
    std::vector<ClassTotals> classes;
    ClassIndex index(m_rule, classes);
    const bool withAp = everyPredictionScored(images);
    ImageScorer scorer(m_threshold, withAp);
    SetEvaluation set;
    set.iouThreshold = m_threshold;
    set.images.reserve(images.size());
    for (const EvalImage &image : images) {
        ImageEvaluation result;
        scorer.score(image, index, classes, result);
        set.overall += result.counts;
        set.images.append(std::move(result));
    }
    double ap50 = 0;
    double ap50to95 = 0;
    int withTruth = 0;
    for (ClassTotals &totals : classes) {
        LabelEvaluation label{totals.name, totals.counts, std::nullopt, std::nullopt};
        if (withAp && totals.precision.hasTruth()) {
            label.ap50 = totals.precision.at(0);
            label.ap50to95 = totals.precision.overThresholds();
            ap50 += *label.ap50;
            ap50to95 += *label.ap50to95;
            ++withTruth;
        }
        set.labels.append(label);
    }
    std::sort(set.labels.begin(), set.labels.end(),
              [](const LabelEvaluation &a, const LabelEvaluation &b) { return a.label < b.label; });
    if (withAp && withTruth > 0) {
        set.ap50 = ap50 / withTruth;
        set.ap50to95 = ap50to95 / withTruth;
    }
    return set;
}

} // namespace qvd
