#include "HistoryFixtures.h"
#include "StorageTestUtil.h"
#include "TestMain.h"

#include "core/storage/HistoryStore.h"
#include "core/storage/ImageStore.h"

#include <QDirIterator>
#include <QProcess>
#include <QTemporaryDir>

#include <csignal>
#include <cstdio>
#include <grp.h>
#include <sys/resource.h>
#include <unistd.h>

using namespace qvd;
using namespace qvd::test;

namespace {

const char kChildFlag[] = "--storage-child";
constexpr uid_t kNobody = 65534;

QString kindName(StorageError::Kind kind)
{
    switch (kind) {
    case StorageError::Kind::None:
        return QStringLiteral("none");
    case StorageError::Kind::DiskFull:
        return QStringLiteral("disk-full");
    case StorageError::Kind::ReadOnly:
        return QStringLiteral("read-only");
    case StorageError::Kind::Damaged:
        return QStringLiteral("damaged");
    default:
        return QStringLiteral("other");
    }
}

void print(const QString &line)
{
    std::printf("%s\n", line.toUtf8().constData());
    std::fflush(stdout);
}

// The child: what a person without write access (or with a full disk) sees. Root ignores file
// permissions, so when run as root the child becomes "nobody" first.
int runChild(const QStringList &args)
{
    if (geteuid() == 0
        && (setgroups(0, nullptr) != 0 || setgid(kNobody) != 0 || setuid(kNobody) != 0))
        return 10;
    const QString command = args.value(0);
    const QString target = args.value(1);
    if (command == u"limit") {
        // A "full disk": no file may grow past the limit (EFBIG instead of SIGXFSZ).
        std::signal(SIGXFSZ, SIG_IGN);
        const rlim_t limit = args.value(2).toULongLong();
        const rlimit rl{limit, limit};
        if (setrlimit(RLIMIT_FSIZE, &rl) != 0)
            return 11;
        ImageStore images(args.value(3));
        const auto put = images.put(QByteArray(256 * 1024, 'i'));
        print(QStringLiteral("put ") + kindName(put.error.kind) + u' ' + put.error.userMessage());
    }
    HistoryStore store;
    const auto opened = store.open(target);
    print(QStringLiteral("open ") + kindName(opened.error.kind) + u' ' + opened.message);
    if (!opened.ok())
        return 0;
    if (!opened.keptAsidePath.isEmpty())
        print(QStringLiteral("kept ") + opened.keptAsidePath);
    store.saveConversation(sampleHeader(QStringLiteral("c")));
    StoredMessage message = sampleAssistantMessage();
    message.message.text = QString(1024 * 1024, u'x'); // 1 MiB (2–3 MiB in the WAL)
    const StorageError error = store.commitMessage(QStringLiteral("c"), message);
    print(QStringLiteral("commit ") + kindName(error.kind) + u' ' + error.userMessage());
    return 0;
}

} // namespace

