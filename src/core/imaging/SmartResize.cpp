#include "core/imaging/SmartResize.h"

#include <algorithm>
#include <cmath>

namespace qvd {

std::optional<QSize> smartResize(QSize size, const ResizeBudget &budget)
{
    const double h = size.height();
    const double w = size.width();
    const double f = budget.factor;
    if (size.isEmpty() || budget.factor <= 0)
        return std::nullopt;
    // qwen-vl-utils: "absolute aspect ratio must be smaller than 200"
    if (std::max(h, w) / std::min(h, w) >= 200)
        return std::nullopt;

    // std::nearbyint rounds half to even like Python's round(); std::round would not.
    double hBar = std::max(f, std::nearbyint(h / f) * f);
    double wBar = std::max(f, std::nearbyint(w / f) * f);
    if (hBar * wBar > double(budget.maxPixels)) {
        const double beta = std::sqrt(h * w / double(budget.maxPixels));
        hBar = std::max(f, std::floor(h / beta / f) * f);
        wBar = std::max(f, std::floor(w / beta / f) * f);
    } else if (hBar * wBar < double(budget.minPixels)) {
        const double beta = std::sqrt(double(budget.minPixels) / (h * w));
        hBar = std::ceil(h * beta / f) * f;
        wBar = std::ceil(w * beta / f) * f;
    }
    return QSize(int(wBar), int(hBar));
}

} // namespace qvd
