#include "core/storage/HistoryStore.h"

#include "core/storage/DatabaseFile.h"
#include "core/storage/HistorySchema.h"
#include "core/storage/MessageRows.h"
#include "core/storage/SearchText.h"
#include "core/storage/SqlTransaction.h"
#include "core/storage/StorageCodec.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace qvd {

using namespace storage;

namespace {

// Waits this long for another connection's write lock before reporting Busy.
constexpr int kBusyTimeoutMs = 5000;

qint64 nowMsecs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

HistoryStore::HistoryStore()
    : m_connectionName(QStringLiteral("qvd-history-")
                       + QUuid::createUuid().toString(QUuid::WithoutBraces))
{ }

HistoryStore::~HistoryStore()
{
    close();
}

int HistoryStore::schemaVersion()
{
    return kSchemaVersion;
}

HistoryStore::OpenResult HistoryStore::open(const QString &path)
{
    close();
    return openFile(QFileInfo(path).absoluteFilePath(), false);
}

void HistoryStore::close()
{
    if (!m_db.isValid())
        return;
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool HistoryStore::isOpen() const
{
    return m_db.isValid() && m_db.isOpen();
}

HistoryStore::OpenResult HistoryStore::failed(const StorageError &error)
{
    close();
    OpenResult result;
    result.error = error;
    result.message = error.userMessage();
    return result;
}

HistoryStore::OpenResult HistoryStore::openFile(const QString &path, bool afterSetAside)
{
    m_path = path;
    const QString dir = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(dir))
        return failed(StorageError::make(StorageError::Kind::CannotOpen, dir));

    StorageError error;
    if (inspectDatabaseFile(path) == FileVerdict::Damaged) {
        error = StorageError::make(StorageError::Kind::Damaged, path,
                                   QStringLiteral("not a readable SQLite database file"));
    } else if (!canWrite(dir, path)) {
        return failed(StorageError::make(StorageError::Kind::ReadOnly, path));
    } else if (!makeDatabasePrivate(path)) {
        return failed(StorageError::make(StorageError::Kind::CannotOpen, path));
    } else {
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
        m_db.setDatabaseName(path);
        m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(kBusyTimeoutMs));
        int version = 0;
        error = m_db.open() ? prepareConnection(&version) : sqlError(m_db.lastError());
        if (!error.isError())
            return {};
    }
    if (error.kind != StorageError::Kind::Damaged || afterSetAside)
        return failed(error);

    // Never replace silently: keep the damaged file beside the new one and say where.
    close();
    const QString kept = setAside(path);
    if (kept.isEmpty())
        return failed(error);
    OpenResult result = openFile(path, true);
    result.keptAsidePath = kept;
    const QString where = QDir::toNativeSeparators(kept);
    result.message = result.ok()
        ? tr("The history file was damaged and could not be read. It was kept as “%1” and a new, "
             "empty history was started.")
              .arg(where)
        : tr("The history file was damaged and was kept as “%1”. A new history could not be "
             "started: %2")
              .arg(where, result.error.userMessage());
    return result;
}

StorageError HistoryStore::prepareConnection(int *version)
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("PRAGMA foreign_keys = ON"))
        || !q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return sqlError(q.lastError());
    *version = q.value(0).toInt();
    // Reads every page of the b-trees once: a truncated or scribbled file is caught here, at
    // open, rather than in the middle of a later commit.
    if (!q.exec(QStringLiteral("PRAGMA quick_check(1)")) || !q.next())
        return sqlError(q.lastError());
    if (q.value(0).toString() != u"ok")
        return StorageError::make(StorageError::Kind::Damaged, m_path, q.value(0).toString());
    if (*version > kSchemaVersion) {
        return StorageError::make(StorageError::Kind::NewerVersion, m_path,
                                  QStringLiteral("schema version %1, this app knows %2")
                                      .arg(*version)
                                      .arg(kSchemaVersion));
    }
    // FULL: a commit is on disk when commitMessage returns, even if the machine loses power.
    if (!q.exec(QStringLiteral("PRAGMA journal_mode = WAL"))
        || !q.exec(QStringLiteral("PRAGMA synchronous = FULL")))
        return sqlError(q.lastError());
    QSqlError migrationError;
    if (*version < kSchemaVersion && !migrate(m_db, *version, &migrationError))
        return sqlError(migrationError);
    return {};
}

