#pragma once

#include <QByteArray>
#include <QString>

namespace qvd {

// An image as a message names it (docs/dashscope-protocol.md §3.3): a URL the server fetches
// (http(s)://, oss://), kept as the text given, or the encoded bytes of a local image with
// their MIME type, which go on the wire as a data: URI. That URI is built only when a request
// body or an export is written: held as a QString it takes 2.7 times the bytes (base64 in
// UTF-16), and a conversation may hold hundreds of images.
class ImageUrl
{
public:
    ImageUrl() = default;

    // A URL or a data: URI as text. A data: URI in canonical base64 is kept as its bytes, so
    // toString() gives back the same text; anything else is kept as given.
    static ImageUrl fromString(const QString &url);
    // Encoded image bytes (shared, not copied) and their MIME type, e.g. "image/jpeg".
    static ImageUrl fromData(const QByteArray &encoded, const QString &mimeType);

    bool isEmpty() const { return m_url.isEmpty() && m_data.isEmpty(); }
    // True when the image is held as bytes (a data: URI); false for URLs.
    bool isData() const { return !m_data.isEmpty(); }
    // The encoded image and its MIME type when isData(); empty otherwise.
    const QByteArray &data() const { return m_data; }
    const QString &mimeType() const { return m_mimeType; }
    // The text to send or export: the URL, or "data:<mime>;base64,<…>" built from the bytes.
    QString toString() const;

    friend bool operator==(const ImageUrl &a, const ImageUrl &b)
    {
        return a.m_url == b.m_url && a.m_mimeType == b.m_mimeType && a.m_data == b.m_data;
    }
    friend bool operator!=(const ImageUrl &a, const ImageUrl &b) { return !(a == b); }

private:
    QString m_url; // empty when isData()
    QByteArray m_data;
    QString m_mimeType;
};

} // namespace qvd
