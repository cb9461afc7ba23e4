#include "core/batch/JobStore.h"

#include "core/batch/JobSchema.h"
#include "core/dataset/DetectionJsonImport.h"
#include "core/grounding/DetectionJson.h"
#include "core/grounding/GroundingNames.h"
#include "core/storage/DatabaseFile.h"
#include "core/storage/SqlTransaction.h"
#include "core/storage/StorageCodec.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUuid>
#include <QVariant>

#include <atomic>

namespace qvd {

using storage::jsonText;
using storage::textValue;

namespace {

constexpr int kBusyTimeoutMs = 10000;

QString newConnectionName()
{
    static std::atomic_int counter{0};
    return QStringLiteral("qvd-jobs-%1").arg(counter.fetch_add(1));
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// Owner-only from the start: SQLite gives the -wal and -shm files the database file's mode.
bool createPrivateFile(const QString &path)
{
    if (QFileInfo::exists(path))
        return QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.close();
    return QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

QString formatsText(DatasetFormats formats)
{
    QStringList names;
    for (DatasetFormat format : {DatasetFormat::Coco, DatasetFormat::LabelMe, DatasetFormat::Yolo,
                                 DatasetFormat::Voc, DatasetFormat::AnnotatedPng}) {
        if (formats.testFlag(format))
            names.append(datasetFormatName(format));
    }
    return names.join(QLatin1Char(','));
}

DatasetFormats formatsFromText(const QString &text)
{
    DatasetFormats formats;
    for (const QString &name : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (const auto format = datasetFormatFromName(name))
            formats |= *format;
    }
    return formats;
}

QStringList distinctLabels(const QList<MappedDetection> &detections)
{
    QStringList labels;
    for (const MappedDetection &d : detections) {
        if (!labels.contains(d.label))
            labels.append(d.label);
    }
    return labels;
}

const char kItemColumns[] =
    "id, job_id, sha256, path, byte_count, state, transform, estimated_tokens, part_id, line,"
    " attempts, detection_count, labels, error_code, error_message";
const char kFullItemColumns[] = ", answer, detections, space, space_reason, input_tokens,"
                                " output_tokens, image_tokens";
const char kPartColumns[] =
    "id, job_id, number, path, lines, bytes, state, upload_name, batch_name, input_file_id,"
    " batch_id, batch_status, output_file_id, error_file_id, output_path, error_path,"
    " requests_total, requests_completed, requests_failed, last_error, next_poll_at,"
    " poll_interval_ms, errors";
const char kJobColumns[] =
    "id, created_at, folder, recursive, extensions, prompt, model_id, profile, endpoint, mode,"
    " formats, concurrency, requests_per_minute, tokens_per_minute, thinking, completion_window,"
    " cancel_requested, error_code, error_message, estimate";

} // namespace

JobStore::JobStore() : m_connectionName(newConnectionName()) { }

JobStore::~JobStore()
{
    close();
}

StorageError JobStore::open(const QString &path)
{
    close();
    m_path = QFileInfo(path).absoluteFilePath();
    const QString dir = QFileInfo(m_path).absolutePath();
    if (!QDir().mkpath(dir))
        return StorageError::make(StorageError::Kind::CannotOpen, dir);
    QFile::setPermissions(dir,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    if (storage::inspectDatabaseFile(m_path) == storage::FileVerdict::Damaged)
        return StorageError::make(StorageError::Kind::Damaged, m_path,
                                  QStringLiteral("not a readable SQLite database file"));
    if (!storage::canWrite(dir, m_path) || !createPrivateFile(m_path))
        return StorageError::make(StorageError::Kind::ReadOnly, m_path);
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(m_path);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(kBusyTimeoutMs));
    const StorageError error = m_db.open() ? prepareConnection() : sqlError(m_db.lastError());
    if (error.isError())
        close();
    return error;
}

void JobStore::close()
{
    if (!m_db.isValid())
        return;
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool JobStore::isOpen() const
{
    return m_db.isValid() && m_db.isOpen();
}

StorageError JobStore::prepareConnection()
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("PRAGMA foreign_keys = ON"))
        || !q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return sqlError(q.lastError());
    const int version = q.value(0).toInt();
    if (!q.exec(QStringLiteral("PRAGMA quick_check(1)")) || !q.next())
        return sqlError(q.lastError());
    if (q.value(0).toString() != u"ok")
        return StorageError::make(StorageError::Kind::Damaged, m_path, q.value(0).toString());
    if (version > batch::kJobSchemaVersion)
        return StorageError::make(StorageError::Kind::NewerVersion, m_path,
                                  QStringLiteral("schema version %1, this app knows %2")
                                      .arg(version)
                                      .arg(batch::kJobSchemaVersion));
    // As the history: a commit is on disk when the call returns, even if the power goes.
    if (!q.exec(QStringLiteral("PRAGMA journal_mode = WAL"))
        || !q.exec(QStringLiteral("PRAGMA synchronous = FULL")))
        return sqlError(q.lastError());
    QSqlError migrationError;
    if (version < batch::kJobSchemaVersion && !batch::migrateJobs(m_db, version, &migrationError))
        return sqlError(migrationError);
    return {};
}

StorageError JobStore::sqlError(const QSqlError &error) const
{
    return StorageError::fromSql(error, m_path);
}

StorageError JobStore::exec(QSqlQuery &query) const
{
    return query.exec() ? StorageError() : sqlError(query.lastError());
}

StorageError JobStore::begin()
{
    return storage::beginImmediate(m_db, m_path, QStringLiteral("the job store is not open"));
}

StorageError JobStore::commitOrRollback(const StorageError &error)
{
    return storage::commitOrRollback(m_db, m_path, error);
}

StorageError JobStore::createJob(BatchJob &job, const QList<ScannedImage> &images)
{
    if (StorageError error = begin())
        return error;
    job.id = QUuid::createUuid().toString(QUuid::Id128);
    job.createdAt = QDateTime::fromMSecsSinceEpoch(nowMs());
    const JobSpec &s = job.spec;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO jobs (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                             " ?, ?, ?, ?, ?, ?, ?, ?)")
                  .arg(QLatin1String(kJobColumns)));
    q.addBindValue(job.id);
    q.addBindValue(job.createdAt.toMSecsSinceEpoch());
    q.addBindValue(textValue(s.folder));
    q.addBindValue(s.recursive ? 1 : 0);
    q.addBindValue(textValue(s.extensions.join(QLatin1Char(','))));
    q.addBindValue(textValue(s.prompt));
    q.addBindValue(textValue(s.modelId));
    q.addBindValue(textValue(s.profileName));
    q.addBindValue(textValue(s.endpoint));
    q.addBindValue(jobModeName(s.mode));
    q.addBindValue(textValue(formatsText(s.formats)));
    q.addBindValue(s.concurrency);
    q.addBindValue(s.requestsPerMinute);
    q.addBindValue(s.tokensPerMinute);
    q.addBindValue(s.thinking ? QVariant(*s.thinking ? 1 : 0) : QVariant());
    q.addBindValue(textValue(s.completionWindow));
    q.addBindValue(0);
    q.addBindValue(textValue(job.errorCode));
    q.addBindValue(textValue(job.errorMessage));
    q.addBindValue(jsonText(job.estimate));
    StorageError error = exec(q);

