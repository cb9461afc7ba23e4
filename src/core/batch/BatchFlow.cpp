#include "core/batch/BatchFlow.h"

#include "core/batch/BatchOutput.h"
#include "core/batch/HoldPoint.h"
#include "core/batch/JobLocation.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

#include <algorithm>

namespace qvd {

namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

bool syncToDisk(QFile &file)
{
    if (!file.flush())
        return false;
#ifdef Q_OS_UNIX
    return ::fsync(file.handle()) == 0;
#else
    return true;
#endif
}

QString errorCodeOf(const ApiError &error)
{
    if (!error.code.isEmpty())
        return error.code;
    return error.httpStatus > 0 ? QStringLiteral("http_%1").arg(error.httpStatus)
                                : QStringLiteral("network");
}

} // namespace

BatchFlow::BatchFlow(JobStore &store, QNetworkAccessManager *network, const JobLocation &location,
                     const JobTarget &target, const QString &jobId, const RunOptions &options,
                     QObject *parent)
    : QObject(parent),
      m_store(store),
      m_location(location),
      m_target(target),
      m_origin(JobStore::remoteOrigin(target.batchBaseUrl)),
      m_jobId(jobId),
      m_options(options),
      m_client(network, Endpoint{target.batchBaseUrl, target.apiKey, {}}, this)
{
    m_options.poll = m_options.poll.bounded();
    if (const std::optional<BatchJob> job = m_store.job(jobId)) {
        m_request = JobRequest::forJob(job->spec, target.model);
        m_completionWindow = job->spec.completionWindow;
    }
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &BatchFlow::next);
}

BatchFlow::~BatchFlow()
{
    stop();
}

void BatchFlow::start()
{
    scheduleNext();
}

void BatchFlow::stop()
{
    if (m_stopped)
        return;
    m_stopped = true;
    m_timer.stop();
    m_client.abortAll();
    if (m_writing) {
        // Quitting keeps what is prepared: the lines written so far are committed.
        commitLines();
        stopWriting();
    }
}

void BatchFlow::scheduleNext(qint64 delayMs)
{
    if (m_stopped || m_done)
        return;
    m_timer.start(int(std::clamp<qint64>(delayMs, 0, 24 * 3600 * 1000)));
}

void BatchFlow::stepDone()
{
    m_busy = false;
    m_retryDelayMs = 0;
    Q_EMIT progress();
    scheduleNext();
}

void BatchFlow::fail(const QString &error)
{
    if (m_done)
        return;
    m_done = true;
    m_busy = false;
    m_timer.stop();
    Q_EMIT finished(false, error);
}

void BatchFlow::succeed()
{
    if (m_done)
        return;
    const std::optional<BatchJob> job = m_store.job(m_jobId);
    QDir().rmdir(m_location.workFolder(m_jobId)); // only when empty
    m_done = true;
    Q_EMIT progress();
    if (job && !job->errorMessage.isEmpty() && !job->cancelRequested)
        Q_EMIT finished(false, job->errorMessage);
    else
        Q_EMIT finished(true, {});
}

bool BatchFlow::save(const BatchPart &part)
{
    const StorageError error = m_store.updatePart(part);
    if (error.isError()) {
        fail(error.userMessage());
        return false;
    }
    return true;
}

QString BatchFlow::describe(const ApiError &error) const
{
    const QString text = error.userMessage();
    return error.code.isEmpty() || text.contains(error.code)
        ? text
        : QStringLiteral("%1 (%2)").arg(text, error.code);
}

void BatchFlow::stepFailed(BatchPart part, const ApiError &error)
{
    part.lastError = describe(error);
    if (!save(part))
        return;
    m_busy = false;
    Q_EMIT progress();
    if (m_options.goal == RunGoal::Finish || m_options.goal == RunGoal::PollUntilEnded) {
        // The app keeps the job going: the same step again, later.
        m_retryDelayMs = std::clamp<qint64>(m_retryDelayMs * 2, 5000, 300000);
        Q_EMIT note(tr("%1 Trying again in %2 s.").arg(part.lastError).arg(m_retryDelayMs / 1000));
        scheduleNext(m_retryDelayMs);
        return;
    }
    fail(part.lastError);
}

