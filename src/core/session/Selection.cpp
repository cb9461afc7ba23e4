#include "core/session/Selection.h"

namespace qvd {

void Selection::setAnswer(const QString &messageId)
{
    m_answerId = messageId;
    // Re-announced even when the same: the answer's content may have changed (it streams).
    Q_EMIT answerChanged();
}

void Selection::setImage(const Image &image)
{
    m_image = image;
    Q_EMIT imageChanged();
}

void Selection::setHoveredDetection(const QString &detectionId)
{
    if (detectionId == m_hovered)
        return;
    m_hovered = detectionId;
    Q_EMIT hoveredDetectionChanged(detectionId);
}

void Selection::setSelectedDetection(const QString &detectionId)
{
    if (detectionId == m_selected)
        return;
    m_selected = detectionId;
    Q_EMIT selectedDetectionChanged(detectionId);
}

} // namespace qvd
