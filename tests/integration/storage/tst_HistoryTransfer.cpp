#include "HistoryFixtures.h"
#include "StorageTestUtil.h"
#include "TestMain.h"

#include "core/storage/HistoryStore.h"
#include "core/storage/HistoryTransfer.h"
#include "core/storage/ImageStore.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QTemporaryDir>

using namespace qvd;
using namespace qvd::test;

namespace {

QByteArray pngBytes(QColor color)
{
    QImage image(QSize(16, 12), QImage::Format_RGB32);
    image.fill(color);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

// One machine: its own history file and image folder.
struct Machine
{
    explicit Machine(const QString &dir)
        : images(dir + QStringLiteral("/images")), transfer(history, images)
    {
        opened = history.open(dir + QStringLiteral("/history.sqlite")).ok();
    }
    HistoryStore history;
    ImageStore images;
    HistoryTransfer transfer;
    bool opened = false;
};

} // namespace

// Export to a self-contained file and Markdown; import on another machine, twice.
class TestHistoryTransfer : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString path(const QString &name) const { return m_dir->filePath(name); }

    // Stores a conversation whose user message names two real originals.
    ConversationRecord fill(Machine &machine, const QString &id)
    {
        const auto red = machine.images.put(pngBytes(Qt::red));
        const auto blue = machine.images.put(pngBytes(Qt::blue));
        [&] {
            QVERIFY(red.ok() && blue.ok());
        }();
        machine.history.saveConversation(sampleHeader(id));
        StoredMessage user = sampleUserMessage();
        user.images[0].sha256 = red.sha256;
        user.images[1].sha256 = blue.sha256;
        StoredMessage answer = sampleAssistantMessage();
        machine.history.commitMessage(id, user);
        machine.history.commitMessage(id, answer);
        return machine.history.conversation(id).value_or(ConversationRecord{});
    }

    static void compareIgnoringIds(ConversationRecord a, ConversationRecord b)
    {
        for (StoredMessage &m : a.messages)
            m.id = 0;
        for (StoredMessage &m : b.messages)
            m.id = 0;
        QCOMPARE(a, b);
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        QDir().mkpath(path(QStringLiteral("a")));
        QDir().mkpath(path(QStringLiteral("b")));
    }

    void bundleRoundTripsToAnotherMachine()
    {
        Machine a(path(QStringLiteral("a")));
        Machine b(path(QStringLiteral("b")));
        QVERIFY(a.opened && b.opened);
        const ConversationRecord original = fill(a, QStringLiteral("c-1"));
        QCOMPARE(original.messages.size(), 2);

        const QString file = path(QStringLiteral("c-1.qvdhistory.json"));
        const auto exported = a.transfer.exportBundle({QStringLiteral("c-1")}, file);
        QVD_VERIFY_STORED(exported.error);
        QCOMPARE(exported.images, 2);
        QCOMPARE(exported.missingImages, 0);
        QVERIFY(QJsonDocument::fromJson(fileBytes(file)).isObject());

        const auto imported = b.transfer.importBundle(file);
        QVD_VERIFY_STORED(imported.error);
        QCOMPARE(imported.added, 1);
        QCOMPARE(imported.images, 2);
        const auto copy = b.history.conversation(QStringLiteral("c-1"));
        QVERIFY(copy);
        compareIgnoringIds(*copy, original); // detections, spaces, transforms, timestamps
        QCOMPARE(copy->messages.at(1).detections, original.messages.at(1).detections);
        QCOMPARE(copy->messages.at(0).message.parts.at(1).transform, sampleTransform(0));
        for (const ImageSource &source : copy->messages.at(0).images)
            QVERIFY(b.images.load(source.sha256).ok());
    }

