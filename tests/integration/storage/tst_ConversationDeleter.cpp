#include "HistoryFixtures.h"
#include "StorageTestUtil.h"
#include "TestMain.h"

#include "core/storage/ConversationDeleter.h"
#include "core/storage/HistoryStore.h"
#include "core/storage/ImageStore.h"

#include <QBuffer>
#include <QImage>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <cstdio>

using namespace qvd;
using namespace qvd::test;
using namespace std::chrono_literals;

namespace {

const char kChildFlag[] = "--delete-and-wait";

// Two real originals: "only" is used by conversation a alone, "shared" by a and b.
struct Originals
{
    QByteArray only;
    QByteArray shared;
};

QByteArray pngBytes(QRgb colour)
{
    QImage image(8, 6, QImage::Format_RGB32);
    image.fill(colour);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

ImageSource sourceFor(const QByteArray &sha256, const QString &name)
{
    ImageSource source;
    source.sha256 = sha256;
    source.byteCount = 10;
    source.name = name;
    source.format = QStringLiteral("png");
    return source;
}

StoredMessage questionWith(const QList<ImageSource> &images)
{
    QList<Part> parts{Part::fromText(QStringLiteral("what is this"))};
    for (int i = 0; i < images.size(); ++i)
        parts.append(Part::fromImage(QStringLiteral("https://example.com/%1.png").arg(i),
                                     sampleTransform(i)));
    StoredMessage stored;
    stored.message = Message::user(parts);
    stored.images = images;
    return stored;
}

// The child: marks conversation a deleted, says so, and waits for the undo time (to be
// killed in it).
int deleteAndWait(const QString &dir)
{
    HistoryStore store;
    if (!store.open(QDir(dir).filePath(QStringLiteral("history.sqlite"))).ok())
        return 2;
    ImageStore images(QDir(dir).filePath(QStringLiteral("images")));
    ConversationDeleter deleter(&store, &images);
    deleter.setUndoTime(1h);
    if (deleter.remove(QStringLiteral("a")))
        return 3;
    std::printf("marked\n");
    std::fflush(stdout);
    return QCoreApplication::exec();
}

} // namespace

// Deleting with undo against a real SQLite file and real image files.
class TestConversationDeleter : public QObject
{
    Q_OBJECT

private:
    QString dbPath() const { return m_dir->filePath(QStringLiteral("history.sqlite")); }
    QString imageRoot() const { return m_dir->filePath(QStringLiteral("images")); }

    // a (newer): a question with both originals and the sample answer; b (older): a question
    // with the shared original.
    Originals fill(HistoryStore &store, ImageStore &images)
    {
        Originals originals;
        const auto only = images.put(pngBytes(qRgb(200, 40, 40)));
        const auto shared = images.put(pngBytes(qRgb(40, 40, 200)));
        if (!only.ok() || !shared.ok())
            return {};
        originals.only = only.sha256;
        originals.shared = shared.sha256;

        ConversationRecord b;
        b.header = sampleHeader(QStringLiteral("b"));
        b.updatedAt = QDateTime::currentDateTimeUtc().addDays(-1);
        b.messages = {questionWith({sourceFor(originals.shared, QStringLiteral("s.png"))})};
        if (store.insertRecord(b))
            return {};
        const Conversation a = sampleHeader(QStringLiteral("a"));
        QList<StoredMessage> messages{
            questionWith({sourceFor(originals.only, QStringLiteral("o.png")),
                          sourceFor(originals.shared, QStringLiteral("s.png"))}),
            sampleAssistantMessage()};
        if (store.saveConversation(a) || store.commitMessages(a.id, messages))
            return {};
        return originals;
    }

    int rows(const QString &table, const QString &conversation) const
    {
        RawDatabase raw(dbPath());
        return raw
            .value(QStringLiteral("SELECT COUNT(*) FROM %1 WHERE conversation_id = '%2'")
                       .arg(table, conversation))
            .toInt();
    }

    static QStringList listed(const HistoryStore &store)
    {
        QStringList ids;
        const auto list = store.conversations();
        for (const ConversationSummary &summary : list)
            ids.append(summary.id);
        return ids;
    }