StorageError HistoryStore::sqlError(const QSqlError &error) const
{
    return StorageError::fromSql(error, m_path);
}

StorageError HistoryStore::begin()
{
    return storage::beginImmediate(m_db, m_path, QStringLiteral("the history is not open"));
}

StorageError HistoryStore::commitOrRollback(const StorageError &error)
{
    return storage::commitOrRollback(m_db, m_path, error);
}

StorageError HistoryStore::upsertHeader(const Conversation &header,
                                        const ConversationRecord *record)
{
    if (header.id.isEmpty())
        return StorageError::make(StorageError::Kind::InvalidInput, m_path,
                                  QStringLiteral("a conversation needs an id"));
    QSqlQuery q(m_db);
    const QString insert = QStringLiteral(
        "INSERT INTO conversations (id, title, system_prompt, model_id, parameters, created_at,"
        " updated_at, imported_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    q.prepare(
        record ? insert
               : insert
                + QStringLiteral(" ON CONFLICT(id) DO UPDATE SET title = excluded.title,"
                                 " system_prompt = excluded.system_prompt,"
                                 " model_id = excluded.model_id, parameters = excluded.parameters,"
                                 " updated_at = excluded.updated_at"));
    const qint64 now = nowMsecs();
    q.addBindValue(textValue(header.id));
    q.addBindValue(textValue(header.title));
    q.addBindValue(textValue(header.systemPrompt));
    q.addBindValue(textValue(header.modelId));
    q.addBindValue(jsonText(parametersToJson(header.parameters)));
    q.addBindValue(record && record->createdAt.isValid() ? toMsecs(record->createdAt) : now);
    q.addBindValue(record && record->updatedAt.isValid() ? toMsecs(record->updatedAt) : now);
    q.addBindValue(record && !record->importedFrom.isEmpty()
                       ? QVariant(record->importedFrom)
                       : QVariant(QMetaType::fromType<QString>()));
    if (!q.exec())
        return sqlError(q.lastError());
    QSqlError error;
    if (!indexSearchText(m_db, header.id, 0, header.title, &error))
        return sqlError(error);
    return {};
}

StorageError HistoryStore::saveConversation(const Conversation &header)
{
    if (StorageError error = begin())
        return error;
    return commitOrRollback(upsertHeader(header, nullptr));
}

StorageError HistoryStore::deleteConversation(const QString &id)
{
    if (StorageError error = begin())
        return error;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM conversations WHERE id = ?"));
    q.addBindValue(id);
    StorageError error;
    if (!q.exec() || !deleteUnreferencedImages(q))
        error = sqlError(q.lastError());
    return commitOrRollback(error);
}

StorageError HistoryStore::truncateConversation(const QString &id, int keep)
{
    if (StorageError error = begin())
        return error;
    QSqlQuery q(m_db);
    // Parts, detections and search entries go with their message (ON DELETE CASCADE).
    q.prepare(QStringLiteral("DELETE FROM messages WHERE conversation_id = ? AND position >= ?"));
    q.addBindValue(id);
    q.addBindValue(keep);
    StorageError error;
    if (!q.exec() || !deleteUnreferencedImages(q))
        error = sqlError(q.lastError());
    return commitOrRollback(error);
}

StorageError HistoryStore::markDeleted(const QString &id)
{
    if (StorageError error = begin())
        return error;
    QSqlQuery q(m_db);
    // updated_at stays: restored, the conversation is back in its place in the list.
    q.prepare(QStringLiteral(
        "UPDATE conversations SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL"));
    q.addBindValue(nowMsecs());
    q.addBindValue(id);
    StorageError error;
    if (!q.exec())
        error = sqlError(q.lastError());
    else if (q.numRowsAffected() != 1)
        error = StorageError::make(StorageError::Kind::NotFound, id);
    return commitOrRollback(error);
}

StorageError HistoryStore::restoreDeleted(const QString &id)
{
    if (StorageError error = begin())
        return error;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "UPDATE conversations SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL"));
    q.addBindValue(id);
    StorageError error;
    if (!q.exec())
        error = sqlError(q.lastError());
    else if (q.numRowsAffected() != 1)
        error = StorageError::make(StorageError::Kind::NotFound, id);
    return commitOrRollback(error);
}

