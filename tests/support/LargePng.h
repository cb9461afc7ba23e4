#pragma once

// Large but valid images for decode tests, written without encoding pixels (an encoder takes
// seconds for hundreds of megabytes).

#include <QByteArray>

namespace qvd::test {

namespace png {

inline quint32 crc32(const QByteArray &bytes)
{
    quint32 crc = 0xFFFFFFFFu;
    for (const char byte : bytes) {
        crc ^= quint8(byte);
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

inline QByteArray bigEndian(quint32 value)
{
    const char bytes[] = {char(value >> 24), char(value >> 16), char(value >> 8), char(value)};
    return QByteArray(bytes, 4);
}

inline QByteArray pngChunk(const QByteArray &type, const QByteArray &data)
{
    return bigEndian(quint32(data.size())) + type + data + bigEndian(crc32(type + data));
}

} // namespace png

// A valid, transparent-black 16-bit RGBA PNG of `side` x `side`, written without decoding or
// encoding pixels: Qt decodes it to RGBA64, 8 bytes a pixel.
inline QByteArray rgba64Png(int side)
{
    using namespace png;
    const qint64 rowBytes = 1 + qint64(side) * 8; // filter byte, then the pixels
    const QByteArray zlib = qCompress(QByteArray(rowBytes * side, '\0'), 1).mid(4);
    const QByteArray header = bigEndian(quint32(side)) + bigEndian(quint32(side))
        + QByteArray("\x10\x06\x00\x00\x00", 5); // 16 bits, RGBA, deflate, no interlace
    return QByteArray("\x89PNG\r\n\x1a\n", 8) + pngChunk("IHDR", header) + pngChunk("IDAT", zlib)
        + pngChunk("IEND", {});
}

} // namespace qvd::test
