#pragma once

#include "core/grounding/Detection.h"

#include <QList>

#include <optional>

namespace qvd {

// Which image of the conversation a detection is drawn on (docs/grounding.md §3.2 recommendation):
// `imagesBeforeAnswer` lists the conversation's images before the answer, oldest first (any
// ids). img_idx, the 0-based position in that list, wins when it names one of them; otherwise
// — no img_idx, or one out of range — the latest image, Qwen-VL's rule (§3.1), so a box is
// never hidden. Nullopt when there is no image.
std::optional<int> targetImage(const Detection &detection, const QList<int> &imagesBeforeAnswer);

} // namespace qvd
