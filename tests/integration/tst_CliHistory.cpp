// `qwenvl-desk-cli history …` as a person runs it: the built binary on a HOME of its own, whose
// history is filled and read here through the same files (real SQLite, real image store).
#include "core/storage/HistoryLocation.h"
#include "core/storage/HistoryStore.h"
#include "core/storage/ImageStore.h"
#include "core/storage/RecordJson.h"

#include "BundleWriter.h"
#include "CliRunner.h"
#include "TestMain.h"

#include <QDirIterator>
#include <QJsonArray>

using namespace qvd;
using qvd::test::CliRun;

namespace {

// A person's HOME with the app's data folder in it.
struct Home
{
    QTemporaryDir dir;
    QString data() const { return dir.filePath(QStringLiteral(".local/share/qwenvl-desk")); }
    HistoryLocation location() const { return HistoryLocation(data()); }
    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), dir.path());
        env.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral(".local/share")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral(".config")));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), dir.filePath(QStringLiteral(".cache")));
        return env;
    }
    CliRun cli(const QStringList &arguments) const
    {
        QStringList all{QStringLiteral("history")};
        all += arguments;
        return qvd::test::runCli(all, {}, environment());
    }
};

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray photo(QColor color)
{
    QImage image(QSize(40, 30), QImage::Format_RGB32);
    image.fill(color);
    return qvd::test::encodedImage(image, "PNG");
}

// A conversation: a question naming one original, and an answer with a box.
ConversationRecord conversation(const QString &id, const QString &title, const QString &question,
                                const QByteArray &original, qint64 at)
{
    ConversationRecord record;
    record.header.id = id;
    record.header.title = title;
    record.header.modelId = QStringLiteral("qwen-vl-max");
    StoredMessage user;
    user.message = Message::user(
        {Part::fromText(question), Part::fromImage(QStringLiteral("https://example.com/a.png"))});
    ImageSource source;
    source.sha256 = qvd::test::sha256Of(original);
    source.byteCount = original.size();
    source.name = QStringLiteral("photo.png");
    source.format = QStringLiteral("png");
    user.images = {source};
    user.createdAt = QDateTime::fromMSecsSinceEpoch(at, Qt::UTC);
    StoredMessage answer;
    answer.message = Message::assistant(QStringLiteral("<ref>狗</ref><box>(1,2),(30,40)</box>"));
    answer.detections = {Detection::box(1, 2, 30, 40, QStringLiteral("狗"))};
    answer.space = SpaceChoice{CoordinateSpace::Norm1000, SpaceReason::SyntaxDefault};
    answer.createdAt = QDateTime::fromMSecsSinceEpoch(at + 1000, Qt::UTC);
    record.messages = {user, answer};
    record.createdAt = user.createdAt;
    record.updatedAt = answer.createdAt;
    return record;
}

void clearIds(ConversationRecord &record)
{
    for (StoredMessage &message : record.messages)
        message.id = 0;
}

} // namespace

class TestCliHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void helpNamesEverySubcommand();
    void listShowsConversationsNewestFirst();
    void searchFindsChineseAndLatinText();
    void showPrintsMarkdownOrEveryStoredField();
    void unknownIdAndUsageErrorsAreClear();
    void exportJsonImportsIntoAnotherHome();
    void exportMarkdownOneOrAll();
    void importingTwiceAddsNothing();

private:
    // Fills m_home with two conversations and their originals.
    void fill();

    std::unique_ptr<Home> m_home;
    ConversationRecord m_dogs;
    ConversationRecord m_umbrella;
};

void TestCliHistory::init()
{
    m_home = std::make_unique<Home>();
    QVERIFY(m_home->dir.isValid());
}

