#pragma once

#include "core/storage/ConversationRecord.h"
#include "core/storage/StorageError.h"

#include <QElapsedTimer>
#include <QStringList>

namespace qvd {

class HistoryStore;

// The database side of an import (HistoryImport): all or nothing, without holding the write
// lock for the whole import. Each conversation read from the file is written as a hidden one
// (marked deleted, like one waiting for its undo time) in short transactions, so the app keeps
// saving its own answers meanwhile; publish() then shows them all, or appends the new messages
// to the conversations they continue, in one transaction. After a failure discardAll() removes
// every hidden row it wrote; what a killed import leaves is purged with the other deleted
// conversations at the app's next start (ConversationDeleter::purgeLeftovers).
class ImportStaging
{
public:
    explicit ImportStaging(HistoryStore &history);
    ~ImportStaging();
    ImportStaging(const ImportStaging &) = delete;
    ImportStaging &operator=(const ImportStaging &) = delete;

    // True when a conversation row with this id exists: live, deleted (undo pending) or hidden.
    bool occupied(const QString &id, StorageError *error);

    // A hidden conversation `id` to write messages into.
    StorageError begin(const QString &id, const QString &importedFrom);
    StorageError addMessage(const QString &id, int position, StoredMessage &message);
    // Sets the title, prompt, model, parameters and times from `header`.
    StorageError finish(const QString &id, const ConversationRecord &header,
                        const QString &importedFrom);
    StorageError discard(const QString &id);

    struct Outcome
    {
        QString staged;
        // Empty: the staged conversation is shown as it is. Else its messages from position
        // `keep` on are appended to `target`, which must still have exactly `keep` messages.
        QString target;
        int keep = 0;
    };
    StorageError publish(const QList<Outcome> &outcomes);
    // Removes every conversation staged and not published, with their rows.
    StorageError discardAll();

private:
    StorageError open();
    StorageError commitIfDue();
    StorageError commit();
    StorageError appendTo(const Outcome &outcome, qint64 now);

    HistoryStore &m_history;
    bool m_inTransaction = false;
    QElapsedTimer m_since;
    QStringList m_staged;
};

} // namespace qvd
