#include "core/eval/Counts.h"

namespace qvd {

std::optional<double> Counts::precision() const
{
    if (tp + fp == 0)
        return std::nullopt;
    return double(tp) / double(tp + fp);
}

std::optional<double> Counts::recall() const
{
    if (tp + fn == 0)
        return std::nullopt;
    return double(tp) / double(tp + fn);
}

std::optional<double> Counts::f1() const
{
    if (tp + fp + fn == 0)
        return std::nullopt;
    return 2.0 * double(tp) / double(2 * tp + fp + fn);
}

std::optional<double> Counts::meanIou() const
{
    if (iouPairs == 0)
        return std::nullopt;
    return iouSum / double(iouPairs);
}

Counts &Counts::operator+=(const Counts &other)
{
    tp += other.tp;
    fp += other.fp;
    fn += other.fn;
    iouSum += other.iouSum;
    iouPairs += other.iouPairs;
    return *this;
}

} // namespace qvd
