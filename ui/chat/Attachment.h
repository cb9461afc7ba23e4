#pragma once

#include "core/imaging/PreparedImage.h"

#include "core/conversation/Part.h"
#include "ui/chat/AttachmentSource.h"

#include <QImage>

namespace qvd {

// One image in the composer: while it is prepared (off the UI thread) only its name is known;
// once ready it holds the part that will be sent and a small thumbnail.
struct Attachment
{
    enum class State { Preparing, Ready };

    int id = 0;
    State state = State::Preparing;
    AttachmentSource source; // kept to prepare again when the model (its pixel budget) changes
    Part part; // Ready: the image part as sent (bytes shared with `prepared`, transform, bounds)
    QImage thumbnail; // Ready: at most kThumbnailSize on its long side
    PreparedImage prepared; // Ready: with the original file, for the history's image store
    int estimatedTokens = 0;
    int generation = 0; // results of an older preparation are ignored

    static constexpr int kThumbnailSize = 160;
};

} // namespace qvd
