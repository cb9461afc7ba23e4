#pragma once

#include <QStringList>

namespace qvd {

// How BoxPainter draws. Sizes are in pixels of the image; 0 means "scaled to the image size"
// (BoxPainter::defaultLineWidth, defaultFontPixelSize). A view that zooms passes its own sizes
// divided by the zoom, so lines and labels keep their size on screen.
struct BoxStyle
{
    qreal lineWidth = 0;
    qreal fontPixelSize = 0;
    bool labels = true;
    // Draw identical shapes with the same label once: QwenVL HTML repeats every picture's
    // data-bbox on the div.image and its img (docs/grounding.md §5, strategy 4).
    bool dedupe = true;
    // Draw each distinct label text once into an image and blend that copy for every box that
    // shows it, where the painter only translates by whole pixels; on a QImage, darken each
    // pixel once for all the plates over it (LabelPainter). The pixels match drawing every
    // label with QPainter within rounding (±2 levels). false: drawText for every label.
    bool cacheLabelText = true;
    // Tried in order for every character, so a Latin face first and CJK faces after it;
    // empty: BoxPainter::defaultFontFamilies().
    QStringList fontFamilies;
};

} // namespace qvd
