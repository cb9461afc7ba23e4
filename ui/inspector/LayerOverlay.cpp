#include "ui/inspector/LayerOverlay.h"

#include <QFont>
#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>

namespace qvd {

namespace {

QRectF onScreen(const QRectF &rect, qreal zoom)
{
    return QRectF(rect.topLeft() * zoom, rect.size() * zoom);
}

QRectF shapeOnScreen(const MappedDetection &d, qreal zoom)
{
    const QRectF r =
        d.kind == DetectionKind::Quad && !d.quad.isEmpty() ? d.quad.boundingRect() : d.rect;
    QRectF screen = onScreen(r.normalized(), zoom);
    if (d.kind == DetectionKind::Point) // a point's marker is a few pixels across
        screen = QRectF(screen.topLeft() - QPointF(5, 5), QSizeF(10, 10));
    return screen;
}

// A dashed outline over a darker solid one: readable on any photo.
void dashedOutline(QPainter &painter, const QRectF &rect, const QColor &colour, qreal width)
{
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(QColor(0, 0, 0, 160), width + 2));
    painter.drawRect(rect);
    QPen dashes(colour, width, Qt::CustomDashLine);
    dashes.setDashPattern({4, 3});
    painter.setPen(dashes);
    painter.drawRect(rect);
}

// A small plate with `text`, its top-left (or top-right) at `at`, kept on the image's screen
// rectangle `area`.
void plate(QPainter &painter, QPointF at, const QString &text, const QColor &colour,
           qreal fontPixelSize, const QSizeF &area, bool alignRight = false)
{
    if (text.isEmpty())
        return;
    QFont font = painter.font();
    font.setPixelSize(qRound(fontPixelSize * 0.85));
    painter.setFont(font);
    const QFontMetricsF metrics(font);
    const qreal pad = 2;
    const QSizeF size(metrics.horizontalAdvance(text) + 2 * pad, metrics.height() + 2 * pad);
    if (alignRight)
        at.rx() -= size.width();
    const QPointF corner(
        std::clamp<qreal>(at.x(), 0, std::max<qreal>(0, area.width() - size.width())),
        std::clamp<qreal>(at.y(), 0, std::max<qreal>(0, area.height() - size.height())));
    const QRectF rect(corner, size);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0, 0, 0, 190));
    painter.drawRect(rect);
    painter.setPen(colour);
    painter.drawText(rect.adjusted(pad, pad, -pad, -pad), Qt::AlignLeft | Qt::AlignVCenter, text);
}

} // namespace

void LayerOverlay::setMarks(const QSet<int> &missedTruth, const QSet<int> &unmatchedPredictions)
{
    m_missed = missedTruth;
    m_unmatched = unmatchedPredictions;
}

void LayerOverlay::setComparison(const QList<MappedDetection> &other, const QSet<int> &onlyA,
                                 const QSet<int> &onlyB, const QString &name)
{
    m_other = other;
    m_onlyA = onlyA;
    m_onlyB = onlyB;
    m_otherName = name;
}

void LayerOverlay::setTexts(const QString &truthTag, const QString &missedTag,
                            const QString &unmatchedTag, const QString &onlyTag)
{
    m_truthTag = truthTag;
    m_missedTag = missedTag;
    m_unmatchedTag = unmatchedTag;
    m_onlyTag = onlyTag;
}

void LayerOverlay::paint(QPainter &painter, QSize imageSize, qreal zoom, const QRectF &,
                         qreal fontPixelSize)
{
    m_area = QSizeF(imageSize) * zoom;
    painter.setRenderHint(QPainter::Antialiasing, false);
    if (m_showTruth)
        paintTruth(painter, zoom, fontPixelSize);
    paintComparison(painter, zoom, fontPixelSize);
    paintMarks(painter, zoom, fontPixelSize);
    paintEdit(painter, zoom);
}

