#pragma once

namespace qvd {

// The coordinate system a model's numbers are in (docs/grounding.md §0, §2).
enum class CoordinateSpace {
    Norm1000, // relative: 0..1000 of the image's width and height (Qwen-VL, Qwen2-VL, Qwen3-VL)
    AbsResized, // absolute pixels of the smart_resize'd model input (Qwen2.5-VL, factor 28 or 32)
    Absolute, // pixels of the original image
};

} // namespace qvd
