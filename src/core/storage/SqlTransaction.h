#pragma once

#include "core/storage/StorageError.h"

#include <QStringList>

#include <functional>

class QSqlDatabase;
class QSqlError;

namespace qvd::storage {

// The write transactions of the history (HistoryStore) and the batch job store (JobStore): one
// rule for both, so both keep the same crash guarantees. `path` names the file in errors.

// BEGIN IMMEDIATE: takes the write lock now (waiting up to the busy timeout) instead of failing
// half-way when a reader holds a snapshot. `notOpen` is the error's detail when `db` is closed.
StorageError beginImmediate(QSqlDatabase &db, const QString &path, const QString &notOpen);

// Commits when `error` is no error, else rolls back and returns it; a commit that fails is
// rolled back and its error returned.
StorageError commitOrRollback(QSqlDatabase &db, const QString &path, const StorageError &error);

// Runs `statements` in order; false at the first that fails, with its error.
bool execAll(QSqlDatabase &db, const QStringList &statements, QSqlError *error);

// Brings a schema versioned with PRAGMA user_version from `fromVersion` to `toVersion`, one
// step at a time, each step (`step(version)`, then the new user_version) in its own
// transaction: a step that fails is rolled back and leaves the database at the version before.
bool migrateStepwise(QSqlDatabase &db, int fromVersion, int toVersion,
                     const std::function<bool(int version, QSqlError *error)> &step,
                     QSqlError *error);

} // namespace qvd::storage