    std::unique_ptr<QTemporaryDir> m_dir;

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void defaultUndoTimeIsTenSeconds()
    {
        ConversationDeleter deleter(nullptr, nullptr);
        QCOMPARE(deleter.undoTime(), 10000ms);
        QVERIFY(deleter.remove(QStringLiteral("a")).isError()); // no history: nothing to do
    }

    void removedIsHiddenAtOnceAndPurgedWhenTheUndoTimeEnds()
    {
        HistoryStore store;
        QVERIFY(store.open(dbPath()).ok());
        ImageStore images(imageRoot());
        const Originals originals = fill(store, images);
        QVERIFY(!originals.only.isEmpty());
        ConversationDeleter deleter(&store, &images);
        deleter.setUndoTime(50ms);
        QSignalSpy removed(&deleter, &ConversationDeleter::removed);
        QSignalSpy purged(&deleter, &ConversationDeleter::purged);

        QVD_VERIFY_STORED(deleter.remove(QStringLiteral("a")));
        QCOMPARE(removed.size(), 1);
        QCOMPARE(deleter.pendingId(), QStringLiteral("a"));
        QVERIFY(!store.contains(QStringLiteral("a")));
        QCOMPARE(rows(QStringLiteral("messages"), QStringLiteral("a")), 2);
        QVERIFY(images.contains(originals.only));

        QTRY_COMPARE(purged.size(), 1);
        QCOMPARE(purged.first().first().toString(), QStringLiteral("a"));
        QVERIFY(!deleter.hasPending());
        QCOMPARE(rows(QStringLiteral("messages"), QStringLiteral("a")), 0);
        QCOMPARE(rows(QStringLiteral("search_entries"), QStringLiteral("a")), 0);
        QVERIFY(store.deletedConversations().isEmpty());
        // The original only a used is gone from the disk; the shared one stays for b.
        QVERIFY(!QFileInfo::exists(images.pathFor(originals.only)));
        QVERIFY(images.contains(originals.shared));
        QVERIFY(images.load(originals.shared).ok());
        QCOMPARE(store.conversation(QStringLiteral("b"))->messages.size(), 1);
    }

