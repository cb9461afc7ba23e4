#pragma once

#include "core/imaging/ImageTransform.h"

namespace qvd {

// An image prepared for one model and sent as it is to another (one question asked of several
// models): the server resizes the pixels it gets once more, with the other model's patch
// factor and within the bounds sent with the image (grounding.md §2, "The API applies the same
// smart_resize server-side"). The transform as the model with patch `factor` saw it:
// serverSize and serverFactor set to that size (SizeCheck::Corrected) when it differs from what
// was sent. Unchanged when the image was prepared for that factor (a reply's check is then about
// this model, and kept), when a reply told the size for that factor, or when the image has no
// size; a reply's size for another factor is dropped.
ImageTransform inputForFactor(const ImageTransform &transform, int factor);

} // namespace qvd
