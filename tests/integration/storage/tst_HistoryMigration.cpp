#include "StorageTestUtil.h"
#include "TestMain.h"

#include "core/storage/HistoryStore.h"

#include <QTemporaryDir>

using namespace qvd;
using namespace qvd::test;

// Schema versions: a v1 file is migrated forward; a file from a newer app is refused untouched.
class TestHistoryMigration : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString dbPath() const { return m_dir->filePath(QStringLiteral("history.sqlite")); }

    void makeV1Database()
    {
        RawDatabase raw(dbPath());
        QVERIFY(raw.ok());
        QVERIFY(raw.runScript(dataPath(QStringLiteral("storage/history-v1.sql"))));
        QCOMPARE(raw.value(QStringLiteral("PRAGMA user_version")).toInt(), 1);
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void currentVersionIsAtLeastTwo() { QVERIFY(HistoryStore::schemaVersion() >= 2); }

    void migratesVersion1Forward()
    {
        makeV1Database();
        HistoryStore store;
        const auto opened = store.open(dbPath());
        QVERIFY2(opened.ok(), qPrintable(opened.error.detail));
        QVERIFY(opened.keptAsidePath.isEmpty());
        {
            RawDatabase raw(dbPath());
            QCOMPARE(raw.value(QStringLiteral("PRAGMA user_version")).toInt(),
                     HistoryStore::schemaVersion());
            // v2's column and the back-filled search index exist.
            QVERIFY(raw.value(QStringLiteral("SELECT COUNT(*) FROM conversations"
                                             " WHERE imported_from IS NULL"))
                        .toInt()
                    == 1);
            QCOMPARE(raw.value(QStringLiteral("SELECT COUNT(*) FROM search_entries")).toInt(), 3);
            // v3's column: a migrated conversation is live, not waiting to be purged.
            QCOMPARE(raw.value(QStringLiteral("SELECT COUNT(*) FROM conversations"
                                              " WHERE deleted_at IS NULL"))
                         .toInt(),
                     1);
            // v5's table: empty, and a migrated conversation's layer goes with it.
            QCOMPARE(raw.value(QStringLiteral("SELECT COUNT(*) FROM layers")).toInt(), 0);
            raw.value(QStringLiteral("INSERT INTO layers (conversation_id, image_uid, boxes,"
                                     " updated_at) VALUES ('v1-conversation', 'i', '[]', 1)"));
            QCOMPARE(raw.value(QStringLiteral("SELECT COUNT(*) FROM layers")).toInt(), 1);
        }
        QCOMPARE(store.conversations().size(), 1);
        QVERIFY(store.deletedConversations().isEmpty());

        const auto record = store.conversation(QStringLiteral("v1-conversation"));
        QVERIFY(record);
        QCOMPARE(record->header.title, QStringLiteral("海滩上的狗"));
        QCOMPARE(record->header.parameters.seed, std::optional<qint64>(42));
        QCOMPARE(record->messages.size(), 2);
        const StoredMessage &user = record->messages.at(0);
        QCOMPARE(user.message.parts.size(), 3);
        QCOMPARE(user.message.parts.at(1).transform.sentSize, QSize(1008, 756));
        QCOMPARE(user.message.parts.at(2).rect, QRectF(100, 50, 200, 150));
        QCOMPARE(user.images.size(), 1);
        QCOMPARE(user.images.at(0).name, QStringLiteral("beach.jpg"));
        const StoredMessage &answer = record->messages.at(1);
        QCOMPARE(answer.detections.size(), 2);
        QCOMPARE(answer.detections.at(0).rect, QRectF(QPointF(10, 20), QPointF(300, 400)));
        QCOMPARE(answer.detections.at(1).quad.size(), 4);
        QCOMPARE(answer.detections.at(1).attributes.value(QStringLiteral("color")).toString(),
                 QStringLiteral("red"));
        QCOMPARE(answer.space->space, CoordinateSpace::AbsResized);
        QCOMPARE(answer.message.usage.imageTokens, 870);

        // The back-filled index finds old text: the user's words, the answer, the title.
        QCOMPARE(store.search(QStringLiteral("umbrella")).size(), 1);
        QCOMPARE(store.search(QStringLiteral("sunny")).value(0).messageId, 2);
        QCOMPARE(store.search(QStringLiteral("海滩")).size(), 2); // the title and the question
        QCOMPARE(store.search(QStringLiteral("狗")).size(), 3);

        // And the migrated file takes new messages.
        StoredMessage next;
        next.message = Message::assistant(QStringLiteral("after the migration"));
        QVD_VERIFY_STORED(store.commitMessage(QStringLiteral("v1-conversation"), next));
        QCOMPARE(next.id, 3);
        QCOMPARE(store.search(QStringLiteral("migration")).size(), 1);
    }

    // v5 → v6: the search indexes are rebuilt without positions; every kind of term still
    // finds what it found, and the indexes stay true to the text afterwards.
    void migratesVersion5SearchIndexes()
    {
        {
            RawDatabase raw(dbPath());
            QVERIFY(raw.ok());
            QVERIFY(raw.runScript(dataPath(QStringLiteral("storage/history-v5.sql"))));
            QCOMPARE(raw.value(QStringLiteral("PRAGMA user_version")).toInt(), 5);
            QVERIFY(!raw.value(QStringLiteral("SELECT sql FROM sqlite_master"
                                              " WHERE name = 'search_fts'"))
                         .toString()
                         .contains(QStringLiteral("detail=none")));
        }
        HistoryStore store;
        const auto opened = store.open(dbPath());
        QVERIFY2(opened.ok(), qPrintable(opened.error.detail));
        {
            RawDatabase raw(dbPath());
            QCOMPARE(raw.value(QStringLiteral("PRAGMA user_version")).toInt(), 6);
            for (const char *table : {"search_fts", "search_fts_grams"}) {
                const QString sql =
                    raw.value(QStringLiteral("SELECT sql FROM sqlite_master WHERE name = '%1'")
                                  .arg(QLatin1String(table)))
                        .toString();
                QVERIFY2(sql.contains(QStringLiteral("detail=none")), qPrintable(sql));
                QCOMPARE(raw.value(QStringLiteral("INSERT INTO %1(%1) VALUES('integrity-check')")
                                       .arg(QLatin1String(table))),
                         QVariant());
            }
            QCOMPARE(raw.value(QStringLiteral("SELECT COUNT(*) FROM search_entries")).toInt(), 5);
            // v2's three triggers, back on the new tables.
            QCOMPARE(raw.value(QStringLiteral("SELECT COUNT(*) FROM sqlite_master"
                                              " WHERE type = 'trigger'"
                                              " AND tbl_name = 'search_entries'"))
                         .toInt(),
                     3);
        }
        QCOMPARE(store.conversations().size(), 1);
        const auto record = store.conversation(QStringLiteral("v5-conversation"));
        QVERIFY(record);
        QCOMPARE(record->messages.size(), 3);
        QCOMPARE(record->messages.at(1).detections.size(), 1);

        const auto messageIds = [&](const QString &query) {
            QList<qint64> ids;
            for (const SearchHit &hit : store.search(query))
                ids.append(hit.messageId);
            return ids;
        };
        // Trigrams (English and Chinese, any case), the title, bigrams, unigrams, LIKE, and
        // newest first; the deleted conversation's title is not found.
        QCOMPARE(messageIds(QStringLiteral("UMBRELLA")), (QList<qint64>{3, 1}));
        QCOMPARE(messageIds(QStringLiteral("sunny")), QList<qint64>{2});
        QCOMPARE(messageIds(QStringLiteral("框出海滩")), QList<qint64>{1});
        QCOMPARE(messageIds(QStringLiteral("海滩")), (QList<qint64>{1, 0}));
        QCOMPARE(messageIds(QStringLiteral("狗")), (QList<qint64>{2, 1, 0}));
        QCOMPARE(messageIds(QStringLiteral("red 猫")), QList<qint64>{3});
        QCOMPARE(messageIds(QStringLiteral("is")), (QList<qint64>{3, 1}));
        QVERIFY(messageIds(QStringLiteral("talk")).isEmpty());
        const QList<SearchHit> hits = store.search(QStringLiteral("sunny"));
        QCOMPARE(hits.value(0).snippet.mid(hits.value(0).matchStart, hits.value(0).matchLength),
                 QStringLiteral("sunny"));

        // New text is indexed, deleted text leaves the indexes whole.
        StoredMessage next;
        next.message = Message::assistant(QStringLiteral("after the migration, 斑马"));
        QVD_VERIFY_STORED(store.commitMessage(QStringLiteral("v5-conversation"), next));
        QCOMPARE(messageIds(QStringLiteral("migration")), QList<qint64>{next.id});
        QCOMPARE(messageIds(QStringLiteral("斑马")), QList<qint64>{next.id});
        QVD_VERIFY_STORED(store.deleteConversation(QStringLiteral("v5-conversation")));
        QVERIFY(messageIds(QStringLiteral("umbrella")).isEmpty());
        RawDatabase raw(dbPath());
        for (const char *table : {"search_fts", "search_fts_grams"}) {
            QCOMPARE(raw.value(QStringLiteral("INSERT INTO %1(%1) VALUES('integrity-check')")
                                   .arg(QLatin1String(table))),
                     QVariant());
        }
    }

    void reopeningAMigratedFileChangesNothing()
    {
        makeV1Database();
        {
            HistoryStore store;
            QVERIFY(store.open(dbPath()).ok());
        }
        HistoryStore again;
        QVERIFY(again.open(dbPath()).ok());
        QCOMPARE(again.search(QStringLiteral("umbrella")).size(), 1); // not indexed twice
    }

    void refusesNewerVersionUntouched()
    {
        {
            HistoryStore store;
            QVERIFY(store.open(dbPath()).ok());
            QVD_VERIFY_STORED(
                store.saveConversation(Conversation{QStringLiteral("x"), {}, {}, {}, {}, {}}));
        }
        {
            RawDatabase raw(dbPath());
            raw.value(
                QStringLiteral("PRAGMA user_version = %1").arg(HistoryStore::schemaVersion() + 1));
        }
        const QByteArray before = fileBytes(dbPath());
        const QStringList filesBefore = filesIn(m_dir->path());

        HistoryStore store;
        const auto opened = store.open(dbPath());
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error.kind, StorageError::Kind::NewerVersion);
        QVERIFY(opened.keptAsidePath.isEmpty());
        QVERIFY(opened.message.contains(QDir::toNativeSeparators(dbPath())));
        QVERIFY(opened.message.contains(QStringLiteral("newer version")));
        QVERIFY(!store.isOpen());
        QCOMPARE(fileBytes(dbPath()), before);
        QCOMPARE(filesIn(m_dir->path()), filesBefore);
        StoredMessage message;
        QCOMPARE(store.commitMessage(QStringLiteral("x"), message).kind,
                 StorageError::Kind::CannotOpen);
    }
};

QVD_TEST_MAIN(TestHistoryMigration)
#include "tst_HistoryMigration.moc"