    void undoBringsItBackWhole()
    {
        HistoryStore store;
        QVERIFY(store.open(dbPath()).ok());
        ImageStore images(imageRoot());
        const Originals originals = fill(store, images);
        QVERIFY(!originals.only.isEmpty());
        const auto before = store.conversation(QStringLiteral("a"));
        QVERIFY(before);
        const QStringList listBefore = listed(store);
        QCOMPARE(listBefore, (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
        ConversationDeleter deleter(&store, &images);
        QSignalSpy restored(&deleter, &ConversationDeleter::restored);
        QSignalSpy purged(&deleter, &ConversationDeleter::purged);

        QVD_VERIFY_STORED(deleter.remove(QStringLiteral("a")));
        QCOMPARE(store.conversations().size(), 1);
        QVD_VERIFY_STORED(deleter.undo());
        QCOMPARE(restored.size(), 1);
        QVERIFY(!deleter.hasPending());
        QCOMPARE(*store.conversation(QStringLiteral("a")), *before);
        QCOMPARE(listed(store), listBefore); // the same place by last activity
        QVERIFY(images.load(originals.only).ok());
        QCOMPARE(deleter.undo().kind, StorageError::Kind::NotFound);
        // Nothing is pending, so nothing is purged later either.
        QVD_VERIFY_STORED(deleter.purgeNow());
        QCOMPARE(purged.size(), 0);
        QVERIFY(store.contains(QStringLiteral("a")));
    }

    void aNewDeletionFinishesThePendingOne()
    {
        HistoryStore store;
        QVERIFY(store.open(dbPath()).ok());
        ImageStore images(imageRoot());
        const Originals originals = fill(store, images);
        QVERIFY(!originals.only.isEmpty());
        ConversationDeleter deleter(&store, &images);
        QSignalSpy purged(&deleter, &ConversationDeleter::purged);
        QVD_VERIFY_STORED(deleter.remove(QStringLiteral("a")));
        QVD_VERIFY_STORED(deleter.remove(QStringLiteral("b")));
        QCOMPARE(purged.size(), 1);
        QCOMPARE(purged.first().first().toString(), QStringLiteral("a"));
        QCOMPARE(rows(QStringLiteral("messages"), QStringLiteral("a")), 0);
        QCOMPARE(store.deletedConversations(), QStringList{QStringLiteral("b")});
        QVERIFY(images.contains(originals.shared)); // b is still undoable
        QVD_VERIFY_STORED(deleter.undo());
        QCOMPARE(store.conversation(QStringLiteral("b"))->messages.size(), 1);
        QVERIFY(!store.contains(QStringLiteral("a")));
    }

    void theEndOfTheAppFinishesThePendingDeletion()
    {
        HistoryStore store;
        QVERIFY(store.open(dbPath()).ok());
        ImageStore images(imageRoot());
        const Originals originals = fill(store, images);
        QVERIFY(!originals.only.isEmpty());
        {
            ConversationDeleter deleter(&store, &images);
            QVD_VERIFY_STORED(deleter.remove(QStringLiteral("a")));
            QCOMPARE(rows(QStringLiteral("messages"), QStringLiteral("a")), 2);
        }
        QCOMPARE(rows(QStringLiteral("messages"), QStringLiteral("a")), 0);
        QVERIFY(store.deletedConversations().isEmpty());
        QVERIFY(!images.contains(originals.only));
    }

    void killedInTheUndoTimeLosesNothingAndIsPurgedAtTheNextStart()
    {
        Originals originals;
        ConversationRecord before;
        {
            HistoryStore store;
            QVERIFY(store.open(dbPath()).ok());
            ImageStore images(imageRoot());
            originals = fill(store, images);
            before = store.conversation(QStringLiteral("a")).value_or(ConversationRecord());
        }
        QVERIFY(!originals.only.isEmpty());
        QProcess child;
        child.start(QCoreApplication::applicationFilePath(),
                    {QString::fromLatin1(kChildFlag), m_dir->path()});
        QVERIFY(child.waitForStarted());
        QByteArray output;
        const auto markedOrEnded = [&] {
            output += child.readAllStandardOutput();
            return output.contains("marked") || child.state() == QProcess::NotRunning;
        };
        QTRY_VERIFY_WITH_TIMEOUT(markedOrEnded(), 20000);
        QCOMPARE(child.state(), QProcess::Running);
        child.kill(); // SIGKILL: no destructor runs
        QVERIFY(child.waitForFinished(10000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);

        // Nothing is lost and nothing half-deleted: hidden, yet whole in the file.
        HistoryStore store;
        QVERIFY(store.open(dbPath()).ok());
        ImageStore images(imageRoot());
        QVERIFY(!store.contains(QStringLiteral("a")));
        QCOMPARE(store.deletedConversations(), QStringList{QStringLiteral("a")});
        QCOMPARE(rows(QStringLiteral("messages"), QStringLiteral("a")), 2);
        QVERIFY(images.contains(originals.only));
        QVD_VERIFY_STORED(store.restoreDeleted(QStringLiteral("a")));
        QCOMPARE(*store.conversation(QStringLiteral("a")), before);
        QVD_VERIFY_STORED(store.markDeleted(QStringLiteral("a")));

        // The next start finishes the deletion, originals included.
        QVD_VERIFY_STORED(ConversationDeleter::purgeLeftovers(store, &images));
        QVERIFY(store.deletedConversations().isEmpty());
        QCOMPARE(rows(QStringLiteral("messages"), QStringLiteral("a")), 0);
        QVERIFY(!images.contains(originals.only));
        QVERIFY(images.contains(originals.shared));
        QCOMPARE(store.conversations().size(), 1);
    }
};

int main(int argc, char *argv[])
{
    if (argc == 3 && qstrcmp(argv[1], kChildFlag) == 0) {
        QCoreApplication app(argc, argv);
        return deleteAndWait(QString::fromLocal8Bit(argv[2]));
    }
    qvd::test::IsolatedEnvironment isolated;
    QCoreApplication app(argc, argv);
    TestConversationDeleter tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}

#include "tst_ConversationDeleter.moc"
