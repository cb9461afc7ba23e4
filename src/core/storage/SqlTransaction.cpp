#include "core/storage/SqlTransaction.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace qvd::storage {

namespace {

StorageError sqlError(const QSqlError &error, const QString &path)
{
    return StorageError::fromSqlite(error.nativeErrorCode().toInt(), path, error.text());
}

} // namespace

StorageError beginImmediate(QSqlDatabase &db, const QString &path, const QString &notOpen)
{
    if (!db.isValid() || !db.isOpen())
        return StorageError::make(StorageError::Kind::CannotOpen, path, notOpen);
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return sqlError(q.lastError(), path);
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
    const StorageError commitError = sqlError(q.lastError(), path);
    q.exec(QStringLiteral("ROLLBACK"));
    return commitError;
}

} // namespace qvd::storage
