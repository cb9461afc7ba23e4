#include "core/imaging/ImageUrl.h"

namespace qvd {

namespace {

constexpr QLatin1String kPrefix("data:");
constexpr QLatin1String kMarker(";base64,");

} // namespace

ImageUrl ImageUrl::fromString(const QString &url)
{
    ImageUrl out;
    const qsizetype at = url.startsWith(kPrefix) ? url.indexOf(kMarker) : -1;
    if (at >= 0) {
        // Only canonical base64 is split, so the URI comes back character for character.
        const QByteArray base64 = QStringView(url).mid(at + kMarker.size()).toLatin1();
        const auto decoded =
            QByteArray::fromBase64Encoding(base64, QByteArray::AbortOnBase64DecodingErrors);
        if (decoded && !decoded.decoded.isEmpty() && decoded.decoded.toBase64() == base64) {
            out.m_data = decoded.decoded;
            out.m_mimeType = url.mid(kPrefix.size(), at - kPrefix.size());
            return out;
        }
    }
    out.m_url = url;
    return out;
}

ImageUrl ImageUrl::fromData(const QByteArray &encoded, const QString &mimeType)
{
    ImageUrl out;
    if (encoded.isEmpty()) {
        // Nothing to hold as bytes; keep the text, as fromString() does for such a URI.
        out.m_url = kPrefix + mimeType + kMarker;
        return out;
    }
    out.m_data = encoded;
    out.m_mimeType = mimeType;
    return out;
}

QString ImageUrl::toString() const
{
    if (!isData())
        return m_url;
    const QByteArray base64 = m_data.toBase64();
    return kPrefix + m_mimeType + kMarker + QLatin1String(base64);
}

} // namespace qvd
