#pragma once

#include <QImage>
#include <QList>

namespace qvd {

// The original image and copies of it halved again and again, made on first use, so a view
// zoomed out paints from a copy at most twice its on-screen size instead of scaling the whole
// original (a 24-megapixel photo) in every paint event.
class ImagePyramid
{
public:
    void setImage(const QImage &image);
    const QImage &original() const { return m_original; }
    bool isNull() const { return m_original.isNull(); }

    // The level to paint at `zoom` (1 = original pixels): the original, or the smallest copy
    // still at least as large as the view needs. Its size relative to the original's gives the
    // scale (halving rounds odd sizes down, so x and y may differ slightly).
    const QImage &levelFor(qreal zoom);

private:
    QImage m_original;
    QList<QImage> m_levels; // m_levels[k] is the original scaled by 1 / 2^(k+1)
};

} // namespace qvd
