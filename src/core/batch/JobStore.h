#pragma once

#include "core/batch/BatchRecords.h"
#include "core/batch/ImageScan.h"
#include "core/storage/StorageError.h"

#include <QCoreApplication>
#include <QSqlDatabase>

#include <optional>

class QSqlQuery;
class QUrl;

namespace qvd {

// Which items of a job to list.
struct ItemFilter
{
    std::optional<ItemState> state;
    QString label; // items with a detection of this label (exact)
    bool errorsOnly = false; // failed items
    bool noDetections = false; // done, with nothing found
    qint64 partId = 0; // items of this batch file
    int limit = -1;
    qint64 afterId = 0; // paging: items with a larger id
};

// The batch jobs in one SQLite file beside the history (JobLocation), with the history's crash
// guarantees (core/storage/HistoryStore): WAL, synchronous=FULL, each change one transaction,
// so once a call returns without error its change survives a crash of the app or the machine.
// The file and its -wal and -shm are created owner-only (0600).
//
// The app and the command line open the same file; each job is advanced by one process at a
// time (JobLock). A store must be used only from the thread that opened it (Qt SQL's rule).
class JobStore
{
    Q_DECLARE_TR_FUNCTIONS(qvd::JobStore)

public:
    JobStore();
    ~JobStore();
    JobStore(const JobStore &) = delete;
    JobStore &operator=(const JobStore &) = delete;

    // Opens or creates the store at `path`, migrating it forward; refuses a newer one.
    StorageError open(const QString &path);
    void close();
    bool isOpen() const;
    QString path() const { return m_path; }

    // A new job with one item per distinct image of `images` (copies become otherPaths of the
    // first); images that could not be read are items already Failed with their reason. Sets
    // job.id and job.createdAt.
    StorageError createJob(BatchJob &job, const QList<ScannedImage> &images);
    std::optional<BatchJob> job(const QString &id, StorageError *error = nullptr) const;
    // Newest first.
    QList<BatchJob> jobs(StorageError *error = nullptr) const;
    // A job id, or an unambiguous prefix of one (the command line takes short ids).
    QString resolveJobId(const QString &idOrPrefix) const;
    StorageError deleteJob(const QString &id);
    // The job cannot go on (the model or the region is refused): its error is set, its items
    // not yet accepted by a batch fail with `code`, and its parts not yet submitted are
    // dropped, in one transaction.
    StorageError failJob(const QString &jobId, const QString &code, const QString &message);
    StorageError requestCancel(const QString &jobId);

    ItemCounts counts(const QString &jobId, StorageError *error = nullptr) const;
    JobSummary summary(const QString &jobId, StorageError *error = nullptr) const;
    // Light rows (no answer, no detections), by id.
    QList<BatchItem> items(const QString &jobId, const ItemFilter &filter = {},
                           StorageError *error = nullptr) const;
    // One item with its answer and detections.
    std::optional<BatchItem> item(qint64 id, StorageError *error = nullptr) const;
    // Every distinct label of the job's detections, sorted.
    QStringList labels(const QString &jobId) const;

    // Parts (batch input files), by number.
    QList<BatchPart> parts(const QString &jobId, StorageError *error = nullptr) const;
    std::optional<BatchPart> part(qint64 id) const;
    // A new part in state Writing, its file named in `workFolder`.
    StorageError createPart(const QString &jobId, const QString &workFolder, BatchPart &part);
    // Writes every field of the part (its state and what the server said).
    StorageError updatePart(const BatchPart &part);

    // A batch file grew: the part's committed size, and its new lines' items (Queued, with
    // their line, prepared transform and token count), plus items that could not be prepared
    // (Failed), in one transaction.
    struct QueuedLine
    {
        qint64 itemId = 0;
        int line = 0;
        ImageTransform transform;
        int estimatedTokens = 0;
    };
    StorageError commitLines(const BatchPart &part, const QList<QueuedLine> &lines,
                             const QList<ItemResult> &failures);
    // The part's batch was created: the part becomes Submitted and its Queued items Submitted.
    StorageError markSubmitted(const BatchPart &part);
    // Stores the part's results, fails its Submitted items without one (`missingCode`,
    // `missingMessage`), and sets the part to `part.state`, in one transaction. Only items of the
    // part still Submitted are written: each item gets exactly one result.
    StorageError storePartResults(const BatchPart &part, const QList<ItemResult> &results,
                                  ItemState missingState, const QString &missingCode,
                                  const QString &missingMessage);
    // Results of direct requests (items Pending), in one transaction.
    StorageError storeResults(const QList<ItemResult> &results);
    // The part will not be submitted (cancelled before its batch existed): Dropped, its Queued
    // items Cancelled.
    StorageError dropPart(const BatchPart &part);
    // Pending items of the job become Cancelled.
    StorageError cancelPending(const QString &jobId);
    // Failed (and cancelled, when `cancelledToo`) items become Pending again for a new batch or
    // new requests; the job's error and cancel flag are cleared. Returns how many.
    int retryFailed(const QString &jobId, bool cancelledToo, StorageError *error = nullptr);
    // Items still to be put into a batch file or sent, by id, up to `limit`.
    QList<BatchItem> pendingItems(const QString &jobId, int limit) const;
    QList<qint64> pendingItemIds(const QString &jobId) const;

    // Files on the account that belong to the job, until they are deleted. A file id is
    // unique only within its service, so each is kept with the service's origin
    // (remoteOrigin() of the Batch API base URL). Files recorded before origins were kept have
    // an empty origin and count as the job's own service's.
    StorageError addRemoteFile(const QString &jobId, qint64 partId, const QString &origin,
                               const QString &fileId, const QString &role);
    StorageError removeRemoteFile(const QString &origin, const QString &fileId);
    // The job's files (of one part when `partId` is set), of every service, or only of the
    // service at `origin` when it is given.
    QStringList remoteFiles(const QString &jobId, qint64 partId = 0,
                            const QString &origin = {}) const;
    // "scheme://host:port" of a service's URL: what remote files are kept by.
    static QString remoteOrigin(const QUrl &serviceUrl);

private:
    StorageError prepareConnection();
    StorageError sqlError(const QSqlError &error) const;
    StorageError begin();
    StorageError commitOrRollback(const StorageError &error);
    StorageError exec(QSqlQuery &query) const;
    BatchItem readItem(const QSqlQuery &query, bool full) const;
    BatchPart readPart(const QSqlQuery &query) const;
    BatchJob readJob(const QSqlQuery &query) const;
    StorageError writeResult(const ItemResult &result, const char *requiredState,
                             ItemState failedState = ItemState::Failed);

    QString m_connectionName;
    QString m_path;
    QSqlDatabase m_db;
};

} // namespace qvd
