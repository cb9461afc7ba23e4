#include "StorageTestUtil.h"
#include "TestMain.h"

#include "core/storage/ImageStore.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QFuture>
#include <QSemaphore>
#include <QTemporaryDir>
#include <QThread>
#include <QThreadPool>

#include <atomic>

#include <sys/stat.h>

using namespace qvd;
using namespace qvd::test;

namespace {

QByteArray pngBytes(QColor color, QSize size = QSize(8, 6))
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(color);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

ino_t inodeOf(const QString &path)
{
    struct stat info = {};
    return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? info.st_ino : 0;
}

void age(const QString &path, int seconds)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-seconds),
                             QFileDevice::FileModificationTime));
}

} // namespace

// Content-addressed originals: stored once, atomically, checked on read, collected when
// unreferenced.
class TestImageStore : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString root() const { return m_dir->filePath(QStringLiteral("images")); }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void storesOnceByContentHash()
    {
        ImageStore store(root());
        const QByteArray bytes = pngBytes(Qt::red);
        const auto first = store.put(bytes);
        QVERIFY(first.ok());
        QCOMPARE(first.sha256, QCryptographicHash::hash(bytes, QCryptographicHash::Sha256));
        const QString hex = QString::fromLatin1(first.sha256.toHex());
        QCOMPARE(store.pathFor(first.sha256), root() + u'/' + hex.left(2) + u'/' + hex);
        QCOMPARE(fileBytes(store.pathFor(first.sha256)), bytes);
        // Kept, not written again: the same file (made young again, see below).
        const ino_t written = inodeOf(store.pathFor(first.sha256));
        QVERIFY(written != 0);
        QVERIFY(store.put(bytes).ok());
        QCOMPARE(inodeOf(store.pathFor(first.sha256)), written);
        QCOMPARE(filesIn(root() + u'/' + hex.left(2)), QStringList{hex});

        const auto loaded = store.load(first.sha256);
        QVERIFY(loaded.ok());
        QCOMPARE(loaded.bytes, bytes);
        QCOMPARE(loaded.image.size(), QSize(8, 6));
        QCOMPARE(loaded.image.pixelColor(3, 3), QColor(Qt::red));
    }

    void missingAndDamagedGivePlaceholders()
    {
        ImageStore store(root());
        const auto missing = store.load(
            QCryptographicHash::hash("nothing", QCryptographicHash::Sha256), QSize(40, 30));
        QCOMPARE(missing.status, ImageStore::Loaded::Status::Missing);
        QCOMPARE(missing.image.size(), QSize(40, 30));
        QVERIFY(missing.message.contains(QStringLiteral("missing")));

        const auto put = store.put(pngBytes(Qt::blue));
        QVERIFY(put.ok());
        {
            QFile file(store.pathFor(put.sha256));
            QVERIFY(file.open(QIODevice::ReadWrite));
            file.seek(20);
            file.write("garbage!");
        }
        const auto damaged = store.load(put.sha256);
        QCOMPARE(damaged.status, ImageStore::Loaded::Status::Damaged);
        QVERIFY(!damaged.image.isNull());
        QVERIFY(damaged.message.contains(QDir::toNativeSeparators(store.pathFor(put.sha256))));

        // Bytes that hash right but are not an image.
        const auto notImage = store.put(QByteArrayLiteral("plain text, not pixels"));
        QCOMPARE(store.load(notImage.sha256).status, ImageStore::Loaded::Status::Damaged);
        QCOMPARE(store.load(QByteArray()).status, ImageStore::Loaded::Status::Missing);
        // A damaged file is replaced by a complete one when the original is stored again.
        QVERIFY(store.put(pngBytes(Qt::blue)).ok());
        QVERIFY(store.load(put.sha256).ok());
        QFile::resize(store.pathFor(put.sha256), 10);
        QVERIFY(store.put(pngBytes(Qt::blue)).ok());
        QVERIFY(store.load(put.sha256).ok());
    }

    void noPartialFileUnderTheFinalName()
    {
        ImageStore store(root());
        const QByteArray bytes = pngBytes(Qt::green, QSize(300, 200));
        const QByteArray sha = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
        // What a crash in the middle of a write leaves: a temporary file beside the final name.
        const QString finalPath = store.pathFor(sha);
        QVERIFY(QDir().mkpath(QFileInfo(finalPath).absolutePath()));
        const QString temporary = finalPath + QStringLiteral(".aBcDeF");
        {
            QFile file(temporary);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(bytes.left(bytes.size() / 2));
        }
        QVERIFY(!store.contains(sha));
        QCOMPARE(store.load(sha).status, ImageStore::Loaded::Status::Missing);

        QVERIFY(store.put(bytes).ok());
        QCOMPARE(fileBytes(finalPath), bytes);
        QVERIFY(QFileInfo::exists(temporary)); // not ours to delete while it may be written

        // Collected once old enough; the referenced image stays.
        QCOMPARE(store.collectGarbage({sha}).removedTemporaries, 0);
        age(temporary, 7200);
        const auto report = store.collectGarbage({sha});
        QCOMPARE(report.removedTemporaries, 1);
        QCOMPARE(report.removedImages, 0);
        QVERIFY(!QFileInfo::exists(temporary));
        QVERIFY(store.load(sha).ok());
    }

    void writesThroughATemporaryName()
    {
        // Watch the folder while writing a large file: the final name only ever appears whole.
        ImageStore store(root());
        QByteArray bytes(8 * 1024 * 1024, 'x');
        for (int i = 0; i < bytes.size(); i += 4096)
            bytes[i] = char(i / 4096);
        const QByteArray sha = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
        std::atomic<bool> done{false};
        std::atomic<int> partial{0};
        const QString finalPath = store.pathFor(sha);
        std::unique_ptr<QThread> watcher(QThread::create([&]() {
            while (!done.load()) {
                const QFileInfo info(finalPath);
                if (info.exists() && info.size() != bytes.size())
                    ++partial;
            }
        }));
        watcher->start();
        QVERIFY(store.put(bytes).ok());
        done = true;
        QVERIFY(watcher->wait(10000));
        QCOMPARE(partial.load(), 0);
        QCOMPARE(QFileInfo(finalPath).size(), bytes.size());
    }

    void collectsUnreferencedImagesOnly()
    {
        ImageStore store(root());
        const auto keep = store.put(pngBytes(Qt::red));
        const auto drop = store.put(pngBytes(Qt::yellow));
        const auto fresh = store.put(pngBytes(Qt::cyan));
        age(store.pathFor(keep.sha256), 7200);
        age(store.pathFor(drop.sha256), 7200);
        // Not ours: left alone.
        const QString stranger = root() + QStringLiteral("/notes.txt");
        QFile note(stranger);
        QVERIFY(note.open(QIODevice::WriteOnly));
        note.close();
        age(stranger, 7200);

        const auto report = store.collectGarbage({keep.sha256});
        QCOMPARE(report.removedImages, 1);
        QVERIFY(report.freedBytes > 0);
        QVERIFY(report.failed.isEmpty());
        QVERIFY(store.contains(keep.sha256));
        QVERIFY(!store.contains(drop.sha256));
        QVERIFY(store.contains(fresh.sha256)); // too young: its row may be on its way
        QVERIFY(QFileInfo::exists(stranger));
        QCOMPARE(store.collectGarbage({keep.sha256}, std::chrono::seconds(0)).removedImages, 1);
        QVERIFY(!store.contains(fresh.sha256));
        QVERIFY(!QFileInfo::exists(QFileInfo(store.pathFor(drop.sha256)).absolutePath())
                || QFileInfo(store.pathFor(drop.sha256)).absolutePath()
                    == QFileInfo(store.pathFor(keep.sha256)).absolutePath());
    }

    // Start-up's clean-up runs on a worker: the caller gets a future at once and the files go
    // on the pool's thread, not the caller's.
    void collectsGarbageOnAPoolThread()
    {
        ImageStore store(root());
        const auto keep = store.put(pngBytes(Qt::red));
        const auto drop = store.put(pngBytes(Qt::yellow));
        age(store.pathFor(keep.sha256), 7200);
        age(store.pathFor(drop.sha256), 7200);
        QThreadPool pool;
        pool.setMaxThreadCount(1);
        QSemaphore busy;
        pool.start([&busy] { busy.acquire(); }); // the pool's only thread, held
        const QFuture<ImageStore::GarbageReport> future =
            store.collectGarbageOn(&pool, {keep.sha256});
        QVERIFY(!future.isFinished());
        QVERIFY(store.contains(drop.sha256)); // nothing was done on this thread
        busy.release();
        QTRY_VERIFY(future.isFinished());
        QCOMPARE(future.result().removedImages, 1);
        QVERIFY(!store.contains(drop.sha256));
        QVERIFY(store.contains(keep.sha256));
    }

    // An original stored again while a clean-up may run (a new message names an image an old,
    // deleted one named) is not lost: keeping the file makes it young, and young files stay.
    void storingAnOldOriginalAgainKeepsItFromTheCleanUp()
    {
        ImageStore store(root());
        const QByteArray bytes = pngBytes(Qt::green);
        const auto first = store.put(bytes);
        age(store.pathFor(first.sha256), 7200);
        const auto again = store.put(bytes); // its row is not committed yet
        QCOMPARE(again.sha256, first.sha256);
        const auto report = store.collectGarbage({});
        QCOMPARE(report.removedImages, 0);
        QVERIFY(report.failed.isEmpty());
        QVERIFY(store.contains(first.sha256));
        QCOMPARE(store.load(first.sha256).bytes, bytes);
    }

    // A clean-up stopped after setting an image aside leaves "<hash>.gc": the next one takes
    // it for what it is, a leftover, and no lookup ever sees it.
    void anImageSetAsideIsALeftover()
    {
        ImageStore store(root());
        const auto drop = store.put(pngBytes(Qt::blue));
        const QString aside = store.pathFor(drop.sha256) + QStringLiteral(".gc");
        QVERIFY(QFile::rename(store.pathFor(drop.sha256), aside));
        age(aside, 7200);
        QVERIFY(!store.contains(drop.sha256));
        const auto report = store.collectGarbage({});
        QCOMPARE(report.removedTemporaries, 1);
        QVERIFY(!QFileInfo::exists(aside));
    }
};

QVD_TEST_GUI_MAIN(TestImageStore)
#include "tst_ImageStore.moc"
