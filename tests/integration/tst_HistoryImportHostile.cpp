// Bundles made to hurt: file names that climb out of the export folder, bytes that are not an
// image under a matching hash, an id that belongs to a conversation deleted a moment ago, and
// files that break half-way. Each is refused or imported completely, and a refused import
// leaves the history exactly as it was. The import runs through the built command-line tool
// where a person would use it, and in-process where the test needs the app's own objects.
#include "core/storage/ConversationDeleter.h"
#include "core/storage/HistoryLocation.h"
#include "core/storage/HistoryStore.h"
#include "core/storage/HistoryTransfer.h"
#include "core/storage/ImageStore.h"
#include "core/storage/RecordJson.h"

#include "BundleWriter.h"
#include "CliRunner.h"
#include "TestMain.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUuid>

using namespace qvd;
using qvd::test::BundleWriter;
using qvd::test::CliRun;

namespace {

QByteArray photo(QColor color, QSize size = {24, 16})
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(color);
    return qvd::test::encodedImage(image, "PNG");
}

// A conversation object as the app writes it: a question naming `original` (its format and file
// name as given) and an answer with a box.
QJsonObject conversationJson(const QString &id, const QString &title, const QByteArray &original,
                             const QString &format = QStringLiteral("png"),
                             const QString &name = QStringLiteral("photo.png"))
{
    ConversationRecord record;
    record.header.id = id;
    record.header.title = title;
    StoredMessage user;
    user.message = Message::user({Part::fromText(QStringLiteral("这是什么？")),
                                  Part::fromImage(QStringLiteral("https://example.com/x.png"))});
    ImageSource source;
    source.sha256 = qvd::test::sha256Of(original);
    source.byteCount = original.size();
    source.name = name;
    source.format = format;
    user.images = {source};
    user.createdAt = QDateTime::fromMSecsSinceEpoch(1700000000000, Qt::UTC);
    StoredMessage answer;
    answer.message = Message::assistant(QStringLiteral("<ref>猫</ref><box>(1,1),(9,9)</box>"));
    answer.detections = {Detection::box(1, 1, 9, 9, QStringLiteral("猫"))};
    answer.createdAt = QDateTime::fromMSecsSinceEpoch(1700000001000, Qt::UTC);
    record.messages = {user, answer};
    record.createdAt = user.createdAt;
    record.updatedAt = answer.createdAt;
    return storage::recordToJson(record);
}

// Every row of every table, and every file under the image folder: "exactly as before".
QString snapshot(const QString &databasePath, const QString &imagesRoot)
{
    QStringList lines;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("snapshot"));
        db.setDatabaseName(databasePath);
        db.open();
        QSqlQuery tables(db);
        tables.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'"
                                   " AND name NOT LIKE 'search_fts%' AND name != 'sqlite_sequence'"
                                   " ORDER BY name"));
        QStringList names;
        while (tables.next())
            names.append(tables.value(0).toString());
        for (const QString &table : std::as_const(names)) {
            QSqlQuery rows(db);
            rows.exec(QStringLiteral("SELECT * FROM ") + table);
            QStringList all;
            while (rows.next()) {
                QStringList values;
                for (int i = 0; i < rows.record().count(); ++i)
                    values.append(rows.value(i).toString());
                all.append(values.join(u'|'));
            }
            all.sort();
            lines.append(table + u':' + all.join(u';'));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("snapshot"));
    QDirIterator files(imagesRoot, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    QStringList names;
    while (files.hasNext())
        names.append(files.next());
    names.sort();
    lines.append(names);
    return lines.join(u'\n');
}

QStringList everyFileUnder(const QString &root)
{
    QStringList files;
    QDirIterator it(root, QDir::Files | QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(QDir(root).relativeFilePath(it.next()));
    files.sort();
    return files;
}

} // namespace

class TestHistoryImportHostile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void traversalNamesStayInsideTheExportFolder();
    void nonImageBytesAreRefusedEvenWithTheirHash();
    void idOfADeletedConversationGetsANewId();
    void brokenFileHalfWayChangesNothing();
    void stoppedImportChangesNothing();
    void otherFilesAreRefusedWhole();

