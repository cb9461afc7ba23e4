#include "core/storage/StoredMessage.h"

#include "core/imaging/PreparedImage.h"

namespace qvd {

ImageSource ImageSource::from(const PreparedImage &image)
{
    ImageSource source;
    source.sha256 = image.sourceSha256;
    source.byteCount = image.sourceByteCount > 0 ? image.sourceByteCount : image.sourceBytes.size();
    source.name = image.sourceName;
    source.format = image.sourceFormat;
    return source;
}

} // namespace qvd
