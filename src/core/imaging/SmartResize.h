#pragma once

#include <QSize>
#include <QtGlobal>

#include <optional>

namespace qvd {

// The pixel budget and patch factor of a model's vision encoder (docs/grounding.md §1.3, §2).
struct ResizeBudget
{
    int factor = 28; // patch 14 × merge 2 (Qwen2.5-VL); 32 for Qwen3-VL-class models
    qint64 minPixels = 4 * 28 * 28;
    qint64 maxPixels = 1280 * 28 * 28;

    friend bool operator==(const ResizeBudget &a, const ResizeBudget &b)
    {
        return a.factor == b.factor && a.minPixels == b.minPixels && a.maxPixels == b.maxPixels;
    }
};

// The size the model sees for an image of `size` (qwen-vl-utils smart_resize, with Python's
// round-half-to-even). Empty when the aspect ratio is 200 or more, or the size is empty.
std::optional<QSize> smartResize(QSize size, const ResizeBudget &budget);

} // namespace qvd
