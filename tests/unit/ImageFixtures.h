#pragma once

// Real image files made at test time: a four-colour quadrant pattern whose corners tell which
// way up an image is, written by Qt's own encoders, plus byte-level edits Qt cannot make
// (EXIF orientation, GIF frames, a forged JPEG size). Shared by tst_ImagePreparer and the bench.

#include "core/imaging/ImagePreparer.h"

#include <QBuffer>
#include <QColor>
#include <QImage>
#include <QImageWriter>
#include <QPainter>
#include <QRandomGenerator>
#include <QtEndian>

namespace qvd::fixtures {

inline const QColor kTopLeft{255, 0, 0};
inline const QColor kTopRight{0, 255, 0};
inline const QColor kBottomLeft{0, 0, 255};
inline const QColor kBottomRight{255, 255, 0};

// Qwen2.5-VL on DashScope: factor 28, 4..1280 tokens (docs/dashscope-protocol.md §3.4).
inline ModelInfo qwen25()
{
    ModelInfo info;
    info.id = QStringLiteral("qwen2.5-vl-7b-instruct");
    info.family = ModelFamily::Qwen25VL;
    info.budget = ResizeBudget{28, 4 * 784, 1280 * 784};
    return info;
}

inline QImage quadrants(QSize size, QImage::Format format = QImage::Format_RGB32)
{
    QImage image(size, format);
    const int w = size.width() / 2;
    const int h = size.height() / 2;
    QPainter painter(&image);
    painter.fillRect(0, 0, w, h, kTopLeft);
    painter.fillRect(w, 0, size.width() - w, h, kTopRight);
    painter.fillRect(0, h, w, size.height() - h, kBottomLeft);
    painter.fillRect(w, h, size.width() - w, size.height() - h, kBottomRight);
    return image;
}

// Every pixel random: the worst case for compression, so byte limits are reached.
inline QImage noise(QSize size, quint32 seed)
{
    QImage image(size, QImage::Format_RGB32);
    QRandomGenerator random(seed);
    for (int y = 0; y < size.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < size.width(); ++x)
            line[x] = 0xff000000u | (random.generate() & 0xffffffu);
    }
    return image;
}

inline QByteArray encode(const QImage &image, const char *format, int quality = 95)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format);
    writer.setQuality(quality);
    if (!writer.write(image))
        qFatal("cannot write %s: %s", format, qPrintable(writer.errorString()));
    return bytes;
}

inline void appendBigEndian16(QByteArray &out, int value)
{
    out.append(char((value >> 8) & 0xff));
    out.append(char(value & 0xff));
}

// An APP1 "Exif" segment with one IFD0 entry, Orientation (tag 0x0112, SHORT), right after SOI.
inline QByteArray withExifOrientation(const QByteArray &jpeg, int orientation)
{
    QByteArray tiff = QByteArrayLiteral("MM\x00\x2a\x00\x00\x00\x08" // big endian, IFD0 at 8
                                        "\x00\x01" // one entry
                                        "\x01\x12\x00\x03\x00\x00\x00\x01"); // tag, SHORT, count 1
    appendBigEndian16(tiff, orientation);
    tiff.append(QByteArrayLiteral("\x00\x00" // value padding to 4 bytes
                                  "\x00\x00\x00\x00")); // no next IFD
    const QByteArray payload = QByteArrayLiteral("Exif\x00\x00") + tiff;
    QByteArray segment = QByteArrayLiteral("\xff\xe1");
    appendBigEndian16(segment, int(payload.size()) + 2);
    segment.append(payload);
    return jpeg.left(2) + segment + jpeg.mid(2);
}

// Rewrites the frame header (SOFn) so the JPEG claims `size` while its data stays small.
inline QByteArray withClaimedJpegSize(QByteArray jpeg, QSize size)
{
    for (qsizetype i = 2; i + 9 < jpeg.size();) {
        const auto marker = quint8(jpeg.at(i + 1));
        if (marker >= 0xc0 && marker <= 0xc2) {
            qToBigEndian<quint16>(quint16(size.height()), jpeg.data() + i + 5);
            qToBigEndian<quint16>(quint16(size.width()), jpeg.data() + i + 7);
            return jpeg;
        }
        i += 2 + qFromBigEndian<quint16>(jpeg.constData() + i + 2);
    }
    qFatal("no SOF marker");
    return {};
}

