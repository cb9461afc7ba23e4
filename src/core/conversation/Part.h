#pragma once

#include "core/imaging/ImageTransform.h"
#include "core/imaging/ImageUrl.h"
#include "core/imaging/PreparedImage.h"

#include <QPointF>
#include <QRectF>
#include <QString>

namespace qvd {

// One piece of a message: text, an image, or a region a person marked on an image.
struct Part
{
    enum class Kind { Text, Image, Region };

    Kind kind = Kind::Text;
    // Image and region parts: a stable id (a UUID), given when the part is made in the composer
    // or sent; it survives edit-and-resend, reload and export (docs/architecture.md, "Ids").
    QString id;
    // Text parts: the text. Region parts: the prompt text that names the region in the model's
    // syntax (built by core/grounding); this is what goes on the wire.
    QString text;

    // Image parts: an http(s)/oss:// URL, or the sent image's bytes; imageUrl.toString() is what
    // goes on the wire (the data: URI is built then, not kept).
    ImageUrl imageUrl;
    // Image parts from a local file: hex SHA-256 of the original file, its key in the image
    // store, so the original pixels can be shown and re-sent later.
    QString imageHash;
    ImageTransform transform;
    // Per-image bounds sent next to the image so the server's own resize is a no-op
    // (docs/grounding.md §2); 0 means "not sent".
    qint64 minPixels = 0;
    qint64 maxPixels = 0;

    // Region parts, in original-image pixels: a box, or a point (isPoint; the box is then empty
    // and `point` holds it). imageId names the image part it is on (in the same message or an
    // earlier one); imageIndex counts the images of the same message, from 0 (-1: the image is
    // in an earlier message). The text is written for the model that gets it, when it is sent.
    QRectF rect;
    QPointF point;
    bool isPoint = false;
    int imageIndex = -1;
    QString imageId;

    static Part fromText(const QString &text);
    // A URL or a data: URI (kept as its bytes, see ImageUrl::fromString).
    static Part fromImage(const QString &url, const ImageTransform &transform = {},
                          qint64 minPixels = 0, qint64 maxPixels = 0);
    static Part fromImage(const ImageUrl &url, const ImageTransform &transform = {},
                          qint64 minPixels = 0, qint64 maxPixels = 0);
    // A prepared local image: its encoded bytes (shared with image.encoded), transform, bounds
    // and the original's hash.
    static Part fromPrepared(const PreparedImage &image);
    static Part fromRegion(const QRectF &rect, const QString &prompt, int imageIndex = -1);
    static Part fromPoint(const QPointF &point, const QString &prompt, int imageIndex = -1);

    // A new random id (UUID without braces), for parts and messages.
    static QString newId();

    friend bool operator==(const Part &a, const Part &b);
    friend bool operator!=(const Part &a, const Part &b) { return !(a == b); }
};

} // namespace qvd
