#include "core/grounding/AnswerMapping.h"

#include "core/grounding/TargetImage.h"

#include <numeric>

namespace qvd {

MappedAnswer mapAnswer(const QList<Detection> &detections, const ModelInfo &model,
                       const QList<ImageTransform> &images,
                       std::optional<CoordinateSpace> userOverride)
{
    MappedAnswer answer;
    answer.space = chooseSpace(model, detections, userOverride);
    QList<int> indices(images.size());
    std::iota(indices.begin(), indices.end(), 0);
    for (const Detection &detection : detections) {
        const std::optional<int> image = targetImage(detection, indices);
        if (!image || !images[*image].isValid()) {
            MappedDetection unmapped = MappedDetection::unmapped(detection);
            unmapped.image = image;
            answer.detections.append(unmapped);
            continue;
        }
        const CoordinateMapper mapper(answer.space.space, images[*image]);
        answer.detections.append(MappedDetection::map(detection, mapper, image));
    }
    return answer;
}

} // namespace qvd
