#include "core/grounding/CoordinateMapper.h"

#include <algorithm>

namespace qvd {

namespace {

QSize uprightSize(const ImageTransform &transform)
{
    if (!transform.originalSize.isEmpty())
        return transform.originalSize;
    if (transform.orientation.testFlag(QImageIOHandler::TransformationRotate90))
        return transform.storedSize.transposed();
    return transform.storedSize;
}

QSizeF modelExtent(CoordinateSpace space, const ImageTransform &transform, QSize original)
{
    switch (space) {
    case CoordinateSpace::Norm1000:
        return QSizeF(1000, 1000);
    case CoordinateSpace::Absolute:
        return QSizeF(original);
    case CoordinateSpace::AbsResized:
        if (!transform.modelInputSize().isEmpty())
            return QSizeF(transform.modelInputSize());
        return QSizeF(smartResize(original, transform.budget).value_or(QSize()));
    }
    return {};
}

} // namespace

CoordinateMapper::CoordinateMapper(CoordinateSpace space, const ImageTransform &transform)
    : m_space(space),
      m_original(uprightSize(transform)),
      m_model(modelExtent(space, transform, uprightSize(transform)))
{ }

QPointF CoordinateMapper::toOriginal(QPointF model) const
{
    if (!isValid())
        return {};
    qreal x = model.x();
    qreal y = model.y();
    if (m_space == CoordinateSpace::Norm1000) {
        x = std::clamp<qreal>(x, 0, 1000);
        y = std::clamp<qreal>(y, 0, 1000);
    }
    x = x * m_original.width() / m_model.width();
    y = y * m_original.height() / m_model.height();
    return {std::clamp<qreal>(x, 0, m_original.width()),
            std::clamp<qreal>(y, 0, m_original.height())};
}

QRectF CoordinateMapper::toOriginal(const QRectF &model) const
{
    return QRectF(toOriginal(model.topLeft()), toOriginal(model.bottomRight())).normalized();
}

QPolygonF CoordinateMapper::toOriginal(const QPolygonF &model) const
{
    QPolygonF mapped;
    for (const QPointF &p : model)
        mapped.append(toOriginal(p));
    return mapped;
}

QRectF CoordinateMapper::toOriginal(const Detection &detection) const
{
    if (detection.kind == DetectionKind::Point) {
        const QPointF p = toOriginal(detection.rect.topLeft());
        return QRectF(p, QSizeF(0, 0));
    }
    return toOriginal(detection.rect);
}

QPointF CoordinateMapper::toModel(QPointF original) const
{
    if (!isValid())
        return {};
    const qreal x = std::clamp<qreal>(original.x(), 0, m_original.width());
    const qreal y = std::clamp<qreal>(original.y(), 0, m_original.height());
    return {x * m_model.width() / m_original.width(), y * m_model.height() / m_original.height()};
}

} // namespace qvd