StorageError HistoryStore::purgeDeleted(const QString &id, QSet<QByteArray> *freedImages)
{
    return purge(&id, freedImages);
}

StorageError HistoryStore::purgeAllDeleted(QSet<QByteArray> *freedImages)
{
    // Read first: most starts have nothing to purge and need no write (and no fsync).
    StorageError error;
    if (deletedConversations(&error).isEmpty())
        return error;
    return purge(nullptr, freedImages);
}

StorageError HistoryStore::purge(const QString *id, QSet<QByteArray> *freedImages)
{
    if (StorageError error = begin())
        return error;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT DISTINCT p.image_sha256 FROM conversations c"
                             " JOIN messages m ON m.conversation_id = c.id"
                             " JOIN parts p ON p.message_id = m.id"
                             " WHERE c.deleted_at IS NOT NULL AND p.image_sha256 IS NOT NULL")
              + (id ? QStringLiteral(" AND c.id = ?") : QString()));
    if (id)
        q.addBindValue(*id);
    if (!q.exec())
        return commitOrRollback(sqlError(q.lastError()));
    QStringList candidates;
    while (q.next())
        candidates.append(q.value(0).toString());

    // Messages, parts, detections and search entries go with the conversation (CASCADE).
    QSqlQuery remove(m_db);
    remove.prepare(QStringLiteral("DELETE FROM conversations WHERE deleted_at IS NOT NULL")
                   + (id ? QStringLiteral(" AND id = ?") : QString()));
    if (id)
        remove.addBindValue(*id);
    if (!remove.exec())
        return commitOrRollback(sqlError(remove.lastError()));
    if (id && remove.numRowsAffected() != 1)
        return commitOrRollback(StorageError::make(StorageError::Kind::NotFound, *id));
    if (!deleteUnreferencedImages(remove))
        return commitOrRollback(sqlError(remove.lastError()));

    QSet<QByteArray> freed;
    QSqlQuery still(m_db);
    still.prepare(QStringLiteral("SELECT 1 FROM parts WHERE image_sha256 = ? LIMIT 1"));
    for (const QString &hex : std::as_const(candidates)) {
        still.addBindValue(hex);
        if (!still.exec())
            return commitOrRollback(sqlError(still.lastError()));
        if (!still.next())
            freed.insert(sha256FromHex(hex));
    }
    if (StorageError error = commitOrRollback({}))
        return error;
    if (freedImages)
        freedImages->unite(freed);
    return {};
}

QStringList HistoryStore::deletedConversations(StorageError *error) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    QStringList ids;
    if (!q.exec(QStringLiteral(
            "SELECT id FROM conversations WHERE deleted_at IS NOT NULL ORDER BY deleted_at, id"))) {
        if (error)
            *error = sqlError(q.lastError());
        return ids;
    }
    while (q.next())
        ids.append(q.value(0).toString());
    return ids;
}

bool HistoryStore::deleteUnreferencedImages(QSqlQuery &query)
{
    return query.exec(QStringLiteral("DELETE FROM images WHERE sha256 NOT IN (SELECT image_sha256"
                                     " FROM parts WHERE image_sha256 IS NOT NULL)"));
}

StorageError HistoryStore::insertMessages(const QString &conversationId,
                                          QList<StoredMessage> &messages)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT COALESCE(MAX(position) + 1, 0) FROM messages"
                             " WHERE conversation_id = ?"));
    q.addBindValue(conversationId);
    if (!q.exec() || !q.next())
        return sqlError(q.lastError());
    int position = q.value(0).toInt();
    QSqlError error;
    for (StoredMessage &message : messages) {
        if (!insertMessage(m_db, conversationId, position++, message, &error))
            return sqlError(error);
    }
    return {};
}

StorageError HistoryStore::commitMessage(const QString &conversationId, StoredMessage &message)
{
    QList<StoredMessage> one{message};
    const StorageError error = commitMessages(conversationId, one);
    if (!error.isError())
        message = one.constFirst();
    return error;
}

