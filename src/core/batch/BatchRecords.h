#pragma once

#include "core/batch/BatchApiTypes.h"
#include "core/batch/BatchNames.h"
#include "core/conversation/Message.h"
#include "core/dataset/DatasetFormat.h"
#include "core/grounding/MappedDetection.h"
#include "core/grounding/SpaceChoice.h"
#include "core/imaging/ImageTransform.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace qvd {

// What a person asks for when they start a job: the same in the app and on the command line.
struct JobSpec
{
    QString folder; // absolute
    bool recursive = true;
    QStringList extensions; // lower case, without the dot; empty: every image type read
    QString prompt;
    QString modelId;
    QString profileName; // the endpoint profile whose key and proxy are used
    QString endpoint; // a base URL overriding the profile's for this job; empty: the profile's
    JobMode mode = JobMode::Batch;
    DatasetFormats formats; // what the app's Export… offers to write first
    int concurrency = 4; // direct mode: requests at a time
    int requestsPerMinute = 0; // direct mode: 0 = no limit
    int tokensPerMinute = 0; // direct mode, estimated input tokens: 0 = no limit
    std::optional<bool> thinking; // enable_thinking; empty: the mode's default (JobRequest)
    QString completionWindow = QStringLiteral("24h"); // batch-api.md §4: "24h" … "14d"

    static QStringList defaultExtensions();
};

struct BatchJob
{
    QString id; // 32 hex digits
    JobSpec spec;
    QDateTime createdAt;
    bool cancelRequested = false;
    // Why the job as a whole stopped (a model or region the Batch API refuses, the folder
    // vanished); the server's code when it gave one.
    QString errorCode;
    QString errorMessage;
    QJsonObject estimate; // what the person confirmed (CostEstimate::toJson)
};

// One image of a job. Images are items by content: two files with the same bytes are one item
// (sent once), and `otherPaths` lists the copies, which exports annotate alike.
struct BatchItem
{
    qint64 id = 0; // also the custom_id of its batch line (batch-api.md §3)
    QString jobId;
    QString sha256; // hex, of the file's bytes
    QString path; // absolute
    QStringList otherPaths;
    qint64 byteCount = 0;
    ItemState state = ItemState::Pending;
    // Read from the header when the job is made (original size, orientation, the size the
    // model will see); replaced by the preparer's record, and then by the server's size check.
    ImageTransform transform;
    int estimatedTokens = 0;
    qint64 partId = 0; // 0: in no batch file
    int line = 0; // 1-based line of its batch file
    int attempts = 0; // times it was put into a batch file or sent
    int detectionCount = 0;
    QStringList labels; // distinct labels of its detections
    QString errorCode;
    QString errorMessage;

    // Loaded only by JobStore::item():
    QString answer;
    QList<MappedDetection> detections; // pixels of the upright original
    std::optional<SpaceChoice> space;
    Usage usage;
};

// One JSONL input file of a job and the batch made from it.
struct BatchPart
{
    qint64 id = 0;
    QString jobId;
    int number = 0; // 1, 2, … within the job
    QString path; // the JSONL file on this computer
    int lines = 0;
    qint64 bytes = 0;
    PartState state = PartState::Writing;
    QString uploadName; // the file name given to POST /files, unique to this part and attempt
    QString batchName; // metadata.ds_name of the batch, unique likewise (batch-api.md §4)
    QString inputFileId;
    QString batchId;
    QString batchStatus; // as the server last said
    QString outputFileId;
    QString errorFileId;
    QString outputPath;
    QString errorPath;
    int requestsTotal = 0;
    int requestsCompleted = 0;
    int requestsFailed = 0;
    QString lastError; // for people: the last problem met (kept while retrying)
    qint64 nextPollAt = 0; // ms since the epoch: no status request before
    qint64 pollIntervalMs = 0; // the last wait between two status requests
    QList<BatchLineError> errors; // what the batch's validation reported (batch-api.md §4)
};

struct ItemCounts
{
    int total = 0;
    int pending = 0;
    int queued = 0;
    int submitted = 0;
    int done = 0;
    int failed = 0;
    int cancelled = 0;
    int withoutDetections = 0; // done, nothing found

    int finished() const { return done + failed + cancelled; }
};

// What a job is doing now, derived from its parts and items in one place (JobStore::summary).
struct JobSummary
{
    JobPhase phase = JobPhase::Preparing;
    ItemCounts counts;
    int batches = 0; // parts made
    int batchesRunning = 0; // submitted, not ended
    QString serverStatus; // the status of a running batch ("validating", "in_progress", …)
    int requestsCompleted = 0; // as the running batches report
    int requestsTotal = 0;
    bool remoteFilesLeft = false;
    QString lastError;
};

// One item's outcome, written by the runners.
struct ItemResult
{
    qint64 itemId = 0;
    bool ok = false;
    QString answer;
    QList<MappedDetection> detections;
    std::optional<SpaceChoice> space;
    ImageTransform transform; // with the server's size check applied; invalid: unchanged
    Usage usage;
    QString errorCode;
    QString errorMessage;
};

} // namespace qvd
