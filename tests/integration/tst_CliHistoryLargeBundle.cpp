// A 2 GB history bundle, made on disk here, goes through `qwenvl-desk-cli history import` with
// the tool's memory under 300 MB: every conversation and original that can be imported is, and
// an original larger than the app takes (300 MiB) is refused, all without holding the file.
// The peak is the kernel's: VmHWM of the running process, and the largest child's maxrss.
#include "core/storage/HistoryLocation.h"
#include "core/storage/HistoryStore.h"
#include "core/storage/ImageStore.h"
#include "core/storage/RecordJson.h"

#include "BundleWriter.h"
#include "TestMain.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QProcess>
#include <QStorageInfo>

#include <sys/resource.h>

using namespace qvd;

namespace {

#if defined(QVD_TEST_UNDER_ASAN)
// ASan's allocator keeps freed memory in quarantine and its shadow grows with the heap: the
// sanitizer run checks the import's memory errors on a smaller file, the Release run the size.
constexpr qint64 kBundleBytes = 256LL * 1024 * 1024;
constexpr qint64 kHugeImageBytes = 0;
#else
constexpr qint64 kBundleBytes = 2LL * 1024 * 1024 * 1024;
constexpr qint64 kHugeImageBytes = 300LL * 1024 * 1024; // more than the app takes (256 MiB)
#endif
constexpr qint64 kImageBytes = 4 * 1024 * 1024;
constexpr qint64 kMemoryLimitKb = 300 * 1024;
constexpr int kDataUriParts = 3;

qint64 base64Size(qint64 bytes)
{
    return (bytes + 2) / 3 * 4;
}

QJsonObject conversationFor(int index, const QByteArray &sha256)
{
    ConversationRecord record;
    record.header.id = QStringLiteral("large-%1").arg(index);
    record.header.title = QStringLiteral("大文件 %1").arg(index);
    StoredMessage user;
    user.message = Message::user({Part::fromText(QStringLiteral("框出狗")),
                                  Part::fromImage(QStringLiteral("https://example.com/x.jpg"))});
    ImageSource source;
    source.sha256 = sha256;
    source.byteCount = kImageBytes;
    source.format = QStringLiteral("jpeg");
    user.images = {source};
    user.createdAt = QDateTime::fromMSecsSinceEpoch(1700000000000 + index, Qt::UTC);
    StoredMessage answer;
    answer.message = Message::assistant(QStringLiteral("<ref>狗</ref><box>(1,2),(30,40)</box>"));
    answer.detections = {Detection::box(1, 2, 30, 40, QStringLiteral("狗"))};
    answer.createdAt = user.createdAt.addSecs(1);
    record.messages = {user, answer};
    return storage::recordToJson(record);
}

// A question sent with several images as data: URIs (kept in the database, not as originals).
QJsonObject conversationWithSentImages()
{
    QList<Part> parts{Part::fromText(QStringLiteral("比较这些图片"))};
    for (int i = 0; i < kDataUriParts; ++i) {
        const QByteArray jpeg = qvd::test::paddedJpeg(6 * 1024 * 1024, quint32(90000 + i));
        parts.append(Part::fromImage(QStringLiteral("data:image/jpeg;base64,")
                                     + QString::fromLatin1(jpeg.toBase64())));
    }
    ConversationRecord record;
    record.header.id = QStringLiteral("sent-images");
    record.header.title = QStringLiteral("sent");
    StoredMessage user;
    user.message = Message::user(parts);
    user.createdAt = QDateTime::fromMSecsSinceEpoch(1700000000000, Qt::UTC);
    record.messages = {user};
    return storage::recordToJson(record);
}

} // namespace

class TestCliHistoryLargeBundle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void twoGigabyteBundleImportsInBoundedMemory();
};

