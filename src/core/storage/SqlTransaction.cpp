#include "core/storage/SqlTransaction.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace qvd::storage {

StorageError beginImmediate(QSqlDatabase &db, const QString &path, const QString &notOpen)
{
    if (!db.isValid() || !db.isOpen())
        return StorageError::make(StorageError::Kind::CannotOpen, path, notOpen);
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return StorageError::fromSql(q.lastError(), path);
    return {};
}

StorageError commitOrRollback(QSqlDatabase &db, const QString &path, const StorageError &error)
{
    QSqlQuery q(db);
    if (error.isError()) {
        q.exec(QStringLiteral("ROLLBACK"));
        return error;
    }
    if (q.exec(QStringLiteral("COMMIT")))
        return {};
    const StorageError commitError = StorageError::fromSql(q.lastError(), path);
    q.exec(QStringLiteral("ROLLBACK"));
    return commitError;
}

bool execAll(QSqlDatabase &db, const QStringList &statements, QSqlError *error)
{
    QSqlQuery query(db);
    for (const QString &statement : statements) {
        if (!query.exec(statement)) {
            *error = query.lastError();
            return false;
        }
    }
    return true;
}

bool migrateStepwise(QSqlDatabase &db, int fromVersion, int toVersion,
                     const std::function<bool(int version, QSqlError *error)> &step,
                     QSqlError *error)
{
    for (int version = fromVersion + 1; version <= toVersion; ++version) {
        QSqlQuery query(db);
        if (!query.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
            *error = query.lastError();
            return false;
        }
        if (!step(version, error)
            || !execAll(db, {QStringLiteral("PRAGMA user_version = %1").arg(version)}, error)) {
            query.exec(QStringLiteral("ROLLBACK"));
            return false;
        }
        if (!query.exec(QStringLiteral("COMMIT"))) {
            *error = query.lastError();
            query.exec(QStringLiteral("ROLLBACK"));
            return false;
        }
    }
    return true;
}

} // namespace qvd::storage
