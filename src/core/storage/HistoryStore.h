#pragma once

#include "core/storage/ConversationRecord.h"
#include "core/storage/StorageError.h"

#include <QCoreApplication>
#include <QSet>
#include <QSqlDatabase>

class QSqlQuery;
#include <QString>

#include <optional>

class QSqlError;

namespace qvd {

// The chat history in one SQLite file (docs/architecture.md step 7): conversations, messages with
// their parts, image transforms and detections, and a full-text index over titles and text.
//
// Each store opens its own named Qt SQL connection (removed in the destructor), so several
// stores, in one thread or in several, can use the same file: WAL lets readers go on while one
// writer commits. A store must be used only from the thread that opened it (Qt SQL's rule).
//
// Each commit is one transaction with synchronous=FULL: once commitMessage() returns without
// error the message survives a crash of the app or of the machine.
//
// Images: write the original to the ImageStore first, then commit the message naming it, so a
// row never points at a file that was not written.
class HistoryStore
{
    Q_DECLARE_TR_FUNCTIONS(qvd::HistoryStore)

public:
    struct OpenResult
    {
        StorageError error; // set when the store could not be opened
        // A damaged database found at the path was moved here and a new one started.
        QString keptAsidePath;
        // For people, translated: why it failed, or where the damaged file was kept; empty
        // when the file opened normally.
        QString message;

        bool ok() const { return !error.isError(); }
    };

    HistoryStore();
    ~HistoryStore();
    HistoryStore(const HistoryStore &) = delete;
    HistoryStore &operator=(const HistoryStore &) = delete;

    static int schemaVersion();

    // Opens (or creates) the database at `path`, migrating it forward. A database from a newer
    // app is refused untouched; a damaged one is renamed aside with a timestamp and a new one
    // started (see OpenResult). A folder that cannot be written is an error, nothing is moved.
    OpenResult open(const QString &path);
    void close();
    bool isOpen() const;
    QString path() const { return m_path; }

    // Creates the conversation, or updates its title, system prompt, model and parameters.
    // header.messages is ignored: messages are committed one by one.
    StorageError saveConversation(const Conversation &header);
    StorageError deleteConversation(const QString &id);

    // Deleting with time to undo it. markDeleted() hides the conversation from every read
    // (conversations(), search(), conversation(), contains(), importedCopiesOf()) in one
    // update, keeping all of it; restoreDeleted() brings it back as it was, in its place by
    // last activity; purgeDeleted() deletes it for real. One still marked when the app ended
    // (it was killed during the undo time) is left for purgeAllDeleted() at the next start.
    // Each is NotFound when there is no such live (markDeleted) or deleted (others) one.
    StorageError markDeleted(const QString &id);
    StorageError restoreDeleted(const QString &id);
    // `freedImages` (optional) receives the originals (32-byte SHA-256) that no stored message
    // names any more, whose files can go (ImageStore::remove).
    StorageError purgeDeleted(const QString &id, QSet<QByteArray> *freedImages = nullptr);
    StorageError purgeAllDeleted(QSet<QByteArray> *freedImages = nullptr);
    // Ids of the conversations marked deleted and not purged yet.
    QStringList deletedConversations(StorageError *error = nullptr) const;
    // Drops the conversation's messages from position `keep` on (0-based), in one transaction:
    // what "edit and resend" and "regenerate" replace.
    StorageError truncateConversation(const QString &id, int keep);

    // Appends `message` to the conversation in one transaction; sets message.id (and createdAt
    // when unset). On error nothing of it was stored.
    StorageError commitMessage(const QString &conversationId, StoredMessage &message);
    // The same for several messages, all or none.
    StorageError commitMessages(const QString &conversationId, QList<StoredMessage> &messages);
    // Writes `message` at `position` (0-based) in one transaction: in place of the message
    // there, or appended when position is the message count. An answer is saved this way as it
    // streams, and a message again when its coordinate space is overridden. Sets message.id.
    StorageError replaceMessage(const QString &conversationId, int position,
                                StoredMessage &message);

    // Inserts a whole conversation with its own timestamps (import); fails if the id exists.
    StorageError insertRecord(ConversationRecord &record);

    std::optional<ConversationRecord> conversation(const QString &id,
                                                   StorageError *error = nullptr) const;
    bool contains(const QString &conversationId) const;
    QList<ConversationSummary> conversations(StorageError *error = nullptr) const;
    // Ids of conversations imported as copies of `originalId`.
    QStringList importedCopiesOf(const QString &originalId) const;

    // Titles and message text containing every white-space separated term of `query`
    // (case-insensitive, any script; see storage/SearchText.h), newest first.
    QList<SearchHit> search(const QString &query, int limit = 50,
                            StorageError *error = nullptr) const;

    // Originals named by any stored message (32-byte SHA-256), for ImageStore::collectGarbage.
    QSet<QByteArray> referencedImages(StorageError *error = nullptr) const;

private:
    friend class ImportStaging; // an import's hidden rows and their publishing, in its file

    OpenResult openFile(const QString &path, bool afterSetAside);
    OpenResult failed(const StorageError &error);
    StorageError prepareConnection(int *version);
    StorageError sqlError(const QSqlError &error) const;
    StorageError begin();
    StorageError commitOrRollback(const StorageError &error);
    bool deleteUnreferencedImages(QSqlQuery &query);
    StorageError purge(const QString *id, QSet<QByteArray> *freedImages);
    StorageError insertMessages(const QString &conversationId, QList<StoredMessage> &messages);
    StorageError upsertHeader(const Conversation &header, const ConversationRecord *record);

    QString m_connectionName;
    QString m_path;
    QSqlDatabase m_db;
};

} // namespace qvd