    QSqlQuery insert(m_db);
    insert.prepare(
        QStringLiteral("INSERT INTO items (job_id, sha256, path, byte_count, state, transform,"
                       " estimated_tokens, error_code, error_message, finished_at)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    QSqlQuery copy(m_db);
    copy.prepare(QStringLiteral("INSERT OR IGNORE INTO item_files (item_id, path) VALUES (?, ?)"));
    QHash<QString, qint64> bySha;
    for (const ScannedImage &image : images) {
        if (error.isError())
            break;
        // Unreadable files have no content address: each is its own (failed) item.
        const QString key =
            image.sha256.isEmpty() ? QStringLiteral("path:") + image.path : image.sha256;
        if (const auto it = bySha.constFind(key); it != bySha.constEnd()) {
            copy.addBindValue(*it);
            copy.addBindValue(image.path);
            error = exec(copy);
            continue;
        }
        insert.addBindValue(job.id);
        insert.addBindValue(key);
        insert.addBindValue(image.path);
        insert.addBindValue(image.byteCount);
        insert.addBindValue(itemStateName(image.ok() ? ItemState::Pending : ItemState::Failed));
        insert.addBindValue(image.transform.isValid()
                                ? QVariant(jsonText(storage::transformToJson(image.transform)))
                                : QVariant());
        insert.addBindValue(image.estimatedTokens);
        insert.addBindValue(textValue(image.ok() ? QString() : QStringLiteral("image")));
        insert.addBindValue(textValue(image.error));
        insert.addBindValue(image.ok() ? QVariant() : QVariant(nowMs()));
        error = exec(insert);
        bySha.insert(key, insert.lastInsertId().toLongLong());
    }
    return commitOrRollback(error);
}

BatchJob JobStore::readJob(const QSqlQuery &q) const
{
    BatchJob job;
    job.id = q.value(0).toString();
    job.createdAt = QDateTime::fromMSecsSinceEpoch(q.value(1).toLongLong());
    JobSpec &s = job.spec;
    s.folder = q.value(2).toString();
    s.recursive = q.value(3).toInt() != 0;
    s.extensions = q.value(4).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    s.prompt = q.value(5).toString();
    s.modelId = q.value(6).toString();
    s.profileName = q.value(7).toString();
    s.endpoint = q.value(8).toString();
    s.mode = jobModeFromName(q.value(9).toString()).value_or(JobMode::Batch);
    s.formats = formatsFromText(q.value(10).toString());
    s.concurrency = q.value(11).toInt();
    s.requestsPerMinute = q.value(12).toInt();
    s.tokensPerMinute = q.value(13).toInt();
    if (!q.value(14).isNull())
        s.thinking = q.value(14).toInt() != 0;
    s.completionWindow = q.value(15).toString();
    job.cancelRequested = q.value(16).toInt() != 0;
    job.errorCode = q.value(17).toString();
    job.errorMessage = q.value(18).toString();
    job.estimate = storage::jsonObject(q.value(19).toString());
    return job;
}

std::optional<BatchJob> JobStore::job(const QString &id, StorageError *error) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM jobs WHERE id = ?").arg(QLatin1String(kJobColumns)));
    q.addBindValue(id);
    const StorageError e = exec(q);
    if (error)
        *error = e;
    if (e.isError() || !q.next())
        return std::nullopt;
    return readJob(q);
}

QList<BatchJob> JobStore::jobs(StorageError *error) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM jobs ORDER BY created_at DESC, id")
                  .arg(QLatin1String(kJobColumns)));
    const StorageError e = exec(q);
    if (error)
        *error = e;
    QList<BatchJob> result;
    while (q.next())
        result.append(readJob(q));
    return result;
}

