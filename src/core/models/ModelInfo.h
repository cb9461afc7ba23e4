#pragma once

#include "core/grounding/CoordinateSpace.h"
#include "core/imaging/SmartResize.h"

#include <QString>

namespace qvd {

// Model generations that differ in grounding syntax and coordinates (grounding.md §0, §1.6).
enum class ModelFamily {
    Unknown,
    QwenVL, // 2023: <ref>/<box> tags, 0..1000
    Qwen2VL, // 2024: box tokens (often stripped), 0..1000
    Qwen25VL, // 2025-01: JSON, absolute pixels of the resized input
    Qwen3VL, // 2025-09: JSON, 0..1000
    QVQ, // reasoning model; grounding unverified
};

// What the app knows about one model id: loaded from resources/models.json by ModelRegistry.
struct ModelInfo
{
    QString id; // as sent on the wire, e.g. "qwen3-vl-plus"
    QString displayName;
    ModelFamily family = ModelFamily::Unknown;
    CoordinateSpace space = CoordinateSpace::Norm1000;
    ResizeBudget budget; // patch factor and default pixel budget
    bool supportsThinking = false;
    bool spaceVerified = true; // false where the convention is a third-party observation
    // DashScope serves qvq-max/plus as streaming only (dashscope-protocol.md §8).
    bool streamingOnly = false;
    bool known = false; // true when an entry or pattern of the registry matched the id
};

} // namespace qvd
