#include "core/storage/ImageStore.h"

#include "core/storage/DatabaseFile.h"
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

ImageStore::PutResult ImageStore::put(const QByteArray &bytes)
{
    PutResult result;
    const QByteArray sha256 = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
    const QString path = pathFor(sha256);
    const QFileInfo existing(path);
    if (existing.isFile() && existing.size() == bytes.size()) {
        // Stored before: keep it, unless the disk damaged it since.
        QFile file(path);
        if (file.open(QIODevice::ReadOnly)
            && QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256) == sha256
            // Young again before it is looked for by name: a clean-up that renamed it aside
            // in between sees that and puts it back; one that did so before, we do not find.
            && file.setFileTime(QDateTime::currentDateTimeUtc(), QFileDevice::FileModificationTime)
            && QFileInfo::exists(path)) {
            result.sha256 = sha256;
            return result;
        }
    }
    if (!QDir().mkpath(existing.absolutePath())) {
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