StorageError HistoryStore::commitMessages(const QString &conversationId,
                                          QList<StoredMessage> &messages)
{
    if (StorageError error = begin())
        return error;
    StorageError error;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE conversations SET updated_at = MAX(updated_at, ?)"
                             " WHERE id = ?"));
    q.addBindValue(nowMsecs());
    q.addBindValue(conversationId);
    if (!q.exec())
        error = sqlError(q.lastError());
    else if (q.numRowsAffected() != 1)
        error = StorageError::make(StorageError::Kind::NotFound, conversationId);
    else
        error = insertMessages(conversationId, messages);
    error = commitOrRollback(error);
    if (error.isError()) {
        for (StoredMessage &message : messages)
            message.id = 0;
    }
    return error;
}

StorageError HistoryStore::replaceMessage(const QString &conversationId, int position,
                                          StoredMessage &message)
{
    if (StorageError error = begin())
        return error;
    StorageError error;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE conversations SET updated_at = MAX(updated_at, ?)"
                             " WHERE id = ?"));
    q.addBindValue(nowMsecs());
    q.addBindValue(conversationId);
    QSqlError sqlFailure;
    if (!q.exec()) {
        error = sqlError(q.lastError());
    } else if (q.numRowsAffected() != 1) {
        error = StorageError::make(StorageError::Kind::NotFound, conversationId);
    } else {
        // Parts, detections and search entries go with the old row (ON DELETE CASCADE).
        q.prepare(
            QStringLiteral("DELETE FROM messages WHERE conversation_id = ? AND position = ?"));
        q.addBindValue(conversationId);
        q.addBindValue(position);
        if (!q.exec())
            error = sqlError(q.lastError());
        else if (!storage::insertMessage(m_db, conversationId, position, message, &sqlFailure))
            error = sqlError(sqlFailure);
        else if (!deleteUnreferencedImages(q))
            error = sqlError(q.lastError());
    }
    error = commitOrRollback(error);
    if (error.isError())
        message.id = 0;
    return error;
}

StorageError HistoryStore::insertRecord(ConversationRecord &record)
{
    if (StorageError error = begin())
        return error;
    StorageError error = upsertHeader(record.header, &record);
    if (!error.isError())
        error = insertMessages(record.header.id, record.messages);
    return commitOrRollback(error);
}

std::optional<ConversationRecord> HistoryStore::conversation(const QString &id,
                                                             StorageError *error) const
{
    QSqlDatabase db = m_db;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT title, system_prompt, model_id, parameters, created_at,"
                             " updated_at, imported_from FROM conversations"
                             " WHERE id = ? AND deleted_at IS NULL"));
    q.addBindValue(id);
    QSqlError sqlFailure;
    ConversationRecord record;
    if (q.exec() && q.next()) {
        record.header.id = id;
        record.header.title = q.value(0).toString();
        record.header.systemPrompt = q.value(1).toString();
        record.header.modelId = q.value(2).toString();
        record.header.parameters = parametersFromJson(jsonObject(q.value(3).toString()));
        record.createdAt = fromMsecs(q.value(4).toLongLong());
        record.updatedAt = fromMsecs(q.value(5).toLongLong());
        record.importedFrom = q.value(6).toString();
        if (loadMessages(db, id, &record.messages, &sqlFailure))
            return record;
    } else {
        sqlFailure = q.lastError();
    }
    if (error) {
        *error = sqlFailure.isValid() ? sqlError(sqlFailure)
                                      : StorageError::make(StorageError::Kind::NotFound, id);
    }
    return std::nullopt;
}

bool HistoryStore::contains(const QString &conversationId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT 1 FROM conversations WHERE id = ? AND deleted_at IS NULL"));
    q.addBindValue(conversationId);
    return q.exec() && q.next();
}

QList<ConversationSummary> HistoryStore::conversations(StorageError *error) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    QList<ConversationSummary> list;
    if (!q.exec(QStringLiteral("SELECT c.id, c.title, c.model_id, c.created_at, c.updated_at,"
                               " (SELECT COUNT(*) FROM messages m WHERE m.conversation_id = c.id)"
                               " FROM conversations c WHERE c.deleted_at IS NULL"
                               " ORDER BY c.updated_at DESC, c.id"))) {
        if (error)
            *error = sqlError(q.lastError());
        return list;
    }
    while (q.next()) {
        ConversationSummary summary;
        summary.id = q.value(0).toString();
        summary.title = q.value(1).toString();
        summary.modelId = q.value(2).toString();
        summary.createdAt = fromMsecs(q.value(3).toLongLong());
        summary.updatedAt = fromMsecs(q.value(4).toLongLong());
        summary.messageCount = q.value(5).toInt();
        list.append(summary);
    }
    return list;
}

