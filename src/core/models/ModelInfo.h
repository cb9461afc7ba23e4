#pragma once

#include "core/grounding/CoordinateSpace.h"
#include "core/imaging/SmartResize.h"

#include <QString>

namespace qvd {

// Model generations that differ in grounding syntax, coordinates, patch size or pixel budget
// (docs/grounding.md §0, §1.6; docs/dashscope-protocol.md §8.1).
enum class ModelFamily {
    Unknown,
    QwenVL, // 2023: <ref>/<box> tags, 0..1000
    Qwen2VL, // 2024: box tokens (often stripped), 0..1000
    Qwen25VL, // 2025-01: JSON, absolute pixels of the resized input
    Qwen3VL, // 2025-09: JSON, 0..1000, 32-pixel patches
    Qwen35, // Qwen3.5 / Qwen3.6 vision models (2026): as Qwen3-VL, thinking on by default
    QVQ, // reasoning model; grounding unverified
};

// Whether and how a model thinks before it answers (docs/dashscope-protocol.md §8.1, "thinking").
enum class Thinking {
    NotApplicable, // no thinking; enable_thinking is never sent
    Off, // switchable with enable_thinking, off unless asked
    On, // switchable with enable_thinking, on unless switched off
    Always, // thinks before every answer; enable_thinking is never sent (QVQ, *-thinking)
};

// Where a model's entry came from: the list built into the app, the person's own models file,
// or a server's own model list (GET {base}/models).
enum class ModelSource { BuiltIn, User, Server };

// What the app knows about one model id: from resources/models.json, the user's models file, or
// a server's model list, by ModelRegistry and ServerModelList.
struct ModelInfo
{
    QString id; // as sent on the wire, e.g. "qwen3-vl-plus"
    QString displayName;
    ModelFamily family = ModelFamily::Unknown;
    CoordinateSpace space = CoordinateSpace::Norm1000;
    // Patch size (factor) and the pixel budget sent with every image: min_pixels is the
    // documented floor, max_pixels the service's default.
    ResizeBudget budget;
    // The largest max_pixels the service takes, which vl_high_resolution_images also caps an
    // image at; 0 when not documented.
    qint64 maxPixelsCeiling = 0;
    Thinking thinking = Thinking::NotApplicable;
    // thinking_budget (the most tokens of reasoning) is accepted while the model thinks.
    bool thinkingBudget = false;
    bool spaceVerified = true; // false where the convention is a third-party observation
    // DashScope serves qvq-max/plus as streaming only (docs/dashscope-protocol.md §8).
    bool streamingOnly = false;
    // No longer served or offered: known so that old conversations still map, never listed in
    // a picker.
    bool legacy = false;
    bool known = false; // true when an entry or pattern of the registry matched the id
    ModelSource source = ModelSource::BuiltIn;

    // The person can switch thinking on or off for this model.
    bool thinkingSwitchable() const
    {
        return thinking == Thinking::Off || thinking == Thinking::On;
    }
    bool canThink() const { return thinking != Thinking::NotApplicable; }
};

} // namespace qvd
