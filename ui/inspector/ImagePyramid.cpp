#include "ui/inspector/ImagePyramid.h"

#include <cmath>

namespace qvd {

namespace {

// Levels stop at this edge length: below it painting the level above costs nothing.
constexpr int kSmallestEdge = 256;

QImage fastFormat(const QImage &image)
{
    return image.convertToFormat(image.hasAlphaChannel() ? QImage::Format_ARGB32_Premultiplied
                                                         : QImage::Format_RGB32);
}

} // namespace

void ImagePyramid::setImage(const QImage &image)
{
    m_original = fastFormat(image);
    m_levels.clear();
}

const QImage &ImagePyramid::levelFor(qreal zoom)
{
    if (m_original.isNull() || zoom >= 0.5)
        return m_original;
    // The smallest level still at least as large as the view needs: scale 1/2^k >= zoom.
    const int wanted = int(std::floor(std::log2(1 / zoom)));
    const QImage *level = &m_original;
    for (int k = 0; k < wanted; ++k) {
        if (k == m_levels.size()) {
            const QSize half = level->size() / 2;
            if (std::min(half.width(), half.height()) < kSmallestEdge)
                break;
            m_levels.append(level->scaled(half, Qt::IgnoreAspectRatio, Qt::SmoothTransformation));
        }
        level = &m_levels[k];
    }
    return *level;
}

} // namespace qvd
