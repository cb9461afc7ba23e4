#pragma once

#include "core/api/ApiError.h"
#include "core/api/ChatBackend.h"
#include "core/batch/ItemPreparation.h"
#include "core/batch/JobTarget.h"
#include "core/batch/RateLimiter.h"
#include "core/batch/RunOptions.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace qvd {

class ChatTurn;
class JobStore;

// Direct mode, for servers without a Batch API (or when the answers are wanted now): one
// ordinary chat request per image, `concurrency` at a time, within the job's requests and
// tokens per minute, each retried with backoff on 429 and 5xx by ChatTurn. Images are prepared
// on every core a little ahead of the requests, never the whole folder at once. Answers are
// stored in small groups (RunOptions::directCommitMs); a request whose answer was stored is
// never sent again, one cut off by a crash is sent again when the job resumes.
class DirectFlow : public QObject
{
    Q_OBJECT

public:
    DirectFlow(JobStore &store, QNetworkAccessManager *network, const JobTarget &target,
               const QString &jobId, const RunOptions &options, QObject *parent = nullptr);
    ~DirectFlow() override;

    void start();
    // Stops now, keeping what was answered; unanswered items stay to be sent.
    void stop();

Q_SIGNALS:
    void progress();
    void note(const QString &text);
    void finished(bool ok, const QString &error);

private:
    void pump();
    void onPrepared(const PreparedItem &item);
    void trySend();
    void send(const PreparedItem &item);
    void onTurnEnded(ChatTurn *turn, const std::optional<ApiError> &failure);
    void flush();
    void checkCancel();
    void finish(bool ok, const QString &error);

    JobStore &m_store;
    QNetworkAccessManager *m_network;
    JobTarget m_target;
    QString m_jobId;
    RunOptions m_options;
    JobRequest m_request;
    int m_concurrency = 4;
    qint64 m_promptTokens = 0;
    std::unique_ptr<ChatBackend> m_backend;
    RateLimiter m_limiter;
    QElapsedTimer m_clock;
    QTimer m_commitTimer;
    QTimer m_rateTimer;

    struct InFlight
    {
        qint64 itemId = 0;
        ImageTransform transform;
    };
    QList<BatchItem> m_queue;
    int m_preparing = 0;
    QList<PreparedItem> m_ready;
    QHash<ChatTurn *, InFlight> m_turns;
    QList<ItemResult> m_results;
    int m_answered = 0;
    int m_total = 0;
    bool m_stopped = false;
    bool m_done = false;
    QString m_fatal; // an error that stops the job (the key was refused)
};

} // namespace qvd
