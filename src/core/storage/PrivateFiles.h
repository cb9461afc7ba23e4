#pragma once

#include <QString>

namespace qvd::storage {

// Owner-only access for what the history keeps (private conversations and images): folders
// 0700 and files 0600 on Unix. Elsewhere these do nothing and succeed (a Windows profile's
// application data is private to its user already).

// Creates `path` (with its parents) when missing and makes it owner-only. False when it cannot
// be created; a folder whose mode cannot be changed (not ours) is left as it is.
bool makePrivateFolder(const QString &path);

// True when `path` is a folder only its owner can enter (always true off Unix).
bool isPrivateFolder(const QString &path);

// Makes an existing file owner-only; true when there is no such file.
bool makePrivateFile(const QString &path);

// Creates an empty owner-only file at `path` unless something is there already, so that a
// program writing it next (SQLite) never makes it readable by others, even for a moment.
bool createPrivateFile(const QString &path);

// The mode bits of `path` (e.g. 0600), or -1 when it cannot be read; for tests and checks.
int permissionBits(const QString &path);

} // namespace qvd::storage
