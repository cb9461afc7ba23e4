#include "core/storage/ImportStaging.h"

#include "core/storage/HistorySchema.h"
#include "core/storage/HistoryStore.h"
#include "core/storage/MessageRows.h"
#include "core/storage/StorageCodec.h"

#include <QSqlQuery>
#include <QVariant>

namespace qvd {

using namespace storage;

namespace {

// A transaction of the import is committed after this long, so that the app's own saves wait
// at most about this much for the write lock.
constexpr qint64 kTransactionMs = 200;

qint64 nowMsecs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

StorageError changedMeanwhile(const QString &id)
{
    return StorageError::make(StorageError::Kind::NotFound, id,
                              QStringLiteral("the conversation changed during the import"));
}

} // namespace

ImportStaging::ImportStaging(HistoryStore &history) : m_history(history) { }

ImportStaging::~ImportStaging()
{
    if (m_inTransaction)
        m_history.commitOrRollback(StorageError::make(StorageError::Kind::Io, {}));
}

StorageError ImportStaging::open()
{
    if (m_inTransaction)
        return {};
    if (StorageError error = m_history.begin())
        return error;
    m_inTransaction = true;
    m_since.start();
    return {};
}

StorageError ImportStaging::commit()
{
    if (!m_inTransaction)
        return {};
    m_inTransaction = false;
    return m_history.commitOrRollback({});
}

StorageError ImportStaging::commitIfDue()
{
    return m_inTransaction && m_since.elapsed() >= kTransactionMs ? commit() : StorageError();
}

bool ImportStaging::occupied(const QString &id, StorageError *error)
{
    QSqlQuery q(m_history.m_db);
    q.prepare(QStringLiteral("SELECT 1 FROM conversations WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec()) {
        *error = m_history.sqlError(q.lastError());
        return true;
    }
    return q.next();
}

StorageError ImportStaging::begin(const QString &id, const QString &importedFrom)
{
    if (StorageError error = open())
        return error;
    QSqlQuery q(m_history.m_db);
    q.prepare(QStringLiteral("INSERT INTO conversations (id, created_at, updated_at,"
                             " imported_from, deleted_at) VALUES (?, 0, 0, ?, ?)"));
    q.addBindValue(id);
    q.addBindValue(importedFrom.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                          : QVariant(importedFrom));
    q.addBindValue(nowMsecs());
    if (!q.exec())
        return m_history.sqlError(q.lastError());
    m_staged.append(id);
    return commitIfDue();
}

StorageError ImportStaging::addMessage(const QString &id, int position, StoredMessage &message)
{
    if (StorageError error = open())
        return error;
    QSqlError sqlError;
    if (!insertMessage(m_history.m_db, id, position, message, &sqlError))
        return m_history.sqlError(sqlError);
    return commitIfDue();
}

StorageError ImportStaging::finish(const QString &id, const ConversationRecord &header,
                                   const QString &importedFrom)
{
    if (StorageError error = open())
        return error;
    const qint64 now = nowMsecs();
    const Conversation &h = header.header;
    QSqlQuery q(m_history.m_db);
    q.prepare(QStringLiteral("UPDATE conversations SET title = ?, system_prompt = ?,"
                             " model_id = ?, parameters = ?, created_at = ?, updated_at = ?,"
                             " imported_from = ? WHERE id = ?"));
    q.addBindValue(textValue(h.title));
    q.addBindValue(textValue(h.systemPrompt));
    q.addBindValue(textValue(h.modelId));
    q.addBindValue(jsonText(parametersToJson(h.parameters)));
    q.addBindValue(header.createdAt.isValid() ? toMsecs(header.createdAt) : now);
    q.addBindValue(header.updatedAt.isValid() ? toMsecs(header.updatedAt) : now);
    q.addBindValue(importedFrom.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                          : QVariant(importedFrom));
    q.addBindValue(id);
    if (!q.exec())
        return m_history.sqlError(q.lastError());
    QSqlError sqlError;
    if (!indexSearchText(m_history.m_db, id, 0, h.title, &sqlError))
        return m_history.sqlError(sqlError);
    return commitIfDue();
}

StorageError ImportStaging::discard(const QString &id)
{
    if (StorageError error = open())
        return error;
    // Messages, parts, detections and search entries go with it (ON DELETE CASCADE).
    QSqlQuery q(m_history.m_db);
    q.prepare(QStringLiteral("DELETE FROM conversations WHERE id = ? AND deleted_at IS NOT NULL"));
    q.addBindValue(id);
    if (!q.exec() || !m_history.deleteUnreferencedImages(q))
        return m_history.sqlError(q.lastError());
    m_staged.removeAll(id);
    return commitIfDue();
}

StorageError ImportStaging::appendTo(const Outcome &outcome, qint64 now)
{
    QSqlQuery q(m_history.m_db);
    q.prepare(QStringLiteral("SELECT (SELECT COUNT(*) FROM messages WHERE conversation_id = ?)"
                             " FROM conversations WHERE id = ? AND deleted_at IS NULL"));
    q.addBindValue(outcome.target);
    q.addBindValue(outcome.target);
    if (!q.exec())
        return m_history.sqlError(q.lastError());
    if (!q.next() || q.value(0).toInt() != outcome.keep)
        return changedMeanwhile(outcome.target);
    const auto run = [&](const QString &sql, const QVariantList &binds) {
        q.prepare(sql);
        for (const QVariant &bind : binds)
            q.addBindValue(bind);
        return q.exec();
    };
    // The messages the target has already go; the rest move over, keeping their positions.
    if (!run(QStringLiteral("DELETE FROM messages WHERE conversation_id = ? AND position < ?"),
             {outcome.staged, outcome.keep})
        || !run(QStringLiteral("UPDATE messages SET conversation_id = ? WHERE conversation_id = ?"),
                {outcome.target, outcome.staged})
        || !run(QStringLiteral("UPDATE search_entries SET conversation_id = ?"
                               " WHERE conversation_id = ? AND message_id IS NOT NULL"),
                {outcome.target, outcome.staged})
        || !run(QStringLiteral("UPDATE conversations SET updated_at = MAX(updated_at, ?)"
                               " WHERE id = ?"),
                {now, outcome.target})
        || !run(QStringLiteral("DELETE FROM conversations WHERE id = ?"), {outcome.staged}))
        return m_history.sqlError(q.lastError());
    return {};
}

StorageError ImportStaging::publish(const QList<Outcome> &outcomes)
{
    if (StorageError error = commit())
        return error;
    if (StorageError error = m_history.begin())
        return error;
    const qint64 now = nowMsecs();
    StorageError error;
    QSqlQuery show(m_history.m_db);
    show.prepare(QStringLiteral(
        "UPDATE conversations SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL"));
    for (const Outcome &outcome : outcomes) {
        if (!outcome.target.isEmpty()) {
            error = appendTo(outcome, now);
        } else {
            show.addBindValue(outcome.staged);
            if (!show.exec())
                error = m_history.sqlError(show.lastError());
            else if (show.numRowsAffected() != 1)
                error = changedMeanwhile(outcome.staged);
        }
        if (error)
            break;
    }
    QSqlQuery images(m_history.m_db);
    if (!error && !m_history.deleteUnreferencedImages(images))
        error = m_history.sqlError(images.lastError());
    error = m_history.commitOrRollback(error);
    if (!error) {
        for (const Outcome &outcome : outcomes)
            m_staged.removeAll(outcome.staged);
    }
    return error;
}

StorageError ImportStaging::discardAll()
{
    if (m_inTransaction) {
        m_inTransaction = false;
        m_history.commitOrRollback(StorageError::make(StorageError::Kind::Io, {}));
    }
    if (StorageError error = m_history.begin())
        return error;
    StorageError error;
    QSqlQuery q(m_history.m_db);
    q.prepare(QStringLiteral("DELETE FROM conversations WHERE id = ? AND deleted_at IS NOT NULL"));
    for (const QString &id : std::as_const(m_staged)) {
        q.addBindValue(id);
        if (!q.exec()) {
            error = m_history.sqlError(q.lastError());
            break;
        }
    }
    if (!error && !m_history.deleteUnreferencedImages(q))
        error = m_history.sqlError(q.lastError());
    error = m_history.commitOrRollback(error);
    if (!error)
        m_staged.clear();
    return error;
}

} // namespace qvd