void TestCliHistoryLargeBundle::twoGigabyteBundleImportsInBoundedMemory()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // The bundle, the originals it brings and the database: about twice its size.
    if (QStorageInfo(dir.path()).bytesAvailable() < 3 * kBundleBytes)
        QSKIP("not enough free disk space for the bundle and its import");

    // Write the bundle: the originals' hashes first (conversations come before images).
    const qint64 room = kBundleBytes - base64Size(kHugeImageBytes);
    const int images = int(room / base64Size(kImageBytes)) + 1;
    const QString bundle = dir.filePath(QStringLiteral("large.json"));
    QElapsedTimer clock;
    clock.start();
    {
        QList<QByteArray> hashes;
        for (int i = 0; i < images; ++i)
            hashes.append(qvd::test::sha256Of(qvd::test::paddedJpeg(kImageBytes, quint32(i + 1))));
        qvd::test::BundleWriter writer(bundle);
        for (int i = 0; i < images; ++i)
            writer.addConversation(conversationFor(i, hashes.at(i)));
        writer.addConversation(conversationWithSentImages());
        for (int i = 0; i < images; ++i)
            writer.addImage(qvd::test::paddedJpeg(kImageBytes, quint32(i + 1)),
                            hashes.at(i).toHex());
        if (kHugeImageBytes > 0) {
            writer.addLargeImage(kHugeImageBytes, [](qint64 offset, qint64 length) {
                QByteArray block(length, '\0');
                if (offset == 0)
                    block.replace(0, 3, "\xff\xd8\xff");
                return block;
            });
        }
        QVERIFY(writer.finish());
        QVERIFY2(writer.size() >= kBundleBytes * 95 / 100,
                 qPrintable(QString::number(writer.size())));
        qInfo("bundle: %lld bytes, %d originals, written in %lld ms", writer.size(), images,
              clock.elapsed());
    }

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), dir.path());
    env.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("share")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(QVD_CLI_PATH),
                  {QStringLiteral("history"), QStringLiteral("import"), bundle});
    QVERIFY(process.waitForStarted(10000));
    const QString status = QStringLiteral("/proc/%1/status").arg(process.processId());
    qint64 peakKb = 0;
    const auto sample = [&] {
        QFile file(status);
        if (!file.open(QIODevice::ReadOnly))
            return;
        for (const QByteArray &line : file.readAll().split('\n')) {
            if (line.startsWith("VmHWM:"))
                peakKb = qMax(peakKb, line.mid(6).trimmed().split(' ').first().toLongLong());
        }
    };
    clock.restart();
    while (!process.waitForFinished(100))
        sample();
    const qint64 tookMs = clock.elapsed();
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    const QString out = QString::fromUtf8(process.readAllStandardOutput());
    const QString err = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(process.exitCode() == 0, qPrintable(err + out));
    // The largest child this test waited for (only this one ran the import).
    struct rusage usage
    {
    };
    ::getrusage(RUSAGE_CHILDREN, &usage);
    peakKb = qMax(peakKb, qint64(usage.ru_maxrss));
    qInfo("import: %lld ms, peak memory %lld MB", tookMs, peakKb / 1024);

    QVERIFY2(out.contains(QStringLiteral("Imported %1 conversation(s)").arg(images + 1)),
             qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("Images imported: %1.").arg(images)), qPrintable(out));
    if (kHugeImageBytes > 0)
        QVERIFY2(out.contains(QStringLiteral("it is larger than 256 MiB")), qPrintable(out));
#if !defined(QVD_TEST_UNDER_ASAN)
    QVERIFY2(peakKb < kMemoryLimitKb,
             qPrintable(QStringLiteral("peak memory %1 MB").arg(peakKb / 1024)));
#endif

    // Everything is there, byte for byte.
    const HistoryLocation location(dir.filePath(QStringLiteral("share/qwenvl-desk")));
    HistoryStore history;
    ImageStore store(location.imagesPath());
    QVERIFY(location.open(history, store).ok());
    QCOMPARE(history.conversations().size(), images + 1);
    for (const int i : {0, images / 2, images - 1}) {
        const QByteArray jpeg = qvd::test::paddedJpeg(kImageBytes, quint32(i + 1));
        const ImageStore::Loaded loaded = store.load(qvd::test::sha256Of(jpeg));
        QVERIFY(loaded.ok());
        QCOMPARE(loaded.bytes, jpeg);
        const auto record = history.conversation(QStringLiteral("large-%1").arg(i));
        QVERIFY(record);
        QCOMPARE(record->messages.at(1).detections.size(), 1);
    }
    const auto sent = history.conversation(QStringLiteral("sent-images"));
    QVERIFY(sent);
    QCOMPARE(sent->messages.first().message.parts.size(), kDataUriParts + 1);
    QCOMPARE(sent->messages.first().message.parts.at(1).imageUrl.data(),
             qvd::test::paddedJpeg(6 * 1024 * 1024, 90000));
}

QVD_TEST_GUI_MAIN(TestCliHistoryLargeBundle)
#include "tst_CliHistoryLargeBundle.moc"