    void importingTwiceAddsNothing()
    {
        Machine a(path(QStringLiteral("a")));
        Machine b(path(QStringLiteral("b")));
        fill(a, QStringLiteral("c-1"));
        fill(a, QStringLiteral("c-2"));
        const QString backup = path(QStringLiteral("backup.json"));
        const auto exported = a.transfer.exportBundle({}, backup);
        QVD_VERIFY_STORED(exported.error);
        QCOMPARE(exported.conversations, 2);
        QCOMPARE(exported.images, 2); // shared originals are written once

        QCOMPARE(b.transfer.importBundle(backup).added, 2);
        const auto second = b.transfer.importBundle(backup);
        QVD_VERIFY_STORED(second.error);
        QCOMPARE(second.added, 0);
        QCOMPARE(second.unchanged, 2);
        QCOMPARE(b.history.conversations().size(), 2);
        RawDatabase raw(path(QStringLiteral("b/history.sqlite")));
        QCOMPARE(raw.value(QStringLiteral("SELECT COUNT(*) FROM messages")).toInt(), 4);
        QCOMPARE(raw.value(QStringLiteral("SELECT COUNT(*) FROM images")).toInt(), 2);
        QCOMPARE(b.history.search(QStringLiteral("umbrella")).size(), 2);

        // Importing into the machine it came from changes nothing either.
        QCOMPARE(a.transfer.importBundle(backup).unchanged, 2);
        QCOMPARE(a.history.conversations().size(), 2);
    }

    void longerExportExtendsAndDivergedBecomesACopy()
    {
        Machine a(path(QStringLiteral("a")));
        Machine b(path(QStringLiteral("b")));
        fill(a, QStringLiteral("c"));
        const QString early = path(QStringLiteral("early.json"));
        QVD_VERIFY_STORED(a.transfer.exportBundle({}, early).error);
        QCOMPARE(b.transfer.importBundle(early).added, 1);

        // a goes on: importing its longer export appends the new message on b.
        StoredMessage more = failedMessage();
        QVD_VERIFY_STORED(a.history.commitMessage(QStringLiteral("c"), more));
        const QString later = path(QStringLiteral("later.json"));
        QVD_VERIFY_STORED(a.transfer.exportBundle({}, later).error);
        const auto extended = b.transfer.importBundle(later);
        QCOMPARE(extended.extended, 1);
        QCOMPARE(b.history.conversation(QStringLiteral("c"))->messages.size(), 3);
        // The older export is contained in it now: nothing to do.
        QCOMPARE(b.transfer.importBundle(early).unchanged, 1);

        // b goes its own way; a's next export has diverged from it.
        StoredMessage onB = systemMessage();
        QVD_VERIFY_STORED(b.history.commitMessage(QStringLiteral("c"), onB));
        StoredMessage onA = sampleAssistantMessage();
        onA.message.text = QStringLiteral("only on a");
        QVD_VERIFY_STORED(a.history.commitMessage(QStringLiteral("c"), onA));
        const QString diverged = path(QStringLiteral("diverged.json"));
        QVD_VERIFY_STORED(a.transfer.exportBundle({}, diverged).error);
        const auto copied = b.transfer.importBundle(diverged);
        QVD_VERIFY_STORED(copied.error);
        QCOMPARE(copied.copied, 1);
        const QString copyId = copied.conversationIds.value(0);
        QVERIFY(copyId != QStringLiteral("c"));
        const auto copy = b.history.conversation(copyId);
        QCOMPARE(copy->importedFrom, QStringLiteral("c"));
        QCOMPARE(copy->messages.size(), 4);
        QCOMPARE(copy->messages.at(3).message.text, QStringLiteral("only on a"));
        // The local one was not touched.
        QCOMPARE(b.history.conversation(QStringLiteral("c"))->messages.at(3).message.role,
                 Message::Role::System);
        // And again: the copy is found, no second copy.
        const auto again = b.transfer.importBundle(diverged);
        QCOMPARE(again.copied, 0);
        QCOMPARE(again.unchanged, 1);
        QCOMPARE(b.history.conversations().size(), 2);
    }

