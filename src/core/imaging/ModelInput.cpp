#include "core/imaging/ModelInput.h"

namespace qvd {

ImageTransform inputForFactor(const ImageTransform &transform, int factor)
{
    if (factor <= 0 || !transform.isValid())
        return transform;
    // An image prepared for this factor (a reply's check, if any, was about this model), or a
    // reply that told the size for this factor.
    if (transform.budget.factor == factor
        || (transform.sizeCheck != SizeCheck::Unknown && transform.serverFactor == factor))
        return transform;
    ImageTransform result = transform;
    result.sizeCheck = SizeCheck::Unknown;
    result.serverSize = QSize();
    result.serverFactor = 0;
    ResizeBudget budget = transform.budget;
    budget.factor = factor;
    const std::optional<QSize> seen = smartResize(transform.sentSize, budget);
    if (seen && *seen != transform.sentSize) {
        result.sizeCheck = SizeCheck::Corrected;
        result.serverSize = *seen;
        result.serverFactor = factor;
    }
    return result;
}

} // namespace qvd
