#include "core/grounding/RegionPrompt.h"

#include "core/grounding/CoordinateMapper.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace qvd {

namespace {

QString jsonString(const QString &text)
{
    const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(1, array.size() - 2)); // strip "[" and "]"
}

QString pairs(const QList<int> &numbers)
{
    QStringList list;
    for (qsizetype i = 0; i + 1 < numbers.size(); i += 2)
        list.append(QStringLiteral("(%1,%2)").arg(numbers[i]).arg(numbers[i + 1]));
    return list.join(QLatin1Char(','));
}

QString list(const QList<int> &numbers)
{
    QStringList items;
    for (const int n : numbers)
        items.append(QString::number(n));
    return QLatin1Char('[') + items.join(QLatin1String(", ")) + QLatin1Char(']');
}

QList<int> rounded(const CoordinateMapper &mapper, const QList<QPointF> &points)
{
    QList<int> numbers;
    for (const QPointF &p : points) {
        const QPointF model = mapper.toModel(p);
        numbers << qRound(model.x()) << qRound(model.y());
    }
    return numbers;
}

} // namespace

RegionPrompt::RegionPrompt(const ModelInfo &model, const ImageTransform &transform, Style style)
    : m_model(model), m_transform(transform), m_style(style)
{ }

QString RegionPrompt::forRect(const QRectF &original, const QString &label) const
{
    const CoordinateMapper mapper(m_model.space, m_transform);
    if (!mapper.isValid())
        return {};
    const QRectF r = original.normalized();
    return format(rounded(mapper, {r.topLeft(), r.bottomRight()}), label);
}

QString RegionPrompt::forPoint(QPointF original, const QString &label) const
{
    const CoordinateMapper mapper(m_model.space, m_transform);
    if (!mapper.isValid())
        return {};
    QList<int> numbers = rounded(mapper, {original});
    if (m_model.family == ModelFamily::QwenVL)
        numbers << numbers[0] << numbers[1]; // no point syntax: a box of zero size
    return format(numbers, label);
}

QString RegionPrompt::format(const QList<int> &numbers, const QString &label) const
{
    const bool isPoint = numbers.size() == 2;
    switch (m_model.family) {
    case ModelFamily::QwenVL: {
        const QString ref =
            label.isEmpty() ? QString() : QStringLiteral("<ref>%1</ref>").arg(label);
        return ref + QStringLiteral("<box>%1</box>").arg(pairs(numbers));
    }
    case ModelFamily::Qwen2VL:
    case ModelFamily::QVQ: {
        const QString ref = label.isEmpty()
            ? QString()
            : QStringLiteral("<|object_ref_start|>%1<|object_ref_end|>").arg(label);
        return ref + QStringLiteral("<|box_start|>%1<|box_end|>").arg(pairs(numbers));
    }
    case ModelFamily::Qwen25VL:
        return list(numbers);
    case ModelFamily::Qwen3VL:
    case ModelFamily::Qwen35:
    case ModelFamily::Unknown:
        break;
    }
    if (m_style == Style::BareList)
        return list(numbers);
    const QString key = isPoint ? QStringLiteral("point_2d") : QStringLiteral("bbox_2d");
    const QString labelMember =
        label.isEmpty() ? QString() : QStringLiteral(", \"label\": %1").arg(jsonString(label));
    return QStringLiteral("{\"%1\": %2%3}").arg(key, list(numbers), labelMember);
}

} // namespace qvd
