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
    // Data URIs are long; a digest keeps keys short (once per layout, not per paint).
    return QString::fromLatin1(
        QCryptographicHash::hash(part.imageUrl.toUtf8(), QCryptographicHash::Md5).toHex());
}

QImage ThumbnailCache::thumbnail(const QString &key, const QString &url)
{
    if (const QImage *image = m_cache.object(key))
        return *image;
    if (m_pending.contains(key) || m_failed.contains(key))
        return {};
    const qsizetype comma = url.indexOf(QLatin1Char(','));
    if (!url.startsWith(QLatin1String("data:")) || comma < 0) {
        m_failed.insert(key); // remote URLs are not fetched for display
        return {};
    }
    m_pending.insert(key);
    ++m_decodesStarted;
    const QString payload = url.mid(comma + 1);
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
    watcher->setFuture(QtConcurrent::run([payload] {
        return AttachmentList::thumbnailOf(QByteArray::fromBase64(payload.toLatin1()));
    }));
    return {};
}

void ThumbnailCache::insert(const QString &key, const QImage &thumbnail)
{
    m_cache.insert(key, new QImage(thumbnail));
    m_failed.remove(key);
    Q_EMIT ready(key);
}

} // namespace qvd
