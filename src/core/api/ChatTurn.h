#pragma once

#include "core/api/ApiError.h"
#include "core/api/ChatRequest.h"
#include "core/api/SseParser.h"
#include "core/settings/ReplyLimits.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>
#include <functional>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace qvd {

class ChatBackend;

// One request and its answer (docs/architecture.md step 4). Streams deltas, ends with exactly one
// of finished() or failed(). Retries only retryable failures, and never once output was shown.
class ChatTurn : public QObject
{
    Q_OBJECT

public:
    struct RetryPolicy
    {
        int maxAttempts = 4; // including the first
        std::chrono::milliseconds baseDelay{1000}; // doubled per attempt
        std::chrono::milliseconds maxDelay{16000};
        // A server that asks for a longer wait (Retry-After) gets no retry: the person decides.
        std::chrono::milliseconds maxRetryAfter{60000};
        // Uniform in [0, 1) for the jitter; QRandomGenerator::global() when empty.
        std::function<double()> random;
    };

    // `network` and `backend` must outlive the turn; the turn owns neither.
    ChatTurn(QNetworkAccessManager *network, const ChatBackend *backend, const ChatRequest &request,
             QObject *parent = nullptr);
    ~ChatTurn() override;

    void setRetryPolicy(const RetryPolicy &policy) { m_policy = policy; }
    // No byte for this long → Timeout, partial text kept. Zero turns it off. Default 90 s.
    // A non-streamed request sends nothing until its answer is whole, which DashScope cuts at
    // 180 s (docs/dashscope-protocol.md §8.1): it waits at least kNonStreamedWait.
    void setStallTimeout(std::chrono::milliseconds timeout) { m_stallTimeout = timeout; }
    static constexpr std::chrono::milliseconds kNonStreamedWait{190000};
    // Bounds on the reply's size and the request's duration; past one the turn fails with
    // Kind::LimitExceeded, keeping the text so far. Set before start().
    void setLimits(const ReplyLimits &limits);

    void start();
    // Stops the answer: finished() follows with state Interrupted and the text so far.
    void cancel();

    bool isRunning() const { return m_running; }
    // The answer so far; after failed() it holds the partial text with state Failed.
    const Message &answer() const { return m_answer; }
    int attempts() const { return m_attempt; }

Q_SIGNALS:
    // The response head of an attempt arrived (before any body byte).
    void responseStarted(int httpStatus);
    // New text, in order: that of all the events one read from the network completed (at most
    // 64 KiB of them), joined; always before finished() or failed().
    void delta(const QString &text, const QString &reasoning);
    // How much of the request body is sent (QNetworkReply::uploadProgress); total -1 if unknown.
    void uploadProgress(qint64 sent, qint64 total);
    void retrying(int nextAttempt, qint64 delayMs, const qvd::ApiError &error);
    void finished(const qvd::Message &answer);
    void failed(const qvd::ApiError &error);

private:
    void sendAttempt();
    void onMetaData();
    void readMetaData();
    void onReadyRead();
    void readSlice();
    void onFinished();
    void finishReply();
    void consume(const QByteArray &bytes);
    bool handleEvents(const QList<SseEvent> &events);
    bool apply(const ChatChunk &chunk);
    void flushDelta();
    void completeBody();
    void abortWith(const ApiError &error);
    void stopReply();
    void fail(ApiError error);
    void succeed();
    std::optional<std::chrono::milliseconds> retryDelay(const ApiError &error) const;
    ApiError httpError(QNetworkReply *reply, int status) const;
    ApiError transportError(QNetworkReply *reply) const;
    void restartStallTimer();
    bool withinAnswerLimit(const ChatChunk &chunk);

    QNetworkAccessManager *m_network;
    const ChatBackend *m_backend;
    ChatRequest m_request;
    QByteArray m_body;
    RetryPolicy m_policy;
    std::chrono::milliseconds m_stallTimeout{90000};
    ReplyLimits m_limits;

    QPointer<QNetworkReply> m_reply;
    QTimer m_stallTimer;
    QTimer m_retryTimer;
    QTimer m_deadlineTimer; // the whole turn, retries included
    qint64 m_answerBytes = 0; // UTF-8 size of the answer's text and reasoning
    QString m_pendingText; // of the events being handled, announced together
    QString m_pendingReasoning;
    SseParser m_parser;
    Message m_answer;
    QByteArray m_buffer; // error body, or a non-streamed reply
    int m_attempt = 0;
    int m_status = 0;
    bool m_eventStream = false;
    bool m_receivedBody = false; // a body byte of this attempt arrived
    bool m_emitted = false; // output was shown: never retry after this
    bool m_streamDone = false;
    bool m_cutByServer = false; // x-dashscope-partialresponse: true
    bool m_running = false;
};

} // namespace qvd
