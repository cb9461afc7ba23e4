#pragma once

#include <QByteArray>
#include <QImage>
#include <QString>

namespace qvd {

// Encodes the pixels that will be sent. PNG only where transparency matters: a photo with an
// unused alpha channel goes as JPEG, several times smaller.
class ImageEncoder
{
public:
    // True when at least one pixel is not fully opaque.
    static bool hasTransparency(const QImage &image);
    // PNG when `png`, else JPEG at `quality` (0–100). Empty on failure.
    static QByteArray encode(const QImage &image, bool png, int quality);
    static QString mimeType(bool png);
};

} // namespace qvd