private:
    CliRun cli(const QStringList &arguments) const;
    QString path(const QString &name) const { return m_root->filePath(name); }

    std::unique_ptr<QTemporaryDir> m_root; // the test's whole world: HOME, bundles, exports
    std::unique_ptr<HistoryLocation> m_location;
    std::unique_ptr<HistoryStore> m_history;
    std::unique_ptr<ImageStore> m_images;
};

void TestHistoryImportHostile::init()
{
    m_root = std::make_unique<QTemporaryDir>();
    QVERIFY(m_root->isValid());
    QDir().mkpath(path(QStringLiteral("home/.local/share")));
    m_location =
        std::make_unique<HistoryLocation>(path(QStringLiteral("home/.local/share/qwenvl-desk")));
    m_history = std::make_unique<HistoryStore>();
    m_images = std::make_unique<ImageStore>(m_location->imagesPath());
    QVERIFY(m_location->open(*m_history, *m_images).ok());
}

void TestHistoryImportHostile::cleanup()
{
    m_history.reset();
    m_images.reset();
}

CliRun TestHistoryImportHostile::cli(const QStringList &arguments) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), path(QStringLiteral("home")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), path(QStringLiteral("home/.local/share")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), path(QStringLiteral("home/.config")));
    QStringList all{QStringLiteral("history")};
    all += arguments;
    return qvd::test::runCli(all, {}, env);
}

void TestHistoryImportHostile::traversalNamesStayInsideTheExportFolder()
{
    const QByteArray image = photo(Qt::green);
    const QStringList titles{
        QStringLiteral("../../../escaped"),
        QStringLiteral("..\\..\\..\\escaped-win"),
        QStringLiteral("/tmp/absolute"),
        QStringLiteral("C:\\Windows\\system32\\x"),
        QStringLiteral("CON"),
        QStringLiteral("nul.txt"),
        QStringLiteral("  ..  "),
        QStringLiteral(".hidden"),
        QStringLiteral("a/b\nc\td"),
        QStringLiteral("com1"),
        QStringLiteral("name with : * ? | < >"),
    };
    const QString bundle = path(QStringLiteral("hostile.json"));
    {
        BundleWriter writer(bundle);
        for (int i = 0; i < titles.size(); ++i) {
            // The image's format and name are fields of the file too.
            writer.addConversation(conversationJson(QStringLiteral("t-%1").arg(i), titles.at(i),
                                                    image,
                                                    QStringLiteral("../../../../../escaped-image"),
                                                    QStringLiteral("](../../x)\n# injected")));
        }
        writer.addImage(image);
        QVERIFY(writer.finish());
    }
    const CliRun imported = cli({QStringLiteral("import"), bundle});
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
    QCOMPARE(m_history->conversations().size(), titles.size());

    const QStringList before = everyFileUnder(m_root->path());
    const QString folder = path(QStringLiteral("exports/deep/inside"));
    const CliRun exported =
        cli({QStringLiteral("export"), QStringLiteral("--all"), QStringLiteral("--format"),
             QStringLiteral("markdown"), QStringLiteral("--output"), folder});
    QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));

    // Nothing new anywhere but inside the folder asked for.
    QStringList outside = everyFileUnder(m_root->path());
    for (const QString &old : before)
        outside.removeOne(old);
    outside.erase(std::remove_if(outside.begin(), outside.end(),
                                 [](const QString &f) {
                                     return f == u"exports" || f == u"exports/deep"
                                         || f.startsWith(QStringLiteral("exports/deep/inside"));
                                 }),
                  outside.end());
    QVERIFY2(outside.isEmpty(), qPrintable(outside.join(u'\n')));
    QVERIFY(!QFileInfo::exists(QStringLiteral("/tmp/absolute.md")));

    // One flat level of plain names: no separators, no leading dots, no device names.
    const QStringList written = everyFileUnder(folder);
    int markdown = 0;
    for (const QString &name : written) {
        const QStringList levels = name.split(u'/');
        QVERIFY2(levels.size() <= 2, qPrintable(name));
        for (const QString &level : levels) {
            QVERIFY2(!level.startsWith(u'.') && !level.contains(u'\\') && !level.contains(u':')
                         && !level.contains(u'\n'),
                     qPrintable(name));
            const QString stem = level.section(u'.', 0, 0).toLower();
            QVERIFY2(stem != u"con" && stem != u"nul" && stem != u"com1", qPrintable(name));
        }
        if (levels.size() == 2) // an image: its hash and a known extension
            QVERIFY2(levels.at(1)
                         == QString::fromLatin1(qvd::test::sha256Of(image).toHex())
                             + QStringLiteral(".img"),
                     qPrintable(name));
        if (name.endsWith(QStringLiteral(".md")))
            ++markdown;
    }
    QCOMPARE(markdown, titles.size());
    QVERIFY(written.contains(QStringLiteral("_CON.md")));
    QVERIFY(written.contains(QStringLiteral("_.._.._escaped.md")));
    QVERIFY(written.contains(QStringLiteral("_tmp_absolute.md")));
    // The file name as link text cannot break out of the image link either.
    QFile first(folder + QStringLiteral("/_.._.._escaped.md"));
    QVERIFY(first.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(first.readAll());
    QVERIFY2(text.contains(QStringLiteral("![\\]\\(../../x\\) # injected](_.._.._escaped_images/")),
             qPrintable(text));
    QVERIFY(!text.contains(QStringLiteral("\n# injected")));
}