QString JobStore::resolveJobId(const QString &idOrPrefix) const
{
    if (idOrPrefix.isEmpty())
        return {};
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id FROM jobs WHERE substr(id, 1, ?) = ? LIMIT 2"));
    q.addBindValue(idOrPrefix.size());
    q.addBindValue(idOrPrefix.toLower());
    if (exec(q).isError() || !q.next())
        return {};
    const QString id = q.value(0).toString();
    return q.next() ? QString() : id;
}

StorageError JobStore::deleteJob(const QString &id)
{
    if (StorageError error = begin())
        return error;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM jobs WHERE id = ?"));
    q.addBindValue(id);
    return commitOrRollback(exec(q));
}

StorageError JobStore::failJob(const QString &jobId, const QString &code, const QString &message)
{
    if (StorageError error = begin())
        return error;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE jobs SET error_code = ?, error_message = ? WHERE id = ?"));
    q.addBindValue(textValue(code));
    q.addBindValue(textValue(message));
    q.addBindValue(jobId);
    StorageError error = exec(q);
    if (!error.isError()) {
        QSqlQuery items(m_db);
        items.prepare(
            QStringLiteral("UPDATE items SET state = 'failed', error_code = ?, error_message = ?,"
                           " finished_at = ? WHERE job_id = ? AND state IN ('pending', 'queued')"));
        items.addBindValue(textValue(code));
        items.addBindValue(textValue(message));
        items.addBindValue(nowMs());
        items.addBindValue(jobId);
        error = exec(items);
    }
    if (!error.isError()) {
        QSqlQuery parts(m_db);
        parts.prepare(QStringLiteral("UPDATE parts SET state = 'dropped' WHERE job_id = ? AND"
                                     " state IN ('writing', 'sealed', 'uploaded')"));
        parts.addBindValue(jobId);
        error = exec(parts);
    }
    return commitOrRollback(error);
}

StorageError JobStore::requestCancel(const QString &jobId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE jobs SET cancel_requested = 1 WHERE id = ?"));
    q.addBindValue(jobId);
    return exec(q);
}

ItemCounts JobStore::counts(const QString &jobId, StorageError *error) const
{
    ItemCounts counts;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT state, count(*), sum(state = 'done' AND detection_count = 0)"
                             " FROM items WHERE job_id = ? GROUP BY state"));
    q.addBindValue(jobId);
    const StorageError e = exec(q);
    if (error)
        *error = e;
    while (q.next()) {
        const int n = q.value(1).toInt();
        counts.total += n;
        switch (itemStateFromName(q.value(0).toString()).value_or(ItemState::Pending)) {
        case ItemState::Pending:
            counts.pending += n;
            break;
        case ItemState::Queued:
            counts.queued += n;
            break;
        case ItemState::Submitted:
            counts.submitted += n;
            break;
        case ItemState::Done:
            counts.done += n;
            counts.withoutDetections += q.value(2).toInt();
            break;
        case ItemState::Failed:
            counts.failed += n;
            break;
        case ItemState::Cancelled:
            counts.cancelled += n;
            break;
        }
    }
    return counts;
}

