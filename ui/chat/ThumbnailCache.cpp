#include "ui/chat/ThumbnailCache.h"

#include "ui/chat/AttachmentList.h"

#include <QCryptographicHash>
#include <QFutureWatcher>
#include <QtConcurrent>

namespace qvd {

ThumbnailCache::ThumbnailCache(QObject *parent) : QObject(parent) { }

QString ThumbnailCache::keyOf(const Part &part)
{
    const QSize sent = part.transform.sentSize;
    if (!part.imageHash.isEmpty())
        return QStringLiteral("%1@%2x%3").arg(part.imageHash).arg(sent.width()).arg(sent.height());
    // Images are large; a digest keeps keys short (once per layout, not per paint).
    const ImageUrl &url = part.imageUrl;
    const QByteArray digest = url.isData()
        ? QCryptographicHash::hash(url.data(), QCryptographicHash::Md5)
        : QCryptographicHash::hash(url.toString().toUtf8(), QCryptographicHash::Md5);
    return QString::fromLatin1(digest.toHex());
}

QImage ThumbnailCache::thumbnail(const QString &key, const ImageUrl &url)
{
    if (const QImage *image = m_cache.object(key))
        return *image;
    if (m_pending.contains(key) || m_failed.contains(key))
        return {};
    if (!url.isData()) {
        m_failed.insert(key); // remote URLs are not fetched for display
        return {};
    }
    m_pending.insert(key);
    ++m_decodesStarted;
    const QByteArray encoded = url.data(); // shared with the part, not copied
    auto *watcher = new QFutureWatcher<QImage>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, key] {
        watcher->deleteLater();
        m_pending.remove(key);
        const QImage image = watcher->result();
        if (image.isNull()) {
            m_failed.insert(key);
            return;
        }
        insert(key, image);
    });
    watcher->setFuture(
        QtConcurrent::run([encoded] { return AttachmentList::thumbnailOf(encoded); }));
    return {};
}

void ThumbnailCache::insert(const QString &key, const QImage &thumbnail)
{
    m_cache.insert(key, new QImage(thumbnail), qMax<qsizetype>(1, thumbnail.sizeInBytes()));
    m_failed.remove(key);
    Q_EMIT ready(key);
}

} // namespace qvd
