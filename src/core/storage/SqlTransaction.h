#pragma once

#include "core/storage/StorageError.h"

class QSqlDatabase;

namespace qvd::storage {

// The write transactions of the history (HistoryStore) and the batch job store (JobStore): one
// rule for both, so both keep the same crash guarantees. `path` names the file in errors.

// BEGIN IMMEDIATE: takes the write lock now (waiting up to the busy timeout) instead of failing
// half-way when a reader holds a snapshot. `notOpen` is the error's detail when `db` is closed.
StorageError beginImmediate(QSqlDatabase &db, const QString &path, const QString &notOpen);

// Commits when `error` is no error, else rolls back and returns it; a commit that fails is
// rolled back and its error returned.
StorageError commitOrRollback(QSqlDatabase &db, const QString &path, const StorageError &error);

} // namespace qvd::storage