JobSummary JobStore::summary(const QString &jobId, StorageError *error) const
{
    JobSummary summary;
    const std::optional<BatchJob> found = job(jobId, error);
    if (!found)
        return summary;
    summary.counts = counts(jobId);
    const QList<BatchPart> all = parts(jobId);
    summary.batches = int(all.size());
    bool uploading = false;
    bool downloading = false;
    bool writing = false;
    for (const BatchPart &part : all) {
        switch (part.state) {
        case PartState::Writing:
        case PartState::Sealed:
            writing = true;
            break;
        case PartState::Uploading:
        case PartState::Uploaded:
        case PartState::Creating:
            uploading = true;
            break;
        case PartState::Submitted:
            ++summary.batchesRunning;
            summary.serverStatus = part.batchStatus;
            summary.requestsCompleted += part.requestsCompleted + part.requestsFailed;
            summary.requestsTotal += part.requestsTotal;
            break;
        case PartState::Ended:
        case PartState::Downloaded:
        case PartState::Stored:
            downloading = true;
            break;
        case PartState::Cleaned:
        case PartState::Dropped:
            break;
        }
        if (!part.lastError.isEmpty())
            summary.lastError = part.lastError;
    }
    summary.remoteFilesLeft = !remoteFiles(jobId).isEmpty();
    const ItemCounts &c = summary.counts;
    const bool itemsOpen = c.pending + c.queued + c.submitted > 0;
    if (!found->errorMessage.isEmpty() && !itemsOpen && summary.batchesRunning == 0) {
        summary.phase = JobPhase::Failed;
        summary.lastError = found->errorMessage;
    } else if (found->cancelRequested
               && (itemsOpen || uploading || downloading || summary.batchesRunning > 0
                   || summary.remoteFilesLeft)) {
        summary.phase = JobPhase::Cancelling;
    } else if (found->cancelRequested) {
        summary.phase = JobPhase::Cancelled;
    } else if (summary.batchesRunning > 0) {
        summary.phase = JobPhase::Running;
    } else if (downloading || summary.remoteFilesLeft) {
        summary.phase = JobPhase::Downloading;
    } else if (uploading) {
        summary.phase = JobPhase::Uploading;
    } else if (c.pending > 0 || writing || c.queued > 0) {
        summary.phase =
            found->spec.mode == JobMode::Direct ? JobPhase::Running : JobPhase::Preparing;
    } else if (!found->errorMessage.isEmpty()) {
        summary.phase = JobPhase::Failed;
        summary.lastError = found->errorMessage;
    } else {
        summary.phase =
            c.cancelled > 0 && c.done + c.failed == 0 ? JobPhase::Cancelled : JobPhase::Completed;
    }
    return summary;
}

BatchItem JobStore::readItem(const QSqlQuery &q, bool full) const
{
    BatchItem item;
    item.id = q.value(0).toLongLong();
    item.jobId = q.value(1).toString();
    item.sha256 = q.value(2).toString();
    item.path = q.value(3).toString();
    item.byteCount = q.value(4).toLongLong();
    item.state = itemStateFromName(q.value(5).toString()).value_or(ItemState::Pending);
    if (!q.value(6).isNull())
        item.transform = storage::transformFromJson(storage::jsonObject(q.value(6).toString()));
    item.estimatedTokens = q.value(7).toInt();
    item.partId = q.value(8).toLongLong();
    item.line = q.value(9).toInt();
    item.attempts = q.value(10).toInt();
    item.detectionCount = q.value(11).toInt();
    item.labels = q.value(12).toString().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    item.errorCode = q.value(13).toString();
    item.errorMessage = q.value(14).toString();
    if (!full)
        return item;
    item.answer = q.value(15).toString();
    const QJsonDocument detections = QJsonDocument::fromJson(q.value(16).toString().toUtf8());
    if (detections.isArray()) {
        if (const auto read = DetectionJsonImport::read(detections, nullptr))
            item.detections = read->detections;
    }
    const auto space = spaceFromName(q.value(17).toString());
    const auto reason = spaceReasonFromName(q.value(18).toString());
    if (space && reason)
        item.space = SpaceChoice{*space, *reason};
    item.usage.inputTokens = q.value(19).toLongLong();
    item.usage.outputTokens = q.value(20).toLongLong();
    item.usage.imageTokens = q.value(21).toLongLong();
    return item;
}

