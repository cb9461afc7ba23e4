#pragma once

#include <QtGlobal>

namespace qvd {

// How often a running batch is asked for its status: no more than once a minute, with backoff
// while nothing changes (batch-api.md §4: "Poll no more than once a minute, with backoff").
struct PollSchedule
{
    qint64 baseMs = 60'000; // the first wait, and the wait after a change
    qint64 maxMs = 600'000;
    double factor = 1.5;

    // The floor every interval keeps: one minute, lowered only by the environment variable
    // QVD_BATCH_MIN_POLL_MS, which the test suite sets to run a batch in seconds.
    static qint64 minimumMs();
    // `baseMs` at least minimumMs(), `maxMs` at least `baseMs`.
    PollSchedule bounded() const;
    // The wait after a poll that found the status `changed` or not, given the last wait.
    qint64 next(qint64 lastMs, bool changed) const;
};

} // namespace qvd
