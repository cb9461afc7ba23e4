#include "HistoryFixtures.h"
#include "StorageTestUtil.h"
#include "TestMain.h"

#include "core/storage/HistoryStore.h"

#include <QTemporaryDir>
#include <QThread>

#include <atomic>

using namespace qvd;
using namespace qvd::test;

class TestHistoryStore : public QObject
{
    Q_OBJECT

private:
    QString dbPath() const { return m_dir->filePath(QStringLiteral("history.sqlite")); }
    std::unique_ptr<QTemporaryDir> m_dir;

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void roundTripsEveryField()
    {
        ConversationRecord expected;
        {
            HistoryStore store;
            const auto opened = store.open(dbPath());
            QVERIFY2(opened.ok(), qPrintable(opened.message));
            QVERIFY(opened.message.isEmpty());
            const Conversation header = sampleHeader(QStringLiteral("c-1"));
            QVD_VERIFY_STORED(store.saveConversation(header));
            QList<StoredMessage> messages{systemMessage(), sampleUserMessage(),
                                          sampleAssistantMessage(), failedMessage()};
            for (StoredMessage &message : messages) {
                QVD_VERIFY_STORED(store.commitMessage(header.id, message));
                QVERIFY(message.id > 0);
            }
            QVERIFY(messages.at(1).id > messages.at(0).id);
            const auto loaded = store.conversation(header.id);
            QVERIFY(loaded);
            QCOMPARE(loaded->header, header);
            QCOMPARE(loaded->messages.size(), messages.size());
            for (int i = 0; i < messages.size(); ++i) {
                const StoredMessage &got = loaded->messages.at(i);
                QCOMPARE(got.message.parts, messages.at(i).message.parts);
                QCOMPARE(got.detections, messages.at(i).detections);
                QCOMPARE(got.images, messages.at(i).images);
                QVERIFY(got.space == messages.at(i).space);
                QCOMPARE(got.parameters, messages.at(i).parameters);
                QCOMPARE(got, messages.at(i));
            }
            QVERIFY(loaded->createdAt.isValid());
            expected = *loaded;
            Conversation whole = header;
            for (const StoredMessage &m : messages)
                whole.messages.append(m.message);
            QCOMPARE(loaded->toConversation(), whole);
        }
        // And again from the file, in a new store.
        HistoryStore reopened;
        QVERIFY(reopened.open(dbPath()).ok());
        const auto again = reopened.conversation(QStringLiteral("c-1"));
        QVERIFY(again);
        QCOMPARE(*again, expected);
    }

    void dataUriIsKeptAsBytesAndComesBackVerbatim()
    {
        HistoryStore store;
        QVERIFY(store.open(dbPath()).ok());
        QVD_VERIFY_STORED(store.saveConversation(sampleHeader(QStringLiteral("c"))));
        StoredMessage message = sampleUserMessage();
        QVD_VERIFY_STORED(store.commitMessage(QStringLiteral("c"), message));
        RawDatabase raw(dbPath());
        QCOMPARE(raw.value(QStringLiteral("SELECT COUNT(*) FROM parts WHERE image_url IS NULL"
                                          " AND sent_data IS NOT NULL")),
                 QVariant(1));
        const ImageUrl loaded =
            store.conversation(QStringLiteral("c"))->messages.at(0).message.parts.at(1).imageUrl;
        QVERIFY(loaded.isData());
        QCOMPARE(loaded.data(), QByteArrayLiteral("\xff\xd8\xff\xe0 not really a jpeg"));
        QCOMPARE(loaded.toString(),
                 QStringLiteral("data:image/jpeg;base64,")
                     + QString::fromLatin1(
                         QByteArrayLiteral("\xff\xd8\xff\xe0 not really a jpeg").toBase64()));
    }