void TestHistoryImportHostile::nonImageBytesAreRefusedEvenWithTheirHash()
{
    const QByteArray script = "#!/bin/sh\nrm -rf \"$HOME\"\n";
    // A valid XBM picture is still not a format the app takes.
    const QByteArray xbm =
        "#define x_width 8\n#define x_height 1\nstatic char x_bits[] = {0x00};\n";
    const QByteArray good = photo(Qt::blue);
    const QString bundle = path(QStringLiteral("fake.json"));
    {
        BundleWriter writer(bundle);
        writer.addConversation(
            conversationJson(QStringLiteral("fake"), QStringLiteral("f"), script));
        writer.addConversation(conversationJson(QStringLiteral("xbm"), QStringLiteral("x"), xbm));
        writer.addConversation(conversationJson(QStringLiteral("good"), QStringLiteral("g"), good));
        writer.addImage(script);
        writer.addImage(xbm);
        writer.addImage(good);
        // A real picture under someone else's hash.
        writer.addImage(photo(Qt::yellow), qvd::test::sha256Of("other").toHex());
        QVERIFY(writer.finish());
    }
    const CliRun run = cli({QStringLiteral("import"), bundle});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(QStringLiteral("Images imported: 1.")), qPrintable(run.out));
    const auto hex = [](const QByteArray &bytes) {
        return QString::fromLatin1(qvd::test::sha256Of(bytes).toHex());
    };
    QVERIFY(run.out.contains(hex(script) + QStringLiteral(": it is not an image")));
    QVERIFY(run.out.contains(hex(xbm) + QStringLiteral(": it is not an image")));
    QVERIFY(
        run.out.contains(hex("other") + QStringLiteral(": its bytes do not match its SHA-256")));
    QVERIFY(!m_images->contains(qvd::test::sha256Of(script)));
    QVERIFY(!m_images->contains(qvd::test::sha256Of(xbm)));
    QVERIFY(m_images->load(qvd::test::sha256Of(good)).ok());
    QVERIFY(QDir(m_images->incomingFolder()).isEmpty());
    // The conversation came in; its missing original shows as a placeholder.
    const auto fake = m_history->conversation(QStringLiteral("fake"));
    QVERIFY(fake);
    const ImageStore::Loaded loaded = m_images->load(fake->messages.at(0).images.first().sha256);
    QCOMPARE(loaded.status, ImageStore::Loaded::Status::Missing);
    QVERIFY(!loaded.image.isNull());
}

