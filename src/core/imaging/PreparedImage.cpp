#include "core/imaging/PreparedImage.h"

namespace qvd {

QString PreparedImage::dataUri() const
{
    return QLatin1String("data:") + mimeType + QLatin1String(";base64,")
        + QString::fromLatin1(encoded.toBase64());
}

qint64 PreparedImage::dataUriLength(qint64 encodedBytes, const QString &mimeType)
{
    // Base64 turns every started group of 3 bytes into 4 characters, padding included.
    const qint64 base64 = (encodedBytes + 2) / 3 * 4;
    return qint64(sizeof("data:") - 1) + mimeType.size() + qint64(sizeof(";base64,") - 1) + base64;
}

} // namespace qvd