void BatchFlow::next()
{
    if (m_busy || m_stopped || m_done)
        return;
    StorageError error;
    const std::optional<BatchJob> job = m_store.job(m_jobId, &error);
    if (!job) {
        fail(error.isError() ? error.userMessage() : tr("The job no longer exists."));
        return;
    }
    const bool cancelling = job->cancelRequested;
    if (cancelling)
        m_store.cancelPending(m_jobId);
    const QList<BatchPart> parts = m_store.parts(m_jobId);
    const bool pollOnly =
        m_options.goal == RunGoal::Poll || m_options.goal == RunGoal::PollUntilEnded;
    if (!pollOnly) {
        for (const BatchPart &part : parts) {
            if (runLocalStep(part, cancelling))
                return;
        }
        if (!cancelling && job->errorMessage.isEmpty()
            && !m_store.pendingItems(m_jobId, 1).isEmpty()) {
            BatchPart part;
            if (!m_location.makeWorkFolder(m_jobId)) {
                fail(tr("The work folder “%1” cannot be made.")
                         .arg(QDir::toNativeSeparators(m_location.workFolder(m_jobId))));
                return;
            }
            const StorageError created =
                m_store.createPart(m_jobId, m_location.workFolder(m_jobId), part);
            if (created.isError()) {
                fail(created.userMessage());
                return;
            }
            startWriting(part);
            return;
        }
    }
    QList<BatchPart> running;
    for (const BatchPart &part : parts) {
        if (part.state == PartState::Submitted)
            running.append(part);
    }
    if (running.isEmpty() || m_options.goal == RunGoal::Submit) {
        succeed();
        return;
    }
    if (cancelling) {
        for (const BatchPart &part : std::as_const(running)) {
            if (!m_cancelSent.contains(part.id) && part.batchStatus != u"cancelling"
                && part.batchStatus != u"cancelled") {
                cancelRemote(part);
                return;
            }
        }
    }
    const qint64 now = nowMs();
    const bool once = m_options.goal == RunGoal::Fetch || m_options.goal == RunGoal::Poll;
    qint64 earliest = std::numeric_limits<qint64>::max();
    for (const BatchPart &part : std::as_const(running)) {
        if (once && m_polledThisRun.contains(part.id))
            continue;
        if (part.nextPollAt <= now) {
            poll(part);
            return;
        }
        earliest = std::min(earliest, part.nextPollAt);
    }
    if (once) {
        if (earliest != std::numeric_limits<qint64>::max())
            Q_EMIT note(tr("The server is asked at most once a minute; the next status check is "
                           "due in %1 s.")
                            .arg((earliest - now + 999) / 1000));
        succeed();
        return;
    }
    scheduleNext(earliest - now);
}

bool BatchFlow::runLocalStep(BatchPart part, bool cancelling)
{
    switch (part.state) {
    case PartState::Writing:
    case PartState::Sealed:
        if (cancelling) {
            QFile::remove(part.path);
            const StorageError error = m_store.dropPart(part);
            if (error.isError())
                fail(error.userMessage());
            else
                scheduleNext();
            return true;
        }
        if (part.state == PartState::Writing)
            startWriting(part);
        else
            upload(part);
        return true;
    case PartState::Uploading:
        recoverUpload(part);
        return true;
    case PartState::Uploaded:
        if (cancelling) {
            const StorageError error = m_store.dropPart(part);
            if (error.isError())
                fail(error.userMessage());
            else
                scheduleNext();
            return true;
        }
        create(part, 1);
        return true;
    case PartState::Creating:
        recoverCreate(part);
        return true;
    case PartState::Ended:
        download(part);
        return true;
    case PartState::Downloaded:
        storeResults(part);
        return true;
    case PartState::Stored:
        clean(part);
        return true;
    case PartState::Dropped:
        if (m_store.remoteFiles(m_jobId, part.id, m_origin).isEmpty()
            && !QFileInfo::exists(part.path))
            return false;
        clean(part);
        return true;
    case PartState::Submitted:
    case PartState::Cleaned:
        return false;
    }
    return false;
}

// Preparing ---------------------------------------------------------------------------------

