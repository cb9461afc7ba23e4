#pragma once

#include <QString>

namespace qvd::storage {

// What is at a database path before SQLite is asked to open it.
enum class FileVerdict {
    Missing, // nothing there: a new database will be made
    Plausible, // a readable file that is empty or starts with the SQLite header
    Damaged, // a directory, an unreadable file, or a file that is not an SQLite database
};

FileVerdict inspectDatabaseFile(const QString &path);

// True when a file can be created in `dir` and `path` (if it exists) opened for writing;
// asks the file system rather than reading permission bits, so it is right for root too.
bool canWrite(const QString &dir, const QString &path);

// Makes the database at `path` and its -wal, -shm and -journal companions owner-only, creating
// an empty owner-only file first when there is none (SQLite gives the companions it creates the
// database file's mode). False only when the file cannot be created.
bool makeDatabasePrivate(const QString &path);

// Moves a damaged database (and its -wal, -shm, -journal companions) to
// "<path>.damaged-<yyyyMMdd-HHmmss>[-n]". Returns the new path, or empty if it cannot be moved.
QString setAside(const QString &path);

} // namespace qvd::storage