    // A sent image is written to the bundle as its data: URI and read back as the same bytes;
    // the second machine stores them as bytes too and exports the very same text.
    void dataUriImagesRoundTripByteForByte()
    {
        Machine a(path(QStringLiteral("a")));
        Machine b(path(QStringLiteral("b")));
        QVERIFY(a.opened && b.opened);
        const QByteArray png = pngBytes(Qt::darkCyan);
        const QString uri =
            QStringLiteral("data:image/png;base64,") + QLatin1String(png.toBase64());
        QVD_VERIFY_STORED(a.history.saveConversation(sampleHeader(QStringLiteral("c"))));
        StoredMessage user;
        user.message = Message::user({Part::fromImage(uri, sampleTransform(0), 3136, 1003520),
                                      Part::fromText(QStringLiteral("这是什么？"))});
        QVD_VERIFY_STORED(a.history.commitMessage(QStringLiteral("c"), user));

        const auto imageUrlIn = [](const QString &file) {
            return QJsonDocument::fromJson(fileBytes(file))
                .object()
                .value(QStringLiteral("conversations"))
                .toArray()
                .first()
                .toObject()
                .value(QStringLiteral("messages"))
                .toArray()
                .first()
                .toObject()
                .value(QStringLiteral("parts"))
                .toArray()
                .first()
                .toObject()
                .value(QStringLiteral("image_url"))
                .toString();
        };
        const QString first = path(QStringLiteral("first.json"));
        QVD_VERIFY_STORED(a.transfer.exportBundle({}, first).error);
        QCOMPARE(imageUrlIn(first), uri);

        QCOMPARE(b.transfer.importBundle(first).added, 1);
        const Part part =
            b.history.conversation(QStringLiteral("c"))->messages.at(0).message.parts.at(0);
        QVERIFY(part.imageUrl.isData());
        QCOMPARE(part.imageUrl.data(), png);
        QCOMPARE(part.imageUrl.mimeType(), QStringLiteral("image/png"));
        RawDatabase raw(path(QStringLiteral("b/history.sqlite")));
        QCOMPARE(raw.value(QStringLiteral("SELECT sent_data FROM parts WHERE image_url IS NULL"
                                          " AND sent_mime = 'image/png'"))
                     .toByteArray(),
                 png);

        const QString second = path(QStringLiteral("second.json"));
        QVD_VERIFY_STORED(b.transfer.exportBundle({}, second).error);
        QCOMPARE(imageUrlIn(second), uri);
    }

    void damagedImagesAndFilesAreRefused()
    {
        Machine a(path(QStringLiteral("a")));
        Machine b(path(QStringLiteral("b")));
        fill(a, QStringLiteral("c"));
        const QString file = path(QStringLiteral("x.json"));
        QVD_VERIFY_STORED(a.transfer.exportBundle({}, file).error);
        QJsonObject root = QJsonDocument::fromJson(fileBytes(file)).object();
        QJsonArray images = root.value(QStringLiteral("images")).toArray();
        QJsonObject first = images.at(0).toObject();
        first.insert(QStringLiteral("data"),
                     QString::fromLatin1(QByteArray("tampered").toBase64()));
        images[0] = first;
        root.insert(QStringLiteral("images"), images);
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write(QJsonDocument(root).toJson());
        out.close();
        const auto imported = b.transfer.importBundle(file);
        QVD_VERIFY_STORED(imported.error);
        QCOMPARE(imported.rejectedImages, 1);
        QCOMPARE(imported.images, 1);

        QFile junk(path(QStringLiteral("junk.json")));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("{\"hello\": 1}");
        junk.close();
        QCOMPARE(b.transfer.importBundle(junk.fileName()).error.kind,
                 StorageError::Kind::InvalidInput);
        QCOMPARE(b.transfer.importBundle(path(QStringLiteral("none.json"))).error.kind,
                 StorageError::Kind::CannotOpen);
    }

    void markdownWritesImagesBesideIt()
    {
        Machine a(path(QStringLiteral("a")));
        const ConversationRecord record = fill(a, QStringLiteral("c"));
        const QString markdown = path(QStringLiteral("out/dogs.md"));
        QDir().mkpath(path(QStringLiteral("out")));
        const auto report = a.transfer.exportMarkdown(QStringLiteral("c"), markdown);
        QVD_VERIFY_STORED(report.error);
        QCOMPARE(report.images, 2);
        const QString text = QString::fromUtf8(fileBytes(markdown));
        QVERIFY(text.startsWith(QStringLiteral("# 海滩上的狗")));
        for (const ImageSource &source : record.messages.at(0).images) {
            const QString name = QString::fromLatin1(source.sha256.toHex())
                + (source.format == u"jpeg" ? QStringLiteral(".jpg") : QStringLiteral(".png"));
            QCOMPARE(fileBytes(path(QStringLiteral("out/dogs_images/")) + name),
                     fileBytes(a.images.pathFor(source.sha256)));
            QVERIFY(text.contains(QStringLiteral("](dogs_images/") + name + u')'));
        }
        QVERIFY(text.contains(record.messages.at(1).message.text)); // raw answer, verbatim
        QVERIFY(text.contains(QStringLiteral("| 1 | 狗 | box | (100, 200), (50, 400) | 1 |")));
        QVERIFY(text.contains(QStringLiteral("abs-resized")));
    }
};

QVD_TEST_GUI_MAIN(TestHistoryTransfer)
#include "tst_HistoryTransfer.moc"
