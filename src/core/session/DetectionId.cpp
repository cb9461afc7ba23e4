#include "core/session/DetectionId.h"

#include <QHash>

namespace qvd {

QStringList detectionIds(const QString &messageId, const QList<Detection> &detections)
{
    QStringList ids;
    ids.reserve(detections.size());
    QHash<qsizetype, int> seen;
    for (const Detection &d : detections) {
        const int n = seen.value(d.sourceStart);
        seen.insert(d.sourceStart, n + 1);
        ids.append(QStringLiteral("%1#%2.%3").arg(messageId).arg(d.sourceStart).arg(n));
    }
    return ids;
}

QString messageOfDetection(const QString &detectionId)
{
    return detectionId.section(QLatin1Char('#'), 0, 0);
}

} // namespace qvd
