#pragma once

#include "core/batch/BatchApiClient.h"
#include "core/batch/BatchRecords.h"
#include "core/batch/ItemPreparation.h"
#include "core/batch/JobStore.h"
#include "core/batch/JobTarget.h"
#include "core/batch/RunOptions.h"

#include <QElapsedTimer>
#include <QFile>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <memory>

namespace qvd {

class JobLocation;
class JobStore;

// Batch mode (batch-api.md): items → JSONL files within the limits → upload → batch → status
// with backoff → output and error files → results joined by custom_id → remote files deleted.
// Every step commits its state before it starts and after it ends (JobStore, PartState), so a
// run killed anywhere resumes where it was without sending an accepted line again:
//   Writing      the file is cut back to what was committed; its items not committed are
//                prepared again
//   Uploading    files named as the part's upload are looked up on the account: one whole one
//                is kept, others deleted, else the file is uploaded again
//   Creating     the batch is looked up by its ds_name: found, it is the part's; else created
//   Ended…Stored downloads and parsing are repeated; the results are stored in one transaction
class BatchFlow : public QObject
{
    Q_OBJECT

public:
    BatchFlow(JobStore &store, QNetworkAccessManager *network, const JobLocation &location,
              const JobTarget &target, const QString &jobId, const RunOptions &options,
              QObject *parent = nullptr);
    ~BatchFlow() override;

    void start();
    void stop();

Q_SIGNALS:
    void progress();
    void note(const QString &text);
    void finished(bool ok, const QString &error);

private:
    void scheduleNext(qint64 delayMs = 0);
    void next();
    bool hasLocalWork(const BatchPart &part) const;
    bool runLocalStep(BatchPart part, bool cancelling);
    void fail(const QString &error);
    void succeed();
    void stepDone();

    // Preparing
    void startWriting(const BatchPart &part);
    void pumpPreparation();
    void onPrepared(const PreparedItem &item);
    bool commitLines();
    bool rollPart();
    void finishWriting();
    void stopWriting();

    // Server steps
    void upload(BatchPart part);
    void recoverUpload(BatchPart part);
    void create(BatchPart part, int attempt);
    void recoverCreate(BatchPart part);
    void poll(BatchPart part);
    void cancelRemote(BatchPart part);
    void download(BatchPart part);
    void storeResults(BatchPart part);
    void clean(BatchPart part);
    void refused(BatchPart part, const ApiError &error);
    void stepFailed(BatchPart part, const ApiError &error);
    void deleteAll(QStringList fileIds, std::function<void(const std::optional<ApiError> &)> done);
    bool save(const BatchPart &part);
    QString describe(const ApiError &error) const;

    JobStore &m_store;
    const JobLocation &m_location;
    JobTarget m_target;
    QString m_origin; // the Batch API's origin: the job's remote files are kept by it
    QString m_jobId;
    RunOptions m_options;
    JobRequest m_request;
    QString m_completionWindow = QStringLiteral("24h");
    BatchApiClient m_client;
    QTimer m_timer;
    bool m_busy = false;
    bool m_stopped = false;
    bool m_done = false;
    QSet<qint64> m_polledThisRun;
    QSet<qint64> m_cancelSent;
    qint64 m_retryDelayMs = 0;

    // The part being written.
    struct Writing
    {
        BatchPart part;
        std::unique_ptr<QFile> file;
        QList<BatchItem> queue; // pending items not started
        int running = 0;
        QList<JobStore::QueuedLine> lines; // written, not committed
        QList<ItemResult> failures;
        QElapsedTimer sinceCommit;
        bool held = false;
    };
    std::unique_ptr<Writing> m_writing;
};

} // namespace qvd
