#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QImage>
#include <QList>
#include <QString>
#include <QUrl>

class QMimeData;

namespace qvd {

// Where a composer image comes from: a local file, an http(s) URL to download, or bytes
// (a pasted screenshot, an image dragged out of a browser without a URL).
struct AttachmentSource
{
    Q_DECLARE_TR_FUNCTIONS(qvd::AttachmentSource)

public:
    enum class Kind { File, Url, Bytes };

    Kind kind = Kind::File;
    QString path; // File
    QUrl url; // Url
    QByteArray bytes; // Bytes
    QImage image; // Bytes, when the data came decoded (clipboard); encoded off the UI thread
    QString name; // shown in messages; the file name part

    static AttachmentSource fromFile(const QString &path);
    static AttachmentSource fromUrl(const QUrl &url);
    static AttachmentSource fromBytes(const QByteArray &bytes, const QString &name);
    static AttachmentSource fromImage(const QImage &image, const QString &name);

    // Cheap check for drag-move and paste menus: does the data hold files, URLs or an image?
    static bool offeredBy(const QMimeData *mime);
    // PNG bytes of a decoded image (for sources made from a QImage); empty on failure.
    static QByteArray encodePng(const QImage &image);

    // What a drop or paste offers as images: local files and http(s) URLs from a uri-list
    // (file managers, browsers), else image data (screenshots). Plain text yields nothing, so
    // it is pasted as text. Every file is offered, images or not: the preparer refuses the rest
    // with a message that names them.
    static QList<AttachmentSource> fromMimeData(const QMimeData *mime);
};

} // namespace qvd