QList<BatchItem> JobStore::items(const QString &jobId, const ItemFilter &filter,
                                 StorageError *error) const
{
    QString sql = QStringLiteral("SELECT %1 FROM items WHERE job_id = ? AND id > ?")
                      .arg(QLatin1String(kItemColumns));
    if (filter.state)
        sql += QStringLiteral(" AND state = ?");
    if (filter.errorsOnly)
        sql += QStringLiteral(" AND state = 'failed'");
    if (filter.noDetections)
        sql += QStringLiteral(" AND state = 'done' AND detection_count = 0");
    if (filter.partId > 0)
        sql += QStringLiteral(" AND part_id = ?");
    if (!filter.label.isNull())
        sql += QStringLiteral(" AND instr(char(10) || labels || char(10), char(10) || ? ||"
                              " char(10)) > 0");
    sql += QStringLiteral(" ORDER BY id");
    if (filter.limit >= 0)
        sql += QStringLiteral(" LIMIT %1").arg(filter.limit);
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(sql);
    q.addBindValue(jobId);
    q.addBindValue(filter.afterId);
    if (filter.state)
        q.addBindValue(itemStateName(*filter.state));
    if (filter.partId > 0)
        q.addBindValue(filter.partId);
    if (!filter.label.isNull())
        q.addBindValue(filter.label);
    const StorageError e = exec(q);
    if (error)
        *error = e;
    QList<BatchItem> result;
    while (q.next())
        result.append(readItem(q, false));
    // Copies of an image, for exports.
    QSqlQuery copies(m_db);
    copies.prepare(QStringLiteral("SELECT f.item_id, f.path FROM item_files f JOIN items i ON"
                                  " i.id = f.item_id WHERE i.job_id = ? ORDER BY f.path"));
    copies.addBindValue(jobId);
    if (!result.isEmpty() && !exec(copies).isError()) {
        QHash<qint64, QStringList> byItem;
        while (copies.next())
            byItem[copies.value(0).toLongLong()].append(copies.value(1).toString());
        if (!byItem.isEmpty()) {
            for (BatchItem &item : result)
                item.otherPaths = byItem.value(item.id);
        }
    }
    return result;
}

std::optional<BatchItem> JobStore::item(qint64 id, StorageError *error) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1%2 FROM items WHERE id = ?")
                  .arg(QLatin1String(kItemColumns), QLatin1String(kFullItemColumns)));
    q.addBindValue(id);
    const StorageError e = exec(q);
    if (error)
        *error = e;
    if (e.isError() || !q.next())
        return std::nullopt;
    BatchItem item = readItem(q, true);
    QSqlQuery copies(m_db);
    copies.prepare(QStringLiteral("SELECT path FROM item_files WHERE item_id = ? ORDER BY path"));
    copies.addBindValue(id);
    if (!exec(copies).isError()) {
        while (copies.next())
            item.otherPaths.append(copies.value(0).toString());
    }
    return item;
}

QStringList JobStore::labels(const QString &jobId) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(
        QStringLiteral("SELECT DISTINCT labels FROM items WHERE job_id = ? AND labels != ''"));
    q.addBindValue(jobId);
    QSet<QString> labels;
    if (!exec(q).isError()) {
        while (q.next()) {
            for (const QString &label :
                 q.value(0).toString().split(QLatin1Char('\n'), Qt::SkipEmptyParts))
                labels.insert(label);
        }
    }
    QStringList sorted(labels.begin(), labels.end());
    sorted.sort(Qt::CaseInsensitive);
    return sorted;
}

BatchPart JobStore::readPart(const QSqlQuery &q) const
{
    BatchPart part;
    part.id = q.value(0).toLongLong();
    part.jobId = q.value(1).toString();
    part.number = q.value(2).toInt();
    part.path = q.value(3).toString();
    part.lines = q.value(4).toInt();
    part.bytes = q.value(5).toLongLong();
    part.state = partStateFromName(q.value(6).toString()).value_or(PartState::Writing);
    part.uploadName = q.value(7).toString();
    part.batchName = q.value(8).toString();
    part.inputFileId = q.value(9).toString();
    part.batchId = q.value(10).toString();
    part.batchStatus = q.value(11).toString();
    part.outputFileId = q.value(12).toString();
    part.errorFileId = q.value(13).toString();
    part.outputPath = q.value(14).toString();
    part.errorPath = q.value(15).toString();
    part.requestsTotal = q.value(16).toInt();
    part.requestsCompleted = q.value(17).toInt();
    part.requestsFailed = q.value(18).toInt();
    part.lastError = q.value(19).toString();
    part.nextPollAt = q.value(20).toLongLong();
    part.pollIntervalMs = q.value(21).toLongLong();
    for (const QJsonValue &value : storage::jsonArray(q.value(22).toString())) {
        const QJsonObject entry = value.toObject();
        BatchLineError error;
        error.code = entry.value(QLatin1String("code")).toString();
        error.message = entry.value(QLatin1String("message")).toString();
        error.param = entry.value(QLatin1String("param")).toString();
        error.line = entry.value(QLatin1String("line")).toInt();
        part.errors.append(error);
    }
    return part;
}

