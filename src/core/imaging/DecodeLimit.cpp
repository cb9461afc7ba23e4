#include "core/imaging/DecodeLimit.h"

#include "core/imaging/ImagePreparer.h"

#include <QImageReader>

#include <algorithm>
#include <limits>

namespace qvd {

int imageDecodeLimitMiB()
{
    constexpr qint64 kBytesPerPixel = 8;
    constexpr qint64 kMiB = 1024 * 1024;
    const qint64 pixels = ImagePreparer::Options().maxSourcePixels;
    return int(
        std::min<qint64>(pixels * kBytesPerPixel / kMiB + 1, std::numeric_limits<int>::max()));
}

void installImageDecodeLimit()
{
    QImageReader::setAllocationLimit(imageDecodeLimitMiB());
}

} // namespace qvd
