#pragma once

#include <QtGlobal>

#include <vector>

namespace qvd {

// COCO-style average precision of one class over a set of images, as the COCO detection
// evaluation defines it (cocodataset.org/#detection-eval, pycocotools' COCOeval): at each of
// the ten IoU thresholds 0.50, 0.55 … 0.95 the predictions of every image, best score first,
// are matched greedily to the ground truth (each to the unmatched object it overlaps most);
// then, over the whole set sorted by score, precision is made monotone and read at the 101
// recall points 0, 0.01 … 1 (0 past the highest recall reached) and averaged. AP@0.5 is that
// mean at the first threshold, AP@[.5:.95] the mean over all ten.
class AveragePrecision
{
public:
    static constexpr int kThresholds = 10;
    static constexpr int kMaxPredictionsPerImage = 100; // COCO's maxDets for AP
    // 0.50 … 0.95, computed as numpy.linspace does, so a comparison at a threshold falls the
    // same way as in the reference implementation.
    static double threshold(int index);

    // One prediction's outcome at every threshold: bit t set when it matched at threshold t,
    // or when the object it matched is to be ignored (then it counts neither way).
    struct Outcome
    {
        double score = 0;
        quint16 matched = 0;
        quint16 ignored = 0;
    };

    // One image's predictions of the class, best score first (the order of equal scores kept
    // from the image's list), already capped at kMaxPredictionsPerImage, and how many of its
    // ground-truth objects are not ignored.
    void addImage(const std::vector<Outcome> &outcomes, qint64 truthCount);

    bool hasTruth() const { return m_truth > 0; }
    // The average precision at threshold `index`; call only when hasTruth().
    double at(int index) const;
    // The mean of at() over all thresholds.
    double overThresholds() const;

private:
    void sortOnce() const;

    mutable std::vector<Outcome> m_outcomes;
    mutable bool m_sorted = true;
    qint64 m_truth = 0;
};

} // namespace qvd
