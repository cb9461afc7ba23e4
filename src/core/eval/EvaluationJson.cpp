#include "core/eval/EvaluationJson.h"

#include <QJsonArray>

namespace qvd {

namespace {

QJsonValue number(const std::optional<double> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QJsonObject figures(const Counts &counts)
{
    return QJsonObject{{QStringLiteral("tp"), counts.tp},
                       {QStringLiteral("fp"), counts.fp},
                       {QStringLiteral("fn"), counts.fn},
                       {QStringLiteral("precision"), number(counts.precision())},
                       {QStringLiteral("recall"), number(counts.recall())},
                       {QStringLiteral("f1"), number(counts.f1())},
                       {QStringLiteral("mean_iou"), number(counts.meanIou())}};
}

void addPrecision(QJsonObject &object, const std::optional<double> &ap50,
                  const std::optional<double> &ap50to95)
{
    if (ap50)
        object.insert(QStringLiteral("ap50"), *ap50);
    if (ap50to95)
        object.insert(QStringLiteral("ap50_95"), *ap50to95);
}

} // namespace

QJsonObject evaluationToJson(const SetEvaluation &evaluation)
{
    QJsonObject labels;
    for (const LabelEvaluation &label : evaluation.labels) {
        QJsonObject object = figures(label.counts);
        addPrecision(object, label.ap50, label.ap50to95);
        labels.insert(label.label, object);
    }
    QJsonArray images;
    for (const ImageEvaluation &image : evaluation.images) {
        images.append(QJsonObject{{QStringLiteral("image"), image.image},
                                  {QStringLiteral("tp"), image.counts.tp},
                                  {QStringLiteral("fp"), image.counts.fp},
                                  {QStringLiteral("fn"), image.counts.fn}});
    }
    QJsonObject root{{QStringLiteral("iou"), evaluation.iouThreshold},
                     {QStringLiteral("overall"), figures(evaluation.overall)},
                     {QStringLiteral("labels"), labels},
                     {QStringLiteral("images"), images}};
    addPrecision(root, evaluation.ap50, evaluation.ap50to95);
    return root;
}

} // namespace qvd
