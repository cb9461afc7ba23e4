#include "core/eval/AveragePrecision.h"

#include <algorithm>
#include <array>
#include <limits>

namespace qvd {

namespace {

constexpr int kRecallPoints = 101;

// numpy.linspace(start, stop, num): start + i·step with step = (stop - start) / (num - 1),
// and exactly `stop` as the last value.
double linspace(double start, double stop, int num, int index)
{
    if (index == num - 1)
        return stop;
    const double step = (stop - start) / double(num - 1);
    return double(index) * step + start;
}

} // namespace

double AveragePrecision::threshold(int index)
{
    return linspace(0.5, 0.95, kThresholds, index);
}

void AveragePrecision::addImage(const std::vector<Outcome> &outcomes, qint64 truthCount)
{
    m_outcomes.insert(m_outcomes.end(), outcomes.begin(), outcomes.end());
    m_truth += truthCount;
    m_sorted = m_outcomes.size() <= 1;
}

void AveragePrecision::sortOnce() const
{
    if (m_sorted)
        return;
    // Stable: equal scores stay in image order, then in each image's order.
    std::stable_sort(m_outcomes.begin(), m_outcomes.end(),
                     [](const Outcome &a, const Outcome &b) { return a.score > b.score; });
    m_sorted = true;
}

double AveragePrecision::at(int index) const
{
    sortOnce();
    const quint16 bit = quint16(1u << index);
    const std::size_t n = m_outcomes.size();
    std::vector<double> recall(n);
    std::vector<double> precision(n);
    double tp = 0;
    double fp = 0;
    const double epsilon = std::numeric_limits<double>::epsilon(); // numpy.spacing(1)
    for (std::size_t i = 0; i < n; ++i) {
        const Outcome &o = m_outcomes[i];
        if (!(o.ignored & bit)) {
            if (o.matched & bit)
                tp += 1;
            else
                fp += 1;
        }
        recall[i] = tp / double(m_truth);
        precision[i] = tp / (fp + tp + epsilon);
    }
    // The precision envelope: at each point the best precision at any higher recall.
    for (std::size_t i = n; i-- > 1;) {
        if (precision[i] > precision[i - 1])
            precision[i - 1] = precision[i];
    }
    double sum = 0;
    for (int r = 0; r < kRecallPoints; ++r) {
        const double level = linspace(0.0, 1.0, kRecallPoints, r);
        // The first point whose recall reaches the level (numpy.searchsorted, side left).
        const auto reached = std::lower_bound(recall.begin(), recall.end(), level);
        if (reached == recall.end())
            break; // the rest stay 0
        sum += precision[std::size_t(reached - recall.begin())];
    }
    return sum / kRecallPoints;
}

double AveragePrecision::overThresholds() const
{
    double sum = 0;
    for (int t = 0; t < kThresholds; ++t)
        sum += at(t);
    return sum / kThresholds;
}

} // namespace qvd