void BatchFlow::startWriting(const BatchPart &part)
{
    m_busy = true;
    m_writing = std::make_unique<Writing>();
    Writing &w = *m_writing;
    w.part = part;
    w.file = std::make_unique<QFile>(part.path);
    if (!w.file->open(QIODevice::ReadWrite)) {
        const QString message =
            tr("The batch file “%1” cannot be written: %2")
                .arg(QDir::toNativeSeparators(part.path), w.file->errorString());
        m_writing.reset();
        fail(message);
        return;
    }
    // Lines after the last commit belong to a run that was killed: their items are still
    // pending and are prepared again.
    if (w.file->size() < part.bytes) {
        m_writing.reset();
        fail(tr("The batch file “%1” is shorter than recorded; it was changed outside the app.")
                 .arg(QDir::toNativeSeparators(part.path)));
        return;
    }
    if (w.file->size() > part.bytes && !w.file->resize(part.bytes)) {
        m_writing.reset();
        fail(w.file->errorString());
        return;
    }
    w.file->seek(part.bytes);
    w.queue = m_store.pendingItems(m_jobId, -1);
    w.sinceCommit.start();
    Q_EMIT note(tr("Preparing %n image(s) for batch file %1…", nullptr, int(w.queue.size()))
                    .arg(part.number));
    pumpPreparation();
}

void BatchFlow::pumpPreparation()
{
    if (!m_writing || m_stopped || m_done)
        return;
    Writing &w = *m_writing;
    if (w.held)
        return;
    QThreadPool *pool = m_options.pool ? m_options.pool : QThreadPool::globalInstance();
    const int window = std::max(2, pool->maxThreadCount() * 2);
    while (w.running < window && !w.queue.isEmpty()) {
        const BatchItem item = w.queue.takeFirst();
        ++w.running;
        QtConcurrent::run(pool, [item, request = m_request, limits = m_options.limits] {
            return PreparedItem::forBatch(item, request, limits);
        }).then(this, [this](const PreparedItem &prepared) {
            // A preparation that ended before then() was attached runs its continuation right
            // here, inside this loop (Qt calls it directly on the context's thread), and could
            // finish the file under the loop's feet: it always waits for the event loop.
            QMetaObject::invokeMethod(
                this, [this, prepared] { onPrepared(prepared); }, Qt::QueuedConnection);
        });
    }
    if (w.running == 0 && w.queue.isEmpty())
        finishWriting();
}

void BatchFlow::onPrepared(const PreparedItem &prepared)
{
    if (!m_writing || m_stopped || m_done)
        return;
    Writing &w = *m_writing;
    --w.running;
    if (w.held)
        return;
    if (!prepared.ok) {
        w.failures.append(prepared.failure());
    } else {
        const qint64 size = prepared.line.size();
        const BatchLimits &limits = m_options.limits;
        if (w.part.lines > 0
            && (w.part.lines >= limits.maxLines || w.part.bytes + size > limits.maxFileBytes)
            && !rollPart())
            return;
        if (m_writing->file->write(prepared.line) != size) {
            fail(tr("The batch file “%1” cannot be written: %2")
                     .arg(QDir::toNativeSeparators(w.part.path), w.file->errorString()));
            return;
        }
        ++w.part.lines;
        w.part.bytes += size;
        w.lines.append(
            {prepared.itemId, w.part.lines, prepared.transform, prepared.estimatedTokens});
    }
    if (w.lines.size() + w.failures.size() >= m_options.commitItems
        || w.sinceCommit.elapsed() >= m_options.commitMs) {
        if (!commitLines())
            return;
    }
    pumpPreparation();
}

bool BatchFlow::commitLines()
{
    Writing &w = *m_writing;
    if (w.lines.isEmpty() && w.failures.isEmpty())
        return true;
    // The file first: the store never counts a line that is not on the disk.
    if (!syncToDisk(*w.file)) {
        fail(tr("The batch file “%1” cannot be written: %2")
                 .arg(QDir::toNativeSeparators(w.part.path), w.file->errorString()));
        return false;
    }
    const StorageError error = m_store.commitLines(w.part, w.lines, w.failures);
    if (error.isError()) {
        fail(error.userMessage());
        return false;
    }
    w.lines.clear();
    w.failures.clear();
    w.sinceCommit.restart();
    Q_EMIT progress();
    if (!w.queue.isEmpty() && holdsAt("preparing"))
        w.held = true;
    return true;
}

