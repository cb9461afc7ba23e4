#include "StorageTestUtil.h"
#include "TestMain.h"

#include "core/storage/HistoryStore.h"
#include "core/storage/SearchText.h"

#include <QTemporaryDir>

using namespace qvd;
using namespace qvd::test;

// Full-text search over titles and message text, English and Chinese (storage/SearchText.h).
class TestHistorySearch : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    HistoryStore m_store;
    QHash<QString, qint64> m_ids; // message text → id

    void add(const QString &conversation, const QString &title, const QStringList &texts)
    {
        Conversation header;
        header.id = conversation;
        header.title = title;
        QVD_VERIFY_STORED(m_store.saveConversation(header));
        for (const QString &text : texts) {
            StoredMessage message;
            message.message = text.startsWith(u'>')
                ? Message::assistant(text.mid(1))
                : Message::user({Part::fromText(text), Part::fromImage(QStringLiteral("x:y"))});
            QVD_VERIFY_STORED(m_store.commitMessage(conversation, message));
            m_ids.insert(text, message.id);
        }
    }

    QSet<qint64> found(const QString &query)
    {
        StorageError error;
        QSet<qint64> ids;
        const QList<SearchHit> hits = m_store.search(query, 50, &error);
        if (error.isError())
            qWarning("search failed: %s", qPrintable(error.detail));
        for (const SearchHit &hit : hits)
            ids.insert(hit.messageId);
        return ids;
    }

    QSet<qint64> ids(const QStringList &texts) const
    {
        QSet<qint64> set;
        for (const QString &text : texts)
            set.insert(m_ids.value(text));
        return set;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_store.open(m_dir.filePath(QStringLiteral("history.sqlite"))).ok());
        add(QStringLiteral("c1"), QStringLiteral("Dogs at the beach"),
            {QStringLiteral("我在海滩上看到一只狗"), QStringLiteral(">图中有两只狗，一只在海边。"),
             QStringLiteral("Where is the red umbrella?"),
             QStringLiteral(">The Umbrella is at (10,20). 100% sure_ok")});
        add(QStringLiteral("c2"), QStringLiteral("猫和海滩"),
            {QStringLiteral("一只猫"), QStringLiteral(">海浪很大"), QStringLiteral("ok then")});
    }

    void pluginHasFts5AndTrigram()
    {
        RawDatabase raw(m_dir.filePath(QStringLiteral("history.sqlite")));
        QCOMPARE(raw.value(QStringLiteral("SELECT sqlite_compileoption_used('ENABLE_FTS5')")),
                 QVariant(1));
        QVERIFY(!raw.value(QStringLiteral("SELECT sqlite_version()")).toString().isEmpty());
        QVERIFY(raw.value(QStringLiteral("SELECT sql FROM sqlite_master WHERE name = 'search_fts'"))
                    .toString()
                    .contains(QStringLiteral("trigram")));
    }

    void findsEnglishCaseInsensitively()
    {
        const QSet<qint64> expected =
            ids({QStringLiteral("Where is the red umbrella?"),
                 QStringLiteral(">The Umbrella is at (10,20). 100% sure_ok")});
        QCOMPARE(found(QStringLiteral("umbrella")), expected);
        QCOMPARE(found(QStringLiteral("UMBRELLA")), expected);
        QCOMPARE(found(QStringLiteral("red umbrella")),
                 ids({QStringLiteral("Where is the red umbrella?")}));
        QVERIFY(found(QStringLiteral("giraffe")).isEmpty());
    }

    void findsChineseOfAnyLength()
    {
        // Two characters: not reachable by trigrams, found through the bigram index.
        QCOMPARE(found(QStringLiteral("海滩")),
                 ids({QStringLiteral("我在海滩上看到一只狗")}) | QSet<qint64>{0});
        // One character.
        QCOMPARE(found(QStringLiteral("狗")),
                 ids({QStringLiteral("我在海滩上看到一只狗"),
                      QStringLiteral(">图中有两只狗，一只在海边。")}));
        QCOMPARE(found(QStringLiteral("猫")), ids({QStringLiteral("一只猫")}) | QSet<qint64>{0});
        // Three or more: trigrams.
        QCOMPARE(found(QStringLiteral("看到一只狗")),
                 ids({QStringLiteral("我在海滩上看到一只狗")}));
        // A bigram that spans no word boundary in the text is not invented.
        QVERIFY(found(QStringLiteral("狗图")).isEmpty());
        QVERIFY(found(QStringLiteral("海狗")).isEmpty());
        // Mixed terms: every one must be there.
        QCOMPARE(found(QStringLiteral("一只 海边")),
                 ids({QStringLiteral(">图中有两只狗，一只在海边。")}));
    }

    void shortLatinTermsFallBackToLike()
    {
        QCOMPARE(found(QStringLiteral("ok")),
                 ids({QStringLiteral("ok then"),
                      QStringLiteral(">The Umbrella is at (10,20). 100% sure_ok")}));
        // LIKE wildcards in the query are literal characters.
        QCOMPARE(found(QStringLiteral("0%")),
                 ids({QStringLiteral(">The Umbrella is at (10,20). 100% sure_ok")}));
        QCOMPARE(found(QStringLiteral("e_")),
                 ids({QStringLiteral(">The Umbrella is at (10,20). 100% sure_ok")}));
        QCOMPARE(found(QStringLiteral("%")),
                 ids({QStringLiteral(">The Umbrella is at (10,20). 100% sure_ok")}));
        QVERIFY(found(QStringLiteral("x%")).isEmpty());
    }

    void queryCharactersAreNotSyntax()
    {
        QVERIFY(found(QStringLiteral("\"umbrella")).isEmpty());
        QCOMPARE(found(QStringLiteral("(10,20)")).size(), 1);
        QVERIFY(found(QStringLiteral("AND OR NOT")).isEmpty());
        QVERIFY(found(QStringLiteral("   ")).isEmpty());
    }

    void hitsCarryConversationAndSnippet()
    {
        const QList<SearchHit> hits = m_store.search(QStringLiteral("海浪"));
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits.at(0).conversationId, QStringLiteral("c2"));
        QCOMPARE(hits.at(0).conversationTitle, QStringLiteral("猫和海滩"));
        QCOMPARE(hits.at(0).messageId, m_ids.value(QStringLiteral(">海浪很大")));
        QCOMPARE(hits.at(0).snippet.mid(hits.at(0).matchStart, hits.at(0).matchLength),
                 QStringLiteral("海浪"));

        const QList<SearchHit> titles = m_store.search(QStringLiteral("beach"));
        QCOMPARE(titles.size(), 1);
        QCOMPARE(titles.at(0).messageId, 0);
        QCOMPARE(titles.at(0).conversationId, QStringLiteral("c1"));
    }

    void snippetIsCutAroundTheMatch()
    {
        const QString body = QString(200, u'a') + QStringLiteral("needle") + QString(200, u'b');
        const storage::Snippet snippet = storage::makeSnippet(body, {QStringLiteral("NEEDLE")}, 10);
        QVERIFY(snippet.text.startsWith(QStringLiteral("…")));
        QVERIFY(snippet.text.endsWith(QStringLiteral("…")));
        QVERIFY(snippet.text.size() < 50);
        QCOMPARE(snippet.text.mid(snippet.matchStart, snippet.matchLength),
                 QStringLiteral("needle"));
    }

    void newestFirstAndLimited()
    {
        const QList<SearchHit> hits = m_store.search(QStringLiteral("一只"), 2);
        QCOMPARE(hits.size(), 2);
        QVERIFY(hits.at(0).messageId > hits.at(1).messageId);
    }

    // The index keeps no positions: a text with every trigram of a term but not the term
    // itself is no hit, and does not use up the limit.
    void scatteredTrigramsAreNoHit()
    {
        add(QStringLiteral("c3"), QStringLiteral("Stripes"),
            {QStringLiteral("a zebra crossing"), QStringLiteral("zebr and bra"),
             QStringLiteral(">ZEBR, BRA again")});
        QCOMPARE(found(QStringLiteral("zebra")), ids({QStringLiteral("a zebra crossing")}));
        const QList<SearchHit> newest = m_store.search(QStringLiteral("zebra"), 1);
        QCOMPARE(newest.size(), 1);
        QCOMPARE(newest.at(0).messageId, m_ids.value(QStringLiteral("a zebra crossing")));
        QCOMPARE(found(QStringLiteral("zebra crossing")),
                 ids({QStringLiteral("a zebra crossing")}));
    }

    void renamingAndDeletingKeepTheIndexTrue()
    {
        Conversation header;
        header.id = QStringLiteral("c2");
        header.title = QStringLiteral("Cats only");
        QVD_VERIFY_STORED(m_store.saveConversation(header));
        QCOMPARE(found(QStringLiteral("海滩")), ids({QStringLiteral("我在海滩上看到一只狗")}));
        QCOMPARE(m_store.search(QStringLiteral("cats")).size(), 1);
        QVD_VERIFY_STORED(m_store.deleteConversation(QStringLiteral("c2")));
        QVERIFY(found(QStringLiteral("猫")).isEmpty());
        QVERIFY(found(QStringLiteral("海浪")).isEmpty());
        QVERIFY(m_store.search(QStringLiteral("cats")).isEmpty());
        RawDatabase raw(m_dir.filePath(QStringLiteral("history.sqlite")));
        QCOMPARE(raw.value(QStringLiteral(
                     "INSERT INTO search_fts(search_fts) VALUES('integrity-check')")),
                 QVariant());
        QCOMPARE(raw.value(QStringLiteral("INSERT INTO search_fts_grams(search_fts_grams)"
                                          " VALUES('integrity-check')")),
                 QVariant());
    }

    void gramsAreUnigramsAndBigramsOfCjkRuns()
    {
        QCOMPARE(storage::searchGrams(QStringLiteral("a海滩b狗")), QStringLiteral("海 海滩 滩 狗"));
        QVERIFY(storage::searchGrams(QStringLiteral("plain English")).isEmpty());
    }
};

QVD_TEST_MAIN(TestHistorySearch)
#include "tst_HistorySearch.moc"
