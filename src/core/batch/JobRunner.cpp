#include "core/batch/JobRunner.h"

#include "core/batch/BatchFlow.h"
#include "core/batch/DirectFlow.h"
#include "core/batch/JobStore.h"

#include <QDir>

namespace qvd {

JobRunner::JobRunner(JobStore &store, QNetworkAccessManager *network, const JobLocation &location,
                     const JobTarget &target, const QString &jobId, const RunOptions &options,
                     QObject *parent)
    : QObject(parent),
      m_store(store),
      m_network(network),
      m_location(location),
      m_target(target),
      m_jobId(jobId),
      m_options(options)
{ }

JobRunner::~JobRunner()
{
    stop();
}

bool JobRunner::start(QString *error)
{
    const std::optional<BatchJob> job = m_store.job(m_jobId);
    if (!job) {
        if (error)
            *error =
                QCoreApplication::translate("qvd::JobRunner", "There is no job %1.").arg(m_jobId);
        return false;
    }
    QDir().mkpath(QDir(m_location.dataDir()).filePath(QStringLiteral("batch")));
    m_lock = std::make_unique<QLockFile>(
        QDir(m_location.dataDir()).filePath(QStringLiteral("batch/%1.lock").arg(m_jobId)));
    // A lock is never too old while its process lives; a dead process's lock is taken over.
    m_lock->setStaleLockTime(0);
    if (!m_lock->tryLock(0)) {
        if (error)
            *error =
                QCoreApplication::translate(
                    "qvd::JobRunner",
                    "Job %1 is being worked on by another window or command; try again when it "
                    "has finished.")
                    .arg(m_jobId.left(8));
        m_lock.reset();
        return false;
    }
    m_running = true;
    if (job->spec.mode == JobMode::Direct) {
        m_direct = new DirectFlow(m_store, m_network, m_target, m_jobId, m_options, this);
        connect(m_direct, &DirectFlow::progress, this, &JobRunner::progress);
        connect(m_direct, &DirectFlow::note, this, &JobRunner::note);
        connect(m_direct, &DirectFlow::finished, this, &JobRunner::onFinished);
        if (m_options.goal == RunGoal::Poll || m_options.goal == RunGoal::PollUntilEnded) {
            // Nothing runs on a server's side in direct mode: there is nothing to ask.
            QMetaObject::invokeMethod(
                this, [this] { onFinished(true, {}); }, Qt::QueuedConnection);
            return true;
        }
        m_direct->start();
    } else {
        m_batch = new BatchFlow(m_store, m_network, m_location, m_target, m_jobId, m_options, this);
        connect(m_batch, &BatchFlow::progress, this, &JobRunner::progress);
        connect(m_batch, &BatchFlow::note, this, &JobRunner::note);
        connect(m_batch, &BatchFlow::finished, this, &JobRunner::onFinished);
        m_batch->start();
    }
    return true;
}

void JobRunner::cancel()
{
    m_store.requestCancel(m_jobId);
    if (m_batch) {
        // The flow reads the flag at its next step.
        m_batch->stop();
        delete m_batch;
        m_batch = new BatchFlow(m_store, m_network, m_location, m_target, m_jobId, m_options, this);
        connect(m_batch, &BatchFlow::progress, this, &JobRunner::progress);
        connect(m_batch, &BatchFlow::note, this, &JobRunner::note);
        connect(m_batch, &BatchFlow::finished, this, &JobRunner::onFinished);
        m_batch->start();
    } else if (m_direct) {
        m_direct->stop();
        m_store.cancelPending(m_jobId);
        onFinished(true, {});
    }
    Q_EMIT progress();
}

void JobRunner::stop()
{
    if (m_batch)
        m_batch->stop();
    if (m_direct)
        m_direct->stop();
    m_running = false;
    if (m_lock)
        m_lock->unlock();
}

void JobRunner::onFinished(bool ok, const QString &error)
{
    if (!m_running)
        return;
    m_running = false;
    if (m_lock)
        m_lock->unlock();
    Q_EMIT finished(ok, error);
}

} // namespace qvd
