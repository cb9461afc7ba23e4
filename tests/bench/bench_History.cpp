// HistoryStore on real SQLite files, each figure against a baseline measured in the same run
// (BenchReport.h):
//  - committing one message (WAL, synchronous=FULL), against a bare INSERT of one row per
//    transaction with the same settings (goal: at most 4 times);
//  - opening a 2,000-message conversation with all its parts and detections, against a bare
//    SELECT of its messages' id, role and text (goal: at most 80 times: about 100 ms);
//  - searching 100,000 messages, against a LIKE scan for a rare term over the same text
//    (goal: at most 0.4 of it, about 50 ms, for every query);
//  - the database's size per 1,000 messages, against their text alone (goal: at most 8 times).
//   build/bin/bench_History                 (QVD_BENCH_QUICK=1: 10,000 messages, few runs)

#include "BenchReport.h"
#include "TestMain.h"

#include "core/storage/HistoryStore.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>

#include <algorithm>
#include <functional>

using namespace qvd;

namespace {

using bench::Better;

const int kConversationMessages = bench::pick(2000, 200);
const int kSearchMessages = bench::pick(100000, 10000);
constexpr int kBatch = 1000;

int runs(int full)
{
    return bench::pick(full, 3);
}

const QStringList kWords = {
    QStringLiteral("the"),    QStringLiteral("dog"),  QStringLiteral("runs"),
    QStringLiteral("across"), QStringLiteral("sand"), QStringLiteral("near"),
    QStringLiteral("water"),  QStringLiteral("box"),  QStringLiteral("label"),
    QStringLiteral("person"), QStringLiteral("car"),  QStringLiteral("tree"),
    QStringLiteral("找出"),   QStringLiteral("图中"), QStringLiteral("所有的"),
    QStringLiteral("猫"),     QStringLiteral("汽车"), QStringLiteral("行人"),
    QStringLiteral("红色"),   QStringLiteral("的"),   QStringLiteral("并"),
    QStringLiteral("输出"),   QStringLiteral("坐标"), QStringLiteral("天空"),
};

QString sentence(QRandomGenerator &random, int words)
{
    QStringList out;
    for (int i = 0; i < words; ++i)
        out.append(kWords.at(random.bounded(int(kWords.size()))));
    return out.join(u' ');
}

StoredMessage makeMessage(QRandomGenerator &random, int n)
{
    StoredMessage stored;
    if (n % 2 == 0) {
        ImageTransform transform;
        transform.storedSize = transform.originalSize = QSize(4000, 3000);
        transform.sentSize = QSize(1288, 966);
        stored.message = Message::user(
            {Part::fromText(sentence(random, 12)),
             Part::fromImage(QStringLiteral("https://example.com/%1.jpg").arg(n), transform)});
        ImageSource source;
        source.sha256 = QCryptographicHash::hash(QByteArray::number(n), QCryptographicHash::Sha256);
        source.byteCount = 2'000'000;
        source.format = QStringLiteral("jpeg");
        stored.images = {source};
    } else {
        stored.message = Message::assistant(sentence(random, 40));
        stored.message.usage = {1500, 120, 1200};
        for (int d = 0; d < 3; ++d) {
            Detection box = Detection::box(10 * d, 20, 300 + d, 400, QStringLiteral("dog"));
            box.attributes.insert(QStringLiteral("color"), QStringLiteral("brown"));
            stored.detections.append(box);
        }
        stored.space = SpaceChoice{CoordinateSpace::Norm1000, SpaceReason::ModelFamily};
    }
    stored.modelId = QStringLiteral("qwen-vl-max");
    return stored;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

// Median milliseconds of `runs` calls.
double timeMs(int runs, const std::function<void()> &work)
{
    QList<double> samples;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        work();
        samples.append(double(timer.nsecsElapsed()) / 1e6);
    }
    return median(samples);
}

// A raw connection for the baselines.
class Raw
{
public:
    explicit Raw(const QString &path) : m_name(QUuid::createUuid().toString())
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.open();
    }
    ~Raw()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    QSqlQuery query() const { return QSqlQuery(QSqlDatabase::database(m_name, false)); }

private:
    QString m_name;
};

} // namespace