QStringList HistoryStore::importedCopiesOf(const QString &originalId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id FROM conversations WHERE imported_from = ?"
                             " AND deleted_at IS NULL ORDER BY id"));
    q.addBindValue(originalId);
    QStringList ids;
    if (q.exec()) {
        while (q.next())
            ids.append(q.value(0).toString());
    }
    return ids;
}

QList<SearchHit> HistoryStore::search(const QString &query, int limit, StorageError *error) const
{
    const SearchPlan plan = planSearch(query);
    QList<SearchHit> hits;
    if (plan.isEmpty())
        return hits;
    QString from = QStringLiteral("search_entries e");
    QString order = QStringLiteral("e.id DESC");
    QStringList where{QStringLiteral("c.deleted_at IS NULL")};
    QVariantList binds;
    if (!plan.trigramMatch.isEmpty()) {
        from = QStringLiteral("search_fts f JOIN search_entries e ON e.id = f.rowid");
        order = QStringLiteral("f.rowid DESC");
        where.append(QStringLiteral("search_fts MATCH ?"));
        binds.append(plan.trigramMatch);
        if (!plan.gramsMatch.isEmpty()) {
            where.append(QStringLiteral("e.id IN (SELECT rowid FROM search_fts_grams"
                                        " WHERE search_fts_grams MATCH ?)"));
            binds.append(plan.gramsMatch);
        }
    } else if (!plan.gramsMatch.isEmpty()) {
        from = QStringLiteral("search_fts_grams g JOIN search_entries e ON e.id = g.rowid");
        order = QStringLiteral("g.rowid DESC");
        where.append(QStringLiteral("search_fts_grams MATCH ?"));
        binds.append(plan.gramsMatch);
    }
    for (const QString &pattern : plan.likePatterns) {
        where.append(QStringLiteral("e.body LIKE ? ESCAPE '\\'"));
        binds.append(pattern);
    }
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    // Trigram hits are checked for their terms here, so the limit is counted here too.
    const bool verify = !plan.verifyTerms.isEmpty();
    q.prepare(QStringLiteral("SELECT e.conversation_id, c.title, e.message_id, e.body FROM ") + from
              + QStringLiteral(" JOIN conversations c ON c.id = e.conversation_id WHERE ")
              + where.join(QStringLiteral(" AND ")) + QStringLiteral(" ORDER BY ") + order
              + (verify ? QString() : QStringLiteral(" LIMIT ?")));
    for (const QVariant &bind : binds)
        q.addBindValue(bind);
    if (!verify)
        q.addBindValue(limit);
    if (!q.exec()) {
        if (error)
            *error = sqlError(q.lastError());
        return hits;
    }
    while (hits.size() < limit && q.next()) {
        const QString body = q.value(3).toString();
        if (verify && !plan.verified(body))
            continue;
        SearchHit hit;
        hit.conversationId = q.value(0).toString();
        hit.conversationTitle = q.value(1).toString();
        hit.messageId = q.value(2).toLongLong();
        const Snippet snippet = makeSnippet(body, plan.terms);
        hit.snippet = snippet.text;
        hit.matchStart = snippet.matchStart;
        hit.matchLength = snippet.matchLength;
        hits.append(hit);
    }
    return hits;
}

QSet<QByteArray> HistoryStore::referencedImages(StorageError *error) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    QSet<QByteArray> hashes;
    if (!q.exec(QStringLiteral("SELECT DISTINCT image_sha256 FROM parts"
                               " WHERE image_sha256 IS NOT NULL"))) {
        if (error)
            *error = sqlError(q.lastError());
        return hashes;
    }
    while (q.next())
        hashes.insert(sha256FromHex(q.value(0).toString()));
    return hashes;
}

} // namespace qvd