bool BatchFlow::rollPart()
{
    if (!commitLines())
        return false;
    Writing &w = *m_writing;
    w.file->close();
    w.part.state = PartState::Sealed;
    if (!save(w.part))
        return false;
    BatchPart next;
    const StorageError error = m_store.createPart(m_jobId, m_location.workFolder(m_jobId), next);
    if (error.isError()) {
        fail(error.userMessage());
        return false;
    }
    w.part = next;
    w.file = std::make_unique<QFile>(next.path);
    if (!w.file->open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        fail(tr("The batch file “%1” cannot be written: %2")
                 .arg(QDir::toNativeSeparators(next.path), w.file->errorString()));
        return false;
    }
    Q_EMIT note(tr("Batch file %1 is full; continuing in batch file %2.")
                    .arg(next.number - 1)
                    .arg(next.number));
    return true;
}

void BatchFlow::finishWriting()
{
    if (!commitLines())
        return;
    Writing &w = *m_writing;
    w.file->close();
    BatchPart part = w.part;
    m_writing.reset();
    if (part.lines == 0) {
        QFile::remove(part.path);
        part.state = PartState::Dropped;
    } else {
        part.state = PartState::Sealed;
    }
    if (save(part))
        stepDone();
}

void BatchFlow::stopWriting()
{
    if (!m_writing)
        return;
    m_writing->held = true;
    m_writing->queue.clear();
}

// Server steps ------------------------------------------------------------------------------

void BatchFlow::upload(BatchPart part)
{
    m_busy = true;
    part.state = PartState::Uploading;
    part.lastError.clear();
    if (!save(part))
        return;
    Q_EMIT note(tr("Uploading batch file %1 (%n line(s), %2)…", nullptr, part.lines)
                    .arg(part.number)
                    .arg(QLocale().formattedDataSize(part.bytes)));
    m_client.uploadFile(
        part.path, part.uploadName,
        [this, part](const RemoteFile &file, const std::optional<ApiError> &error) mutable {
            if (error) {
                if (error->kind == ApiError::Kind::HttpStatus) {
                    // The server answered: it did not keep the file.
                    part.state = PartState::Sealed;
                    if (error->httpStatus >= 400 && error->httpStatus < 500
                        && error->httpStatus != 429) {
                        refused(part, *error);
                        return;
                    }
                }
                stepFailed(part, *error);
                return;
            }
            const StorageError stored =
                m_store.addRemoteFile(m_jobId, part.id, m_origin, file.id, QStringLiteral("input"));
            if (stored.isError()) {
                fail(stored.userMessage());
                return;
            }
            part.inputFileId = file.id;
            part.state = PartState::Uploaded;
            if (save(part))
                stepDone();
        });
}

void BatchFlow::deleteAll(QStringList fileIds,
                          std::function<void(const std::optional<ApiError> &)> done)
{
    if (fileIds.isEmpty()) {
        done(std::nullopt);
        return;
    }
    const QString id = fileIds.takeFirst();
    m_client.deleteFile(id, [this, id, fileIds, done](const std::optional<ApiError> &error) {
        if (error) {
            done(error);
            return;
        }
        m_store.removeRemoteFile(m_origin, id);
        deleteAll(fileIds, done);
    });
}

void BatchFlow::recoverUpload(BatchPart part)
{
    m_busy = true;
    Q_EMIT note(tr("Checking whether batch file %1 reached the server…").arg(part.number));
    m_client.listFiles([this, part](const QList<RemoteFile> &files,
                                    const std::optional<ApiError> &error) mutable {
        if (error) {
            stepFailed(part, *error);
            return;
        }
        RemoteFile kept;
        QStringList extra;
        for (const RemoteFile &file : files) {
            if (file.filename != part.uploadName)
                continue;
            if (kept.id.isEmpty() && file.bytes == part.bytes && file.status != u"error")
                kept = file;
            else
                extra.append(file.id);
        }
        deleteAll(extra, [this, part, kept](const std::optional<ApiError> &deleteError) mutable {
            if (deleteError) {
                stepFailed(part, *deleteError);
                return;
            }
            if (kept.id.isEmpty()) {
                part.state = PartState::Sealed;
            } else {
                m_store.addRemoteFile(m_jobId, part.id, m_origin, kept.id, QStringLiteral("input"));
                part.inputFileId = kept.id;
                part.state = PartState::Uploaded;
            }
            if (save(part))
                stepDone();
        });
    });
}

