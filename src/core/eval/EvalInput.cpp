#include "core/eval/EvalInput.h"

#include <QFileInfo>
#include <QHash>
#include <QSet>

namespace qvd {

QList<EvalObject> evalObjects(const QList<MappedDetection> &detections)
{
    QList<EvalObject> objects;
    objects.reserve(detections.size());
    for (qsizetype i = 0; i < detections.size(); ++i) {
        const MappedDetection &d = detections.at(i);
        if (d.hidden)
            continue;
        EvalObject o;
        o.id = QString::number(i);
        o.label = d.label;
        o.kind = d.kind;
        o.rect = (d.kind == DetectionKind::Quad ? d.quad.boundingRect() : d.rect).normalized();
        if (d.kind == DetectionKind::Point)
            o.rect = QRectF(d.point(), QSizeF(0, 0));
        bool isNumber = false;
        const double score =
            d.attributes.value(QLatin1String(datasetkeys::kScore)).toDouble(&isNumber);
        if (isNumber)
            o.score = score;
        o.crowd = d.attributes.value(QLatin1String(datasetkeys::kCrowd)).toBool();
        o.ignore = o.crowd || d.attributes.value(QLatin1String(datasetkeys::kDifficult)).toBool();
        objects.append(o);
    }
    return objects;
}

EvalPairing pairForEvaluation(const QList<DatasetImage> &predictions,
                              const QList<DatasetImage> &truth)
{
    QHash<QString, qsizetype> predictionOf;
    for (qsizetype i = 0; i < predictions.size(); ++i)
        predictionOf.insert(predictions.at(i).imageName(), i);
    EvalPairing pairing;
    QSet<QString> paired;
    for (const DatasetImage &image : truth) {
        EvalImage eval;
        eval.name =
            image.imagePath.isEmpty() ? image.imageName() : QFileInfo(image.imagePath).fileName();
        eval.truth = evalObjects(image.detections);
        const qsizetype p = predictionOf.value(image.imageName(), -1);
        if (p >= 0) {
            eval.predictions = evalObjects(predictions.at(p).detections);
            paired.insert(image.imageName());
        }
        pairing.images.append(eval);
    }
    for (const DatasetImage &image : predictions) {
        if (!paired.contains(image.imageName()))
            pairing.unpaired.append(image.imageName());
    }
    return pairing;
}

} // namespace qvd