class BenchHistory : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void commitMessage()
    {
        HistoryStore store;
        QVERIFY(store.open(m_dir.filePath(QStringLiteral("commit.sqlite"))).ok());
        QVERIFY(!store.saveConversation(Conversation{QStringLiteral("c"), {}, {}, {}, {}, {}}));
        QRandomGenerator random(1);
        int n = 0;
        const double ours = timeMs(runs(300), [&]() {
            StoredMessage message = makeMessage(random, n++);
            store.commitMessage(QStringLiteral("c"), message);
        });

        // Baseline: one bare INSERT per transaction, same journal (WAL) and sync (FULL).
        Raw raw(m_dir.filePath(QStringLiteral("bare.sqlite")));
        QSqlQuery q = raw.query();
        q.exec(QStringLiteral("PRAGMA journal_mode = WAL"));
        q.exec(QStringLiteral("PRAGMA synchronous = FULL"));
        q.exec(QStringLiteral("CREATE TABLE bare (id INTEGER PRIMARY KEY, text TEXT)"));
        q.prepare(QStringLiteral("INSERT INTO bare (text) VALUES (?)"));
        const double bare = timeMs(runs(300), [&]() {
            q.addBindValue(sentence(random, 40));
            q.exec();
        });
        QVD_BENCH_GOAL("commit one message (ms)", ours, "ms",
                       "bare INSERT of one row per transaction", bare, Better::Lower, 4);
    }

    void openConversation()
    {
        const QString path = m_dir.filePath(QStringLiteral("open.sqlite"));
        HistoryStore store;
        QVERIFY(store.open(path).ok());
        QVERIFY(!store.saveConversation(Conversation{QStringLiteral("big"), {}, {}, {}, {}, {}}));
        QRandomGenerator random(2);
        QList<StoredMessage> batch;
        for (int n = 0; n < kConversationMessages; ++n)
            batch.append(makeMessage(random, n));
        QVERIFY(!store.commitMessages(QStringLiteral("big"), batch));

        std::optional<ConversationRecord> record;
        const double ours =
            timeMs(runs(15), [&]() { record = store.conversation(QStringLiteral("big")); });
        QCOMPARE(record->messages.size(), kConversationMessages);
        Raw raw(path);
        const double bare = timeMs(runs(15), [&]() {
            QSqlQuery q = raw.query();
            q.setForwardOnly(true);
            q.prepare(QStringLiteral("SELECT id, role, text FROM messages WHERE conversation_id = ?"
                                     " ORDER BY position"));
            q.addBindValue(QStringLiteral("big"));
            q.exec();
            int rows = 0;
            while (q.next())
                rows += q.value(2).toString().isEmpty() ? 0 : 1;
        });
        QVD_BENCH_GOAL("open a 2,000-message conversation (ms)", ours, "ms",
                       "SELECT id, role, text of its messages", bare, Better::Lower, 80);
    }

    void searchAndSize()
    {
        const QString path = m_dir.filePath(QStringLiteral("search.sqlite"));
        HistoryStore store;
        QVERIFY(store.open(path).ok());
        QRandomGenerator random(3);
        QElapsedTimer build;
        build.start();
        for (int c = 0; c < kSearchMessages / kBatch; ++c) {
            const QString id = QStringLiteral("c%1").arg(c);
            QVERIFY(!store.saveConversation(Conversation{id, sentence(random, 4), {}, {}, {}, {}}));
            QList<StoredMessage> batch;
            for (int n = 0; n < kBatch; ++n)
                batch.append(makeMessage(random, n));
            // A rare word, in 10 messages of the 100,000.
            if (c % 10 == 0)
                batch[8].message.parts[0].text += QStringLiteral(" zebracorn 斑马");
            QVERIFY(!store.commitMessages(id, batch));
        }
        qInfo("built %d messages in %lld ms", kSearchMessages,
              static_cast<long long>(build.elapsed()));

        struct Query
        {
            const char *name;
            QString text;
        };
        const Query queries[] = {
            {"search 100,000 messages: rare English", QStringLiteral("zebracorn")},
            {"search 100,000 messages: common English", QStringLiteral("water")},
            {"search 100,000 messages: rare 2-char Chinese", QStringLiteral("斑马")},
            {"search 100,000 messages: common 2-char Chinese", QStringLiteral("汽车")},
            {"search 100,000 messages: 1-char Chinese", QStringLiteral("猫")},
            {"search 100,000 messages: 3-char Chinese", QStringLiteral("所有的")},
            {"search 100,000 messages: two terms", QStringLiteral("dog 坐标")},
        };
        // The baseline: a LIKE scan for a rare term over the same text.
        Raw raw(path);
        const double like = timeMs(runs(5), [&]() {
            QSqlQuery q = raw.query();
            q.prepare(QStringLiteral("SELECT conversation_id, message_id, body FROM search_entries"
                                     " WHERE body LIKE ? ORDER BY id DESC LIMIT 50"));
            q.addBindValue(QStringLiteral("%zebracorn%"));
            q.exec();
            while (q.next()) { }
        });
        bool held = true;
        for (const Query &query : queries) {
            int hits = 0;
            const double ms =
                timeMs(runs(21), [&]() { hits = int(store.search(query.text).size()); });
            const QByteArray name = QByteArray(query.name) + " (ms)";
            held = bench::report(name.constData(), ms, "ms", "LIKE scan for a rare term", like,
                                 Better::Lower, 0.4)
                && held;
            QVERIFY(hits > 0);
        }
        QVERIFY2(held, "a search was too slow");

        store.close();
        QSqlQuery q = raw.query();
        q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        const double perThousand = double(QFileInfo(path).size()) / (kSearchMessages / kBatch);
        q.exec(QStringLiteral("SELECT SUM(length(CAST(body AS BLOB))) FROM search_entries"
                              " WHERE message_id IS NOT NULL"));
        q.next();
        const double textPerThousand = q.value(0).toDouble() / (kSearchMessages / kBatch);
        QVD_BENCH_GOAL("database size per 1,000 messages (KiB)", perThousand / 1024, "KiB",
                       "their text alone (UTF-8)", textPerThousand / 1024, Better::Lower, 8);
        q.exec(QStringLiteral("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name"
                              " ORDER BY 2 DESC LIMIT 8"));
        while (q.next()) {
            qInfo("    %-40s %9.1f KiB per 1,000", qPrintable(q.value(0).toString()),
                  q.value(1).toDouble() / 1024 / (kSearchMessages / kBatch));
        }
    }
};

QVD_TEST_MAIN(BenchHistory)
#include "bench_History.moc"