void BatchFlow::create(BatchPart part, int attempt)
{
    m_busy = true;
    part.state = PartState::Creating;
    if (!save(part))
        return;
    m_client.createBatch(
        part.inputFileId, part.batchName, m_completionWindow,
        [this, part, attempt](const RemoteBatch &batch,
                              const std::optional<ApiError> &error) mutable {
            if (!error) {
                part.batchId = batch.id;
                part.batchStatus = batch.status;
                part.requestsTotal = batch.total;
                part.state = PartState::Submitted;
                part.lastError.clear();
                part.pollIntervalMs = m_options.poll.baseMs;
                part.nextPollAt = nowMs() + part.pollIntervalMs;
                const StorageError stored = m_store.markSubmitted(part);
                if (stored.isError()) {
                    fail(stored.userMessage());
                    return;
                }
                Q_EMIT note(
                    tr("Batch %1 created for batch file %2 (%n request(s)).", nullptr, part.lines)
                        .arg(batch.id)
                        .arg(part.number));
                stepDone();
                return;
            }
            if (error->kind == ApiError::Kind::HttpStatus && error->httpStatus == 429) {
                // Throttled: nothing was created.
                part.state = PartState::Uploaded;
                part.lastError = describe(*error);
                if (!save(part))
                    return;
                if (attempt >= m_options.createAttempts) {
                    stepFailed(part, *error);
                    return;
                }
                const qint64 backoff =
                    std::min<qint64>(m_options.retry.baseDelay.count() << std::min(attempt - 1, 10),
                                     m_options.retry.maxDelay.count());
                const qint64 delay = error->retryAfter.count() >= 0
                    ? std::max<qint64>(error->retryAfter.count(), 1)
                    : backoff;
                Q_EMIT note(tr("The server is busy (429); creating the batch again in %1 s.")
                                .arg((delay + 999) / 1000));
                QTimer::singleShot(std::chrono::milliseconds(delay), this, [this, part, attempt] {
                    if (!m_stopped && !m_done)
                        create(part, attempt + 1);
                });
                return;
            }
            if (error->kind == ApiError::Kind::HttpStatus && error->httpStatus >= 400
                && error->httpStatus < 500) {
                refused(part, *error);
                return;
            }
            // No answer, or a server error: the batch may exist; the next step looks it up.
            stepFailed(part, *error);
        });
}

void BatchFlow::recoverCreate(BatchPart part)
{
    m_busy = true;
    Q_EMIT note(tr("Checking whether the batch of batch file %1 was created…").arg(part.number));
    m_client.findBatches(part.batchName,
                         [this, part](const QList<RemoteBatch> &batches,
                                      const std::optional<ApiError> &error) mutable {
                             if (error) {
                                 stepFailed(part, *error);
                                 return;
                             }
                             for (const RemoteBatch &batch : batches) {
                                 if (batch.inputFileId != part.inputFileId)
                                     continue;
                                 part.batchId = batch.id;
                                 part.batchStatus = batch.status;
                                 part.requestsTotal = batch.total;
                                 part.state = PartState::Submitted;
                                 part.pollIntervalMs = m_options.poll.baseMs;
                                 part.nextPollAt = nowMs();
                                 const StorageError stored = m_store.markSubmitted(part);
                                 if (stored.isError()) {
                                     fail(stored.userMessage());
                                     return;
                                 }
                                 stepDone();
                                 return;
                             }
                             part.state = PartState::Uploaded;
                             if (save(part))
                                 stepDone();
                         });
}

void BatchFlow::refused(BatchPart part, const ApiError &error)
{
    const QString message =
        tr("The Batch API refused batch file %1: %2").arg(part.number).arg(describe(error));
    part.state = PartState::Dropped;
    part.lastError = message;
    if (!save(part))
        return;
    const StorageError stored = m_store.failJob(m_jobId, errorCodeOf(error), message);
    if (stored.isError()) {
        fail(stored.userMessage());
        return;
    }
    Q_EMIT note(message);
    stepDone();
}

