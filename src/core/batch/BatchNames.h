#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace qvd {

// How a job's requests reach the model.
enum class JobMode {
    Batch, // DashScope's Batch API: JSONL files, run on the server's side at half price
    Direct, // one request per image, a few at a time (servers without a Batch API)
};

// Where an image of a job is. Only forward, except that failed and cancelled items go back to
// Pending when the person retries them (JobStore::retryFailed).
enum class ItemState {
    Pending, // found in the folder; not yet in a file (batch) or answered (direct)
    Queued, // prepared and written into a batch input file (JobStore part), not yet accepted
    Submitted, // its file's batch was created: the server accepted the request
    Done, // the answer and its detections are stored
    Failed, // error_code / error_message say why
    Cancelled, // the job was cancelled before the request ran
};

// The life of one batch input file (a "part" of a job), each state committed before the step
// that leaves it starts, so a run that is killed resumes from the state it finds.
enum class PartState {
    Writing, // lines are being appended; `bytes` and `lines` count what is on disk for sure
    Sealed, // complete on disk, not uploaded
    Uploading, // POST /files may have been sent; the file's id is not known yet
    Uploaded, // the server holds the file (input_file_id)
    Creating, // POST /batches may have been sent; the batch's id is not known yet
    Submitted, // the batch exists (batch_id): polled until it ends
    Ended, // the batch ended (completed, failed, expired, cancelled): files to download
    Downloaded, // output and error files are on this computer
    Stored, // every item of the part has its one result; remote files still to delete
    Cleaned, // nothing of the part is left on the account or in the work folder
    Dropped, // cancelled before its batch was created: its items never ran
};

// What a job is doing, for people and for `batch status --json`: derived from its parts and
// items (JobStore::summary), never stored.
enum class JobPhase {
    Preparing,
    Uploading,
    Running, // batches on the server (batch mode) or requests going out (direct mode)
    Downloading, // results to fetch, store or clean up
    Completed, // every item has a result (some may have failed)
    Cancelling,
    Cancelled,
    Failed, // the job itself failed (the model or the region refused); see its error
};

// Names written to the job store and printed by the command line: never rename one.
QString jobModeName(JobMode mode);
std::optional<JobMode> jobModeFromName(QStringView name);
QString itemStateName(ItemState state);
std::optional<ItemState> itemStateFromName(QStringView name);
QString partStateName(PartState state);
std::optional<PartState> partStateFromName(QStringView name);
QString jobPhaseName(JobPhase phase);

} // namespace qvd
