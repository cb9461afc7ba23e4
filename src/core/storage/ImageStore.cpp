#include "core/storage/ImageStore.h"

#include "core/storage/DatabaseFile.h"
#include "core/storage/PrivateFiles.h"
#include "core/storage/StorageCodec.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QPainter>
#include <QPromise>
#include <QSaveFile>
#include <QStorageInfo>
#include <QtConcurrent/QtConcurrentRun>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace qvd {

namespace {

constexpr int kPlaceholderWidth = 320;
constexpr int kPlaceholderHeight = 240;

bool isHex(QStringView text)
{
    for (const QChar c : text) {
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')))
            return false;
    }
    return true;
}

} // namespace

ImageStore::ImageStore(const QString &root)
    : m_root(QDir::cleanPath(QFileInfo(root).absoluteFilePath()))
{ }

QString ImageStore::pathFor(const QByteArray &sha256) const
{
    const QString hex = storage::hexOf(sha256);
    return m_root + u'/' + hex.left(2) + u'/' + hex;
}

bool ImageStore::contains(const QByteArray &sha256) const
{
    return sha256.size() == 32 && QFileInfo(pathFor(sha256)).isFile();
}

StorageError ImageStore::writeError(const QString &path, qint64 needed, int osError) const
{
    using Kind = StorageError::Kind;
    const QString detail = QString::fromLocal8Bit(std::strerror(osError));
    if (osError == ENOSPC || osError == EFBIG || osError == EDQUOT
        || QStorageInfo(m_root).bytesAvailable() < needed)
        return StorageError::make(Kind::DiskFull, path, detail);
    const QString dir = QFileInfo(path).absolutePath();
    if (!storage::canWrite(QFileInfo::exists(dir) ? dir : m_root, QString()))
        return StorageError::make(Kind::ReadOnly, path, detail);
    return StorageError::make(Kind::Io, path, detail);
}

