#pragma once

#include "core/grounding/MappedDetection.h"
#include "core/grounding/SpaceChoice.h"
#include "core/imaging/ImageTransform.h"

namespace qvd {

// An answer's detections placed on the conversation's images.
struct MappedAnswer
{
    SpaceChoice space;
    QList<MappedDetection> detections; // in original pixels of their image (`image` set)
};

// Places `detections` (model space) on `images` — the transforms of the conversation's images
// before the answer, oldest first: each goes to its img_idx or the latest image, read in the
// space chosen for the model (or `userOverride`). A detection whose image has no transform (an
// image given by URL) keeps the model's numbers; with no image at all, every one does.
MappedAnswer mapAnswer(const QList<Detection> &detections, const ModelInfo &model,
                       const QList<ImageTransform> &images,
                       std::optional<CoordinateSpace> userOverride = std::nullopt);

} // namespace qvd
