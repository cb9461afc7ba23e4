#pragma once

#include <QCoreApplication>
#include <QString>

class QSqlError;

namespace qvd {

// Why a storage operation failed, as a value: a kind the caller can act on, a translated
// sentence for people (with the path involved) and the technical detail for logs.
class StorageError
{
    Q_DECLARE_TR_FUNCTIONS(qvd::StorageError)

public:
    enum class Kind {
        None,
        DiskFull, // SQLITE_FULL, ENOSPC, EFBIG: nothing new was written
        ReadOnly, // the folder or file cannot be written
        CannotOpen, // the file or folder cannot be opened or created
        NewerVersion, // the database was written by a newer version of the app
        Damaged, // corrupt or not a database (at open: set aside, see keptAsidePath)
        Busy, // another program holds the database locked
        NotFound, // no such conversation or image
        InvalidInput, // an import file or argument that cannot be used
        Io, // any other read or write error
    };

    Kind kind = Kind::None;
    QString path; // the file or folder concerned
    QString detail; // technical: SQLite's or the OS's words, not translated

    bool isError() const { return kind != Kind::None; }
    explicit operator bool() const { return isError(); }

    static StorageError none() { return {}; }
    static StorageError make(Kind kind, const QString &path, const QString &detail = {});
    // Classifies an SQLite result code (primary or extended) at `path`.
    static StorageError fromSqlite(int sqliteCode, const QString &path, const QString &detail);
    // The same for what Qt's SQLite driver reported (its native code and text).
    static StorageError fromSql(const QSqlError &error, const QString &path);

    // A translated sentence for people; names the path.
    QString userMessage() const;

    friend bool operator==(const StorageError &a, const StorageError &b)
    {
        return a.kind == b.kind && a.path == b.path && a.detail == b.detail;
    }
};

} // namespace qvd
