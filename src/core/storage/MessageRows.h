#pragma once

#include "core/storage/StoredMessage.h"

#include <QSqlDatabase>
#include <QSqlError>

namespace qvd::storage {

// The rows of one message (messages, parts, images, detections, search_entries), written and
// read inside the caller's transaction.

// Inserts `message` at `position`; sets message.id (and createdAt when it was not set).
bool insertMessage(QSqlDatabase &db, const QString &conversationId, int position,
                   StoredMessage &message, QSqlError *error);

// Every message of a conversation in order, with parts, image sources and detections.
bool loadMessages(QSqlDatabase &db, const QString &conversationId, QList<StoredMessage> *messages,
                  QSqlError *error);

// ImageSource lists are kept without trailing empty entries, so a message that names no
// originals compares equal after a round trip.
QList<ImageSource> trimmedSources(QList<ImageSource> sources);

} // namespace qvd::storage
