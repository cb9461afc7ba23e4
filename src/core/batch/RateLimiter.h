#pragma once

#include <QtGlobal>

#include <deque>

namespace qvd {

// Requests and tokens per minute over a sliding window of the last 60 seconds. Times are
// milliseconds of a monotonic clock given by the caller, so the rule is tested without waiting.
class RateLimiter
{
public:
    // 0 means no limit.
    RateLimiter(int requestsPerMinute, qint64 tokensPerMinute);

    // Whether a request of `tokens` may start at `nowMs`; if so it is counted.
    bool tryAcquire(qint64 nowMs, qint64 tokens);
    // How long until a request of `tokens` could start (0: now).
    qint64 waitMs(qint64 nowMs, qint64 tokens) const;

private:
    struct Entry
    {
        qint64 at;
        qint64 tokens;
    };
    void expire(qint64 nowMs) const;

    int m_requests;
    qint64 m_tokens;
    mutable std::deque<Entry> m_window;
    mutable qint64 m_tokensInWindow = 0;
};

} // namespace qvd
