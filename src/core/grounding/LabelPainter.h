#pragma once

#include "core/grounding/LabelPixels.h"

#include <QColor>
#include <QImage>
#include <QRect>
#include <QString>

#include <QFont>

#include <map>
#include <memory>
#include <tuple>
#include <utility>
#include <vector>

class QPainter;

namespace qvd {

// Paints BoxPainter's labels — each a translucent plate, then its text — in order, with the
// pixels of painting them one by one with QPainter (within rounding), at a fraction of the cost:
//  - each distinct text (with its font, colour and fraction of a pixel) is shaped and drawn
//    once into an image, kept in a cache shared by every paint (bounded, thread-safe), then
//    blended for every label that shows it: over 64 px Qt caches no glyphs and draws every
//    glyph as a path, about 0.7 ms for a 9-letter label of 122 px; under that this still saves
//    shaping the text again for every label;
//  - on a QImage painted at whole pixels (no clip, no scaling, source-over, opaque painter),
//    the labels are composited in finish(), a band of rows at a time so the band stays in the
//    processor's cache: plates are counted per pixel, and each pixel is darkened once for all
//    the plates over it, just before a text lands on it and at the end; a text is blended
//    from its coverage, row by row over the span its ink covers, skipping clear groups of
//    eight pixels and writing solid ones outright (LabelPixels.h has the pixel loops). 1,000
//    labels of 122 px on a 24-megapixel photo cover it about five times over: this touches
//    each pixel about once.
// Plates are whole-pixel rectangles (BoxPainter lays them out so).
class LabelPainter
{
public:
    // `cacheText` false: drawText for every label, plates through the painter (the reference).
    LabelPainter(QPainter &painter, const QColor &plateColour, bool cacheText);
    ~LabelPainter();

    LabelPainter(const LabelPainter &) = delete;
    LabelPainter &operator=(const LabelPainter &) = delete;

    static constexpr int TextFlags = Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine;

    void paint(const QRect &plate, const QRectF &textRect, const QString &text,
               const QColor &colour);
    // Composites what paint() deferred (also done by the destructor).
    void finish();

    // A text drawn once: its inked pixels, cropped, and where they are.
    struct Rendered
    {
        QImage image; // premultiplied, cropped to the ink
        QPoint offset; // of its top-left from the whole-pixel position of the text rect
        std::vector<std::pair<int, int>> rows; // per row: [first, last) inked pixel
        // The same pixels as `ink` (the text's premultiplied colour) at a coverage, the
        // image's alpha, row after row: a quarter of the image's bytes, so the thousand labels
        // of a few dozen texts are blended from the processor's cache. Each row has
        // CoveragePad clear bytes on either side: a span widened to whole groups of eight
        // pixels reads no further.
        static constexpr int CoveragePad = 8;
        std::vector<quint8> coverage;
        QRgb ink = 0;
        qsizetype bytes() const;
        // Row `row`'s coverage, lined up so that [x] is the text's pixel x (−CoveragePad ≤ x <
        // width + CoveragePad).
        const quint8 *coverageRow(int row) const
        {
            return coverage.data() + qsizetype(row) * (image.width() + 2 * CoveragePad)
                + CoveragePad;
        }
    };

private:
    struct Deferred
    {
        QRect plate; // on the target, inside it
        std::shared_ptr<const Rendered> text; // null: no text
        QPoint at; // of the text image's top-left on the target
    };

    bool directPixelsUsable() const;
    std::shared_ptr<const Rendered> rendered(const QRectF &rect, const QString &text,
                                             const QColor &colour, QPoint *whole) const;
    static Rendered render(const QPainter &painter, const QRectF &rect, const QString &text,
                           const QColor &colour);
    bool buildPlates();
    void compositeBand(int top, int bottom, const std::vector<int> &labels);

    QPainter &m_painter;
    QColor m_plateColour;
    bool m_cacheText = true; // text drawn once per distinct label, then blended
    QImage *m_target = nullptr; // set when its pixels are written directly
    QPoint m_origin; // where the painter's (0, 0) is on m_target
    std::vector<Deferred> m_deferred;
    std::vector<quint8> m_counts; // plates not yet applied, per pixel of the current band
    static constexpr int MaxPlates = 64;
    std::vector<labelpixels::Plate> m_plates; // [k]: the fill that k plates make
    // The texts this painter has looked up, so a label shown by a thousand boxes builds the
    // shared cache's key (font, hints, …) and takes its lock once: valid while the painter's
    // font and hints are m_seenFont and m_seenHints.
    using SeenKey = std::tuple<QString, QRgb, qreal, qreal, qreal, qreal>;
    mutable std::map<SeenKey, std::shared_ptr<const Rendered>> m_seen;
    mutable QFont m_seenFont;
    mutable int m_seenHints = -1;
};

} // namespace qvd
