#include "core/imaging/ServerSizeCheck.h"

#include "core/NameTable.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

namespace qvd {

namespace {

constexpr NameTable<SizeCheck, 3> kChecks{{
    {SizeCheck::Unknown, u"unknown"},
    {SizeCheck::Confirmed, u"confirmed"},
    {SizeCheck::Corrected, u"corrected"},
}};

// The vision start/end markers some replies count with every image (docs/grounding.md §2).
constexpr qint64 kMarkersPerImage = 2;

qint64 patchCount(QSize size, int factor)
{
    return qint64(size.width() / factor) * (size.height() / factor);
}

// smart_resize of the size sent with the server's patch size and a maximum (no budget: none).
QSize resized(QSize sent, int factor, qint64 maxPixels)
{
    const ResizeBudget budget{factor, qint64(factor) * factor, maxPixels};
    return smartResize(sent, budget).value_or(QSize());
}

struct Outcome
{
    QList<QSize> sizes;
    qint64 patches = 0;
};

Outcome apply(const QList<ImageTransform> &images, int factor, qint64 maxPixels)
{
    Outcome outcome;
    for (const ImageTransform &image : images) {
        const QSize size = resized(image.sentSize, factor, maxPixels);
        outcome.sizes.append(size);
        outcome.patches += patchCount(size, factor);
    }
    return outcome;
}

bool fits(qint64 patches, qint64 tokens, qsizetype images)
{
    return tokens == patches || tokens == patches + kMarkersPerImage * images;
}

// The budgets at which smart_resize's floor branch changes the size of an image of h×w: where
// ⌊h/β/f⌋ or ⌊w/β/f⌋ reaches k, β = √(h·w/M), i.e. M = (k·f)²·w/h or (k·f)²·h/w; a pixel on
// either side too, for the rounding of the square root.
void addBreakpoints(QSize sent, int factor, qint64 below, std::set<qint64> &budgets)
{
    const double h = sent.height();
    const double w = sent.width();
    const double f = factor;
    const int steps = int(std::ceil(std::max(h, w) / f)) + 1;
    for (int k = 1; k <= steps; ++k) {
        for (const double ratio : {w / h, h / w}) {
            const double m = std::ceil((k * f) * (k * f) * ratio);
            for (const double candidate : {m - 1, m, m + 1}) {
                if (candidate >= f * f && candidate < double(below))
                    budgets.insert(qint64(candidate));
            }
        }
    }
}

// Plain rounding with `factor`, if it fits the count.
std::optional<Outcome> plainRounding(const QList<ImageTransform> &images, int factor, qint64 tokens)
{
    const Outcome outcome = apply(images, factor, std::numeric_limits<qint64>::max());
    if (fits(outcome.patches, tokens, images.size()))
        return outcome;
    return std::nullopt;
}

// The largest budget below the plain-rounded sizes whose sizes fit the count, if any.
std::optional<Outcome> smallerBudget(const QList<ImageTransform> &images, int factor, qint64 tokens)
{
    qint64 plainArea = 0;
    for (const ImageTransform &image : images) {
        const QSize plain = resized(image.sentSize, factor, std::numeric_limits<qint64>::max());
        plainArea = std::max(plainArea, qint64(plain.width()) * plain.height());
    }
    std::set<qint64> budgets;
    for (const ImageTransform &image : images)
        addBreakpoints(image.sentSize, factor, plainArea, budgets);
    for (auto it = budgets.rbegin(); it != budgets.rend(); ++it) {
        const Outcome outcome = apply(images, factor, *it);
        if (fits(outcome.patches, tokens, images.size()))
            return outcome;
    }
    return std::nullopt;
}

} // namespace

QList<ImageTransform> checkServerSizes(const QList<ImageTransform> &images, qint64 imageTokens)
{
    if (images.isEmpty() || imageTokens <= 0)
        return images;
    for (const ImageTransform &image : images) {
        if (!image.isValid() || image.budget.factor <= 0)
            return images;
    }
    // The family's patch size: what the client declared for the newest image.
    const int family = images.last().budget.factor;
    const int other = family == 32 ? 28 : 32;
    std::optional<Outcome> found = plainRounding(images, family, imageTokens);
    int factor = family;
    if (!found && (found = plainRounding(images, other, imageTokens)))
        factor = other;
    if (!found)
        found = smallerBudget(images, family, imageTokens);
    if (!found && (found = smallerBudget(images, other, imageTokens)))
        factor = other;
    if (!found)
        return images;
    QList<ImageTransform> checked = images;
    for (qsizetype i = 0; i < checked.size(); ++i) {
        ImageTransform &image = checked[i];
        image.serverSize = found->sizes[i];
        image.serverFactor = factor;
        image.sizeCheck =
            image.serverSize == image.sentSize ? SizeCheck::Confirmed : SizeCheck::Corrected;
    }
    return checked;
}

QString sizeCheckName(SizeCheck check)
{
    return nameOf(kChecks, check);
}

std::optional<SizeCheck> sizeCheckFromName(QStringView name)
{
    return valueOf(kChecks, name);
}

} // namespace qvd
