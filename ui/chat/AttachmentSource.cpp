#include "ui/chat/AttachmentSource.h"

#include <QBuffer>
#include <QFileInfo>
#include <QImage>
#include <QImageWriter>
#include <QMimeData>

namespace qvd {
namespace {

// Encoded formats a browser or screenshot tool may put on the clipboard, sent as they are.
const char *const kRawFormats[] = {"image/png", "image/jpeg", "image/webp", "image/gif",
                                   "image/bmp"};

} // namespace

QByteArray AttachmentSource::encodePng(const QImage &image)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "png");
    return writer.write(image) ? bytes : QByteArray();
}

AttachmentSource AttachmentSource::fromImage(const QImage &image, const QString &name)
{
    AttachmentSource source;
    source.kind = Kind::Bytes;
    source.image = image;
    source.name = name;
    return source;
}

bool AttachmentSource::offeredBy(const QMimeData *mime)
{
    if (!mime)
        return false;
    if (mime->hasImage())
        return true;
    for (const char *format : kRawFormats) {
        if (mime->hasFormat(QString::fromLatin1(format)))
            return true;
    }
    const QList<QUrl> urls = mime->urls();
    for (const QUrl &url : urls) {
        if (url.isLocalFile() || url.scheme() == QLatin1String("http")
            || url.scheme() == QLatin1String("https"))
            return true;
    }
    return false;
}

AttachmentSource AttachmentSource::fromFile(const QString &path)
{
    AttachmentSource source;
    source.kind = Kind::File;
    source.path = path;
    source.name = QFileInfo(path).fileName();
    return source;
}

AttachmentSource AttachmentSource::fromUrl(const QUrl &url)
{
    AttachmentSource source;
    source.kind = Kind::Url;
    source.url = url;
    source.name = url.fileName().isEmpty() ? url.host() : url.fileName();
    return source;
}

AttachmentSource AttachmentSource::fromBytes(const QByteArray &bytes, const QString &name)
{
    AttachmentSource source;
    source.kind = Kind::Bytes;
    source.bytes = bytes;
    source.name = name;
    return source;
}

QList<AttachmentSource> AttachmentSource::fromMimeData(const QMimeData *mime)
{
    QList<AttachmentSource> sources;
    if (!mime)
        return sources;
    if (mime->hasUrls()) {
        const QList<QUrl> urls = mime->urls();
        for (const QUrl &url : urls) {
            if (url.isLocalFile())
                sources.append(fromFile(url.toLocalFile()));
            else if (url.scheme() == QLatin1String("http")
                     || url.scheme() == QLatin1String("https"))
                sources.append(fromUrl(url));
        }
        if (!sources.isEmpty())
            return sources;
    }
    for (const char *format : kRawFormats) {
        const QString name = QString::fromLatin1(format);
        if (mime->hasFormat(name)) {
            const QString suffix = name.mid(name.indexOf(QLatin1Char('/')) + 1);
            sources.append(fromBytes(mime->data(name), tr("pasted image.%1").arg(suffix)));
            return sources;
        }
    }
    if (mime->hasImage()) {
        const QImage image = qvariant_cast<QImage>(mime->imageData());
        if (!image.isNull())
            sources.append(fromImage(image, tr("pasted image.png")));
    }
    return sources;
}

} // namespace qvd
