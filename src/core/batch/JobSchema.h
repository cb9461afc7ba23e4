#pragma once

#include <QSqlDatabase>
#include <QSqlError>
#include <QStringList>

namespace qvd::batch {

// The job store's schema (core/batch/JobStore), versioned with PRAGMA user_version like the
// history's (core/storage/HistorySchema).
//   v1  jobs, items (one per distinct image), item_files (copies of an image), parts (batch
//       input files and their batches), remote_files (what the job left on the account).
//   v2  remote_files keyed by the service's origin and the file id: ids are unique only
//       within one service.
constexpr int kJobSchemaVersion = 2;

QStringList jobSchemaStep(int version);

// Brings `db` from `fromVersion` to kJobSchemaVersion, each step in its own transaction.
bool migrateJobs(QSqlDatabase &db, int fromVersion, QSqlError *error);

} // namespace qvd::batch
