#include "core/storage/HistorySchema.h"

#include "core/storage/SearchText.h"
#include "core/storage/SqlTransaction.h"
#include "core/storage/StorageCodec.h"

#include <QSqlQuery>
#include <QVariant>

namespace qvd::storage {

namespace {

QStringList schemaV1()
{
    return {
        QStringLiteral("CREATE TABLE conversations ("
                       " id TEXT PRIMARY KEY NOT NULL,"
                       " title TEXT NOT NULL DEFAULT '',"
                       " system_prompt TEXT NOT NULL DEFAULT '',"
                       " model_id TEXT NOT NULL DEFAULT '',"
                       " parameters TEXT NOT NULL DEFAULT '{}',"
                       " created_at INTEGER NOT NULL,"
                       " updated_at INTEGER NOT NULL)"),
        QStringLiteral("CREATE TABLE messages ("
                       " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " conversation_id TEXT NOT NULL"
                       "  REFERENCES conversations(id) ON DELETE CASCADE,"
                       " position INTEGER NOT NULL,"
                       " role TEXT NOT NULL,"
                       " text TEXT NOT NULL DEFAULT '',"
                       " reasoning TEXT NOT NULL DEFAULT '',"
                       " model_id TEXT NOT NULL DEFAULT '',"
                       " parameters TEXT NOT NULL DEFAULT '{}',"
                       " input_tokens INTEGER NOT NULL DEFAULT 0,"
                       " output_tokens INTEGER NOT NULL DEFAULT 0,"
                       " image_tokens INTEGER NOT NULL DEFAULT 0,"
                       " request_id TEXT NOT NULL DEFAULT '',"
                       " finish_reason TEXT NOT NULL DEFAULT '',"
                       " state TEXT NOT NULL,"
                       " coordinate_space TEXT," // NULL: no space recorded
                       " space_reason TEXT,"
                       " created_at INTEGER NOT NULL,"
                       " UNIQUE (conversation_id, position))"),
        // One row per original image file in the ImageStore (content address).
        QStringLiteral("CREATE TABLE images ("
                       " sha256 TEXT PRIMARY KEY NOT NULL,"
                       " byte_count INTEGER NOT NULL,"
                       " width INTEGER NOT NULL,"
                       " height INTEGER NOT NULL,"
                       " format TEXT NOT NULL DEFAULT '')"),
        // image_url is NULL when a data: URI is kept as its bytes (sent_mime, sent_data).
        QStringLiteral("CREATE TABLE parts ("
                       " message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,"
                       " position INTEGER NOT NULL,"
                       " kind TEXT NOT NULL,"
                       " text TEXT NOT NULL DEFAULT '',"
                       " image_url TEXT,"
                       " sent_mime TEXT,"
                       " sent_data BLOB,"
                       " image_sha256 TEXT REFERENCES images(sha256),"
                       " image_name TEXT NOT NULL DEFAULT '',"
                       " transform TEXT," // JSON, StorageCodec::transformToJson
                       " min_pixels INTEGER NOT NULL DEFAULT 0,"
                       " max_pixels INTEGER NOT NULL DEFAULT 0,"
                       " x REAL, y REAL, width REAL, height REAL,"
                       " point_x REAL, point_y REAL,"
                       " is_point INTEGER NOT NULL DEFAULT 0,"
                       " image_index INTEGER NOT NULL DEFAULT -1,"
                       " PRIMARY KEY (message_id, position)) WITHOUT ROWID"),
        QStringLiteral("CREATE INDEX parts_image ON parts(image_sha256)"),
        // In the model's coordinate space (messages.coordinate_space); rect as x, y, width,
        // height so that inverted boxes (x2 < x1) come back exactly as written.
        QStringLiteral(
            "CREATE TABLE detections ("
            " message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,"
            " position INTEGER NOT NULL,"
            " kind TEXT NOT NULL,"
            " label TEXT NOT NULL DEFAULT '',"
            " attributes TEXT NOT NULL DEFAULT '{}',"
            " x REAL NOT NULL, y REAL NOT NULL, width REAL NOT NULL, height REAL NOT NULL,"
            " quad TEXT," // JSON [[x,y],…]
            " image_index INTEGER," // NULL: the latest image
            " source_start INTEGER NOT NULL DEFAULT 0,"
            " source_length INTEGER NOT NULL DEFAULT 0,"
            " syntax TEXT NOT NULL,"
            " PRIMARY KEY (message_id, position)) WITHOUT ROWID"),
    };
}

QStringList schemaV2()
{
    return {
        QStringLiteral("ALTER TABLE conversations ADD COLUMN imported_from TEXT"),
        QStringLiteral("CREATE INDEX conversations_imported_from ON conversations(imported_from)"),
        // message_id NULL: the conversation's title. AUTOINCREMENT: an id is never reused, so
        // an FTS row can never point at someone else's text.
        QStringLiteral("CREATE TABLE search_entries ("
                       " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " conversation_id TEXT NOT NULL"
                       "  REFERENCES conversations(id) ON DELETE CASCADE,"
                       " message_id INTEGER UNIQUE REFERENCES messages(id) ON DELETE CASCADE,"
                       " body TEXT NOT NULL,"
                       " grams TEXT NOT NULL)"),
        QStringLiteral(
            "CREATE INDEX search_entries_conversation ON search_entries(conversation_id)"),
        QStringLiteral("CREATE VIRTUAL TABLE search_fts USING fts5(body, content='search_entries',"
                       " content_rowid='id', tokenize='trigram')"),
        QStringLiteral("CREATE VIRTUAL TABLE search_fts_grams USING fts5(grams,"
                       " content='search_entries', content_rowid='id', tokenize='unicode61')"),
        QStringLiteral("CREATE TRIGGER search_entries_ai AFTER INSERT ON search_entries BEGIN"
                       " INSERT INTO search_fts(rowid, body) VALUES (new.id, new.body);"
                       " INSERT INTO search_fts_grams(rowid, grams) VALUES (new.id, new.grams);"
                       " END"),
        QStringLiteral("CREATE TRIGGER search_entries_ad AFTER DELETE ON search_entries BEGIN"
                       " INSERT INTO search_fts(search_fts, rowid, body)"
                       "  VALUES ('delete', old.id, old.body);"
                       " INSERT INTO search_fts_grams(search_fts_grams, rowid, grams)"
                       "  VALUES ('delete', old.id, old.grams);"
                       " END"),
        QStringLiteral("CREATE TRIGGER search_entries_au AFTER UPDATE ON search_entries BEGIN"
                       " INSERT INTO search_fts(search_fts, rowid, body)"
                       "  VALUES ('delete', old.id, old.body);"
                       " INSERT INTO search_fts_grams(search_fts_grams, rowid, grams)"
                       "  VALUES ('delete', old.id, old.grams);"
                       " INSERT INTO search_fts(rowid, body) VALUES (new.id, new.body);"
                       " INSERT INTO search_fts_grams(rowid, grams) VALUES (new.id, new.grams);"
                       " END"),
    };
}

QStringList schemaV3()
{
    return {
        // NULL: a live conversation; else when it was deleted (ms since the epoch), waiting
        // for the undo time to pass before it is purged.
        QStringLiteral("ALTER TABLE conversations ADD COLUMN deleted_at INTEGER"),
    };
}

QStringList schemaV4()
{
    return {
        // Stable ids of messages and of image and region parts (Message::id, Part::id), and
        // the image a region is on (Part::imageId). Rows written before get ids here.
        QStringLiteral("ALTER TABLE messages ADD COLUMN uid TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE parts ADD COLUMN uid TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE parts ADD COLUMN image_uid TEXT NOT NULL DEFAULT ''"),
        // Ids are opaque: 32 random hex digits serve as well as a UUID.
        QStringLiteral("UPDATE messages SET uid = lower(hex(randomblob(16))) WHERE uid = ''"),
        QStringLiteral("UPDATE parts SET uid = lower(hex(randomblob(16)))"
                       " WHERE uid = '' AND kind IN ('image', 'region')"),
        // A region's image_index counts the images of its message (the image_index-th one).
        QStringLiteral("UPDATE parts SET image_uid = COALESCE((SELECT i.uid FROM parts i"
                       " WHERE i.message_id = parts.message_id AND i.kind = 'image'"
                       " AND (SELECT count(*) FROM parts j WHERE j.message_id = i.message_id"
                       " AND j.kind = 'image' AND j.position < i.position) = parts.image_index),"
                       " '') WHERE kind = 'region' AND image_index >= 0"),
        QStringLiteral("CREATE INDEX messages_uid ON messages(uid)"),
    };
}

QStringList schemaV5()
{
    return {
        // Boxes of one image (parts.uid) kept beside the answers, never in them: the image's
        // ground truth (answer_uid ''), or a person's corrections of one answer's boxes
        // (answer_uid = messages.uid). `boxes` is a JSON array in pixels of the upright
        // original (LayerStore); `source` names the file ground truth was read from.
        QStringLiteral("CREATE TABLE layers ("
                       " conversation_id TEXT NOT NULL"
                       "  REFERENCES conversations(id) ON DELETE CASCADE,"
                       " image_uid TEXT NOT NULL,"
                       " answer_uid TEXT NOT NULL DEFAULT '',"
                       " source TEXT NOT NULL DEFAULT '',"
                       " boxes TEXT NOT NULL DEFAULT '[]',"
                       " updated_at INTEGER NOT NULL,"
                       " PRIMARY KEY (conversation_id, image_uid, answer_uid)) WITHOUT ROWID"),
    };
}

QStringList schemaV6()
{
    // The search indexes without what makes them big and that search never reads: positions
    // (detail=none) and each row's token counts (columnsize=0). A term of three or more
    // characters is then found as all of its trigrams (SearchText.h) and checked against the
    // text; everything else is an exact token lookup, as before. Rebuilt from search_entries.
    const auto index = [](const char *table, const char *column, const char *tokenizer) {
        return QStringLiteral("CREATE VIRTUAL TABLE %1 USING fts5(%2, content='search_entries',"
                              " content_rowid='id', tokenize='%3', detail=none, columnsize=0)")
            .arg(QLatin1String(table), QLatin1String(column), QLatin1String(tokenizer));
    };
    QStringList statements{
        QStringLiteral("DROP TRIGGER search_entries_ai"),
        QStringLiteral("DROP TRIGGER search_entries_ad"),
        QStringLiteral("DROP TRIGGER search_entries_au"),
        QStringLiteral("DROP TABLE search_fts"),
        QStringLiteral("DROP TABLE search_fts_grams"),
        index("search_fts", "body", "trigram"),
        index("search_fts_grams", "grams", "unicode61"),
    };
    // The same triggers as v2's, on the new tables.
    for (const QString &statement : schemaV2()) {
        if (statement.startsWith(QStringLiteral("CREATE TRIGGER")))
            statements.append(statement);
    }
    statements.append(QStringLiteral("INSERT INTO search_fts(search_fts) VALUES ('rebuild')"));
    statements.append(
        QStringLiteral("INSERT INTO search_fts_grams(search_fts_grams) VALUES ('rebuild')"));
    return statements;
}

// v1 → v2: what a person wrote (text and region parts) or the answer text, and every title.
bool backfillSearch(QSqlDatabase &db, QSqlError *error)
{
    QSqlQuery titles(db);
    titles.setForwardOnly(true);
    if (!titles.exec(QStringLiteral("SELECT id, title FROM conversations"))) {
        *error = titles.lastError();
        return false;
    }
    while (titles.next()) {
        if (!indexSearchText(db, titles.value(0).toString(), 0, titles.value(1).toString(), error))
            return false;
    }
    QSqlQuery messages(db);
    messages.setForwardOnly(true);
    if (!messages.exec(QStringLiteral(
            "SELECT m.id, m.conversation_id, m.role, m.text, p.kind, p.text FROM messages m"
            " LEFT JOIN parts p ON p.message_id = m.id ORDER BY m.id, p.position"))) {
        *error = messages.lastError();
        return false;
    }
    qint64 current = 0;
    QString conversation;
    QString body;
    const auto flush = [&]() {
        return current == 0 || indexSearchText(db, conversation, current, body, error);
    };
    while (messages.next()) {
        const qint64 id = messages.value(0).toLongLong();
        if (id != current) {
            if (!flush())
                return false;
            current = id;
            conversation = messages.value(1).toString();
            const bool assistant = messages.value(2).toString() == u"assistant";
            body = assistant ? messages.value(3).toString() : QString();
        }
        if (messages.value(2).toString() != u"assistant" && !messages.value(4).isNull()
            && messages.value(4).toString() != u"image")
            body += messages.value(5).toString();
    }
    return flush();
}

bool runStep(QSqlDatabase &db, int version, QSqlError *error)
{
    if (!storage::execAll(db, schemaStep(version), error))
        return false;
    return version != 2 || backfillSearch(db, error);
}

} // namespace

QStringList schemaStep(int version)
{
    switch (version) {
    case 1:
        return schemaV1();
    case 2:
        return schemaV2();
    case 3:
        return schemaV3();
    case 4:
        return schemaV4();
    case 5:
        return schemaV5();
    case 6:
        return schemaV6();
    default:
        return {};
    }
}

bool migrate(QSqlDatabase &db, int fromVersion, QSqlError *error)
{
    return storage::migrateStepwise(
        db, fromVersion, kSchemaVersion,
        [&db](int version, QSqlError *stepError) { return runStep(db, version, stepError); },
        error);
}

bool indexSearchText(QSqlDatabase &db, const QString &conversationId, qint64 messageId,
                     const QString &body, QSqlError *error)
{
    QSqlQuery query(db);
    if (messageId == 0) {
        query.prepare(QStringLiteral("DELETE FROM search_entries"
                                     " WHERE conversation_id = ? AND message_id IS NULL"));
        query.addBindValue(conversationId);
    } else {
        query.prepare(QStringLiteral("DELETE FROM search_entries WHERE message_id = ?"));
        query.addBindValue(messageId);
    }
    if (!query.exec()) {
        *error = query.lastError();
        return false;
    }
    if (body.isEmpty())
        return true;
    query.prepare(
        QStringLiteral("INSERT INTO search_entries"
                       " (conversation_id, message_id, body, grams) VALUES (?, ?, ?, ?)"));
    query.addBindValue(conversationId);
    query.addBindValue(messageId == 0 ? QVariant(QMetaType::fromType<qint64>())
                                      : QVariant(messageId));
    query.addBindValue(body); // not empty here
    query.addBindValue(textValue(searchGrams(body)));
    if (!query.exec()) {
        *error = query.lastError();
        return false;
    }
    return true;
}

} // namespace qvd::storage
