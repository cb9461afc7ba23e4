#pragma once

#include "core/grounding/CoordinateSpace.h"
#include "core/grounding/Detection.h"
#include "core/models/ModelInfo.h"

#include <QList>

#include <optional>

namespace qvd {

// Why an answer's numbers were read in a given space; shown to the user next to the boxes.
enum class SpaceReason {
    ModelFamily, // the model registry's entry for the model (docs/grounding.md §1.6)
    SyntaxDefault, // model unknown or unverified (QVQ): the default of the syntax (§5)
    ValuesAbove1000, // a 0..1000 space was expected but a number is larger (§5)
    UserOverride, // the person chose the space
};

struct SpaceChoice
{
    CoordinateSpace space = CoordinateSpace::Norm1000;
    SpaceReason reason = SpaceReason::SyntaxDefault;

    friend bool operator==(const SpaceChoice &a, const SpaceChoice &b)
    {
        return a.space == b.space && a.reason == b.reason;
    }
};

// The space of a syntax when the model does not tell (§5, §1.5): tags, tokens, bare pairs and
// XML points are 0..1000; QwenVL HTML and plain lines exist only for Qwen2.5-VL, so absolute
// pixels of the resized input; JSON is 0..1000 (Qwen3-VL, the current generation) except for
// QVQ, which §1.5 says to treat like Qwen2.5-VL.
CoordinateSpace defaultSpaceForSyntax(GroundingSyntax syntax, ModelFamily family);

// The space to read one answer's detections in: the user's override if any; else the model's
// registered space, or the syntax default for an unknown model or QVQ. "Any value > 1000 ⇒
// absolute" (§5) turns an expected 0..1000 space into AbsResized: the model counted pixels of
// the image it saw, which is the upload (the client sends exactly smart_resize's size).
SpaceChoice chooseSpace(const ModelInfo &model, const QList<Detection> &detections,
                        std::optional<CoordinateSpace> userOverride = std::nullopt);

} // namespace qvd
