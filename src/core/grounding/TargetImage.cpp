#include "core/grounding/TargetImage.h"

namespace qvd {

std::optional<int> targetImage(const Detection &detection, const QList<int> &imagesBeforeAnswer)
{
    if (imagesBeforeAnswer.isEmpty())
        return std::nullopt;
    const auto index = detection.imageIndex;
    if (index && *index >= 0 && *index < imagesBeforeAnswer.size())
        return imagesBeforeAnswer.at(*index);
    return imagesBeforeAnswer.last();
}

} // namespace qvd