void BatchFlow::poll(BatchPart part)
{
    m_busy = true;
    m_polledThisRun.insert(part.id);
    m_client.getBatch(
        part.batchId,
        [this, part](const RemoteBatch &batch, const std::optional<ApiError> &error) mutable {
            const qint64 now = nowMs();
            if (error && error->kind == ApiError::Kind::HttpStatus && error->httpStatus == 404) {
                // Batches are kept 30 days (batch-api.md §4): what it had done is lost.
                part.batchStatus = QStringLiteral("not_found");
                part.state = PartState::Ended;
                part.lastError = describe(*error);
                if (save(part))
                    stepDone();
                return;
            }
            if (error) {
                part.pollIntervalMs = m_options.poll.next(part.pollIntervalMs, false);
                part.nextPollAt = now + part.pollIntervalMs;
                stepFailed(part, *error);
                return;
            }
            const bool changed = batch.status != part.batchStatus
                || batch.completed != part.requestsCompleted || batch.failed != part.requestsFailed;
            part.batchStatus = batch.status;
            part.requestsTotal = batch.total;
            part.requestsCompleted = batch.completed;
            part.requestsFailed = batch.failed;
            part.errors = batch.errors;
            part.lastError.clear();
            part.pollIntervalMs = m_options.poll.next(part.pollIntervalMs, changed);
            part.nextPollAt = now + part.pollIntervalMs;
            if (batch.hasEnded()) {
                part.outputFileId = batch.outputFileId;
                part.errorFileId = batch.errorFileId;
                // Recorded before the part moves on, so they are deleted even after a crash.
                if (!batch.outputFileId.isEmpty())
                    m_store.addRemoteFile(m_jobId, part.id, m_origin, batch.outputFileId,
                                          QStringLiteral("output"));
                if (!batch.errorFileId.isEmpty())
                    m_store.addRemoteFile(m_jobId, part.id, m_origin, batch.errorFileId,
                                          QStringLiteral("error"));
                part.state = PartState::Ended;
            }
            if (!save(part))
                return;
            Q_EMIT note(tr("Batch %1: %2, %3 of %4 requests done, %5 failed.")
                            .arg(part.batchId, batch.status)
                            .arg(batch.completed)
                            .arg(batch.total)
                            .arg(batch.failed));
            stepDone();
        });
}

void BatchFlow::cancelRemote(BatchPart part)
{
    m_busy = true;
    m_cancelSent.insert(part.id);
    Q_EMIT note(tr("Cancelling batch %1…").arg(part.batchId));
    m_client.cancelBatch(
        part.batchId,
        [this, part](const RemoteBatch &batch, const std::optional<ApiError> &error) mutable {
            if (error) {
                // It may have ended meanwhile: the next status check tells.
                part.lastError = describe(*error);
            } else {
                part.batchStatus = batch.status;
                part.lastError.clear();
            }
            part.nextPollAt = nowMs() + m_options.poll.baseMs;
            if (save(part))
                stepDone();
        });
}

void BatchFlow::download(BatchPart part)
{
    m_busy = true;
    const QString folder = m_location.workFolder(m_jobId);
    const QString stem = QFileInfo(part.path).completeBaseName();
    QString *target = nullptr;
    QString fileId;
    QString path;
    if (!part.outputFileId.isEmpty() && part.outputPath.isEmpty()) {
        fileId = part.outputFileId;
        path = QDir(folder).filePath(stem + QStringLiteral("-output.jsonl"));
        target = &part.outputPath;
    } else if (!part.errorFileId.isEmpty() && part.errorPath.isEmpty()) {
        fileId = part.errorFileId;
        path = QDir(folder).filePath(stem + QStringLiteral("-errors.jsonl"));
        target = &part.errorPath;
    }
    if (!target) {
        part.state = PartState::Downloaded;
        if (save(part))
            stepDone();
        return;
    }
    if (!m_location.makeWorkFolder(m_jobId)) {
        fail(tr("The work folder “%1” cannot be made.").arg(QDir::toNativeSeparators(folder)));
        return;
    }
    const bool output = target == &part.outputPath;
    Q_EMIT note(output ? tr("Downloading the results of batch %1…").arg(part.batchId)
                       : tr("Downloading the errors of batch %1…").arg(part.batchId));
    m_client.downloadFile(fileId, path,
                          [this, part, path, output](const std::optional<ApiError> &error) mutable {
                              if (error) {
                                  stepFailed(part, *error);
                                  return;
                              }
                              (output ? part.outputPath : part.errorPath) = path;
                              if (!save(part))
                                  return;
                              m_busy = false;
                              download(part);
                          });
}

