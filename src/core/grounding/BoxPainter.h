#pragma once

#include "core/grounding/BoxStyle.h"
#include "core/grounding/MappedDetection.h"

#include <QFont>
#include <QImage>
#include <QList>
#include <QSize>

class QPainter;

namespace qvd {

// Draws detections (already in image pixels) the way docs/grounding.md §3 recommends: a colour per
// label from LabelPalette, boxes as outlines, points as ringed dots, quads as polygons, each
// label on a translucent dark plate at the shape's top-left, kept inside the image. Stateless,
// like Flameshot's tools: the GUI paints with its own QPainter (transformed to image pixels),
// the CLI renders onto the image itself. Hidden detections are skipped.
class BoxPainter
{
public:
    static void paint(QPainter &painter, const QList<MappedDetection> &detections,
                      const QSize &imageSize, const BoxStyle &style);
    static void paint(QPainter &painter, const QList<MappedDetection> &detections,
                      const QSize &imageSize)
    {
        paint(painter, detections, imageSize, BoxStyle());
    }
    // A copy of `image` (as ARGB32 premultiplied, or RGB32 if it has no alpha) with the
    // detections painted at its own resolution.
    static QImage render(const QImage &image, const QList<MappedDetection> &detections,
                         const BoxStyle &style);
    static QImage render(const QImage &image, const QList<MappedDetection> &detections)
    {
        return render(image, detections, BoxStyle());
    }

    // Sizes that read alike on a phone photo and a 24-megapixel frame: proportional to the
    // square root of the area (as Qwen-VL's drawer), with a floor for small images.
    static qreal defaultLineWidth(const QSize &imageSize);
    static qreal defaultFontPixelSize(const QSize &imageSize);
    static QStringList defaultFontFamilies();
    static QFont labelFont(const QSize &imageSize, const BoxStyle &style);
    // The plate behind `detection`'s label, inside the image; empty when there is no label.
    // Needs a QGuiApplication (fonts), as does paint() for labels.
    static QRectF labelPlate(const MappedDetection &detection, const QSize &imageSize,
                             const BoxStyle &style);
    // Qwen-VL's text colour: the box colour with every channel at least 20 % and the strongest
    // at least 80 %, so it reads on the dark plate.
    static QColor labelTextColour(const QColor &boxColour);
};

} // namespace qvd
