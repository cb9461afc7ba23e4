#include "core/dataset/YoloExport.h"

#include "core/grounding/ExportClasses.h"

namespace qvd {

namespace {

QString number(qreal value)
{
    return QString::number(value, 'f', 6);
}

} // namespace

QString YoloExport::labels(const QList<MappedDetection> &detections, const QSize &imageSize,
                           const QStringList &classes)
{
    if (imageSize.isEmpty())
        return {};
    const qreal width = imageSize.width();
    const qreal height = imageSize.height();
    QString text;
    for (const MappedDetection &d : detections) {
        const QRectF r = d.kind == DetectionKind::Quad ? d.quad.boundingRect() : d.rect;
        const qsizetype classIndex = classes.indexOf(exportClassName(d.label));
        if (classIndex < 0)
            continue; // the caller's class list lacks it: a line with a wrong class is worse
        text += QStringLiteral("%1 %2 %3 %4 %5\n")
                    .arg(classIndex)
                    .arg(number(r.center().x() / width), number(r.center().y() / height),
                         number(r.width() / width), number(r.height() / height));
    }
    return text;
}

QString YoloExport::classList(const QStringList &classes)
{
    QString text;
    for (const QString &name : classes)
        text += name + QLatin1Char('\n');
    return text;
}

} // namespace qvd
