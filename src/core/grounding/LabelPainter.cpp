#include "core/grounding/LabelPainter.h"

#include <QFontInfo>
#include <QMutex>
#include <QPaintDevice>
#include <QPainter>
#include <QRgba64>
#include <QtMath>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <tuple>

namespace qvd {

namespace {

bool wholePixelTranslation(const QTransform &t)
{
    return t.type() <= QTransform::TxTranslate && t.dx() == std::floor(t.dx())
        && t.dy() == std::floor(t.dy());
}

// Spans widened to LabelPixels' groups of eight pixels, within the row.
int eightDown(int x)
{
    return x & ~7;
}

int eightUp(int x, int width)
{
    return std::min(width, (x + 7) & ~7);
}

constexpr int kBandRows = 32; // 750 KB of a 6,000-pixel-wide image: stays in cache

} // namespace

LabelPainter::LabelPainter(QPainter &painter, const QColor &plateColour, bool cacheText)
    : m_painter(painter), m_plateColour(plateColour), m_cacheText(cacheText)
{
    if (directPixelsUsable() && buildPlates()) {
        m_target = static_cast<QImage *>(painter.device());
        const QTransform t = painter.deviceTransform();
        m_origin = QPoint(int(t.dx()), int(t.dy()));
    }
}

LabelPainter::~LabelPainter()
{
    finish();
}

bool LabelPainter::directPixelsUsable() const
{
    const QPaintDevice *device = m_painter.device();
    if (!m_cacheText || !device || device->devType() != QInternal::Image)
        return false;
    const auto *image = static_cast<const QImage *>(device);
    return (image->format() == QImage::Format_RGB32
            || image->format() == QImage::Format_ARGB32_Premultiplied)
        && wholePixelTranslation(m_painter.deviceTransform()) && !m_painter.hasClipping()
        && m_painter.compositionMode() == QPainter::CompositionMode_SourceOver
        && m_painter.opacity() == 1.0;
}

void LabelPainter::paint(const QRect &plate, const QRectF &textRect, const QString &text,
                         const QColor &colour)
{
    const bool cached = m_cacheText && wholePixelTranslation(m_painter.deviceTransform())
        && m_painter.compositionMode() == QPainter::CompositionMode_SourceOver;
    QPoint whole;
    std::shared_ptr<const Rendered> image =
        cached && !text.isEmpty() ? rendered(textRect, text, colour, &whole) : nullptr;
    if (image && image->image.isNull())
        image.reset();
    if (m_target) {
        const QRect area = plate.translated(m_origin).intersected(m_target->rect());
        if (!area.isEmpty() || image) {
            const QPoint at = m_origin + whole + (image ? image->offset : QPoint());
            m_deferred.push_back({area, std::move(image), at});
        }
        return;
    }
    m_painter.setPen(Qt::NoPen);
    m_painter.setBrush(m_plateColour);
    m_painter.drawRect(plate);
    if (image) {
        m_painter.drawImage(whole + image->offset, image->image);
    } else if (!cached && !text.isEmpty()) {
        m_painter.setPen(colour);
        m_painter.drawText(textRect, TextFlags, text);
    }
}

void LabelPainter::finish()
{
    if (!m_target || m_deferred.empty())
        return;
    // Which labels touch which band of rows, in painting order.
    const int height = m_target->height();
    std::vector<std::vector<int>> bands(size_t((height + kBandRows - 1) / kBandRows));
    for (size_t i = 0; i < m_deferred.size(); ++i) {
        const Deferred &d = m_deferred[i];
        int top = d.plate.isEmpty() ? height : d.plate.top();
        int bottom = d.plate.isEmpty() ? -1 : d.plate.bottom();
        if (d.text) {
            top = std::min(top, d.at.y());
            bottom = std::max(bottom, d.at.y() + d.text->image.height() - 1);
        }
        top = std::max(top, 0);
        bottom = std::min(bottom, height - 1);
        for (int band = top / kBandRows; top <= bottom && band <= bottom / kBandRows; ++band)
            bands[size_t(band)].push_back(int(i));
    }
    m_counts.assign(size_t(kBandRows) * size_t(m_target->width()), 0);
    for (size_t band = 0; band < bands.size(); ++band) {
        if (!bands[band].empty())
            compositeBand(int(band) * kBandRows, std::min(height, int(band + 1) * kBandRows),
                          bands[band]);
    }
    m_deferred.clear();
}

// Rows [top, bottom) of the target, the labels in painting order, while the band stays in the
// processor's cache. Each plate adds one to the counts under it; a text first settles the
// counts along the span of its ink in each row, then blends that span; at the end every pixel
// settles what it still owes, a run of equal counts at a time. The counts are all zero again
// afterwards.
void LabelPainter::compositeBand(int top, int bottom, const std::vector<int> &labels)
{
    const int width = m_target->width();
    uchar *bits = m_target->bits();
    const qsizetype stride = m_target->bytesPerLine();
    const auto line = [&](int y) {
        return reinterpret_cast<QRgb *>(bits + qsizetype(y) * stride);
    };
    const auto counts = [&](int y) {
        return m_counts.data() + size_t(y - top) * size_t(width);
    };
#if defined(__GNUC__)
    // Read the band in order first: the texts' scattered pixels then come from the cache.
    for (int y = top; y < bottom; ++y) {
        const char *row = reinterpret_cast<const char *>(line(y));
        for (qsizetype at = 0; at < qsizetype(width) * qsizetype(sizeof(QRgb)); at += 64)
            __builtin_prefetch(row + at);
    }
#endif
    int left = width;
    int right = -1;
    for (const int index : labels) {
        const Deferred &d = m_deferred[size_t(index)];
        const int plateTop = std::max(top, d.plate.top());
        const int plateBottom = std::min(bottom - 1, d.plate.bottom());
        if (plateTop <= plateBottom) {
            left = std::min(left, d.plate.left());
            right = std::max(right, d.plate.right());
        }
        for (int y = plateTop; y <= plateBottom; ++y)
            labelpixels::addPlate(counts(y) + d.plate.left(), d.plate.width(), MaxPlates);
        if (!d.text)
            continue;
        const Rendered &text = *d.text;
        const int textTop = std::max(top, d.at.y());
        const int textBottom = std::min(bottom, d.at.y() + text.image.height());
        for (int y = textTop; y < textBottom; ++y) {
            const int row = y - d.at.y();
            const auto [first, last] = text.rows[size_t(row)];
            const int from = std::max(0, d.at.x() + first);
            const int to = std::min(width, d.at.x() + last);
            if (from >= to)
                continue;
            labelpixels::text(line(y), counts(y), text.coverageRow(row) - d.at.x(), eightDown(from),
                              eightUp(to, width), text.ink, m_plates.data());
        }
    }
    for (int y = top; y < bottom && left <= right; ++y)
        labelpixels::settle(line(y), counts(y), eightDown(left), eightUp(right + 1, width),
                            m_plates.data());
}

// k plates of one colour are one solid fill too: keep^k of what is under them, and the colour
// times 1 + keep + … + keep^(k−1). One plate is exactly QPainter's fill; more are within a
// level of filling them one by one.
bool LabelPainter::buildPlates()
{
    const QRgb colour = qPremultiply(m_plateColour.rgba64()).toArgb32();
    const double keep = (255 - qAlpha(colour)) / 255.0;
    m_plates.assign(MaxPlates + 1, labelpixels::Plate{0, 255});
    m_plates[1] = labelpixels::Plate{colour, 255u - qAlpha(colour)};
    for (int k = 2; k <= MaxPlates; ++k) {
        const double sum = (1 - std::pow(keep, k)) / (1 - keep);
        const auto channel = [&](int shift) {
            return uint(std::min(255L, std::lround(((colour >> shift) & 0xff) * sum))) << shift;
        };
        m_plates[size_t(k)] =
            labelpixels::Plate{channel(24) | channel(16) | channel(8) | channel(0),
                               uint(std::lround(255 * std::pow(keep, k)))};
    }
    // Counts stop at MaxPlates: right only if more plates change nothing any more.
    return m_plates[MaxPlates].keep == 0 && qAlpha(colour) > 0;
}

qsizetype LabelPainter::Rendered::bytes() const
{
    return image.sizeInBytes()
        + qsizetype(rows.size() * sizeof(rows[0]) + coverage.size() + sizeof(Rendered));
}

namespace {

// Every label text drawn so far, for every paint of every thread: an export and the next one,
// or the inspector's repaints, draw each text once. Dropped whole when over its budget.
class RenderedTexts
{
public:
    using Key = std::tuple<QString, QString, int, QRgb, qreal, qreal, qreal, qreal>;

