#include "core/batch/JobSchema.h"

#include "core/storage/SqlTransaction.h"

namespace qvd::batch {

namespace {

QStringList schemaV1()
{
    return {
        QStringLiteral("CREATE TABLE jobs ("
                       " id TEXT PRIMARY KEY NOT NULL,"
                       " created_at INTEGER NOT NULL,"
                       " folder TEXT NOT NULL,"
                       " recursive INTEGER NOT NULL,"
                       " extensions TEXT NOT NULL," // "jpg,png"
                       " prompt TEXT NOT NULL,"
                       " model_id TEXT NOT NULL,"
                       " profile TEXT NOT NULL,"
                       " endpoint TEXT NOT NULL DEFAULT '',"
                       " mode TEXT NOT NULL," // BatchNames: "batch", "direct"
                       " formats TEXT NOT NULL DEFAULT ''," // "coco,yolo"
                       " concurrency INTEGER NOT NULL DEFAULT 4,"
                       " requests_per_minute INTEGER NOT NULL DEFAULT 0,"
                       " tokens_per_minute INTEGER NOT NULL DEFAULT 0,"
                       " thinking INTEGER," // NULL: the mode's default
                       " completion_window TEXT NOT NULL DEFAULT '24h',"
                       " cancel_requested INTEGER NOT NULL DEFAULT 0,"
                       " error_code TEXT NOT NULL DEFAULT '',"
                       " error_message TEXT NOT NULL DEFAULT '',"
                       " estimate TEXT NOT NULL DEFAULT '{}')"),
        QStringLiteral("CREATE TABLE parts ("
                       " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " job_id TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,"
                       " number INTEGER NOT NULL,"
                       " path TEXT NOT NULL,"
                       " lines INTEGER NOT NULL DEFAULT 0,"
                       " bytes INTEGER NOT NULL DEFAULT 0,"
                       " state TEXT NOT NULL,"
                       " upload_name TEXT NOT NULL,"
                       " batch_name TEXT NOT NULL,"
                       " input_file_id TEXT NOT NULL DEFAULT '',"
                       " batch_id TEXT NOT NULL DEFAULT '',"
                       " batch_status TEXT NOT NULL DEFAULT '',"
                       " output_file_id TEXT NOT NULL DEFAULT '',"
                       " error_file_id TEXT NOT NULL DEFAULT '',"
                       " output_path TEXT NOT NULL DEFAULT '',"
                       " error_path TEXT NOT NULL DEFAULT '',"
                       " requests_total INTEGER NOT NULL DEFAULT 0,"
                       " requests_completed INTEGER NOT NULL DEFAULT 0,"
                       " requests_failed INTEGER NOT NULL DEFAULT 0,"
                       " last_error TEXT NOT NULL DEFAULT '',"
                       " next_poll_at INTEGER NOT NULL DEFAULT 0,"
                       " poll_interval_ms INTEGER NOT NULL DEFAULT 0,"
                       " errors TEXT NOT NULL DEFAULT '[]'," // the batch's errors.data
                       " UNIQUE (job_id, number))"),
        // One row per distinct image (by content) of a job; its id is the batch line's
        // custom_id. Detections in pixels of the upright original (DetectionJson).
        QStringLiteral("CREATE TABLE items ("
                       " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " job_id TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,"
                       " sha256 TEXT NOT NULL,"
                       " path TEXT NOT NULL,"
                       " byte_count INTEGER NOT NULL,"
                       " state TEXT NOT NULL,"
                       " transform TEXT," // JSON, StorageCodec::transformToJson
                       " estimated_tokens INTEGER NOT NULL DEFAULT 0,"
                       " part_id INTEGER REFERENCES parts(id) ON DELETE SET NULL,"
                       " line INTEGER NOT NULL DEFAULT 0,"
                       " attempts INTEGER NOT NULL DEFAULT 0,"
                       " answer TEXT,"
                       " detections TEXT," // JSON array
                       " detection_count INTEGER NOT NULL DEFAULT 0,"
                       " labels TEXT NOT NULL DEFAULT ''," // distinct labels, one per line
                       " space TEXT,"
                       " space_reason TEXT,"
                       " input_tokens INTEGER NOT NULL DEFAULT 0,"
                       " output_tokens INTEGER NOT NULL DEFAULT 0,"
                       " image_tokens INTEGER NOT NULL DEFAULT 0,"
                       " error_code TEXT NOT NULL DEFAULT '',"
                       " error_message TEXT NOT NULL DEFAULT '',"
                       " finished_at INTEGER,"
                       " UNIQUE (job_id, sha256))"),
        QStringLiteral("CREATE INDEX items_job_state ON items(job_id, state)"),
        QStringLiteral("CREATE INDEX items_part ON items(part_id, line)"),
        QStringLiteral("CREATE TABLE item_files ("
                       " item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,"
                       " path TEXT NOT NULL,"
                       " PRIMARY KEY (item_id, path)) WITHOUT ROWID"),
        // Files this app put on (or had made on) the account, until they are deleted.
        QStringLiteral("CREATE TABLE remote_files ("
                       " file_id TEXT PRIMARY KEY NOT NULL,"
                       " job_id TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,"
                       " part_id INTEGER NOT NULL,"
                       " role TEXT NOT NULL)"), // "input", "output", "error"
    };
}

// File ids are unique only within one service: remote files are kept by the origin
// (scheme://host:port of the Batch API base) and the id together, so two endpoints' ids cannot
// take each other's place. Rows from version 1 get an empty origin: the job's own endpoint.
QStringList schemaV2()
{
    return {
        QStringLiteral("CREATE TABLE remote_files_v2 ("
                       " origin TEXT NOT NULL,"
                       " file_id TEXT NOT NULL,"
                       " job_id TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,"
                       " part_id INTEGER NOT NULL,"
                       " role TEXT NOT NULL,"
                       " PRIMARY KEY (origin, file_id))"),
        QStringLiteral("INSERT INTO remote_files_v2 (origin, file_id, job_id, part_id, role)"
                       " SELECT '', file_id, job_id, part_id, role FROM remote_files"),
        QStringLiteral("DROP TABLE remote_files"),
        QStringLiteral("ALTER TABLE remote_files_v2 RENAME TO remote_files"),
        QStringLiteral("CREATE INDEX remote_files_job ON remote_files(job_id, part_id)"),
    };
}

} // namespace

QStringList jobSchemaStep(int version)
{
    switch (version) {
    case 1:
        return schemaV1();
    case 2:
        return schemaV2();
    default:
        return {};
    }
}

bool migrateJobs(QSqlDatabase &db, int fromVersion, QSqlError *error)
{
    return storage::migrateStepwise(
        db, fromVersion, kJobSchemaVersion,
        [&db](int version, QSqlError *stepError) {
            return storage::execAll(db, jobSchemaStep(version), stepError);
        },
        error);
}

} // namespace qvd::batch
