#pragma once

#include "core/imaging/SmartResize.h"

#include <QImageIOHandler>
#include <QSize>

namespace qvd {

// What a reply's image-token count said about the size the model really saw
// (docs/dashscope-protocol.md §8.1: each token is one patch of the image as the server resized it).
enum class SizeCheck {
    Unknown, // not checked: no count in the reply, an image given by URL, or no size fits it
    Confirmed, // the count fits the size sent: the server kept the pixels
    Corrected, // the count fits another size: the server resized the image again (serverSize)
};

// How an image was changed between the file a person gave and the pixels the model saw, kept
// with every sent image so the model's coordinates can be mapped back (docs/architecture.md, step
// 2).
struct ImageTransform
{
    QSize storedSize; // the file's pixel size as encoded, before EXIF orientation
    QImageIOHandler::Transformations orientation = QImageIOHandler::TransformationNone;
    QSize originalSize; // upright size a person sees (storedSize, transposed if rotated 90°)
    QSize sentSize; // pixels the model received (smart_resize of originalSize)
    ResizeBudget budget; // factor and pixel budget sentSize was computed with
    // What the server's reply said (core/imaging/ServerSizeCheck): the size the model saw, and
    // its patch size, when the check confirmed or corrected it.
    SizeCheck sizeCheck = SizeCheck::Unknown;
    QSize serverSize;
    int serverFactor = 0;

    bool isValid() const { return !originalSize.isEmpty() && !sentSize.isEmpty(); }
    // The pixels the model's absolute coordinates count: the server's size once a reply told
    // it, else the size sent.
    QSize modelInputSize() const
    {
        return sizeCheck != SizeCheck::Unknown && !serverSize.isEmpty() ? serverSize : sentSize;
    }

    friend bool operator==(const ImageTransform &a, const ImageTransform &b)
    {
        return a.storedSize == b.storedSize && a.orientation == b.orientation
            && a.originalSize == b.originalSize && a.sentSize == b.sentSize && a.budget == b.budget
            && a.sizeCheck == b.sizeCheck && a.serverSize == b.serverSize
            && a.serverFactor == b.serverFactor;
    }
};

} // namespace qvd
