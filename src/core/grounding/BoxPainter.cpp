#include "core/grounding/BoxPainter.h"

#include "core/grounding/LabelPainter.h"
#include "core/grounding/LabelPalette.h"

#include <QFontMetricsF>
#include <QGuiApplication>
#include <QHash>
#include <QPainter>
#include <QtMath>

#include <algorithm>
#include <set>
#include <tuple>

namespace qvd {

namespace {

// A point's dot radius and the white ring around it, so it shows on any background.
qreal markerRadius(qreal lineWidth)
{
    return std::max<qreal>(4, 2.5 * lineWidth);
}

qreal ringWidth(qreal lineWidth)
{
    return std::max<qreal>(1, lineWidth / 2);
}

qreal lineWidthFor(const QSize &imageSize, const BoxStyle &style)
{
    return style.lineWidth > 0 ? style.lineWidth : BoxPainter::defaultLineWidth(imageSize);
}

// The shown detections, without repeats of an identical shape and label when deduplicating.
QList<const MappedDetection *> shown(const QList<MappedDetection> &detections, bool dedupe)
{
    using Key = std::tuple<int, qreal, qreal, qreal, qreal, QString>;
    std::set<Key> seen;
    QList<const MappedDetection *> result;
    for (const MappedDetection &d : detections) {
        if (d.hidden)
            continue;
        const QRectF &r = d.rect;
        if (dedupe && d.kind != DetectionKind::Quad
            && !seen.insert(Key{int(d.kind), r.left(), r.top(), r.right(), r.bottom(), d.label})
                    .second)
            continue;
        result.append(&d);
    }
    return result;
}

void paintShape(QPainter &painter, const MappedDetection &d, qreal lineWidth)
{
    const QColor colour = LabelPalette::colour(d.label);
    switch (d.kind) {
    case DetectionKind::Box:
        painter.setPen(QPen(colour, lineWidth, Qt::SolidLine, Qt::SquareCap, Qt::MiterJoin));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(d.rect);
        break;
    case DetectionKind::Quad:
        painter.setPen(QPen(colour, lineWidth, Qt::SolidLine, Qt::SquareCap, Qt::MiterJoin));
        painter.setBrush(Qt::NoBrush);
        painter.drawPolygon(d.quad);
        break;
    case DetectionKind::Point: {
        const qreal radius = markerRadius(lineWidth);
        const qreal ring = radius + ringWidth(lineWidth);
        painter.setPen(Qt::NoPen);
        painter.setBrush(Qt::white);
        painter.drawEllipse(d.point(), ring, ring);
        painter.setBrush(colour);
        painter.drawEllipse(d.point(), radius, radius);
        break;
    }
    }
}

// Where a label starts: inside the box's top-left corner (Qwen-VL's drawer), beside a point.
QPointF labelAnchor(const MappedDetection &d, qreal lineWidth)
{
    switch (d.kind) {
    case DetectionKind::Box:
        return d.rect.topLeft();
    case DetectionKind::Quad:
        return d.quad.boundingRect().topLeft();
    case DetectionKind::Point: {
        const qreal offset = markerRadius(lineWidth) + ringWidth(lineWidth);
        return d.point() + QPointF(offset, offset);
    }
    }
    return d.rect.topLeft();
}

struct LabelLayout
{
    QRectF plate;
    QRectF textRect;
    QString text;
};

// What a label's text alone decides: the text shown (elided when longer than the image), the
// plate's size and padding. The same for every box with that label.
struct LabelText
{
    QString text;
    QSizeF plateSize;
    qreal pad = 0;
};

LabelText measureLabel(const QString &label, const QSize &imageSize, const QFontMetricsF &metrics)
{
    LabelText measured;
    const qreal pad = std::max<qreal>(1, std::round(metrics.height() * 0.15));
    // A label longer than the image is shortened so the plate still fits inside it.
    const qreal maxTextWidth = std::max<qreal>(0, imageSize.width() - 2 * pad);
    measured.text = label;
    qreal textWidth = metrics.horizontalAdvance(measured.text);
    if (textWidth > maxTextWidth) {
        measured.text = metrics.elidedText(label, Qt::ElideRight, maxTextWidth);
        textWidth = metrics.horizontalAdvance(measured.text);
    }
    // Whole pixels: plates are filled without antialiasing, by LabelPainter's counts.
    measured.plateSize = QSizeF(std::ceil(std::min(textWidth, maxTextWidth) + 2 * pad),
                                std::ceil(metrics.height() + 2 * pad));
    measured.pad = pad;
    return measured;
}

LabelLayout placeLabel(const MappedDetection &d, const LabelText &measured, const QSize &imageSize,
                       qreal lineWidth)
{
    LabelLayout layout;
    layout.text = measured.text;
    const QSizeF &plateSize = measured.plateSize;
    const QPointF anchor = labelAnchor(d, lineWidth);
    const qreal x = std::clamp<qreal>(std::round(anchor.x()), 0,
                                      std::max<qreal>(0, imageSize.width() - plateSize.width()));
    const qreal y = std::clamp<qreal>(std::round(anchor.y()), 0,
                                      std::max<qreal>(0, imageSize.height() - plateSize.height()));
    layout.plate = QRectF(QPointF(x, y), plateSize);
    const qreal pad = measured.pad;
    layout.textRect = layout.plate.adjusted(pad, pad, -pad, -pad);
    return layout;
}

LabelLayout layoutLabel(const MappedDetection &d, const QSize &imageSize,
                        const QFontMetricsF &metrics, qreal lineWidth)
{
    if (d.label.isEmpty())
        return {};
    return placeLabel(d, measureLabel(d.label, imageSize, metrics), imageSize, lineWidth);
}

} // namespace

qreal BoxPainter::defaultLineWidth(const QSize &imageSize)
{
    const qreal side =
        std::sqrt(qreal(std::max(0, imageSize.width())) * qreal(std::max(0, imageSize.height())));
    return std::max<qreal>(2, std::round(side / 300));
}

qreal BoxPainter::defaultFontPixelSize(const QSize &imageSize)
{
    const qreal side =
        std::sqrt(qreal(std::max(0, imageSize.width())) * qreal(std::max(0, imageSize.height())));
    return std::max<qreal>(12, std::round(side / 40));
}

QStringList BoxPainter::defaultFontFamilies()
{
    // Latin first, then CJK faces of Linux, Windows and macOS (Debian: fonts-wqy-microhei).
    return {QStringLiteral("Noto Sans"),
            QStringLiteral("DejaVu Sans"),
            QStringLiteral("Segoe UI"),
            QStringLiteral("Helvetica Neue"),
            QStringLiteral("Noto Sans CJK SC"),
            QStringLiteral("Source Han Sans SC"),
            QStringLiteral("WenQuanYi Micro Hei"),
            QStringLiteral("Microsoft YaHei"),
            QStringLiteral("PingFang SC")};
}

QFont BoxPainter::labelFont(const QSize &imageSize, const BoxStyle &style)
{
    QFont font;
    font.setFamilies(style.fontFamilies.isEmpty() ? defaultFontFamilies() : style.fontFamilies);
    font.setStyleHint(QFont::SansSerif);
    const qreal size =
        style.fontPixelSize > 0 ? style.fontPixelSize : defaultFontPixelSize(imageSize);
    font.setPixelSize(std::max(1, qRound(size)));
    return font;
}

QRectF BoxPainter::labelPlate(const MappedDetection &detection, const QSize &imageSize,
                              const BoxStyle &style)
{
    const QFontMetricsF metrics(labelFont(imageSize, style));
    return layoutLabel(detection, imageSize, metrics, lineWidthFor(imageSize, style)).plate;
}

QColor BoxPainter::labelTextColour(const QColor &boxColour)
{
    qreal r = std::max<qreal>(boxColour.redF(), 0.2);
    qreal g = std::max<qreal>(boxColour.greenF(), 0.2);
    qreal b = std::max<qreal>(boxColour.blueF(), 0.2);
    const qreal strongest = std::max({r, g, b});
    if (strongest < 0.8) {
        const qreal gain = 0.8 / strongest;
        r *= gain;
        g *= gain;
        b *= gain;
    }
    return QColor::fromRgbF(float(r), float(g), float(b));
}

void BoxPainter::paint(QPainter &painter, const QList<MappedDetection> &detections,
                       const QSize &imageSize, const BoxStyle &style)
{
    const QList<const MappedDetection *> visible = shown(detections, style.dedupe);
    if (visible.isEmpty())
        return;
    const qreal lineWidth = lineWidthFor(imageSize, style);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    for (const MappedDetection *d : visible)
        paintShape(painter, *d, lineWidth);
    // Labels after every shape, so no box is drawn across another's label. Fonts exist only
    // in a QGuiApplication (Qt aborts otherwise); a console tool still gets the shapes.
    if (style.labels && qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        const QFont font = labelFont(imageSize, style);
        painter.setFont(font);
        const QFontMetricsF metrics(font);
        LabelPainter labels(painter, QColor(0, 0, 0, 180), style.cacheLabelText);
        // Shaped and coloured once per distinct label: a thousand boxes have a handful.
        struct Measured
        {
            LabelText text;
            QColor colour;
        };
        QHash<QString, Measured> measured;
        for (const MappedDetection *d : visible) {
            if (d->label.isEmpty())
                continue;
            auto found = measured.constFind(d->label);
            if (found == measured.constEnd()) {
                found = measured.insert(d->label,
                                        {measureLabel(d->label, imageSize, metrics),
                                         labelTextColour(LabelPalette::colour(d->label))});
            }
            const LabelLayout layout = placeLabel(*d, found->text, imageSize, lineWidth);
            if (!layout.plate.isEmpty())
                labels.paint(layout.plate.toRect(), layout.textRect, layout.text, found->colour);
        }
        labels.finish();
    }
    painter.restore();
}

QImage BoxPainter::render(const QImage &image, const QList<MappedDetection> &detections,
                          const BoxStyle &style)
{
    if (image.isNull())
        return {};
    QImage canvas = image.convertToFormat(
        image.hasAlphaChannel() ? QImage::Format_ARGB32_Premultiplied : QImage::Format_RGB32);
    QPainter painter(&canvas);
    paint(painter, detections, canvas.size(), style);
    painter.end();
    return canvas;
}

} // namespace qvd