    void listsUpdatesAndDeletes()
    {
        HistoryStore store;
        QVERIFY(store.open(dbPath()).ok());
        Conversation a = sampleHeader(QStringLiteral("a"));
        QVD_VERIFY_STORED(store.saveConversation(a));
        QVD_VERIFY_STORED(store.saveConversation(sampleHeader(QStringLiteral("b"))));
        StoredMessage message = sampleUserMessage();
        QVD_VERIFY_STORED(store.commitMessage(QStringLiteral("a"), message));
        a.title = QStringLiteral("renamed");
        QVD_VERIFY_STORED(store.saveConversation(a));
        const auto list = store.conversations();
        QCOMPARE(list.size(), 2);
        const auto it = std::find_if(list.cbegin(), list.cend(),
                                     [](const ConversationSummary &s) { return s.id == u"a"; });
        QVERIFY(it != list.cend());
        QCOMPARE(it->title, QStringLiteral("renamed"));
        QCOMPARE(it->messageCount, 1);
        QCOMPARE(store.conversation(QStringLiteral("a"))->messages.size(), 1);
        QCOMPARE(store.referencedImages().size(), 2);

        QVD_VERIFY_STORED(store.deleteConversation(QStringLiteral("a")));
        QVERIFY(!store.contains(QStringLiteral("a")));
        QCOMPARE(store.conversations().size(), 1);
        QVERIFY(store.referencedImages().isEmpty());
        RawDatabase raw(dbPath());
        for (const char *table : {"messages", "parts", "detections", "images"}) {
            QCOMPARE(raw.value(QStringLiteral("SELECT COUNT(*) FROM ") + QLatin1String(table)),
                     QVariant(0));
        }
    }

    // a: the sample question (two originals) and answer; b, older: a question naming the second
    // original only. Returns a's record as stored.
    ConversationRecord saveTwoSharingAnImage(HistoryStore &store)
    {
        ConversationRecord b;
        b.header = sampleHeader(QStringLiteral("b"));
        b.header.title = QStringLiteral("older");
        b.updatedAt = QDateTime::fromMSecsSinceEpoch(1600000000000, Qt::UTC);
        StoredMessage question = sampleUserMessage();
        question.message.parts.removeAt(1); // the data: URI, the first original
        question.images.removeFirst();
        b.messages = {question};
        const StorageError inserted = store.insertRecord(b);
        if (inserted)
            qWarning("%s", qPrintable(inserted.detail));
        const Conversation a = sampleHeader(QStringLiteral("a"));
        store.saveConversation(a);
        QList<StoredMessage> messages{sampleUserMessage(), sampleAssistantMessage()};
        store.commitMessages(a.id, messages);
        return store.conversation(a.id).value_or(ConversationRecord());
    }

    static QStringList listedIds(const HistoryStore &store)
    {
        QStringList ids;
        const auto list = store.conversations();
        for (const ConversationSummary &summary : list)
            ids.append(summary.id);
        return ids;
    }