void LayerOverlay::paintTruth(QPainter &painter, qreal zoom, qreal fontPixelSize) const
{
    for (int i = 0; i < m_truth.size(); ++i) {
        const MappedDetection &d = m_truth[i];
        if (d.hidden)
            continue;
        const bool missed = m_missed.contains(i);
        const QColor colour = QColor::fromRgba(missed ? kMissedColour : kTruthColour);
        const QRectF rect = shapeOnScreen(d, zoom);
        dashedOutline(painter, rect, colour, missed ? 3 : 2);
        const QString tag = missed ? m_missedTag : m_truthTag;
        const QString text = tag.isEmpty() ? d.label : tag.arg(d.label);
        // Below the box: the model's label is at its top.
        plate(painter, rect.bottomLeft() + QPointF(0, 2), text, colour, fontPixelSize, m_area);
    }
}

void LayerOverlay::paintMarks(QPainter &painter, qreal zoom, qreal fontPixelSize) const
{
    const QColor colour = QColor::fromRgba(kUnmatchedColour);
    for (const int i : m_unmatched) {
        if (i < 0 || i >= m_predictions.size() || m_predictions[i].hidden)
            continue;
        const QRectF rect = shapeOnScreen(m_predictions[i], zoom)
                                .adjusted(-kMarkOffset, -kMarkOffset, kMarkOffset, kMarkOffset);
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(colour, 2));
        painter.drawRect(rect);
        plate(painter, rect.bottomRight() + QPointF(0, 1), m_unmatchedTag, colour, fontPixelSize,
              m_area, true);
    }
}

void LayerOverlay::paintComparison(QPainter &painter, qreal zoom, qreal fontPixelSize) const
{
    const QColor halo = QColor::fromRgba(kOnlyOneColour);
    const auto haloAround = [&](const QRectF &rect) {
        QColor c = halo;
        c.setAlpha(200);
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(c, 3));
        painter.drawRect(rect.adjusted(-kMarkOffset, -kMarkOffset, kMarkOffset, kMarkOffset));
    };
    for (const int i : m_onlyA) {
        if (i >= 0 && i < m_predictions.size() && !m_predictions[i].hidden)
            haloAround(shapeOnScreen(m_predictions[i], zoom));
    }
    const QColor colour = QColor::fromRgba(kCompareColour);
    for (int i = 0; i < m_other.size(); ++i) {
        const MappedDetection &d = m_other[i];
        if (d.hidden)
            continue;
        const QRectF rect = shapeOnScreen(d, zoom);
        if (m_onlyB.contains(i))
            haloAround(rect);
        dashedOutline(painter, rect, colour, 2);
        const QString label =
            m_otherName.isEmpty() ? d.label : QStringLiteral("%1 · %2").arg(m_otherName, d.label);
        plate(painter, rect.bottomLeft() + QPointF(0, 2),
              m_onlyB.contains(i) && !m_onlyTag.isEmpty() ? m_onlyTag.arg(label) : label, colour,
              fontPixelSize, m_area);
    }
}

void LayerOverlay::paintEdit(QPainter &painter, qreal zoom) const
{
    if (m_preview) {
        QPen dashes(Qt::white, 1, Qt::DashLine);
        painter.setBrush(QColor(255, 255, 255, 40));
        painter.setPen(QPen(Qt::black, 1));
        painter.drawRect(onScreen(m_preview->normalized(), zoom));
        painter.setBrush(Qt::NoBrush);
        painter.setPen(dashes);
        painter.drawRect(onScreen(m_preview->normalized(), zoom));
    }
    if (!m_editBox)
        return;
    const QRectF r = onScreen(m_preview ? m_preview->normalized() : m_editBox->normalized(), zoom);
    const QPointF points[] = {r.topLeft(),     QPointF(r.center().x(), r.top()),
                              r.topRight(),    QPointF(r.right(), r.center().y()),
                              r.bottomRight(), QPointF(r.center().x(), r.bottom()),
                              r.bottomLeft(),  QPointF(r.left(), r.center().y())};
    painter.setPen(QPen(Qt::black, 1));
    painter.setBrush(Qt::white);
    for (const QPointF &p : points)
        painter.drawRect(QRectF(p - QPointF(kHandleRadius, kHandleRadius),
                                QSizeF(2 * kHandleRadius, 2 * kHandleRadius)));
}

} // namespace qvd