bool ImageStore::intact(const QString &path, const QByteArray &sha256, qint64 size) const
{
    const QFileInfo existing(path);
    if (!existing.isFile() || existing.size() != size)
        return false;
    QFile file(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    return file.open(QIODevice::ReadOnly) && hash.addData(&file) && hash.result() == sha256;
}

ImageStore::PutResult ImageStore::put(const QByteArray &bytes)
{
    PutResult result;
    const QByteArray sha256 = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
    const QString path = pathFor(sha256);
    // Stored before: keep it, unless the disk damaged it since. Young again before it is looked
    // for by name: a clean-up that renamed it aside in between sees that and puts it back; one
    // that did so before, we do not find.
    QFile kept(path);
    if (intact(path, sha256, bytes.size()) && kept.open(QIODevice::ReadOnly)
        && kept.setFileTime(QDateTime::currentDateTimeUtc(), QFileDevice::FileModificationTime)
        && QFileInfo::exists(path)) {
        result.sha256 = sha256;
        return result;
    }
    const QFileInfo existing(path);
    if (!storage::makePrivateFolder(m_root)
        || !storage::makePrivateFolder(existing.absolutePath())) {
        result.error = writeError(path, bytes.size(), errno);
        return result;
    }
    QSaveFile file(path);
    file.setDirectWriteFallback(false);
    errno = 0;
    // A clean-up may have removed the folder, empty, since: made again once.
    if (!file.open(QIODevice::WriteOnly)
        && !(QDir().mkpath(existing.absolutePath()) && file.open(QIODevice::WriteOnly))) {
        result.error = writeError(path, bytes.size(), errno);
        return result;
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (file.write(bytes) != bytes.size()) {
        const int osError = errno;
        file.cancelWriting();
        file.commit();
        result.error = writeError(path, bytes.size(), osError);
        return result;
    }
    if (!file.commit()) {
        result.error = writeError(path, bytes.size(), errno);
        return result;
    }
    result.sha256 = sha256;
    return result;
}

QString ImageStore::incomingFolder() const
{
    return incomingFolderOf(m_root);
}

QString ImageStore::incomingFolderOf(const QString &root)
{
    return root + QStringLiteral("/incoming");
}

ImageStore::PutResult ImageStore::adopt(const QString &path, const QByteArray &sha256,
                                        bool *created)
{
    PutResult result;
    if (created)
        *created = false;
    const QString target = pathFor(sha256);
    const qint64 size = QFileInfo(path).size();
    if (intact(target, sha256, size)) {
        QFile::remove(path);
        result.sha256 = sha256;
        return result;
    }
    if (!storage::makePrivateFolder(m_root)
        || !storage::makePrivateFolder(QFileInfo(target).absolutePath())) {
        result.error = writeError(target, size, errno);
        return result;
    }
    storage::makePrivateFile(path);
    // A damaged copy under the name is replaced; rename() does not overwrite.
    QFile::remove(target);
    errno = 0;
    if (!QFile::rename(path, target)) {
        result.error = writeError(target, size, errno);
        return result;
    }
    if (created)
        *created = true;
    result.sha256 = sha256;
    return result;
}

void ImageStore::makePrivate() const
{
    // What this version writes is private from the start: once the root is, an older
    // install's files were tightened already (the root goes last, so a walk cut short is
    // done again), and opening a large store costs no walk.
    if (!QFileInfo(m_root).isDir() || storage::isPrivateFolder(m_root))
        return;
    QDirIterator it(m_root, QDir::Dirs | QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo info(it.next());
        if (info.isSymLink())
            continue;
        if (info.isDir())
            storage::makePrivateFolder(info.absoluteFilePath());
        else
            storage::makePrivateFile(info.absoluteFilePath());
    }
    storage::makePrivateFolder(m_root);
}

ImageStore::Loaded ImageStore::load(const QByteArray &sha256, QSize placeholderSize) const
{
    Loaded loaded;
    const QString path = pathFor(sha256);
    QFile file(path);
    const QString where = QDir::toNativeSeparators(path);
    if (sha256.size() != 32 || !file.exists()) {
        loaded.image = placeholder(placeholderSize);
        loaded.message = tr("The original image “%1” is missing.").arg(where);
        return loaded;
    }
    QByteArray bytes;
    if (file.open(QIODevice::ReadOnly))
        bytes = file.readAll();
    QImage image;
    if (QCryptographicHash::hash(bytes, QCryptographicHash::Sha256) == sha256) {
        QBuffer buffer(&bytes);
        QImageReader reader(&buffer);
        reader.setAutoTransform(true);
        image = reader.read();
    }
    if (image.isNull()) {
        loaded.status = Loaded::Status::Damaged;
        loaded.image = placeholder(placeholderSize);
        loaded.message = tr("The original image “%1” is damaged and cannot be shown.").arg(where);
        return loaded;
    }
    loaded.status = Loaded::Status::Ok;
    loaded.bytes = bytes;
    loaded.image = image;
    return loaded;
}

bool ImageStore::remove(const QByteArray &sha256)
{
    if (sha256.size() != 32)
        return false;
    const QString path = pathFor(sha256);
    if (!QFile::remove(path) && QFileInfo::exists(path))
        return false;
    QDir().rmdir(QFileInfo(path).absolutePath()); // only when empty
    return true;
}

ImageStore::GarbageReport ImageStore::collectGarbage(const QSet<QByteArray> &referenced,
                                                     std::chrono::seconds minimumAge)
{
    return collect(m_root, referenced, minimumAge, {});
}

QFuture<ImageStore::GarbageReport>
ImageStore::collectGarbageOn(QThreadPool *pool, QSet<QByteArray> referenced,
                             std::chrono::seconds minimumAge) const
{
    return QtConcurrent::run(
        pool,
        [](QPromise<GarbageReport> &promise, const QString &root, const QSet<QByteArray> &names,
           std::chrono::seconds age) {
            promise.addResult(
                collect(root, names, age, [&promise] { return promise.isCanceled(); }));
        },
        m_root, std::move(referenced), minimumAge);
}

ImageStore::GarbageReport ImageStore::collect(const QString &root,
                                              const QSet<QByteArray> &referenced,
                                              std::chrono::seconds minimumAge,
                                              const std::function<bool()> &stopped)
{
    GarbageReport report;
    const QDateTime cutoff = QDateTime::currentDateTimeUtc().addSecs(-minimumAge.count());
    const QStringList shards = QDir(root).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &shard : shards) {
        if (shard.size() != 2 || !isHex(shard))
            continue;
        QDirIterator it(root + u'/' + shard, QDir::Files | QDir::Hidden | QDir::System);
        while (it.hasNext()) {
            if (stopped && stopped())
                return report;
            const QFileInfo info(it.next());
            const QString name = info.fileName();
            // Ours: "<64 hex>" (an image) or "<64 hex>.<suffix>" (QSaveFile's temporary, or an
            // image this clean-up set aside and was stopped from removing).
            if (name.size() < 64 || !name.startsWith(shard) || !isHex(QStringView(name).left(64)))
                continue;
            const bool temporary = name.size() > 64;
            if (!temporary && referenced.contains(storage::sha256FromHex(name)))
                continue;
            if (info.lastModified().toUTC() > cutoff)
                continue;
            const qint64 size = info.size();
            QString doomed = info.absoluteFilePath();
            if (!temporary) {
                // put() may be keeping this very file for a new message right now: it makes
                // the file young first, then checks it is still there. Set aside, then looked
                // at again: young means put() kept it, and it goes back.
                const QString aside = doomed + QStringLiteral(".gc");
                if (!QFile::rename(doomed, aside)) {
                    if (QFileInfo::exists(doomed))
                        report.failed.append(doomed);
                    continue;
                }
                if (QFileInfo(aside).lastModified().toUTC() > cutoff) {
                    // Replaces a copy put() wrote meanwhile: the same bytes.
                    if (std::rename(QFile::encodeName(aside).constData(),
                                    QFile::encodeName(doomed).constData())
                        != 0)
                        report.failed.append(aside);
                    continue;
                }
                doomed = aside;
            }
            if (!QFile::remove(doomed)) {
                report.failed.append(doomed);
                continue;
            }
            (temporary ? report.removedTemporaries : report.removedImages) += 1;
            report.freedBytes += size;
        }
        QDir().rmdir(root + u'/' + shard); // only when empty
    }
    // Files an import was writing when it was stopped.
    QDirIterator incoming(incomingFolderOf(root), QDir::Files | QDir::Hidden | QDir::System);
    while (incoming.hasNext()) {
        const QFileInfo info(incoming.next());
        if (info.lastModified().toUTC() > cutoff)
            continue;
        const qint64 size = info.size();
        if (!QFile::remove(info.absoluteFilePath())) {
            report.failed.append(info.absoluteFilePath());
            continue;
        }
        ++report.removedTemporaries;
        report.freedBytes += size;
    }
    return report;
}

QImage ImageStore::placeholder(QSize size)
{
    if (size.isEmpty())
        size = QSize(kPlaceholderWidth, kPlaceholderHeight);
    QImage image(size, QImage::Format_RGB32);
    image.fill(QColor(0xe0, 0xe0, 0xe0));
    QPainter painter(&image);
    painter.setPen(
        QPen(QColor(0x90, 0x90, 0x90), qMax(1, qMin(size.width(), size.height()) / 100)));
    painter.drawRect(image.rect().adjusted(0, 0, -1, -1));
    painter.drawLine(image.rect().topLeft(), image.rect().bottomRight());
    painter.drawLine(image.rect().topRight(), image.rect().bottomLeft());
    return image;
}

} // namespace qvd
