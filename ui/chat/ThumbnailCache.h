#pragma once

#include "core/conversation/Part.h"

#include <QCache>
#include <QImage>
#include <QObject>
#include <QSet>

namespace qvd {

// Small pictures of the images in the chat, decoded on worker threads the first time a row
// shows them (a conversation may hold hundreds of images; only visible ones are decoded) and
// kept in a cache bounded by bytes. The composer seeds it with the thumbnails it already made.
class ThumbnailCache : public QObject
{
    Q_OBJECT
public:
    explicit ThumbnailCache(QObject *parent = nullptr);

    // A stable key for an image part: its original's hash and sent size, else a digest of its
    // bytes or URL.
    static QString keyOf(const Part &part);

    // The thumbnail, or a null image while it is decoded (ready() follows) or if it cannot be
    // (remote URLs are not fetched for display).
    QImage thumbnail(const QString &key, const ImageUrl &url);
    void insert(const QString &key, const QImage &thumbnail);
    int decodesStarted() const { return m_decodesStarted; }
    qint64 cachedBytes() const { return m_cache.totalCost(); }

    // About a hundred 160x120 thumbnails, several screens of rows; scrolled-away ones are
    // decoded again from the part's bytes when they come back. (Bounded by count, scrolling
    // through a 300-image conversation kept 22 MiB of thumbnails.)
    static constexpr qsizetype kMaxBytes = 8 * 1024 * 1024;

Q_SIGNALS:
    void ready(const QString &key);

private:
    QCache<QString, QImage> m_cache{kMaxBytes}; // cost: the image's bytes
    QSet<QString> m_pending;
    QSet<QString> m_failed;
    int m_decodesStarted = 0;
};

} // namespace qvd
