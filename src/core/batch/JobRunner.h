#pragma once

#include "core/batch/JobLocation.h"
#include "core/batch/JobTarget.h"
#include "core/batch/RunOptions.h"

#include <QCoreApplication>
#include <QLockFile>
#include <QObject>

#include <memory>

class QNetworkAccessManager;

namespace qvd {

class BatchFlow;
class DirectFlow;
class JobStore;

// Advances one job towards RunOptions::goal, in batch or direct mode as the job says, for the
// app's Batch window and the command line alike. One process at a time advances a job: the
// runner holds the job's lock file while it runs (a lock left by a killed process is taken
// over). finished() comes exactly once after start() succeeds.
class JobRunner : public QObject
{
    Q_OBJECT

public:
    JobRunner(JobStore &store, QNetworkAccessManager *network, const JobLocation &location,
              const JobTarget &target, const QString &jobId, const RunOptions &options,
              QObject *parent = nullptr);
    ~JobRunner() override;

    // False (and `error`, translated) when another process is advancing the job.
    bool start(QString *error = nullptr);
    // Cancels the job (kept in the store, so it holds for any process): nothing more is sent,
    // running batches are asked to stop, and what they finished is still fetched.
    void cancel();
    // Stops this run; the job stays as it is, to be resumed.
    void stop();
    bool isRunning() const { return m_running; }
    QString jobId() const { return m_jobId; }

Q_SIGNALS:
    void progress();
    void note(const QString &text);
    void finished(bool ok, const QString &error);

private:
    void onFinished(bool ok, const QString &error);

    JobStore &m_store;
    QNetworkAccessManager *m_network;
    JobLocation m_location;
    JobTarget m_target;
    QString m_jobId;
    RunOptions m_options;
    std::unique_ptr<QLockFile> m_lock;
    BatchFlow *m_batch = nullptr;
    DirectFlow *m_direct = nullptr;
    bool m_running = false;
};

} // namespace qvd
