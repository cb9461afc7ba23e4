#pragma once

#include <QSqlDatabase>
#include <QSqlError>
#include <QStringList>

namespace qvd::storage {

// The history database's schema, versioned with PRAGMA user_version.
//   v1  conversations, messages, parts, images, detections.
//   v2  full-text search (search_entries + two FTS5 indexes kept by triggers) filled from the
//       v1 rows; conversations.imported_from for imported copies.
//   v3  conversations.deleted_at: deleted but still undoable (HistoryStore::markDeleted).
//   v4  stable ids: messages.uid, parts.uid, parts.image_uid.
//   v5  layers: boxes kept beside the answers, per image (ground truth, a person's
//       corrections of an answer), read and written by LayerStore.
//   v6  the two FTS5 indexes rebuilt without positions or sizes (detail=none, columnsize=0):
//       a third of the file's size for the same results (SearchText.h).
// A database is migrated forward one step at a time, each step in its own transaction; a
// database newer than kSchemaVersion is refused (HistoryStore::open).
constexpr int kSchemaVersion = 6;

// The statements of one schema step (the database goes from `version - 1` to `version`).
QStringList schemaStep(int version);

// Brings `db` from `fromVersion` to kSchemaVersion. On failure, the step that failed is rolled
// back, `error` is set and the database stays at the last version that completed.
bool migrate(QSqlDatabase &db, int fromVersion, QSqlError *error);

// Adds or replaces the searchable text of a message (messageId > 0) or of a conversation's
// title (messageId == 0). Part of the caller's transaction.
bool indexSearchText(QSqlDatabase &db, const QString &conversationId, qint64 messageId,
                     const QString &body, QSqlError *error);

} // namespace qvd::storage