void TestHistoryImportHostile::idOfADeletedConversationGetsANewId()
{
    // The app deleted "c" a moment ago; Undo is still on offer.
    ConversationRecord local =
        storage::recordFromJson(
            conversationJson(QStringLiteral("c"), QStringLiteral("mine"), photo(Qt::red)))
            .value();
    QVERIFY(m_images->put(photo(Qt::red)).ok());
    QVERIFY(!m_history->insertRecord(local).isError());
    ConversationDeleter deleter(m_history.get(), m_images.get());
    QVERIFY(!deleter.remove(QStringLiteral("c")).isError());

    const QString bundle = path(QStringLiteral("collide.json"));
    {
        BundleWriter writer(bundle);
        writer.addConversation(
            conversationJson(QStringLiteral("c"), QStringLiteral("theirs"), photo(Qt::cyan)));
        writer.addImage(photo(Qt::cyan));
        QVERIFY(writer.finish());
    }
    const CliRun run = cli({QStringLiteral("import"), bundle});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
    QVERIFY2(run.out.contains(QStringLiteral("1 added as copies")), qPrintable(run.out));
    const QList<ConversationSummary> live = m_history->conversations();
    QCOMPARE(live.size(), 1);
    QVERIFY(live.first().id != u"c");
    const auto copy = m_history->conversation(live.first().id);
    QCOMPARE(copy->header.title, QStringLiteral("theirs"));
    QCOMPARE(copy->importedFrom, QStringLiteral("c"));
    QCOMPARE(copy->messages.size(), 2);

    // Undo brings the person's own conversation back untouched, beside the import.
    QVERIFY(!deleter.undo().isError());
    const auto mine = m_history->conversation(QStringLiteral("c"));
    QVERIFY(mine);
    QCOMPARE(mine->header.title, QStringLiteral("mine"));
    QCOMPARE(m_history->conversations().size(), 2);
    // Importing again finds the copy: nothing more.
    const CliRun again = cli({QStringLiteral("import"), bundle});
    QVERIFY2(again.out.contains(QStringLiteral("1 already here")), qPrintable(again.out));
    QCOMPARE(m_history->conversations().size(), 2);
}

void TestHistoryImportHostile::brokenFileHalfWayChangesNothing()
{
    // Something to keep: one conversation already here.
    QVERIFY(m_images->put(photo(Qt::red)).ok());
    ConversationRecord local =
        storage::recordFromJson(
            conversationJson(QStringLiteral("keep"), QStringLiteral("k"), photo(Qt::red)))
            .value();
    QVERIFY(!m_history->insertRecord(local).isError());
    const QString before = snapshot(m_location->databasePath(), m_images->root());

    // Three good conversations with a new original, then a message that is not JSON: the file
    // reads as a whole the first time (its originals are stored), and breaks in the fourth
    // conversation the second time, after three were written.
    {
        BundleWriter writer(path(QStringLiteral("whole.json")));
        for (int i = 0; i < 3; ++i)
            writer.addConversation(conversationJson(QStringLiteral("n-%1").arg(i),
                                                    QStringLiteral("new"), photo(Qt::blue)));
        writer.addRawConversation(
            "{\"id\":\"broken\",\"messages\":[{\"role\":\"user\",\"parts\":[{\"kind\":\"text\","
            "\"text\":\"ok\"}]},{\"role\":\"assistant\",\"text\": half}]}");
        writer.addImage(photo(Qt::blue));
        QVERIFY(writer.finish());
    }
    const CliRun broken = cli({QStringLiteral("import"), path(QStringLiteral("whole.json"))});
    QCOMPARE(broken.exitCode, 1);
    QVERIFY2(broken.err.contains(QStringLiteral("Nothing was imported")), qPrintable(broken.err));
    QCOMPARE(snapshot(m_location->databasePath(), m_images->root()), before);

    // A file cut off in the middle of its images: the same.
    const QString cut = path(QStringLiteral("cut.json"));
    {
        BundleWriter writer(path(QStringLiteral("full.json")));
        writer.addConversation(
            conversationJson(QStringLiteral("n"), QStringLiteral("new"), photo(Qt::blue)));
        writer.addImage(photo(Qt::blue));
        writer.addImage(photo(Qt::magenta));
        QVERIFY(writer.finish());
        QFile full(path(QStringLiteral("full.json")));
        QVERIFY(full.open(QIODevice::ReadOnly));
        const QByteArray bytes = full.readAll();
        QFile out(cut);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(bytes.left(bytes.size() - 40));
    }
    const CliRun truncated = cli({QStringLiteral("import"), cut});
    QCOMPARE(truncated.exitCode, 1);
    QCOMPARE(snapshot(m_location->databasePath(), m_images->root()), before);
    // The same file whole imports completely.
    QCOMPARE(cli({QStringLiteral("import"), path(QStringLiteral("full.json"))}).exitCode, 0);
    QCOMPARE(m_history->conversations().size(), 2);
}

