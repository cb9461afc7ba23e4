#include "core/grounding/ExportClasses.h"

namespace qvd {

QString exportClassName(const QString &label)
{
    // One line: class lists are files of one name per line.
    const QString trimmed = label.simplified();
    return trimmed.isEmpty() ? QStringLiteral("object") : trimmed;
}

QStringList exportClasses(const QList<MappedDetection> &detections, const QStringList &existing)
{
    QStringList classes = existing;
    for (const MappedDetection &detection : detections) {
        const QString name = exportClassName(detection.label);
        if (!classes.contains(name))
            classes.append(name);
    }
    return classes;
}

} // namespace qvd
