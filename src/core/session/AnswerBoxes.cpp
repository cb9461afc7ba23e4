#include "core/session/AnswerBoxes.h"

#include "core/grounding/AnswerMapping.h"
#include "core/session/AnnotationLayers.h"

namespace qvd {

QList<LayerBox> answeredBoxes(const DeskSession::Answer &answer, int imageIndex)
{
    if (answer.id.isEmpty() || imageIndex < 0)
        return {};
    const MappedAnswer mapped =
        mapAnswer(answer.detections, answer.model, answer.imagesBefore, answer.spaceOverride);
    QList<LayerBox> boxes;
    for (qsizetype i = 0; i < mapped.detections.size(); ++i) {
        const MappedDetection &d = mapped.detections[i];
        if (d.image == imageIndex)
            boxes.append({answer.detectionIds.value(i), d});
    }
    return boxes;
}

QList<LayerBox> shownBoxes(const DeskSession &session, const QString &answerId,
                           const QString &imageId, int imageIndex)
{
    if (const auto corrected = session.annotations()->corrections(answerId, imageId))
        return *corrected;
    return answeredBoxes(session.answer(answerId), imageIndex);
}

} // namespace qvd