// LZW data for 2-bit indexes that never grows the code table past 3-bit codes: a clear code
// before every pair of pixels (clear = 4, end = 5; GIF89a spec, appendix F).
inline QByteArray gifLzw(const QList<quint8> &indexes)
{
    QList<int> codes;
    for (qsizetype i = 0; i < indexes.size(); ++i) {
        if (i % 2 == 0)
            codes.append(4);
        codes.append(indexes.at(i));
    }
    codes.append(5);
    QByteArray packed;
    quint32 bits = 0;
    int count = 0;
    for (int code : codes) {
        bits |= quint32(code) << count; // least significant bit first
        count += 3;
        while (count >= 8) {
            packed.append(char(bits & 0xff));
            bits >>= 8;
            count -= 8;
        }
    }
    if (count > 0)
        packed.append(char(bits & 0xff));
    QByteArray blocks = QByteArrayLiteral("\x02"); // minimum code size
    for (qsizetype i = 0; i < packed.size(); i += 255) {
        const QByteArray chunk = packed.mid(i, 255);
        blocks.append(char(chunk.size()));
        blocks.append(chunk);
    }
    blocks.append('\0');
    return blocks;
}

// A two-frame GIF89a: frame 1 is the quadrant pattern, frame 2 is all blue.
inline QByteArray twoFrameGif(QSize size)
{
    const auto le16 = [](QByteArray &out, int v) {
        out.append(char(v & 0xff));
        out.append(char((v >> 8) & 0xff));
    };
    QByteArray gif = QByteArrayLiteral("GIF89a");
    le16(gif, size.width());
    le16(gif, size.height());
    gif.append(QByteArrayLiteral("\xf1\x00\x00")); // global table of 4 colours
    for (const QColor &c : {kTopLeft, kTopRight, kBottomLeft, kBottomRight}) {
        gif.append(char(c.red()));
        gif.append(char(c.green()));
        gif.append(char(c.blue()));
    }
    for (int frame = 0; frame < 2; ++frame) {
        gif.append(QByteArrayLiteral("\x21\xf9\x04\x00\x0a\x00\x00\x00")); // 100 ms delay
        gif.append(QByteArrayLiteral("\x2c\x00\x00\x00\x00"));
        le16(gif, size.width());
        le16(gif, size.height());
        gif.append('\0');
        QList<quint8> indexes;
        for (int y = 0; y < size.height(); ++y) {
            for (int x = 0; x < size.width(); ++x) {
                const int quadrant = (y >= size.height() / 2) * 2 + (x >= size.width() / 2);
                indexes.append(quint8(frame == 0 ? quadrant : 2));
            }
        }
        gif.append(gifLzw(indexes));
    }
    gif.append(';');
    return gif;
}

inline bool near(QRgb pixel, const QColor &expected, int tolerance = 48)
{
    return std::abs(qRed(pixel) - expected.red()) <= tolerance
        && std::abs(qGreen(pixel) - expected.green()) <= tolerance
        && std::abs(qBlue(pixel) - expected.blue()) <= tolerance;
}

// Colours at 15% in from each corner: top-left, top-right, bottom-left, bottom-right.
inline QList<QRgb> cornerColours(const QImage &image)
{
    const int x0 = image.width() * 15 / 100;
    const int y0 = image.height() * 15 / 100;
    const int x1 = image.width() - 1 - x0;
    const int y1 = image.height() - 1 - y0;
    return {image.pixel(x0, y0), image.pixel(x1, y0), image.pixel(x0, y1), image.pixel(x1, y1)};
}

// A photo-sized JPEG prepared the way the composer does it, for Qwen2.5-VL (factor 28,
// 4..1280 tokens, docs/dashscope-protocol.md §3.4): a real encoded image to put in a request.
inline PrepareResult preparedPhoto(QSize size = {1600, 1200})
{
    ModelInfo model;
    model.id = QStringLiteral("qwen2.5-vl-7b-instruct");
    model.family = ModelFamily::Qwen25VL;
    model.budget = ResizeBudget{28, 4 * 784, 1280 * 784};
    return ImagePreparer(model).prepareBytes(encode(quadrants(size), "jpeg"),
                                             QStringLiteral("photo.jpg"));
}

} // namespace qvd::fixtures