// Damaged, unreadable and read-only databases; a full disk.
class TestHistoryDamage : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString dbPath() const { return m_dir->filePath(QStringLiteral("history.sqlite")); }

    QStringList runChild(const QStringList &args)
    {
        QProcess child;
        child.start(QCoreApplication::applicationFilePath(),
                    QStringList{QString::fromLatin1(kChildFlag)} + args);
        if (!child.waitForFinished(60000))
            return {};
        if (child.exitCode() != 0)
            qWarning("child exit %d: %s", child.exitCode(),
                     child.readAllStandardError().constData());
        return QString::fromUtf8(child.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
    }

    // A history with two conversations and five messages; returns them as stored.
    QList<ConversationRecord> fill()
    {
        HistoryStore store;
        [&] {
            QVERIFY(store.open(dbPath()).ok());
        }();
        QList<ConversationRecord> records;
        for (const QString &id : {QStringLiteral("a"), QStringLiteral("b")}) {
            store.saveConversation(sampleHeader(id));
            QList<StoredMessage> messages{sampleUserMessage(), sampleAssistantMessage()};
            if (id == u"a")
                messages.append(failedMessage());
            store.commitMessages(id, messages);
            records.append(*store.conversation(id));
        }
        return records;
    }

    void expectIntact(const QList<ConversationRecord> &records)
    {
        HistoryStore store;
        const auto opened = store.open(dbPath());
        QVERIFY2(opened.ok(), qPrintable(opened.message));
        QVERIFY(opened.keptAsidePath.isEmpty());
        for (const ConversationRecord &record : records) {
            const auto again = store.conversation(record.header.id);
            QVERIFY(again);
            QCOMPARE(again->messages, record.messages);
        }
    }

    // Opens a damaged file: it is kept aside with its bytes, the message says where, a new
    // empty history works.
    void expectKeptAside(const QByteArray &damagedBytes)
    {
        HistoryStore store;
        const auto opened = store.open(dbPath());
        QVERIFY2(opened.ok(), qPrintable(opened.message));
        QVERIFY(!opened.keptAsidePath.isEmpty());
        QVERIFY(QFileInfo(opened.keptAsidePath)
                    .fileName()
                    .startsWith(QStringLiteral("history.sqlite.damaged-")));
        QVERIFY(opened.message.contains(QDir::toNativeSeparators(opened.keptAsidePath)));
        if (!damagedBytes.isNull())
            QCOMPARE(fileBytes(opened.keptAsidePath), damagedBytes);
        QVERIFY(store.conversations().isEmpty());
        QVD_VERIFY_STORED(store.saveConversation(sampleHeader(QStringLiteral("new"))));
        StoredMessage message = sampleAssistantMessage();
        QVD_VERIFY_STORED(store.commitMessage(QStringLiteral("new"), message));
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        // The child may run as another user: let it reach the folder.
        QFile::setPermissions(m_dir->path(),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner
                                  | QFile::ReadOther | QFile::ExeOther | QFile::ReadGroup
                                  | QFile::ExeGroup);
    }

    void cleanup()
    {
        QFile::setPermissions(m_dir->path(),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        m_dir.reset();
    }

    void garbageIsKeptAside()
    {
        QByteArray garbage(64 * 1024, '\0');
        for (int i = 0; i < garbage.size(); ++i)
            garbage[i] = char((i * 7919) % 251);
        QFile file(dbPath());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(garbage);
        file.close();
        expectKeptAside(garbage);
    }

    void scribbledPagesAreKeptAside()
    {
        fill();
        QByteArray bytes = fileBytes(dbPath());
        QVERIFY(bytes.size() > 8 * 4096);
        // A valid header, but b-tree pages overwritten in the middle of the file.
        for (int i = 2 * 4096; i < bytes.size() - 4096; ++i)
            bytes[i] = char(0xA5);
        QFile file(dbPath());
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(bytes);
        file.close();
        expectKeptAside(bytes);
    }

    void truncatedDatabaseIsKeptAside_data()
    {
        QTest::addColumn<double>("keep");
        QTest::newRow("half") << 0.5;
        QTest::newRow("header only") << 0.0;
        QTest::newRow("inside the header") << -1.0;
    }

    void truncatedDatabaseIsKeptAside()
    {
        QFETCH(double, keep);
        fill();
        const QByteArray bytes = fileBytes(dbPath());
        const qint64 size = keep < 0 ? 60
            : keep == 0              ? 4096
                                     : qint64(bytes.size() * keep) / 4096 * 4096;
        QVERIFY(QFile::resize(dbPath(), size));
        expectKeptAside(bytes.left(size));
    }

    void directoryIsKeptAside()
    {
        QVERIFY(QDir().mkpath(dbPath() + QStringLiteral("/inside")));
        HistoryStore store;
        const auto opened = store.open(dbPath());
        QVERIFY2(opened.ok(), qPrintable(opened.message));
        QVERIFY(QFileInfo(opened.keptAsidePath + QStringLiteral("/inside")).isDir());
        QVERIFY(QFileInfo(dbPath()).isFile());
    }

    void unreadableFileIsKeptAside()
    {
        const QList<ConversationRecord> records = fill();
        const QByteArray bytes = fileBytes(dbPath());
        QVERIFY(QFile::setPermissions(dbPath(), QFileDevice::Permissions()));
        if (geteuid() == 0) // the child runs as nobody and must be able to rename in the folder
            QCOMPARE(chown(QFile::encodeName(m_dir->path()).constData(), kNobody, kNobody), 0);
        const QStringList lines = runChild({QStringLiteral("open"), dbPath()});
        QVERIFY2(lines.size() == 3, qPrintable(lines.join(u'\n')));
        QVERIFY(lines.at(0).startsWith(QStringLiteral("open none ")));
        QVERIFY(lines.at(0).contains(QStringLiteral("damaged")));
        QVERIFY(lines.at(1).startsWith(QStringLiteral("kept ")));
        const QString kept = lines.at(1).mid(5);
        QVERIFY(lines.at(0).contains(kept));
        QCOMPARE(lines.at(2).left(11), QStringLiteral("commit none"));
        // Nothing was lost: the kept file is the old history, whole.
        QVERIFY(QFile::setPermissions(kept, QFile::ReadOwner | QFile::WriteOwner));
        QCOMPARE(fileBytes(kept), bytes);
    }

    void readOnlyFolderFailsClearlyAndLosesNothing()
    {
        const QList<ConversationRecord> records = fill();
        const QByteArray bytes = fileBytes(dbPath());
        const auto readOnly = QFile::ReadOwner | QFile::ExeOwner | QFile::ReadOther
            | QFile::ExeOther | QFile::ReadGroup | QFile::ExeGroup;
        QVERIFY(QFile::setPermissions(m_dir->path(), readOnly));
        QVERIFY(QFile::setPermissions(dbPath(),
                                      QFile::ReadOwner | QFile::ReadOther | QFile::ReadGroup));
        const QStringList lines = runChild({QStringLiteral("open"), dbPath()});
        QFile::setPermissions(m_dir->path(), readOnly | QFile::WriteOwner);
        QFile::setPermissions(dbPath(), QFile::ReadOwner | QFile::WriteOwner);
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines.at(0).startsWith(QStringLiteral("open read-only ")),
                 qPrintable(lines.at(0)));
        QVERIFY(lines.at(0).contains(dbPath()));
        QVERIFY(lines.at(0).contains(QStringLiteral("read-only")));
        QCOMPARE(fileBytes(dbPath()), bytes);
        QCOMPARE(filesIn(m_dir->path()), QStringList{QStringLiteral("history.sqlite")});
        expectIntact(records);
    }

    void fullDiskFailsClearlyAndLosesNothing()
    {
        const QList<ConversationRecord> records = fill();
        QVERIFY(QFile::setPermissions(m_dir->path(),
                                      QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner
                                          | QFile::ReadOther | QFile::WriteOther
                                          | QFile::ExeOther));
        QVERIFY(QFile::setPermissions(
            dbPath(), QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther | QFile::WriteOther));
        const QString images = m_dir->filePath(QStringLiteral("images"));
        QVERIFY(QDir().mkpath(images));
        QFile::setPermissions(images,
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner
                                  | QFile::ReadOther | QFile::WriteOther | QFile::ExeOther);
        const qint64 limit = QFileInfo(dbPath()).size() + 64 * 1024;
        const QStringList lines =
            runChild({QStringLiteral("limit"), dbPath(), QString::number(limit), images});
        QVERIFY2(lines.size() == 3, qPrintable(lines.join(u'\n')));
        QVERIFY2(lines.at(0).startsWith(QStringLiteral("put disk-full ")), qPrintable(lines.at(0)));
        QVERIFY(lines.at(0).contains(QStringLiteral("disk is full")));
        QVERIFY(lines.at(1).startsWith(QStringLiteral("open none")));
        // SQLite reports EFBIG as an I/O error and ENOSPC as "full": either way, a clear error.
        QVERIFY2(lines.at(2).startsWith(QStringLiteral("commit disk-full "))
                     || lines.at(2).startsWith(QStringLiteral("commit other ")),
                 qPrintable(lines.at(2)));
        QVERIFY(lines.at(2).contains(dbPath()));
        // No partial image under a final name, and the history is whole.
        QDirIterator it(images, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            QVERIFY2(it.next().contains(u'.'), "only temporary names may be left");
        expectIntact(records);
    }
};

int main(int argc, char *argv[])
{
    if (argc >= 2 && qstrcmp(argv[1], kChildFlag) == 0) {
        QCoreApplication app(argc, argv);
        return runChild(app.arguments().mid(2));
    }
    qvd::test::IsolatedEnvironment isolated;
    QCoreApplication app(argc, argv);
    TestHistoryDamage tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}

#include "tst_HistoryDamage.moc"