void TestCliHistory::fill()
{
    HistoryStore history;
    ImageStore images(m_home->location().imagesPath());
    QVERIFY(m_home->location().open(history, images).ok());
    const QByteArray red = photo(Qt::red);
    const QByteArray blue = photo(Qt::blue);
    QVERIFY(images.put(red).ok() && images.put(blue).ok());
    m_dogs = conversation(QStringLiteral("a1b2c3d4-0000-4000-8000-000000000001"),
                          QStringLiteral("海滩上的狗"), QStringLiteral("找出所有的狗"), red,
                          1700000000000);
    m_umbrella = conversation(QStringLiteral("e5f6a7b8-0000-4000-8000-000000000002"),
                              QStringLiteral("Beach umbrella"),
                              QStringLiteral("Where is the umbrella?"), blue, 1700000100000);
    QVERIFY(!history.insertRecord(m_dogs).isError());
    QVERIFY(!history.insertRecord(m_umbrella).isError());
    clearIds(m_dogs);
    clearIds(m_umbrella);
}

void TestCliHistory::helpNamesEverySubcommand()
{
    const CliRun help = m_home->cli({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    for (const char *action : {"list", "search", "show", "export", "import"})
        QVERIFY2(help.out.contains(QStringLiteral("  %1 ").arg(QLatin1String(action))),
                 qPrintable(help.out));
    // The top-level help lists the command, and it works (no "not available").
    const CliRun top = qvd::test::runCli({QStringLiteral("--help")}, {}, m_home->environment());
    QVERIFY(top.out.contains(QStringLiteral("\n  history ")));
    const CliRun list = m_home->cli({QStringLiteral("list")});
    QCOMPARE(list.exitCode, 0);
    QVERIFY2(!list.err.contains(QStringLiteral("not available")), qPrintable(list.err));
}

void TestCliHistory::listShowsConversationsNewestFirst()
{
    const CliRun empty = m_home->cli({QStringLiteral("list")});
    QCOMPARE(empty.exitCode, 0);
    QVERIFY(empty.out.isEmpty());
    QVERIFY(empty.err.contains(QStringLiteral("No saved conversations")));

    fill();
    const CliRun text = m_home->cli({QStringLiteral("list")});
    QCOMPARE(text.exitCode, 0);
    const QStringList lines = text.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QVERIFY(lines.at(0).startsWith(m_umbrella.header.id));
    QVERIFY(lines.at(0).endsWith(QStringLiteral("Beach umbrella")));
    QVERIFY(lines.at(1).startsWith(m_dogs.header.id));
    QVERIFY(lines.at(1).endsWith(QStringLiteral("海滩上的狗")));

    const CliRun json = m_home->cli({QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(json.exitCode, 0);
    const QJsonArray array = QJsonDocument::fromJson(json.out.toUtf8()).array();
    QCOMPARE(array.size(), 2);
    QCOMPARE(array.at(1).toObject().value(QStringLiteral("id")).toString(), m_dogs.header.id);
    QCOMPARE(array.at(1).toObject().value(QStringLiteral("messages")).toInt(), 2);
    QCOMPARE(array.at(1).toObject().value(QStringLiteral("title")).toString(),
             QStringLiteral("海滩上的狗"));
}

void TestCliHistory::searchFindsChineseAndLatinText()
{
    fill();
    const auto idsFound = [this](const QString &term) {
        const CliRun run = m_home->cli({QStringLiteral("search"), term, QStringLiteral("--json")});
        QStringList ids;
        for (const QJsonValue &hit : QJsonDocument::fromJson(run.out.toUtf8()).array())
            ids.append(hit.toObject().value(QStringLiteral("conversation_id")).toString());
        ids.removeDuplicates();
        return ids;
    };
    QCOMPARE(idsFound(QStringLiteral("找")), QStringList{m_dogs.header.id}); // one character
    QCOMPARE(idsFound(QStringLiteral("海滩")), QStringList{m_dogs.header.id});
    QCOMPARE(idsFound(QStringLiteral("UMBRELLA")), QStringList{m_umbrella.header.id});

    const CliRun text = m_home->cli({QStringLiteral("search"), QStringLiteral("umbrella")});
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains(m_umbrella.header.id + QStringLiteral("  Beach umbrella")),
             qPrintable(text.out));
    QVERIFY(text.out.contains(QStringLiteral("Where is the umbrella?")));

    const CliRun none = m_home->cli({QStringLiteral("search"), QStringLiteral("猫")});
    QCOMPARE(none.exitCode, 0);
    QVERIFY(none.out.isEmpty());
    QVERIFY(none.err.contains(QStringLiteral("猫")));
}

void TestCliHistory::showPrintsMarkdownOrEveryStoredField()
{
    fill();
    const CliRun text = m_home->cli({QStringLiteral("show"), m_dogs.header.id});
    QCOMPARE(text.exitCode, 0);
    QVERIFY(text.out.startsWith(QStringLiteral("# 海滩上的狗\n")));
    QVERIFY(text.out.contains(QStringLiteral("找出所有的狗")));
    QVERIFY(text.out.contains(QStringLiteral("<ref>狗</ref><box>(1,2),(30,40)</box>")));
    QVERIFY(text.out.contains(QStringLiteral("| 1 | 狗 | box | (1, 2), (30, 40) | – |")));
    // The image is named with where its original is.
    const QString original = ImageStore(m_home->location().imagesPath())
                                 .pathFor(m_dogs.messages.at(0).images.first().sha256);
    QVERIFY2(text.out.contains(QStringLiteral("[photo.png: %1]").arg(original)),
             qPrintable(text.out));

    // --json is every stored field; a unique beginning of the id is enough.
    const CliRun json =
        m_home->cli({QStringLiteral("show"), m_dogs.header.id.left(8), QStringLiteral("--json")});
    QCOMPARE(json.exitCode, 0);
    auto parsed = storage::recordFromJson(json.json());
    QVERIFY(parsed);
    clearIds(*parsed);
    QCOMPARE(*parsed, m_dogs);
}

void TestCliHistory::unknownIdAndUsageErrorsAreClear()
{
    fill();
    const CliRun unknown = m_home->cli({QStringLiteral("show"), QStringLiteral("nope")});
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY(unknown.err.contains(QStringLiteral("no saved conversation “nope”")));
    // "a1b2" and "e5f6" are both 4 characters; "0000" begins neither.
    QCOMPARE(m_home->cli({QStringLiteral("show"), QStringLiteral("0000")}).exitCode, 1);
    QCOMPARE(m_home->cli({QStringLiteral("frobnicate")}).exitCode, 2);
    QCOMPARE(m_home->cli({QStringLiteral("show")}).exitCode, 2);
    QCOMPARE(m_home->cli({QStringLiteral("import")}).exitCode, 2);
    const QString out = m_home->dir.filePath(QStringLiteral("x.json"));
    // Neither ids nor --all, both, or an unknown format.
    QCOMPARE(m_home->cli({QStringLiteral("export"), QStringLiteral("--output"), out}).exitCode, 2);
    QCOMPARE(m_home
                 ->cli({QStringLiteral("export"), m_dogs.header.id, QStringLiteral("--all"),
                        QStringLiteral("--output"), out})
                 .exitCode,
             2);
    QCOMPARE(
        m_home
            ->cli({QStringLiteral("export"), QStringLiteral("--all"), QStringLiteral("--format"),
                   QStringLiteral("pdf"), QStringLiteral("--output"), out})
            .exitCode,
        2);
    QVERIFY(!QFileInfo::exists(out));
    const CliRun missing = m_home->cli(
        {QStringLiteral("import"), m_home->dir.filePath(QStringLiteral("missing.json"))});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY(missing.err.contains(QStringLiteral("Nothing was imported")));
}

void TestCliHistory::exportJsonImportsIntoAnotherHome()
{
    fill();
    const QString bundle = m_home->dir.filePath(QStringLiteral("dogs.json"));
    const CliRun exported =
        m_home->cli({QStringLiteral("export"), m_dogs.header.id, QStringLiteral("--format"),
                     QStringLiteral("json"), QStringLiteral("--output"), bundle});
    QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
    QVERIFY(
        exported.out.contains(QStringLiteral("1 conversation(s) with 2 message(s) and 1 image")));

    Home other;
    const CliRun imported = other.cli({QStringLiteral("import"), bundle});
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
    QVERIFY2(imported.out.contains(QStringLiteral("1 new")), qPrintable(imported.out));
    QVERIFY(imported.out.contains(QStringLiteral("Messages imported: 2. Images imported: 1.")));

    HistoryStore history;
    ImageStore images(other.location().imagesPath());
    QVERIFY(other.location().open(history, images).ok());
    QCOMPARE(history.conversations().size(), 1); // only the one asked for
    auto copy = history.conversation(m_dogs.header.id);
    QVERIFY(copy);
    clearIds(*copy);
    QCOMPARE(*copy, m_dogs);
    const QByteArray sha256 = m_dogs.messages.at(0).images.first().sha256;
    QCOMPARE(fileBytes(images.pathFor(sha256)), photo(Qt::red));

    // --all: both, in one bundle.
    const QString backup = m_home->dir.filePath(QStringLiteral("backup.json"));
    QCOMPARE(m_home
                 ->cli({QStringLiteral("export"), QStringLiteral("--all"),
                        QStringLiteral("--output"), backup})
                 .exitCode,
             0);
    const CliRun second = other.cli({QStringLiteral("import"), backup});
    QCOMPARE(second.exitCode, 0);
    QVERIFY2(second.out.contains(QStringLiteral("1 new")), qPrintable(second.out));
    QVERIFY2(second.out.contains(QStringLiteral("1 already here")), qPrintable(second.out));
    QCOMPARE(history.conversations().size(), 2);
}

void TestCliHistory::exportMarkdownOneOrAll()
{
    fill();
    const QString one = m_home->dir.filePath(QStringLiteral("out/dogs.md"));
    QDir().mkpath(m_home->dir.filePath(QStringLiteral("out")));
    const CliRun single =
        m_home->cli({QStringLiteral("export"), m_dogs.header.id, QStringLiteral("--format"),
                     QStringLiteral("markdown"), QStringLiteral("--output"), one});
    QVERIFY2(single.exitCode == 0, qPrintable(single.err));
    const QString hex = QString::fromLatin1(m_dogs.messages.at(0).images.first().sha256.toHex());
    QVERIFY(QString::fromUtf8(fileBytes(one))
                .contains(QStringLiteral("![photo.png](dogs_images/%1.png)").arg(hex)));
    QCOMPARE(fileBytes(m_home->dir.filePath(QStringLiteral("out/dogs_images/%1.png").arg(hex))),
             photo(Qt::red));

    const QString folder = m_home->dir.filePath(QStringLiteral("all"));
    const CliRun all =
        m_home->cli({QStringLiteral("export"), QStringLiteral("--all"), QStringLiteral("--format"),
                     QStringLiteral("markdown"), QStringLiteral("--output"), folder});
    QVERIFY2(all.exitCode == 0, qPrintable(all.err));
    QCOMPARE(QDir(folder).entryList(QDir::Files, QDir::Name),
             (QStringList{QStringLiteral("Beach umbrella.md"), QStringLiteral("海滩上的狗.md")}));
    QVERIFY(QFileInfo(folder + QStringLiteral("/海滩上的狗_images/%1.png").arg(hex)).isFile());
}

void TestCliHistory::importingTwiceAddsNothing()
{
    fill();
    const QString backup = m_home->dir.filePath(QStringLiteral("backup.json"));
    QCOMPARE(m_home
                 ->cli({QStringLiteral("export"), QStringLiteral("--all"),
                        QStringLiteral("--output"), backup})
                 .exitCode,
             0);
    Home other;
    QCOMPARE(other.cli({QStringLiteral("import"), backup}).exitCode, 0);
    const CliRun again = other.cli({QStringLiteral("import"), backup});
    QCOMPARE(again.exitCode, 0);
    QVERIFY2(again.out.contains(QStringLiteral("Imported 0 conversation(s)")),
             qPrintable(again.out));
    QVERIFY(again.out.contains(QStringLiteral("2 already here")));
    // And back into the home it came from: nothing either.
    const CliRun home = m_home->cli({QStringLiteral("import"), backup});
    QVERIFY(home.out.contains(QStringLiteral("2 already here")));
    const CliRun list = other.cli({QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(QJsonDocument::fromJson(list.out.toUtf8()).array().size(), 2);
}

QVD_TEST_GUI_MAIN(TestCliHistory)
#include "tst_CliHistory.moc"
