#include "ui/batch/BatchJobs.h"

#include "core/batch/JobRunner.h"
#include "core/batch/JobTarget.h"
#include "core/batch/PollSchedule.h"
#include "core/settings/Settings.h"
#include "ui/AppContext.h"

#include <QDir>
#include <QPointer>

namespace qvd {

BatchJobs::BatchJobs(AppContext &context, QObject *parent)
    : QObject(parent), m_context(context), m_location(JobLocation::standard())
{ }

BatchJobs::~BatchJobs()
{
    // Runs stop where they are (each job resumes from its store the next time), and go before
    // the store they write to.
    for (JobRunner *runner : std::as_const(m_runners))
        runner->stop();
    qDeleteAll(m_runners);
    m_runners.clear();
}

bool BatchJobs::open(QString *error)
{
    if (m_store.isOpen())
        return true;
    QDir().mkpath(m_location.dataDir());
    const StorageError opened = m_store.open(m_location.databasePath());
    if (opened.isError()) {
        if (error)
            *error = opened.userMessage();
        return false;
    }
    return true;
}

bool BatchJobs::isRunning(const QString &jobId) const
{
    const JobRunner *runner = m_runners.value(jobId);
    return runner && runner->isRunning();
}

void BatchJobs::setMessage(const QString &jobId, const QString &text)
{
    m_messages.insert(jobId, text);
    Q_EMIT changed(jobId);
}

void BatchJobs::run(const QString &jobId)
{
    if (isRunning(jobId))
        return;
    const std::optional<BatchJob> job = m_store.job(jobId);
    if (!job)
        return;
    QString error;
    const std::optional<JobTarget> target =
        JobTarget::resolve(*m_context.settings, *m_context.models, job->spec, &error);
    if (!target) {
        setMessage(jobId, error);
        return;
    }
    setMessage(jobId, tr("Looking up the key…"));
    QPointer<BatchJobs> self(this);
    JobTarget::lookupKey(*m_context.keys, *target,
                         [self, jobId](const JobTarget &found, const QString &keyError) {
                             if (!self)
                                 return;
                             if (!keyError.isEmpty())
                                 self->setMessage(jobId, keyError);
                             else
                                 self->start(jobId, found);
                         });
}

void BatchJobs::start(const QString &jobId, const JobTarget &target)
{
    if (isRunning(jobId))
        return;
    delete m_runners.take(jobId);
    RunOptions options;
    options.goal = RunGoal::Finish;
    // The shortest wait the service allows between status checks (one minute, with backoff).
    options.poll.baseMs = PollSchedule::minimumMs();
    auto *runner =
        new JobRunner(m_store, m_context.network, m_location, target, jobId, options, this);
    connect(runner, &JobRunner::progress, this, [this, jobId] { Q_EMIT changed(jobId); });
    connect(runner, &JobRunner::note, this,
            [this, jobId](const QString &text) { setMessage(jobId, text); });
    connect(runner, &JobRunner::finished, this, [this, jobId](bool ok, const QString &error) {
        setMessage(jobId, ok ? QString() : error);
    });
    m_runners.insert(jobId, runner);
    QString error;
    if (!runner->start(&error)) {
        delete m_runners.take(jobId);
        setMessage(jobId, error);
        return;
    }
    Q_EMIT changed(jobId);
}

void BatchJobs::cancel(const QString &jobId)
{
    if (JobRunner *runner = m_runners.value(jobId); runner && runner->isRunning()) {
        runner->cancel();
        return;
    }
    const StorageError error = m_store.requestCancel(jobId);
    if (error.isError()) {
        setMessage(jobId, error.userMessage());
        return;
    }
    // A run asks running batches to stop and stores what they finished.
    run(jobId);
}

int BatchJobs::retryFailed(const QString &jobId)
{
    if (isRunning(jobId))
        return 0;
    StorageError error;
    const int count = m_store.retryFailed(jobId, true, &error);
    if (error.isError()) {
        setMessage(jobId, error.userMessage());
        return 0;
    }
    if (count > 0)
        run(jobId);
    else
        setMessage(jobId, tr("No failed images to retry."));
    return count;
}

} // namespace qvd
