#pragma once

#include "core/imaging/ImageError.h"
#include "core/imaging/PreparedImage.h"

namespace qvd {

// What ImagePreparer returns: the prepared image, or why there is none.
struct PrepareResult
{
    PreparedImage image; // valid only when ok()
    ImageError error;

    bool ok() const { return !error.isError(); }
};

} // namespace qvd
