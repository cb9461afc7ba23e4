#include "core/storage/StorageError.h"

#include <QDir>
#include <QSqlError>

namespace qvd {

namespace {

// Primary SQLite result codes (sqlite3.h); extended codes carry them in the low byte.
enum SqliteCode {
    SqliteBusy = 5,
    SqliteLocked = 6,
    SqliteReadOnly = 8,
    SqliteIoErr = 10,
    SqliteCorrupt = 11,
    SqliteFull = 13,
    SqliteCantOpen = 14,
    SqlitePerm = 3,
    SqliteNotADb = 26,
};

} // namespace

StorageError StorageError::make(Kind kind, const QString &path, const QString &detail)
{
    StorageError error;
    error.kind = kind;
    error.path = path;
    error.detail = detail;
    return error;
}

StorageError StorageError::fromSql(const QSqlError &error, const QString &path)
{
    return fromSqlite(error.nativeErrorCode().toInt(), path, error.text());
}

StorageError StorageError::fromSqlite(int sqliteCode, const QString &path, const QString &detail)
{
    switch (sqliteCode & 0xff) {
    case SqliteFull:
        return make(Kind::DiskFull, path, detail);
    case SqliteReadOnly:
    case SqlitePerm:
        return make(Kind::ReadOnly, path, detail);
    case SqliteCantOpen:
        return make(Kind::CannotOpen, path, detail);
    case SqliteCorrupt:
    case SqliteNotADb:
        return make(Kind::Damaged, path, detail);
    case SqliteBusy:
    case SqliteLocked:
        return make(Kind::Busy, path, detail);
    case SqliteIoErr:
        // SQLITE_IOERR_WRITE with ENOSPC/EFBIG surfaces as an I/O error; its words tell.
        if (detail.contains(QStringLiteral("full"), Qt::CaseInsensitive))
            return make(Kind::DiskFull, path, detail);
        return make(Kind::Io, path, detail);
    default:
        return make(Kind::Io, path, detail);
    }
}

QString StorageError::userMessage() const
{
    const QString where = QDir::toNativeSeparators(path);
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::DiskFull:
        return tr("The disk is full: “%1” could not be saved. Everything saved before is kept; "
                  "free "
                  "some space and try again.")
            .arg(where);
    case Kind::ReadOnly:
        return tr("“%1” cannot be written (the folder or file is read-only). Nothing was changed; "
                  "everything saved before is kept.")
            .arg(where);
    case Kind::CannotOpen:
        return tr("“%1” cannot be opened or created.").arg(where);
    case Kind::NewerVersion:
        return tr("The history “%1” was written by a newer version of QwenVL Desk. It was not "
                  "opened and not changed; please update the app.")
            .arg(where);
    case Kind::Damaged:
        return tr("“%1” is damaged and cannot be read.").arg(where);
    case Kind::Busy:
        return tr("“%1” is in use by another program; try again.").arg(where);
    case Kind::NotFound:
        return tr("“%1” was not found.").arg(where);
    case Kind::InvalidInput:
        return tr("“%1” is not a QwenVL Desk history file or is damaged.").arg(where);
    case Kind::Io:
        return tr("Reading or writing “%1” failed.").arg(where);
    }
    return {};
}

} // namespace qvd