void TestHistoryImportHostile::stoppedImportChangesNothing()
{
    const QString bundle = path(QStringLiteral("stop.json"));
    {
        BundleWriter writer(bundle);
        for (int i = 0; i < 30; ++i) {
            const QByteArray jpeg = qvd::test::paddedJpeg(512 * 1024, quint32(i + 1));
            writer.addConversation(conversationJson(
                QStringLiteral("s-%1").arg(i), QStringLiteral("s"), jpeg, QStringLiteral("jpeg")));
        }
        for (int i = 0; i < 30; ++i)
            writer.addImage(qvd::test::paddedJpeg(512 * 1024, quint32(i + 1)));
        QVERIFY(writer.finish());
    }
    const QString before = snapshot(m_location->databasePath(), m_images->root());
    HistoryTransfer transfer(*m_history, *m_images);
    // Stopped in the second reading, when the conversations are being written.
    const ImportReport stopped = transfer.importBundle(
        bundle, [](qint64 done, qint64 total) { return done < total * 3 / 4; });
    QVERIFY(stopped.cancelled);
    QCOMPARE(stopped.added, 0);
    QCOMPARE(snapshot(m_location->databasePath(), m_images->root()), before);
    const ImportReport whole = transfer.importBundle(bundle);
    QVERIFY2(whole.ok(), qPrintable(whole.summary()));
    QCOMPARE(whole.added, 30);
    QCOMPARE(whole.images, 30);
}

void TestHistoryImportHostile::otherFilesAreRefusedWhole()
{
    const QString before = snapshot(m_location->databasePath(), m_images->root());
    const auto import = [this](const QByteArray &content) {
        const QString file = path(QUuid::createUuid().toString(QUuid::Id128));
        QFile out(file);
        out.open(QIODevice::WriteOnly);
        out.write(content);
        out.close();
        return HistoryTransfer(*m_history, *m_images).importBundle(file);
    };
    const QByteArray image = "\"images\":[{\"sha256\":\""
        + qvd::test::sha256Of(photo(Qt::red)).toHex() + "\",\"data\":\"" + photo(Qt::red).toBase64()
        + "\"}]";
    // Not a bundle: its images are never stored, wherever they come in the file.
    QCOMPARE(import("{" + image + ",\"format\":\"something-else\",\"version\":1}").error.kind,
             StorageError::Kind::InvalidInput);
    QCOMPARE(import("{" + image + ",\"version\":1}").error.kind, StorageError::Kind::InvalidInput);
    QCOMPARE(import("{\"format\":\"qwenvl-desk-history\",\"version\":2," + image + "}").error.kind,
             StorageError::Kind::NewerVersion);
    QCOMPARE(import(QByteArray(100000, '[')).error.kind, StorageError::Kind::InvalidInput);
    QCOMPARE(import("{\"format\":\"qwenvl-desk-history\",\"version\":1,\"conversations\":"
                    "[{\"title\":\"no id\"}]}")
                 .error.kind,
             StorageError::Kind::InvalidInput);
    QCOMPARE(import("{\"format\":\"qwenvl-desk-history\",\"version\":1} trailing").error.kind,
             StorageError::Kind::InvalidInput);
    QCOMPARE(snapshot(m_location->databasePath(), m_images->root()), before);
    // Members in another order (as a tool sorting keys writes them) are fine.
    const ImportReport sorted = import(
        "{\"conversations\":["
        + QJsonDocument(conversationJson(QStringLiteral("z"), QStringLiteral("z"), photo(Qt::red)))
              .toJson(QJsonDocument::Compact)
        + "],\"format\":\"qwenvl-desk-history\"," + image + ",\"version\":1}");
    QVERIFY2(sorted.ok(), qPrintable(sorted.summary()));
    QCOMPARE(sorted.added, 1);
    QCOMPARE(sorted.images, 1);
}

QVD_TEST_GUI_MAIN(TestHistoryImportHostile)
#include "tst_HistoryImportHostile.moc"
