#include "core/batch/DirectFlow.h"

#include "core/api/BackendFactory.h"
#include "core/api/ChatTurn.h"
#include "core/batch/BatchOutput.h"
#include "core/batch/CostEstimate.h"
#include "core/batch/JobStore.h"

#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace qvd {

DirectFlow::DirectFlow(JobStore &store, QNetworkAccessManager *network, const JobTarget &target,
                       const QString &jobId, const RunOptions &options, QObject *parent)
    : QObject(parent),
      m_store(store),
      m_network(network),
      m_target(target),
      m_jobId(jobId),
      m_options(options),
      m_backend(makeBackend(target.effective, target.apiKey)),
      m_limiter(0, 0)
{
    if (const std::optional<BatchJob> job = m_store.job(jobId)) {
        m_request = JobRequest::forJob(job->spec, target.model);
        m_concurrency = std::max(1, job->spec.concurrency);
        m_limiter = RateLimiter(job->spec.requestsPerMinute, job->spec.tokensPerMinute);
    }
    m_promptTokens = CostEstimate::promptTokenEstimate(m_request.prompt);
    m_commitTimer.setSingleShot(true);
    connect(&m_commitTimer, &QTimer::timeout, this, &DirectFlow::flush);
    m_rateTimer.setSingleShot(true);
    connect(&m_rateTimer, &QTimer::timeout, this, &DirectFlow::trySend);
}

DirectFlow::~DirectFlow()
{
    stop();
}

void DirectFlow::start()
{
    m_clock.start();
    m_queue = m_store.pendingItems(m_jobId, -1);
    m_total = int(m_queue.size());
    if (m_total > 0)
        Q_EMIT note(tr("Sending %n image(s), %1 at a time…", nullptr, m_total).arg(m_concurrency));
    QMetaObject::invokeMethod(this, &DirectFlow::pump, Qt::QueuedConnection);
}

void DirectFlow::stop()
{
    if (m_stopped)
        return;
    m_stopped = true;
    m_queue.clear();
    m_ready.clear();
    m_rateTimer.stop();
    const auto turns = m_turns.keys();
    for (ChatTurn *turn : turns) {
        turn->disconnect(this);
        turn->cancel();
        turn->deleteLater();
    }
    m_turns.clear();
    flush();
}

void DirectFlow::finish(bool ok, const QString &error)
{
    if (m_done)
        return;
    flush();
    m_done = true;
    Q_EMIT progress();
    Q_EMIT finished(ok, error);
}

void DirectFlow::pump()
{
    if (m_stopped || m_done)
        return;
    QThreadPool *pool = m_options.pool ? m_options.pool : QThreadPool::globalInstance();
    // Enough prepared ahead to keep every connection and core busy, no more.
    const int ahead = m_concurrency + pool->maxThreadCount() * 2;
    while (!m_queue.isEmpty() && m_preparing + m_ready.size() < ahead) {
        const BatchItem item = m_queue.takeFirst();
        ++m_preparing;
        QtConcurrent::run(pool, [item, request = m_request] {
            return PreparedItem::forDirect(item, request);
        }).then(this, [this](const PreparedItem &prepared) { onPrepared(prepared); });
    }
    trySend();
}

void DirectFlow::onPrepared(const PreparedItem &prepared)
{
    --m_preparing;
    if (m_stopped || m_done)
        return;
    if (!prepared.ok) {
        m_results.append(prepared.failure());
        ++m_answered;
        if (!m_commitTimer.isActive())
            m_commitTimer.start(m_options.directCommitMs);
    } else {
        m_ready.append(prepared);
    }
    pump();
}