void BatchFlow::storeResults(BatchPart part)
{
    m_busy = true;
    ItemFilter filter;
    filter.partId = part.id;
    filter.state = ItemState::Submitted;
    QHash<qint64, ImageTransform> transforms;
    QHash<int, qint64> byLine;
    for (const BatchItem &item : m_store.items(m_jobId, filter)) {
        transforms.insert(item.id, item.transform);
        byLine.insert(item.line, item.id);
    }
    QThreadPool *pool = m_options.pool ? m_options.pool : QThreadPool::globalInstance();
    const QStringList paths{part.outputPath, part.errorPath};
    Q_EMIT note(tr("Reading the answers of batch %1…").arg(part.batchId));
    QtConcurrent::run(pool, [paths, transforms, model = m_target.model] {
        return BatchOutput::read(paths, transforms, model);
    }).then(this, [this, part, byLine](QList<ItemResult> results) mutable {
        if (m_stopped || m_done || holdsAt("parsing"))
            return;
        QSet<qint64> answered;
        for (const ItemResult &result : std::as_const(results))
            answered.insert(result.itemId);
        // Validation errors name lines of the input file: shown on their items.
        for (const BatchLineError &lineError : std::as_const(part.errors)) {
            const qint64 id = byLine.value(lineError.line);
            if (id == 0 || answered.contains(id))
                continue;
            ItemResult failure;
            failure.itemId = id;
            failure.errorCode = lineError.code;
            failure.errorMessage = tr("Line %1 of batch file %2: %3")
                                       .arg(lineError.line)
                                       .arg(part.number)
                                       .arg(lineError.message);
            results.append(failure);
            answered.insert(id);
        }
        ItemState missingState = ItemState::Failed;
        QString code;
        QString message;
        const QString &status = part.batchStatus;
        if (status == u"expired") {
            code = QStringLiteral("expired");
            message = tr("The batch expired before this image was answered; retry it as a new "
                         "batch.");
        } else if (status == u"cancelled") {
            missingState = ItemState::Cancelled;
            code = QStringLiteral("cancelled");
            message = tr("The batch was cancelled before this image was answered.");
        } else if (status == u"failed") {
            code = QStringLiteral("batch_failed");
            message = part.errors.isEmpty()
                ? tr("The batch failed before it ran.")
                : tr("The batch failed before it ran: %1").arg(part.errors.first().message);
        } else if (status == u"not_found") {
            code = QStringLiteral("batch_not_found");
            message = tr("The batch is no longer on the server; its answers are lost.");
        } else {
            code = QStringLiteral("no_result");
            message = tr("The batch ended without an answer for this image.");
        }
        part.state = PartState::Stored;
        const StorageError stored =
            m_store.storePartResults(part, results, missingState, code, message);
        if (stored.isError()) {
            fail(stored.userMessage());
            return;
        }
        // A model the Batch API does not take fails the whole job, with the server's code.
        for (const BatchLineError &lineError : std::as_const(part.errors)) {
            if (lineError.code == u"model_not_found" || lineError.code == u"mismatched_model") {
                m_store.failJob(m_jobId, lineError.code,
                                tr("The Batch API does not take the model %1 (%2): %3")
                                    .arg(m_target.model.id, lineError.code, lineError.message));
                break;
            }
        }
        stepDone();
    });
}

void BatchFlow::clean(BatchPart part)
{
    m_busy = true;
    deleteAll(m_store.remoteFiles(m_jobId, part.id, m_origin),
              [this, part](const std::optional<ApiError> &error) mutable {
                  if (error) {
                      stepFailed(part, *error);
                      return;
                  }
                  for (const QString &path : {part.path, part.outputPath, part.errorPath}) {
                      if (!path.isEmpty())
                          QFile::remove(path);
                  }
                  if (part.state == PartState::Stored)
                      part.state = PartState::Cleaned;
                  if (save(part))
                      stepDone();
              });
}

} // namespace qvd
