#pragma once

// How every bench in tests/bench states its goals: a figure next to a baseline measured in the
// same run, and a goal on their ratio (figure / baseline). Each goal prints one line
//   BENCH<TAB>figure<TAB>value<TAB>unit<TAB>baseline
//   name<TAB>baseline<TAB>ratio<TAB>goal<TAB>verdict
// which scripts/bench.sh gathers into its table; a missed goal fails the bench (non-zero exit).
//
// Environment:
//   QVD_BENCH_QUICK=1        small sizes and one round: every bench is run and its figures are
//                            checked for sanity (finite, positive), but no goal is judged, as
//                            timing on a shared CI machine means little (verdict "unjudged").
//   QVD_BENCH_GOAL_SCALE=f   every goal made f times as strict (f < 1) or as lax (f > 1): the
//                            runner's own test uses it to see a missed goal fail the run.

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QtGlobal>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>

namespace qvd::bench {

// Whether the figure should stay under the goal (times, memory) or over it (throughput).
enum class Better { Lower, Higher };

inline bool quick()
{
    return qEnvironmentVariableIntValue("QVD_BENCH_QUICK") != 0;
}

// `full` normally, `small` in quick mode: sizes and rounds.
template<typename T>
T pick(T full, T small)
{
    return quick() ? small : full;
}

inline double goalScale()
{
    bool ok = false;
    const double scale = qEnvironmentVariable("QVD_BENCH_GOAL_SCALE").toDouble(&ok);
    return ok && scale > 0 ? scale : 1.0;
}

// Prints the goal's line and says whether it holds: the figures must be finite and positive in
// every mode; the ratio is judged only outside quick mode.
inline bool report(const char *figure, double value, const char *unit, const char *baselineName,
                   double baseline, Better better, double goal)
{
    const bool sane = std::isfinite(value) && std::isfinite(baseline) && value > 0 && baseline > 0;
    const double ratio = sane ? value / baseline : 0;
    const double scaled = better == Better::Lower ? goal * goalScale() : goal / goalScale();
    const bool held = better == Better::Lower ? ratio <= scaled : ratio >= scaled;
    const char *verdict = !sane ? "insane" : quick() ? "unjudged" : held ? "met" : "MISSED";
    std::printf("BENCH\t%s\t%.4g\t%s\t%s\t%.4g\t%.3f\t%s%.3g\t%s\n", figure, value, unit,
                baselineName, baseline, ratio, better == Better::Lower ? "<=" : ">=", scaled,
                verdict);
    std::fflush(stdout);
    return sane && (quick() || held);
}

// Median of `runs` measurements of `work` by `clock` (milliseconds).
template<typename Clock, typename Work>
double median(int runs, Clock clock, Work work)
{
    QList<double> times;
    for (int i = 0; i < std::max(1, runs); ++i) {
        const double start = clock();
        work();
        times.append(clock() - start);
    }
    std::sort(times.begin(), times.end());
    return times.at(times.size() / 2);
}

inline double wallMs()
{
    static QElapsedTimer clock;
    if (!clock.isValid())
        clock.start();
    return double(clock.nsecsElapsed()) / 1e6;
}

// CPU time of the whole process (every thread), in milliseconds: on a shared machine it
// changes far less with the load than wall time does.
inline double processCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

// Median wall time of `runs` calls of `work`, in milliseconds.
template<typename Work>
double medianMs(int runs, Work work)
{
    return median(runs, wallMs, work);
}

// Median CPU time of `runs` calls of `work`, in milliseconds.
template<typename Work>
double medianCpuMs(int runs, Work work)
{
    return median(runs, processCpuMs, work);
}

} // namespace qvd::bench

// In a Qt Test function: reports the goal and fails the test function when it is missed.
#define QVD_BENCH_GOAL(figure, value, unit, baselineName, baseline, better, goal)                  \
    do {                                                                                           \
        const bool qvdGoalHeld =                                                                   \
            qvd::bench::report(figure, value, unit, baselineName, baseline, better, goal);         \
        QVERIFY2(qvdGoalHeld, "goal missed: " figure);                                             \
    } while (false)
