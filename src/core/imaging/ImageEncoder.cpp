#include "core/imaging/ImageEncoder.h"

#include <QBuffer>
#include <QImageWriter>

namespace qvd {

bool ImageEncoder::hasTransparency(const QImage &image)
{
    if (!image.hasAlphaChannel())
        return false;
    const QImage argb = image.convertToFormat(QImage::Format_ARGB32);
    for (int y = 0; y < argb.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(argb.constScanLine(y));
        for (int x = 0; x < argb.width(); ++x) {
            if (qAlpha(line[x]) != 255)
                return true;
        }
    }
    return false;
}

QByteArray ImageEncoder::encode(const QImage &image, bool png, int quality)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, png ? QByteArrayLiteral("png") : QByteArrayLiteral("jpeg"));
    if (!png) {
        writer.setQuality(quality);
        writer.setOptimizedWrite(true); // optimized Huffman tables: a few % smaller, same pixels
    }
    // JPEG has no alpha; an opaque alpha channel is dropped rather than left to the writer.
    const bool gray = image.format() == QImage::Format_Grayscale8;
    const QImage pixels = png || gray ? image : image.convertToFormat(QImage::Format_RGB32);
    if (!writer.write(pixels))
        return {};
    // The buffer grew in steps; the bytes are kept as long as the conversation, without the slack.
    bytes.squeeze();
    return bytes;
}

QString ImageEncoder::mimeType(bool png)
{
    return png ? QStringLiteral("image/png") : QStringLiteral("image/jpeg");
}

} // namespace qvd