void DirectFlow::trySend()
{
    if (m_stopped || m_done)
        return;
    while (m_turns.size() < m_concurrency && !m_ready.isEmpty()) {
        const qint64 tokens = m_ready.first().estimatedTokens + m_promptTokens;
        const qint64 now = m_clock.elapsed();
        if (!m_limiter.tryAcquire(now, tokens)) {
            m_rateTimer.start(int(std::max<qint64>(1, m_limiter.waitMs(now, tokens))));
            return;
        }
        send(m_ready.takeFirst());
    }
    if (m_turns.isEmpty() && m_ready.isEmpty() && m_preparing == 0 && m_queue.isEmpty())
        finish(m_fatal.isEmpty(), m_fatal);
}

void DirectFlow::send(const PreparedItem &item)
{
    ChatRequest request = m_request.chatRequest(
        item.image, ChatRequest::mustStream(m_request.model, m_request.parameters));
    auto *turn = new ChatTurn(m_network, m_backend.get(), request, this);
    turn->setRetryPolicy(m_options.retry);
    m_turns.insert(turn, InFlight{item.itemId, item.transform});
    connect(turn, &ChatTurn::finished, this, [this, turn] { onTurnEnded(turn, std::nullopt); });
    connect(turn, &ChatTurn::failed, this,
            [this, turn](const ApiError &error) { onTurnEnded(turn, error); });
    connect(turn, &ChatTurn::retrying, this,
            [this](int attempt, qint64 delayMs, const ApiError &error) {
                Q_EMIT note(tr("%1 Trying again in %2 s (attempt %3).")
                                .arg(error.userMessage())
                                .arg((delayMs + 999) / 1000)
                                .arg(attempt));
            });
    turn->start();
}

void DirectFlow::onTurnEnded(ChatTurn *turn, const std::optional<ApiError> &failure)
{
    const InFlight flight = m_turns.take(turn);
    turn->deleteLater();
    if (m_stopped || m_done)
        return;
    const Message &answer = turn->answer();
    if (!failure && answer.state == Message::State::Complete) {
        m_results.append(groundAnswer(flight.itemId, answer.text, answer.usage, m_target.model,
                                      flight.transform));
    } else if (!failure) {
        // Cut by the server's time limit: the boxes so far are not the whole answer.
        ItemResult cut;
        cut.itemId = flight.itemId;
        cut.errorCode = QStringLiteral("cut_by_server");
        cut.errorMessage = tr("The server stopped the answer at its time limit; retry the image.");
        m_results.append(cut);
    } else {
        const ApiError &error = *failure;
        const ApiError::Category category = error.category();
        if (category == ApiError::Category::Auth || category == ApiError::Category::Permission) {
            // Every request would be refused alike: stop, leaving the images to send.
            m_fatal = error.userMessage();
            m_queue.clear();
            m_ready.clear();
            Q_EMIT note(m_fatal);
        } else {
            ItemResult failed;
            failed.itemId = flight.itemId;
            failed.errorCode = error.code.isEmpty() && error.httpStatus > 0
                ? QStringLiteral("http_%1").arg(error.httpStatus)
                : (error.code.isEmpty() ? QStringLiteral("network") : error.code);
            failed.errorMessage = error.userMessage();
            m_results.append(failed);
        }
    }
    ++m_answered;
    if (!m_commitTimer.isActive())
        m_commitTimer.start(m_options.directCommitMs);
    pump();
}

void DirectFlow::flush()
{
    m_commitTimer.stop();
    if (!m_results.isEmpty()) {
        const StorageError error = m_store.storeResults(m_results);
        m_results.clear();
        if (error.isError()) {
            stop();
            finish(false, error.userMessage());
            return;
        }
        Q_EMIT progress();
        Q_EMIT note(tr("%1 of %2 images answered.").arg(m_answered).arg(m_total));
    }
    checkCancel();
}

void DirectFlow::checkCancel()
{
    if (m_stopped || m_done)
        return;
    // `batch cancel` from another process, or the app's Cancel.
    const std::optional<BatchJob> job = m_store.job(m_jobId);
    if (job && job->cancelRequested) {
        stop();
        m_store.cancelPending(m_jobId);
        finish(true, {});
    }
}

} // namespace qvd
