#pragma once

// History bundles written by hand, as another program (or a hostile one) could write them: any
// titles, names and image bytes, and files of any size streamed to disk, so a test can make a
// 2 GB bundle without holding it.

#include <QBuffer>
#include <QCryptographicHash>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <functional>

namespace qvd::test {

inline QByteArray sha256Of(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
}

inline QByteArray encodedImage(const QImage &image, const char *format)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format);
    return bytes;
}

// A small real JPEG made `size` bytes long with application segments (APP15) that decoders
// skip: a valid photo whose bytes differ with `seed`, cheap to decode however large.
inline QByteArray paddedJpeg(qint64 size, quint32 seed)
{
    QImage image(64, 48, QImage::Format_RGB32);
    image.fill(QColor::fromRgb(seed * 2654435761u));
    const QByteArray jpeg = encodedImage(image, "JPEG");
    QByteArray out = jpeg.left(2); // SOI
    qint64 room = size - jpeg.size();
    quint32 state = seed * 747796405u + 1;
    while (room > 4) {
        const int payload = int(qMin<qint64>(65533, room - 4));
        QByteArray segment(4 + payload, '\0');
        segment[0] = char(0xff);
        segment[1] = char(0xef);
        segment[2] = char((payload + 2) >> 8);
        segment[3] = char((payload + 2) & 0xff);
        for (int i = 4; i < segment.size(); i += 64) {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            segment[i] = char(state);
        }
        out += segment;
        room -= segment.size();
    }
    return out + jpeg.mid(2);
}

// Writes {"format": …, "version": …, "conversations": […], "images": […]} piece by piece.
class BundleWriter
{
public:
    explicit BundleWriter(const QString &path, const QByteArray &format = "qwenvl-desk-history",
                          int version = 1)
        : m_file(path)
    {
        m_ok = m_file.open(QIODevice::WriteOnly | QIODevice::Truncate);
        write("{\"format\":\"" + format + "\",\"version\":" + QByteArray::number(version)
              + ",\"conversations\":[\n");
    }

    bool ok() const { return m_ok; }
    qint64 size() const { return m_file.size(); }

    void addConversation(const QJsonObject &conversation)
    {
        addRawConversation(QJsonDocument(conversation).toJson(QJsonDocument::Compact));
    }
    void addRawConversation(const QByteArray &json)
    {
        write((m_conversations++ ? ",\n" : "") + json);
    }

    // An image whose declared hash is that of `bytes` (or `declaredHex` when given).
    void addImage(const QByteArray &bytes, const QByteArray &declaredHex = {})
    {
        beginImages();
        write((m_images++ ? ",\n{\"sha256\":\"" : "{\"sha256\":\"")
              + (declaredHex.isEmpty() ? sha256Of(bytes).toHex() : declaredHex) + "\",\"data\":\""
              + bytes.toBase64() + "\"}");
    }

    // An image of `size` bytes made by `block(offset, length)`, streamed a block at a time with
    // its "data" before its "sha256" (members may come in any order); returns its SHA-256.
    QByteArray addLargeImage(qint64 size, const std::function<QByteArray(qint64, qint64)> &block)
    {
        constexpr qint64 kBlock = 3 * 1024 * 1024; // whole groups of 3 bytes: no padding inside
        beginImages();
        write(m_images++ ? ",\n{\"data\":\"" : "{\"data\":\"");
        QCryptographicHash hash(QCryptographicHash::Sha256);
        for (qint64 offset = 0; offset < size; offset += kBlock) {
            const QByteArray bytes = block(offset, qMin(kBlock, size - offset));
            hash.addData(bytes);
            write(bytes.toBase64());
        }
        const QByteArray sha256 = hash.result();
        write("\",\"sha256\":\"" + sha256.toHex() + "\"}");
        return sha256;
    }

    bool finish()
    {
        beginImages();
        write("]}\n");
        m_file.close();
        return m_ok;
    }

private:
    void beginImages()
    {
        if (m_inImages)
            return;
        m_inImages = true;
        write("],\n\"images\":[\n");
    }
    void write(const QByteArray &bytes)
    {
        if (m_file.write(bytes) != bytes.size())
            m_ok = false;
    }

    QFile m_file;
    bool m_ok = false;
    bool m_inImages = false;
    int m_conversations = 0;
    int m_images = 0;
};

} // namespace qvd::test
