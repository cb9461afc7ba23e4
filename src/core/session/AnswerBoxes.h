#pragma once

#include "core/grounding/LayerBox.h"
#include "core/session/DeskSession.h"

namespace qvd {

// An answer's own boxes and points on one of the conversation's images (its img_idx, or the
// latest image before it), in the image's pixels, read in the answer's space (with the
// person's override), each named by its detection id.
QList<LayerBox> answeredBoxes(const DeskSession::Answer &answer, int imageIndex);

// The boxes of an answer on an image as a person sees them: their corrections of it when there
// are any (AnnotationLayers), else the answer's own.
QList<LayerBox> shownBoxes(const DeskSession &session, const QString &answerId,
                           const QString &imageId, int imageIndex);

} // namespace qvd
