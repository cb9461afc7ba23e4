#pragma once

#include "core/imaging/ImageTransform.h"

#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace qvd {

// Check, don't trust: the size the server really gave the model, from the image-token count of
// its reply (native usage.image_tokens; the compatible protocol's usage details). Every token is
// one patch of an image as the server resized it (docs/dashscope-protocol.md §8.1), so the count
// either fits the sizes sent — confirmed — or tells how the server resized them again, whatever
// budget it applied (its own default, a local server's own max_pixels, another patch size).
//
// `images` are the transforms of every image of the request, in order; the server treats them
// all alike. Tried in this order on the sizes sent, the first whose patch count equals the
// reported tokens (or that plus the two vision markers per image of older replies) wins:
//   1. plain rounding (smart_resize without a budget) with the family's patch size,
//   2. plain rounding with the other patch size (28 ↔ 32),
//   3. a smaller pixel budget with the family's patch size,
//   4. a smaller pixel budget with the other patch size.
// Tokens alone are ambiguous (26×36 patches are 728×1008 at 28 px and 832×1152 at 32 px): the
// order prefers what the client declared. Each image comes back Confirmed (the server's size is
// the one sent) or Corrected (serverSize, serverFactor set); when any image has no transform
// (given by URL), the count is missing, or nothing fits, all come back unchanged.
QList<ImageTransform> checkServerSizes(const QList<ImageTransform> &images, qint64 imageTokens);

// "unknown", "confirmed", "corrected": in stored transforms and `ask --json`.
QString sizeCheckName(SizeCheck check);
std::optional<SizeCheck> sizeCheckFromName(QStringView name);

} // namespace qvd
