#pragma once

#include "core/storage/ConversationRecord.h"

#include <QJsonObject>

namespace qvd::storage {

// A stored conversation as JSON, for the export file (HistoryTransfer). Names follow the
// database columns; every field of ConversationRecord is kept, message ids are not (they are
// the database's own).
QJsonObject recordToJson(const ConversationRecord &record);
// Empty optional when `object` is not a conversation (no id).
std::optional<ConversationRecord> recordFromJson(const QJsonObject &object);

// A message of a conversation's "messages", and a part of a message's "parts": for reading a
// bundle one message at a time (HistoryImport).
StoredMessage messageFromJson(const QJsonObject &object);
Part partFromJson(const QJsonObject &object);

} // namespace qvd::storage
