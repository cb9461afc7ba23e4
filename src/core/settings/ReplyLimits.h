#pragma once

#include <QtGlobal>

#include <chrono>

namespace qvd {

// How large a server's reply may grow and how long one request may take, whatever the server
// sends. Past a limit the request ends with a clear error, keeping the text received so far.
// The answer size and the deadline are the person's to change (Settings::replyLimits()).
struct ReplyLimits
{
    static constexpr qint64 kMiB = 1024 * 1024;

    qint64 maxEventBytes = 8 * kMiB; // one line or event of a stream
    qint64 maxAnswerBytes = 4 * kMiB; // the answer's text and reasoning, as UTF-8
    qint64 maxBodyBytes = 16 * kMiB; // a reply that is not streamed
    // The whole request, retries included, however steadily bytes arrive; zero turns it off.
    std::chrono::milliseconds deadline = std::chrono::minutes(30);
};

} // namespace qvd