    void markedDeletedIsHiddenButKeptWholeUntilRestored()
    {
        HistoryStore store;
        QVERIFY(store.open(dbPath()).ok());
        const ConversationRecord a = saveTwoSharingAnImage(store);
        QCOMPARE(a.messages.size(), 2);
        QCOMPARE(listedIds(store), (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
        const QSet<QByteArray> referenced = store.referencedImages();
        QCOMPARE(referenced.size(), 2);
        QCOMPARE(store.search(QStringLiteral("umbrella")).size(), 2);

        QVD_VERIFY_STORED(store.markDeleted(QStringLiteral("a")));
        // Gone for every reader...
        QCOMPARE(listedIds(store), QStringList{QStringLiteral("b")});
        QVERIFY(!store.contains(QStringLiteral("a")));
        StorageError error;
        QVERIFY(!store.conversation(QStringLiteral("a"), &error));
        QCOMPARE(error.kind, StorageError::Kind::NotFound);
        const auto hits = store.search(QStringLiteral("umbrella"));
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits.first().conversationId, QStringLiteral("b"));
        QCOMPARE(store.deletedConversations(), QStringList{QStringLiteral("a")});
        // ...yet all of it is still in the file, and its originals still count as used.
        {
            RawDatabase raw(dbPath());
            QCOMPARE(raw.value(QStringLiteral("SELECT COUNT(*) FROM messages"
                                              " WHERE conversation_id = 'a'")),
                     QVariant(2));
            QCOMPARE(raw.value(QStringLiteral("SELECT COUNT(*) FROM images")), QVariant(2));
        }
        QCOMPARE(store.referencedImages(), referenced);
        QCOMPARE(store.markDeleted(QStringLiteral("a")).kind, StorageError::Kind::NotFound);
        QCOMPARE(store.markDeleted(QStringLiteral("nope")).kind, StorageError::Kind::NotFound);

        QVD_VERIFY_STORED(store.restoreDeleted(QStringLiteral("a")));
        QCOMPARE(listedIds(store), (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
        const auto back = store.conversation(QStringLiteral("a"));
        QVERIFY(back);
        QCOMPARE(*back, a); // every message, part, detection, original and both timestamps
        QCOMPARE(store.search(QStringLiteral("umbrella")).size(), 2);
        QVERIFY(store.deletedConversations().isEmpty());
        QCOMPARE(store.restoreDeleted(QStringLiteral("a")).kind, StorageError::Kind::NotFound);
    }

    void purgeDeletesForRealAndNamesTheFreedOriginals()
    {
        HistoryStore store;
        QVERIFY(store.open(dbPath()).ok());
        saveTwoSharingAnImage(store);
        // Only a marked conversation is purged.
        QSet<QByteArray> freed;
        QCOMPARE(store.purgeDeleted(QStringLiteral("a"), &freed).kind,
                 StorageError::Kind::NotFound);
        QVERIFY(store.contains(QStringLiteral("a")));
        QVERIFY(freed.isEmpty());

        QVD_VERIFY_STORED(store.markDeleted(QStringLiteral("a")));
        QVD_VERIFY_STORED(store.purgeDeleted(QStringLiteral("a"), &freed));
        // b still names the second original.
        QCOMPARE(freed, QSet<QByteArray>{sampleHash("first original")});
        QCOMPARE(store.referencedImages(), QSet<QByteArray>{sampleHash("second original")});
        QCOMPARE(store.restoreDeleted(QStringLiteral("a")).kind, StorageError::Kind::NotFound);
        QVERIFY(store.deletedConversations().isEmpty());
        RawDatabase raw(dbPath());
        for (const char *table : {"messages", "search_entries"}) {
            QCOMPARE(raw.value(QStringLiteral("SELECT COUNT(*) FROM ") + QLatin1String(table)
                               + QStringLiteral(" WHERE conversation_id = 'a'")),
                     QVariant(0));
        }
        QCOMPARE(raw.value(QStringLiteral("SELECT COUNT(*) FROM images")), QVariant(1));
        QCOMPARE(raw.value(QStringLiteral("SELECT COUNT(*) FROM parts")),
                 QVariant(4)); // b's question: text, URL image, box, point
        QCOMPARE(store.conversation(QStringLiteral("b"))->messages.size(), 1);
    }

    void purgeAllFinishesEveryMarkedConversation()
    {
        HistoryStore store;
        QVERIFY(store.open(dbPath()).ok());
        saveTwoSharingAnImage(store);
        QVD_VERIFY_STORED(store.saveConversation(sampleHeader(QStringLiteral("c"))));
        QSet<QByteArray> freed;
        QVD_VERIFY_STORED(store.purgeAllDeleted(&freed)); // nothing marked: nothing happens
        QCOMPARE(listedIds(store).size(), 3);

        QVD_VERIFY_STORED(store.markDeleted(QStringLiteral("a")));
        QVD_VERIFY_STORED(store.markDeleted(QStringLiteral("b")));
        {
            // Another connection (the next start of the app) finishes what this one began.
            HistoryStore next;
            QVERIFY(next.open(dbPath()).ok());
            QCOMPARE(next.deletedConversations(),
                     (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
            QVD_VERIFY_STORED(next.purgeAllDeleted(&freed));
        }
        QCOMPARE(freed,
                 (QSet<QByteArray>{sampleHash("first original"), sampleHash("second original")}));
        QCOMPARE(listedIds(store), QStringList{QStringLiteral("c")});
        QVERIFY(store.referencedImages().isEmpty());
        RawDatabase raw(dbPath());
        for (const char *table : {"conversations", "messages", "parts", "images"}) {
            QCOMPARE(raw.value(QStringLiteral("SELECT COUNT(*) FROM ") + QLatin1String(table)),
                     QVariant(qstrcmp(table, "conversations") == 0 ? 1 : 0));
        }
    }

    void commitToUnknownConversationStoresNothing()
    {
        HistoryStore store;
        QVERIFY(store.open(dbPath()).ok());
        StoredMessage message = sampleAssistantMessage();
        const StorageError error = store.commitMessage(QStringLiteral("nope"), message);
        QCOMPARE(error.kind, StorageError::Kind::NotFound);
        QCOMPARE(message.id, 0);
        RawDatabase raw(dbPath());
        QCOMPARE(raw.value(QStringLiteral("SELECT COUNT(*) FROM messages")), QVariant(0));
    }

    void failedCommitIsRolledBackWhole()
    {
        HistoryStore store;
        QVERIFY(store.open(dbPath()).ok());
        QVD_VERIFY_STORED(store.saveConversation(sampleHeader(QStringLiteral("c"))));
        QList<StoredMessage> batch{sampleUserMessage(), sampleAssistantMessage()};
        {
            // A trigger that refuses detections makes the second message fail half-way.
            RawDatabase raw(dbPath());
            QVERIFY(raw.value(QStringLiteral("CREATE TRIGGER refuse BEFORE INSERT ON detections"
                                             " BEGIN SELECT RAISE(ABORT, 'refused'); END"))
                        .isNull());
        }
        QVERIFY(store.commitMessages(QStringLiteral("c"), batch).isError());
        QCOMPARE(store.conversation(QStringLiteral("c"))->messages.size(), 0);
        RawDatabase raw(dbPath());
        QCOMPARE(raw.value(QStringLiteral("SELECT COUNT(*) FROM parts")), QVariant(0));
        QCOMPARE(raw.value(QStringLiteral("SELECT COUNT(*) FROM search_entries"
                                          " WHERE message_id IS NOT NULL")),
                 QVariant(0));
    }

    void usesWalAndForeignKeysAndUniqueConnections()
    {
        HistoryStore first;
        HistoryStore second;
        QVERIFY(first.open(dbPath()).ok());
        QVERIFY(second.open(dbPath()).ok());
        const QStringList names = QSqlDatabase::connectionNames();
        QCOMPARE(names.size(), 2);
        RawDatabase raw(dbPath());
        QCOMPARE(raw.value(QStringLiteral("PRAGMA journal_mode")).toString(),
                 QStringLiteral("wal"));
        QCOMPARE(raw.value(QStringLiteral("PRAGMA user_version")).toInt(),
                 HistoryStore::schemaVersion());
        first.close();
        second.close();
        QCOMPARE(QSqlDatabase::connectionNames().size(), 1); // the raw one
    }

    void readsWhileAnotherConnectionWrites()
    {
        constexpr int kMessages = 150;
        HistoryStore writer;
        QVERIFY(writer.open(dbPath()).ok());
        QVD_VERIFY_STORED(writer.saveConversation(sampleHeader(QStringLiteral("c"))));

        std::atomic<bool> done{false};
        std::atomic<int> reads{0};
        std::atomic<int> problems{0};
        QString problem;
        std::unique_ptr<QThread> reader(QThread::create([&]() {
            HistoryStore store;
            if (!store.open(dbPath()).ok()) {
                problems = 1;
                return;
            }
            int seen = 0;
            while ((!done.load() || seen < kMessages) && problems.load() < 1000) {
                StorageError error;
                const auto record = store.conversation(QStringLiteral("c"), &error);
                const int count = record ? int(record->messages.size()) : -1;
                // Never fewer than before, never a half-written message.
                bool consistent = record && count >= seen;
                for (int i = 0; consistent && i < count; ++i) {
                    const StoredMessage &m = record->messages.at(i);
                    consistent = m.message.text == QString::number(i) && m.detections.size() == 3;
                }
                if (!consistent) {
                    ++problems;
                    problem =
                        error.detail + QStringLiteral(" count %1 seen %2").arg(count).arg(seen);
                    return;
                }
                seen = count;
                ++reads;
            }
        }));
        reader->start();
        StorageError writeError;
        for (int i = 0; i < kMessages && !writeError.isError(); ++i) {
            StoredMessage message = sampleAssistantMessage();
            message.message.text = QString::number(i);
            writeError = writer.commitMessage(QStringLiteral("c"), message);
        }
        if (writeError.isError())
            problems = 1000; // stops the reader at once
        done = true;
        QVERIFY(reader->wait(60000));
        QVD_VERIFY_STORED(writeError);
        QVERIFY2(problems.load() == 0, qPrintable(problem));
        QVERIFY(reads.load() > 1);
    }
};

QVD_TEST_MAIN(TestHistoryStore)
#include "tst_HistoryStore.moc"
