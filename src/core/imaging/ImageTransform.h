#pragma once

#include "core/imaging/SmartResize.h"

#include <QImageIOHandler>
#include <QSize>

namespace qvd {

// How an image was changed between the file a person gave and the pixels the model saw, kept
// with every sent image so the model's coordinates can be mapped back (architecture.md, step 2).
struct ImageTransform
{
    QSize storedSize; // the file's pixel size as encoded, before EXIF orientation
    QImageIOHandler::Transformations orientation = QImageIOHandler::TransformationNone;
    QSize originalSize; // upright size a person sees (storedSize, transposed if rotated 90°)
    QSize sentSize; // pixels the model received (smart_resize of originalSize)
    ResizeBudget budget; // factor and pixel budget sentSize was computed with

    bool isValid() const { return !originalSize.isEmpty() && !sentSize.isEmpty(); }

    friend bool operator==(const ImageTransform &a, const ImageTransform &b)
    {
        return a.storedSize == b.storedSize && a.orientation == b.orientation
            && a.originalSize == b.originalSize && a.sentSize == b.sentSize && a.budget == b.budget;
    }
};

} // namespace qvd