QList<BatchPart> JobStore::parts(const QString &jobId, StorageError *error) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM parts WHERE job_id = ? ORDER BY number")
                  .arg(QLatin1String(kPartColumns)));
    q.addBindValue(jobId);
    const StorageError e = exec(q);
    if (error)
        *error = e;
    QList<BatchPart> result;
    while (q.next())
        result.append(readPart(q));
    return result;
}

std::optional<BatchPart> JobStore::part(qint64 id) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM parts WHERE id = ?").arg(QLatin1String(kPartColumns)));
    q.addBindValue(id);
    if (exec(q).isError() || !q.next())
        return std::nullopt;
    return readPart(q);
}

StorageError JobStore::createPart(const QString &jobId, const QString &workFolder, BatchPart &part)
{
    if (StorageError error = begin())
        return error;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT coalesce(max(number), 0) + 1 FROM parts WHERE job_id = ?"));
    q.addBindValue(jobId);
    StorageError error = exec(q);
    if (!error.isError() && q.next()) {
        part = BatchPart{};
        part.jobId = jobId;
        part.number = q.value(0).toInt();
        // Unique on the account: the job, the part and a random tail, so a file or batch found
        // there after a crash is known for ours and never confused with another attempt's.
        const QString tail = QUuid::createUuid().toString(QUuid::Id128).left(8);
        const QString stem =
            QStringLiteral("qvd-%1-%2-%3").arg(jobId.left(12)).arg(part.number).arg(tail);
        part.path = QDir(workFolder).filePath(stem + QStringLiteral(".jsonl"));
        part.uploadName = stem + QStringLiteral(".jsonl");
        part.batchName = stem;
        part.state = PartState::Writing;
        QSqlQuery insert(m_db);
        insert.prepare(QStringLiteral("INSERT INTO parts (job_id, number, path, state, upload_name,"
                                      " batch_name) VALUES (?, ?, ?, ?, ?, ?)"));
        insert.addBindValue(jobId);
        insert.addBindValue(part.number);
        insert.addBindValue(part.path);
        insert.addBindValue(partStateName(part.state));
        insert.addBindValue(part.uploadName);
        insert.addBindValue(part.batchName);
        error = exec(insert);
        part.id = insert.lastInsertId().toLongLong();
    }
    return commitOrRollback(error);
}

StorageError JobStore::updatePart(const BatchPart &part)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "UPDATE parts SET lines = ?, bytes = ?, state = ?, upload_name = ?, batch_name = ?,"
        " input_file_id = ?, batch_id = ?, batch_status = ?, output_file_id = ?,"
        " error_file_id = ?, output_path = ?, error_path = ?, requests_total = ?,"
        " requests_completed = ?, requests_failed = ?, last_error = ?, next_poll_at = ?,"
        " poll_interval_ms = ?, errors = ? WHERE id = ?"));
    q.addBindValue(part.lines);
    q.addBindValue(part.bytes);
    q.addBindValue(partStateName(part.state));
    q.addBindValue(textValue(part.uploadName));
    q.addBindValue(textValue(part.batchName));
    q.addBindValue(textValue(part.inputFileId));
    q.addBindValue(textValue(part.batchId));
    q.addBindValue(textValue(part.batchStatus));
    q.addBindValue(textValue(part.outputFileId));
    q.addBindValue(textValue(part.errorFileId));
    q.addBindValue(textValue(part.outputPath));
    q.addBindValue(textValue(part.errorPath));
    q.addBindValue(part.requestsTotal);
    q.addBindValue(part.requestsCompleted);
    q.addBindValue(part.requestsFailed);
    q.addBindValue(textValue(part.lastError));
    q.addBindValue(part.nextPollAt);
    q.addBindValue(part.pollIntervalMs);
    QJsonArray errors;
    for (const BatchLineError &error : part.errors)
        errors.append(QJsonObject{{QStringLiteral("code"), error.code},
                                  {QStringLiteral("message"), error.message},
                                  {QStringLiteral("param"), error.param},
                                  {QStringLiteral("line"), error.line}});
    q.addBindValue(jsonText(errors));
    q.addBindValue(part.id);
    return exec(q);
}

