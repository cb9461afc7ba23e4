#pragma once

#include <QtGlobal>

#include <optional>

namespace qvd {

// True and false positives and misses, and the IoU of the matched boxes: the figures of one
// image, one label or a whole set, which add up.
struct Counts
{
    qint64 tp = 0; // predictions that match a ground-truth object
    qint64 fp = 0; // predictions that match none
    qint64 fn = 0; // ground-truth objects no prediction matches
    double iouSum = 0; // over the matched pairs of two boxes (a point in a box has no IoU)
    qint64 iouPairs = 0;

    // tp / (tp + fp); nullopt without predictions.
    std::optional<double> precision() const;
    // tp / (tp + fn); nullopt without ground truth.
    std::optional<double> recall() const;
    // 2·tp / (2·tp + fp + fn), the harmonic mean of the two; nullopt when all three are 0.
    std::optional<double> f1() const;
    // Mean IoU of the matched box pairs; nullopt when none.
    std::optional<double> meanIou() const;

    Counts &operator+=(const Counts &other);
};

} // namespace qvd
