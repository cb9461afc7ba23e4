#include "core/batch/ImageScan.h"

#include "core/batch/BatchRecords.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QFutureSynchronizer>
#include <QImageReader>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace qvd {

QStringList JobSpec::defaultExtensions()
{
    return {QStringLiteral("jpg"),  QStringLiteral("jpeg"), QStringLiteral("png"),
            QStringLiteral("webp"), QStringLiteral("bmp"),  QStringLiteral("tif"),
            QStringLiteral("tiff")};
}

QStringList ImageScan::list(const QString &folder, bool recursive, const QStringList &extensions,
                            QString *error)
{
    const QFileInfo info(folder);
    if (!info.isDir() || !info.isReadable()) {
        if (error)
            *error = tr("The folder “%1” does not exist or cannot be read.")
                         .arg(QDir::toNativeSeparators(folder));
        return {};
    }
    QStringList wanted;
    for (const QString &extension :
         extensions.isEmpty() ? JobSpec::defaultExtensions() : extensions)
        wanted.append(extension.toLower());
    QStringList paths;
    QDirIterator it(info.absoluteFilePath(), QDir::Files | QDir::Readable,
                    recursive ? QDirIterator::Subdirectories : QDirIterator::NoIteratorFlags);
    while (it.hasNext()) {
        const QString path = it.next();
        const QFileInfo file = it.fileInfo();
        if (file.isHidden() || path.contains(QLatin1String("/.")))
            continue;
        if (wanted.contains(file.suffix().toLower()))
            paths.append(file.absoluteFilePath());
    }
    std::sort(paths.begin(), paths.end());
    return paths;
}

ScannedImage ImageScan::scan(const QString &path, const ResizeBudget &budget)
{
    ScannedImage image;
    image.path = path;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        image.error =
            tr("“%1” cannot be read: %2").arg(QFileInfo(path).fileName(), file.errorString());
        return image;
    }
    const QByteArray bytes = file.readAll();
    image.byteCount = bytes.size();
    image.sha256 =
        QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    reader.setAutoTransform(true);
    const QSize stored = reader.canRead() ? reader.size() : QSize();
    if (stored.isEmpty()) {
        image.error = tr("“%1” is not an image that can be read.").arg(QFileInfo(path).fileName());
        return image;
    }
    ImageTransform &transform = image.transform;
    transform.storedSize = stored;
    transform.orientation = reader.transformation();
    transform.originalSize = transform.orientation.testFlag(QImageIOHandler::TransformationRotate90)
        ? stored.transposed()
        : stored;
    transform.budget = budget;
    const std::optional<QSize> sent = smartResize(transform.originalSize, budget);
    if (!sent) {
        image.error = tr("“%1” is too long and narrow to send (%2×%3 pixels).")
                          .arg(QFileInfo(path).fileName())
                          .arg(transform.originalSize.width())
                          .arg(transform.originalSize.height());
        return image;
    }
    transform.sentSize = *sent;
    const qint64 patch = qint64(budget.factor) * budget.factor;
    image.estimatedTokens = int(qint64(sent->width()) * sent->height() / patch + 2);
    return image;
}

QList<ScannedImage> ImageScan::scanAll(const QStringList &paths, const ResizeBudget &budget,
                                       QThreadPool *pool,
                                       const std::function<void(int, int)> &progress,
                                       const std::atomic_bool *cancel)
{
    QThreadPool *threads = pool ? pool : QThreadPool::globalInstance();
    // Bounded look-ahead: a few files per thread in memory at once, not the whole folder.
    const int window = std::max(2, threads->maxThreadCount() * 4);
    QList<ScannedImage> results;
    results.reserve(paths.size());
    QList<QFuture<ScannedImage>> running;
    int next = 0;
    while (results.size() < paths.size()) {
        if (cancel && cancel->load())
            break;
        while (next < paths.size() && running.size() < window) {
            const QString path = paths.at(next++);
            running.append(
                QtConcurrent::run(threads, [path, budget] { return scan(path, budget); }));
        }
        results.append(running.takeFirst().result());
        if (progress)
            progress(int(results.size()), int(paths.size()));
    }
    for (QFuture<ScannedImage> &future : running)
        future.waitForFinished();
    return results;
}

} // namespace qvd