    static RenderedTexts &instance()
    {
        static RenderedTexts texts;
        return texts;
    }

    std::shared_ptr<const LabelPainter::Rendered> find(const Key &key)
    {
        const QMutexLocker lock(&m_mutex);
        const auto it = m_texts.find(key);
        return it == m_texts.end() ? nullptr : it->second;
    }

    void insert(const Key &key, std::shared_ptr<const LabelPainter::Rendered> text)
    {
        const QMutexLocker lock(&m_mutex);
        if (m_bytes + text->bytes() > kBudget) {
            m_texts.clear();
            m_bytes = 0;
        }
        m_bytes += text->bytes();
        m_texts.emplace(key, std::move(text));
    }

private:
    static constexpr qsizetype kBudget = 64 * 1024 * 1024;
    QMutex m_mutex;
    std::map<Key, std::shared_ptr<const LabelPainter::Rendered>> m_texts;
    qsizetype m_bytes = 0;
};

} // namespace

std::shared_ptr<const LabelPainter::Rendered> LabelPainter::rendered(const QRectF &rect,
                                                                     const QString &text,
                                                                     const QColor &colour,
                                                                     QPoint *whole) const
{
    *whole = QPoint(int(std::floor(rect.x())), int(std::floor(rect.y())));
    const QPointF fraction = rect.topLeft() - QPointF(*whole);
    const QFont &font = m_painter.font();
    if (m_seenHints != int(m_painter.renderHints()) || !(m_seenFont == font)) {
        m_seen.clear();
        m_seenFont = font;
        m_seenHints = int(m_painter.renderHints());
    }
    const SeenKey seen{text,         colour.rgba(), fraction.x(),
                       fraction.y(), rect.width(),  rect.height()};
    if (const auto it = m_seen.find(seen); it != m_seen.end())
        return it->second;
    const RenderedTexts::Key key{font.key() + font.families().join(u','),
                                 text,
                                 int(m_painter.renderHints()),
                                 colour.rgba(),
                                 fraction.x(),
                                 fraction.y(),
                                 rect.width(),
                                 rect.height()};
    RenderedTexts &texts = RenderedTexts::instance();
    std::shared_ptr<const Rendered> found = texts.find(key);
    if (!found) {
        found = std::make_shared<const Rendered>(
            render(m_painter, QRectF(fraction, rect.size()), text, colour));
        texts.insert(key, found);
    }
    m_seen.emplace(seen, found);
    return found;
}

// Drawn with the painter's font and hints at the same fraction of a pixel, so the copy blends
// to drawText's pixels (within rounding: premultiplied coverage × colour).
LabelPainter::Rendered LabelPainter::render(const QPainter &painter, const QRectF &rect,
                                            const QString &text, const QColor &colour)
{
    // Room for glyphs that reach outside the text rect (accents, overhangs, a fallback font
    // taller than the label font).
    const int margin = QFontInfo(painter.font()).pixelSize() / 2 + 2;
    QImage image(QSize(qCeil(rect.right()) + 2 * margin, qCeil(rect.bottom()) + 2 * margin),
                 QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter imagePainter(&image);
    imagePainter.setRenderHints(painter.renderHints());
    imagePainter.setFont(painter.font());
    imagePainter.setPen(colour);
    imagePainter.drawText(rect.translated(margin, margin), TextFlags, text);
    imagePainter.end();

    // Crop to the ink, and note where it is.
    const int fullWidth = image.width();
    int left = fullWidth, top = image.height(), right = -1, bottom = -1;
    for (int y = 0; y < image.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < fullWidth; ++x) {
            if (line[x] == 0)
                continue;
            left = std::min(left, x);
            right = std::max(right, x);
            top = std::min(top, y);
            bottom = y;
        }
    }
    if (right < 0)
        return {};
    Rendered result;
    result.image = image.copy(QRect(QPoint(left, top), QPoint(right, bottom)));
    result.offset = QPoint(left - margin, top - margin);
    const int width = result.image.width();
    for (int y = 0; y < result.image.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(result.image.constScanLine(y));
        int first = 0;
        while (first < width && line[first] == 0)
            ++first;
        int last = width;
        while (last > first && line[last - 1] == 0)
            --last;
        result.rows.emplace_back(first, last);
        result.coverage.insert(result.coverage.end(), Rendered::CoveragePad, 0);
        for (int x = 0; x < width; ++x)
            result.coverage.push_back(quint8(qAlpha(line[x])));
        result.coverage.insert(result.coverage.end(), Rendered::CoveragePad, 0);
    }
    result.ink = qPremultiply(colour.rgba64()).toArgb32();
    return result;
}

} // namespace qvd
