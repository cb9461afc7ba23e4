#include "HistoryFixtures.h"
#include "StorageTestUtil.h"
#include "TestMain.h"

#include "core/storage/HistoryStore.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <cstdio>

using namespace qvd;
using namespace qvd::test;

namespace {

const char kChildFlag[] = "--commit-loop";

QString textFor(qint64 n)
{
    return QStringLiteral("answer number %1 — 第%1条回答").arg(n);
}

// The child: commits messages as fast as it can and prints each id once its commit returned.
int commitLoop(const QString &dbPath)
{
    HistoryStore store;
    if (!store.open(dbPath).ok())
        return 2;
    if (!store.contains(QStringLiteral("c")))
        store.saveConversation(sampleHeader(QStringLiteral("c")));
    for (qint64 n = 0;; ++n) {
        StoredMessage message = sampleAssistantMessage();
        message.message.text = textFor(n);
        message.message.requestId = QString::number(n);
        if (store.commitMessage(QStringLiteral("c"), message).isError())
            return 3;
        std::printf("%lld %lld\n", static_cast<long long>(message.id), static_cast<long long>(n));
        std::fflush(stdout);
    }
}

} // namespace

// A process killed with SIGKILL while committing loses nothing it reported as committed.
class TestHistoryCrash : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killedWriterLosesNoCommittedMessage()
    {
        constexpr int kIterations = 20;
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString db = dir.filePath(QStringLiteral("history.sqlite"));
        QRandomGenerator random(20240601); // fixed: the same kill times on every run
        QHash<qint64, qint64> reported; // message id → n
        QElapsedTimer total;
        total.start();
        for (int i = 0; i < kIterations; ++i) {
            QProcess child;
            child.start(QCoreApplication::applicationFilePath(),
                        {QString::fromLatin1(kChildFlag), db});
            QVERIFY(child.waitForStarted());
            // The kill falls at a random point once the child writes, however slowly it starts
            // (a loaded machine, a sanitizer build): after its first reported commit.
            QVERIFY2(QTest::qWaitFor([&child] { return child.canReadLine(); }, 60000),
                     "the child reported no commit");
            const int delayMs = random.bounded(30, 400);
            QTest::qWait(delayMs);
            child.kill(); // SIGKILL
            QVERIFY(child.waitForFinished(10000));
            QCOMPARE(child.exitStatus(), QProcess::CrashExit);
            const QList<QByteArray> lines = child.readAllStandardOutput().split('\n');
            int committed = 0;
            for (const QByteArray &line : lines) {
                const QList<QByteArray> fields = line.split(' ');
                if (fields.size() != 2)
                    continue; // the last line may have been cut by the kill
                reported.insert(fields.at(0).toLongLong(), fields.at(1).toLongLong());
                ++committed;
            }
            qInfo("iteration %d: killed %d ms after its first commit, %d commits reported", i,
                  delayMs, committed);

            // Opens cleanly, and every reported message is there, whole.
            HistoryStore store;
            const auto opened = store.open(db);
            QVERIFY2(opened.ok(), qPrintable(opened.message));
            QVERIFY(opened.keptAsidePath.isEmpty());
            const auto record = store.conversation(QStringLiteral("c"));
            if (reported.isEmpty())
                continue;
            QVERIFY(record);
            QHash<qint64, const StoredMessage *> byId;
            for (const StoredMessage &message : record->messages)
                byId.insert(message.id, &message);
            for (auto it = reported.cbegin(); it != reported.cend(); ++it) {
                const StoredMessage *message = byId.value(it.key());
                QVERIFY2(message, qPrintable(QStringLiteral("message %1 lost").arg(it.key())));
                QCOMPARE(message->message.text, textFor(it.value()));
                QCOMPARE(message->detections, sampleAssistantMessage().detections);
            }
            // At most the message being committed at the kill is there but was not reported.
            QVERIFY(record->messages.size() <= reported.size() + kIterations);
            QCOMPARE(store.search(QStringLiteral("第")).size(),
                     qMin<qsizetype>(50, record->messages.size()));
        }
        QVERIFY2(reported.size() >= kIterations, "the children committed too little to test");
        qInfo("%lld messages reported committed over %d kills in %lld ms",
              static_cast<long long>(reported.size()), kIterations,
              static_cast<long long>(total.elapsed()));
        QVERIFY(total.elapsed() < 120000);
    }
};

int main(int argc, char *argv[])
{
    if (argc == 3 && qstrcmp(argv[1], kChildFlag) == 0) {
        QCoreApplication app(argc, argv);
        return commitLoop(QString::fromLocal8Bit(argv[2]));
    }
    qvd::test::IsolatedEnvironment isolated;
    QCoreApplication app(argc, argv);
    TestHistoryCrash tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}

#include "tst_HistoryCrash.moc"
