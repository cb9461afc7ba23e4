#pragma once

#include "core/batch/JobLocation.h"
#include "core/batch/JobStore.h"

#include <QHash>
#include <QObject>

namespace qvd {

struct AppContext;
class JobRunner;
struct JobTarget;

// The app's side of batch jobs: the job store the command line uses too (JobLocation), and the
// runs this app carries on (one JobRunner per job, each holding the job's lock only while it
// runs, so the command line can take any job the app is not working on). What a run last said
// or why it stopped is kept per job for the window.
class BatchJobs : public QObject
{
    Q_OBJECT

public:
    explicit BatchJobs(AppContext &context, QObject *parent = nullptr);
    ~BatchJobs() override;

    // Opens (or creates) the store; false with `error` (translated).
    bool open(QString *error);
    JobStore &store() { return m_store; }
    AppContext &context() { return m_context; }

    // Carries the job on to its end (batches polled until they end, results stored, the
    // account's files deleted): its profile's key is looked up as the chat does.
    void run(const QString &jobId);
    // Nothing more is sent; running batches are asked to stop and what they finished is kept.
    void cancel(const QString &jobId);
    // Failed and cancelled images go again (a new batch); how many.
    int retryFailed(const QString &jobId);
    bool isRunning(const QString &jobId) const;
    // The last thing a run of this app said about the job, or why it stopped (translated).
    QString message(const QString &jobId) const { return m_messages.value(jobId); }
    void setMessage(const QString &jobId, const QString &text);

Q_SIGNALS:
    // The job's state or message changed.
    void changed(const QString &jobId);

private:
    void start(const QString &jobId, const JobTarget &target);

    AppContext &m_context;
    JobLocation m_location;
    JobStore m_store;
    QHash<QString, JobRunner *> m_runners;
    QHash<QString, QString> m_messages;
};

} // namespace qvd
