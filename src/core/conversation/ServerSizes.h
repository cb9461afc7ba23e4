#pragma once

#include "core/conversation/Conversation.h"

namespace qvd {

// Check, don't trust (core/imaging/ServerSizeCheck) for one answer of a conversation: compares
// the answer's image-token count with the images of the request it answered — every image of
// the messages before it — and records what the server did on the images of the question it
// answers, the user message just before it, where storage keeps it with the image. Earlier
// questions keep their own finding. Returns the index of that question when one of its images
// changed, else -1.
int recordServerSizes(Conversation &conversation, int answerIndex);

} // namespace qvd
