#pragma once

#include "core/imaging/ImageTransform.h"

#include <QByteArray>
#include <QString>

namespace qvd {

// An image ready to send: the encoded pixels the model will see, the record that maps its
// coordinates back to the original, and what the request must carry with it.
struct PreparedImage
{
    QByteArray encoded; // JPEG or PNG, exactly transform.sentSize
    QString mimeType; // "image/jpeg" or "image/png"
    ImageTransform transform;
    // Per-image bounds to send (docs/grounding.md §2): sentSize already satisfies smart_resize with
    // them, so the server's own resize leaves the pixels alone.
    qint64 minPixels = 0;
    qint64 maxPixels = 0;
    // DashScope's rule h*w/(factor²) + 2 (docs/grounding.md §2). usage.image_tokens in capture 9.A
    // reports the patch count without the 2.
    int estimatedTokens = 0;
    QByteArray sourceSha256; // 32 raw bytes of SHA-256 over sourceBytes (content address)
    QByteArray sourceBytes; // the file as given, for the image store (implicitly shared)
    qint64 sourceByteCount = 0;
    QString sourceName; // file name, for messages and the store
    QString sourceFormat; // as QImageReader named it: "jpeg", "png", "webp", …

    // "data:<mime>;base64,<…>" (docs/dashscope-protocol.md §3.3).
    QString dataUri() const;
    static qint64 dataUriLength(qint64 encodedBytes, const QString &mimeType);
};

} // namespace qvd
