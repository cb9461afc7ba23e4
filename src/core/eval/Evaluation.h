#pragma once

#include "core/eval/Counts.h"

#include <QList>
#include <QString>

#include <optional>

namespace qvd {

// A prediction paired with a ground-truth object (indices into EvalImage's lists).
struct EvalMatch
{
    int truth = -1;
    int prediction = -1;
    double iou = 0; // 1 for a point inside a box
    bool point = false; // a point hit a box: no IoU to average
};

struct ImageEvaluation
{
    QString image;
    Counts counts;
    QList<EvalMatch> matches;
    QList<int> missedTruth; // the false negatives
    QList<int> falsePredictions; // the false positives
    QList<int> ignoredPredictions; // on an ignored region (crowd, difficult)
};

struct LabelEvaluation
{
    QString label; // the class's name (LabelRule::displayName)
    Counts counts;
    std::optional<double> ap50;
    std::optional<double> ap50to95;
};

struct SetEvaluation
{
    double iouThreshold = 0.5;
    Counts overall;
    QList<LabelEvaluation> labels; // by name
    QList<ImageEvaluation> images; // in the order given
    // COCO-style average precision (the mean over the labels that have ground truth), when
    // every prediction carries a score; otherwise nullopt, here and per label.
    std::optional<double> ap50;
    std::optional<double> ap50to95;
};

} // namespace qvd