StorageError JobStore::commitLines(const BatchPart &part, const QList<QueuedLine> &lines,
                                   const QList<ItemResult> &failures)
{
    if (StorageError error = begin())
        return error;
    StorageError error = updatePart(part);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE items SET state = 'queued', part_id = ?, line = ?,"
                             " transform = ?, estimated_tokens = ?, attempts = attempts + 1"
                             " WHERE id = ? AND state = 'pending'"));
    for (const QueuedLine &line : lines) {
        if (error.isError())
            break;
        q.addBindValue(part.id);
        q.addBindValue(line.line);
        q.addBindValue(jsonText(storage::transformToJson(line.transform)));
        q.addBindValue(line.estimatedTokens);
        q.addBindValue(line.itemId);
        error = exec(q);
    }
    for (const ItemResult &failure : failures) {
        if (error.isError())
            break;
        error = writeResult(failure, "pending");
    }
    return commitOrRollback(error);
}

StorageError JobStore::markSubmitted(const BatchPart &part)
{
    if (StorageError error = begin())
        return error;
    StorageError error = updatePart(part);
    if (!error.isError()) {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("UPDATE items SET state = 'submitted' WHERE part_id = ? AND"
                                 " state = 'queued'"));
        q.addBindValue(part.id);
        error = exec(q);
    }
    return commitOrRollback(error);
}

StorageError JobStore::writeResult(const ItemResult &r, const char *requiredState,
                                   ItemState failedState)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "UPDATE items SET state = ?, answer = ?, detections = ?, detection_count = ?,"
        " labels = ?, space = ?, space_reason = ?, transform = coalesce(?, transform),"
        " input_tokens = ?, output_tokens = ?, image_tokens = ?, error_code = ?,"
        " error_message = ?, finished_at = ? WHERE id = ? AND state = ?"));
    q.addBindValue(itemStateName(r.ok ? ItemState::Done : failedState));
    q.addBindValue(r.ok ? QVariant(r.answer) : QVariant());
    q.addBindValue(r.ok ? QVariant(jsonText(detectionsToJson(r.detections))) : QVariant());
    q.addBindValue(int(r.detections.size()));
    q.addBindValue(textValue(distinctLabels(r.detections).join(QLatin1Char('\n'))));
    q.addBindValue(r.space ? QVariant(spaceName(r.space->space)) : QVariant());
    q.addBindValue(r.space ? QVariant(spaceReasonName(r.space->reason)) : QVariant());
    q.addBindValue(r.transform.isValid() ? QVariant(jsonText(storage::transformToJson(r.transform)))
                                         : QVariant());
    q.addBindValue(r.usage.inputTokens);
    q.addBindValue(r.usage.outputTokens);
    q.addBindValue(r.usage.imageTokens);
    q.addBindValue(textValue(r.errorCode));
    q.addBindValue(textValue(r.errorMessage));
    q.addBindValue(nowMs());
    q.addBindValue(r.itemId);
    q.addBindValue(QString::fromLatin1(requiredState));
    return exec(q);
}

StorageError JobStore::storePartResults(const BatchPart &part, const QList<ItemResult> &results,
                                        ItemState missingState, const QString &missingCode,
                                        const QString &missingMessage)
{
    if (StorageError error = begin())
        return error;
    StorageError error;
    QSet<qint64> ofPart;
    {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("SELECT id FROM items WHERE part_id = ? AND state = 'submitted'"));
        q.addBindValue(part.id);
        error = exec(q);
        while (!error.isError() && q.next())
            ofPart.insert(q.value(0).toLongLong());
    }
    for (const ItemResult &result : results) {
        if (error.isError())
            break;
        // A custom_id that is not one of this part's items is the server's mistake: ignored.
        if (ofPart.remove(result.itemId))
            error = writeResult(result, "submitted");
    }
    for (qint64 id : std::as_const(ofPart)) {
        if (error.isError())
            break;
        ItemResult missing;
        missing.itemId = id;
        missing.errorCode = missingCode;
        missing.errorMessage = missingMessage;
        error = writeResult(missing, "submitted", missingState);
    }
    if (!error.isError())
        error = updatePart(part);
    return commitOrRollback(error);
}

