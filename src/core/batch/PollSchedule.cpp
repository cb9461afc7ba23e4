#include "core/batch/PollSchedule.h"

#include <QString>

#include <algorithm>

namespace qvd {

qint64 PollSchedule::minimumMs()
{
    bool ok = false;
    const qint64 fromEnvironment = qEnvironmentVariable("QVD_BATCH_MIN_POLL_MS").toLongLong(&ok);
    return ok && fromEnvironment >= 0 ? fromEnvironment : 60'000;
}

PollSchedule PollSchedule::bounded() const
{
    PollSchedule schedule = *this;
    schedule.baseMs = std::max(baseMs, minimumMs());
    schedule.maxMs = std::max(maxMs, schedule.baseMs);
    return schedule;
}

qint64 PollSchedule::next(qint64 lastMs, bool changed) const
{
    if (changed || lastMs <= 0)
        return baseMs;
    return std::min<qint64>(maxMs, std::max<qint64>(baseMs, qint64(double(lastMs) * factor)));
}

} // namespace qvd
