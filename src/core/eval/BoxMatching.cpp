#include "core/eval/BoxMatching.h"

#include "core/eval/EvalInput.h"

namespace qvd {

ImageEvaluation matchBoxes(const QList<MappedDetection> &reference,
                           const QList<MappedDetection> &candidates, const Evaluator &evaluator)
{
    EvalImage image;
    image.truth = evalObjects(reference);
    image.predictions = evalObjects(candidates);
    ImageEvaluation result = evaluator.evaluate(image);
    // evalObjects leaves hidden detections out and names each object by its position.
    const auto truthAt = [&](int i) {
        return image.truth.at(i).id.toInt();
    };
    const auto predictionAt = [&](int i) {
        return image.predictions.at(i).id.toInt();
    };
    for (EvalMatch &match : result.matches) {
        match.truth = truthAt(match.truth);
        match.prediction = predictionAt(match.prediction);
    }
    for (int &i : result.missedTruth)
        i = truthAt(i);
    for (int &i : result.falsePredictions)
        i = predictionAt(i);
    for (int &i : result.ignoredPredictions)
        i = predictionAt(i);
    return result;
}

} // namespace qvd