StorageError JobStore::storeResults(const QList<ItemResult> &results)
{
    if (StorageError error = begin())
        return error;
    StorageError error;
    for (const ItemResult &result : results) {
        if (error.isError())
            break;
        error = writeResult(result, "pending");
    }
    return commitOrRollback(error);
}

StorageError JobStore::dropPart(const BatchPart &part)
{
    if (StorageError error = begin())
        return error;
    BatchPart dropped = part;
    dropped.state = PartState::Dropped;
    StorageError error = updatePart(dropped);
    if (!error.isError()) {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("UPDATE items SET state = 'cancelled', finished_at = ? WHERE"
                                 " part_id = ? AND state = 'queued'"));
        q.addBindValue(nowMs());
        q.addBindValue(part.id);
        error = exec(q);
    }
    return commitOrRollback(error);
}

StorageError JobStore::cancelPending(const QString &jobId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE items SET state = 'cancelled', finished_at = ? WHERE"
                             " job_id = ? AND state = 'pending'"));
    q.addBindValue(nowMs());
    q.addBindValue(jobId);
    return exec(q);
}

int JobStore::retryFailed(const QString &jobId, bool cancelledToo, StorageError *error)
{
    StorageError e = begin();
    int count = 0;
    if (!e.isError()) {
        QSqlQuery q(m_db);
        // Files that cannot be read as images stay failed: sending them again cannot help.
        q.prepare(QStringLiteral(
            "UPDATE items SET state = 'pending', part_id = NULL, line = 0, error_code = '',"
            " error_message = '', finished_at = NULL WHERE job_id = ? AND error_code != 'image'"
            " AND (state = 'failed' OR (? AND state = 'cancelled'))"));
        q.addBindValue(jobId);
        q.addBindValue(cancelledToo ? 1 : 0);
        e = exec(q);
        count = q.numRowsAffected();
        if (!e.isError()) {
            QSqlQuery job(m_db);
            job.prepare(QStringLiteral("UPDATE jobs SET cancel_requested = 0, error_code = '',"
                                       " error_message = '' WHERE id = ?"));
            job.addBindValue(jobId);
            e = exec(job);
        }
        e = commitOrRollback(e);
    }
    if (error)
        *error = e;
    return e.isError() ? 0 : count;
}

QList<BatchItem> JobStore::pendingItems(const QString &jobId, int limit) const
{
    ItemFilter filter;
    filter.state = ItemState::Pending;
    filter.limit = limit;
    return items(jobId, filter);
}

QList<qint64> JobStore::pendingItemIds(const QString &jobId) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id FROM items WHERE job_id = ? AND state = 'pending'"
                             " ORDER BY id"));
    q.addBindValue(jobId);
    QList<qint64> ids;
    if (!exec(q).isError()) {
        while (q.next())
            ids.append(q.value(0).toLongLong());
    }
    return ids;
}

StorageError JobStore::addRemoteFile(const QString &jobId, qint64 partId, const QString &origin,
                                     const QString &fileId, const QString &role)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT OR IGNORE INTO remote_files"
                             " (origin, file_id, job_id, part_id, role)"
                             " VALUES (coalesce(?, ''), ?, ?, ?, ?)"));
    q.addBindValue(origin);
    q.addBindValue(fileId);
    q.addBindValue(jobId);
    q.addBindValue(partId);
    q.addBindValue(role);
    return exec(q);
}

StorageError JobStore::removeRemoteFile(const QString &origin, const QString &fileId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM remote_files WHERE file_id = ?"
                             " AND origin IN (coalesce(?, ''), '')"));
    q.addBindValue(fileId);
    q.addBindValue(origin);
    return exec(q);
}

QStringList JobStore::remoteFiles(const QString &jobId, qint64 partId, const QString &origin) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT DISTINCT file_id FROM remote_files WHERE job_id = ? AND"
                             " (? = 0 OR part_id = ?)"
                             " AND (coalesce(?, '') = '' OR origin IN (?, ''))"
                             " ORDER BY file_id"));
    q.addBindValue(jobId);
    q.addBindValue(partId);
    q.addBindValue(partId);
    q.addBindValue(origin);
    q.addBindValue(origin);
    QStringList ids;
    if (!exec(q).isError()) {
        while (q.next())
            ids.append(q.value(0).toString());
    }
    return ids;
}

QString JobStore::remoteOrigin(const QUrl &serviceUrl)
{
    return serviceUrl
        .adjusted(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment
                  | QUrl::StripTrailingSlash)
        .toString(QUrl::FullyEncoded);
}

} // namespace qvd
