#include "core/batch/RateLimiter.h"

#include <algorithm>

namespace qvd {

namespace {
constexpr qint64 kWindowMs = 60'000;
}

RateLimiter::RateLimiter(int requestsPerMinute, qint64 tokensPerMinute)
    : m_requests(std::max(0, requestsPerMinute)), m_tokens(std::max<qint64>(0, tokensPerMinute))
{ }

void RateLimiter::expire(qint64 nowMs) const
{
    while (!m_window.empty() && m_window.front().at + kWindowMs <= nowMs) {
        m_tokensInWindow -= m_window.front().tokens;
        m_window.pop_front();
    }
}

qint64 RateLimiter::waitMs(qint64 nowMs, qint64 tokens) const
{
    expire(nowMs);
    // A request larger than the whole budget goes alone, once the window is empty.
    const qint64 wanted = m_tokens > 0 ? std::min(tokens, m_tokens) : 0;
    qint64 count = qint64(m_window.size());
    qint64 inWindow = m_tokensInWindow;
    qint64 wait = 0;
    for (const Entry &entry : m_window) {
        const bool requestsOk = m_requests == 0 || count < m_requests;
        const bool tokensOk = m_tokens == 0 || inWindow + wanted <= m_tokens;
        if (requestsOk && tokensOk)
            return wait;
        wait = entry.at + kWindowMs - nowMs;
        --count;
        inWindow -= entry.tokens;
    }
    return wait;
}

bool RateLimiter::tryAcquire(qint64 nowMs, qint64 tokens)
{
    if (waitMs(nowMs, tokens) > 0)
        return false;
    m_window.push_back({nowMs, tokens});
    m_tokensInWindow += tokens;
    return true;
}

} // namespace qvd
