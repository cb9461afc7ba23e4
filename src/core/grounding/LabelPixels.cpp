#include "core/grounding/LabelPixels.h"

#include <cstring>

#if defined(__x86_64__) && defined(__GNUC__)
#define QVD_LABEL_AVX2 1
#include <immintrin.h>
#define QVD_AVX2 __attribute__((target("avx2")))
#endif

namespace qvd::labelpixels {

namespace {

// Qt's premultiplied source-over of `colour` on `pixel`, the colour keeping `keep` of it: two
// channels per multiplication, rounded as qdrawhelper's BYTE_MUL.
QRgb over(QRgb pixel, QRgb colour, uint keep)
{
    uint rb = (pixel & 0xff00ff) * keep;
    rb = ((rb + ((rb >> 8) & 0xff00ff) + 0x800080) >> 8) & 0xff00ff;
    uint ag = ((pixel >> 8) & 0xff00ff) * keep;
    ag = (ag + ((ag >> 8) & 0xff00ff) + 0x800080) & 0xff00ff00;
    return colour + (rb | ag);
}

constexpr quint64 kEightOnes = 0x0101010101010101ULL;

quint64 eightBytes(const quint8 *bytes)
{
    quint64 word;
    std::memcpy(&word, bytes, sizeof word);
    return word;
}

QRgb plated(QRgb pixel, const Plate &plate)
{
    return over(pixel, plate.colour, plate.keep);
}

// What drawText leaves at a coverage on a transparent image, then over the pixel.
QRgb texted(QRgb pixel, QRgb ink, uint coverage)
{
    const QRgb source = over(ink, 0, coverage);
    return over(pixel, source, 255 - qAlpha(source));
}

void addPlateEach(quint8 *counts, int count, quint8 most)
{
    for (int i = 0; i < count; ++i)
        counts[i] = quint8(counts[i] + (counts[i] < most ? 1 : 0));
}

#ifdef QVD_LABEL_AVX2

bool hasAvx2()
{
    static const bool has = __builtin_cpu_supports("avx2");
    return has;
}

// Eight pixels in 16-bit lanes, as AVX2 unpacks within its two halves: `low` holds pixels
// 0, 1, 4, 5 and `high` pixels 2, 3, 6, 7, each as four words (blue, green, red, alpha).
struct Wide
{
    __m256i low;
    __m256i high;
};

QVD_AVX2 inline Wide widen(__m256i pixels)
{
    const __m256i zero = _mm256_setzero_si256();
    return {_mm256_unpacklo_epi8(pixels, zero), _mm256_unpackhi_epi8(pixels, zero)};
}

QVD_AVX2 inline __m256i narrow(const Wide &wide)
{
    return _mm256_packus_epi16(wide.low, wide.high);
}

// x·k/255 per lane, rounded to nearest (within one level of Qt's BYTE_MUL).
QVD_AVX2 inline __m256i scaled(__m256i x, __m256i k)
{
    return _mm256_mulhi_epu16(_mm256_add_epi16(_mm256_mullo_epi16(x, k), _mm256_set1_epi16(128)),
                              _mm256_set1_epi16(257));
}

QVD_AVX2 inline Wide over(const Wide &pixels, const Wide &colour, const Wide &keep)
{
    return {_mm256_add_epi16(colour.low, scaled(pixels.low, keep.low)),
            _mm256_add_epi16(colour.high, scaled(pixels.high, keep.high))};
}

// The plates counted under eight pixels, over them.
QVD_AVX2 inline Wide plated(const Wide &pixels, const quint8 *counts, quint64 eight,
                            const Plate *plates)
{
    if (eight == kEightOnes * counts[0]) {
        const Plate &plate = plates[counts[0]];
        // The same four words for every pixel, in both halves.
        const __m256i colour =
            _mm256_unpacklo_epi8(_mm256_set1_epi32(int(plate.colour)), _mm256_setzero_si256());
        const __m256i keep = _mm256_set1_epi16(short(plate.keep));
        return over(pixels, {colour, colour}, {keep, keep});
    }
    const auto colourAt = [&](int i) {
        return int(plates[counts[i]].colour);
    };
    const auto keepAt = [&](int i) {
        return int(plates[counts[i]].keep * 0x01010101u);
    };
    const Wide colour =
        widen(_mm256_setr_epi32(colourAt(0), colourAt(1), colourAt(2), colourAt(3), colourAt(4),
                                colourAt(5), colourAt(6), colourAt(7)));
    const Wide keep = widen(_mm256_setr_epi32(keepAt(0), keepAt(1), keepAt(2), keepAt(3), keepAt(4),
                                              keepAt(5), keepAt(6), keepAt(7)));
    return over(pixels, colour, keep);
}

QVD_AVX2 void settleAvx2(QRgb *pixels, quint8 *counts, int from, int to, const Plate *plates)
{
    int x = from;
    for (; x + 8 <= to; x += 8) {
        const quint64 eight = eightBytes(counts + x);
        if (eight == 0)
            continue;
        auto *at = reinterpret_cast<__m256i *>(pixels + x);
        _mm256_storeu_si256(
            at, narrow(plated(widen(_mm256_loadu_si256(at)), counts + x, eight, plates)));
        std::memset(counts + x, 0, 8);
    }
    each::settle(pixels, counts, x, to, plates);
}

QVD_AVX2 void textAvx2(QRgb *pixels, quint8 *counts, const quint8 *coverage, int from, int to,
                       QRgb ink, const Plate *plates)
{
    const bool opaque = qAlpha(ink) == 255;
    const __m256i solid = _mm256_set1_epi32(int(ink));
    const __m256i inkWords = widen(solid).low;
    // Each pixel's coverage byte into the four words of that pixel, for `low` and `high`.
    const __m256i spreadLow =
        _mm256_setr_epi8(0, -1, 0, -1, 0, -1, 0, -1, 1, -1, 1, -1, 1, -1, 1, -1, 4, -1, 4, -1, 4,
                         -1, 4, -1, 5, -1, 5, -1, 5, -1, 5, -1);
    const __m256i spreadHigh =
        _mm256_setr_epi8(2, -1, 2, -1, 2, -1, 2, -1, 3, -1, 3, -1, 3, -1, 3, -1, 6, -1, 6, -1, 6,
                         -1, 6, -1, 7, -1, 7, -1, 7, -1, 7, -1);
    // Each pixel's alpha word into its four words.
    const __m256i alphas = _mm256_setr_epi8(6, 7, 6, 7, 6, 7, 6, 7, 14, 15, 14, 15, 14, 15, 14, 15,
                                            6, 7, 6, 7, 6, 7, 6, 7, 14, 15, 14, 15, 14, 15, 14, 15);
    const __m256i full = _mm256_set1_epi16(255);
    int x = from;
    for (; x + 8 <= to; x += 8) {
        const quint64 covered = eightBytes(coverage + x);
        if (covered == 0)
            continue;
        auto *at = reinterpret_cast<__m256i *>(pixels + x);
        if (covered == ~quint64(0) && opaque) {
            // Inside a stroke: the ink hides whatever is under it.
            _mm256_storeu_si256(at, solid);
            std::memset(counts + x, 0, 8);
            continue;
        }
        Wide under = widen(_mm256_loadu_si256(at));
        if (const quint64 eight = eightBytes(counts + x); eight != 0) {
            under = plated(under, counts + x, eight, plates);
            std::memset(counts + x, 0, 8);
        }
        const __m256i cover = _mm256_set1_epi64x(qint64(covered));
        const Wide source{scaled(inkWords, _mm256_shuffle_epi8(cover, spreadLow)),
                          scaled(inkWords, _mm256_shuffle_epi8(cover, spreadHigh))};
        const Wide keep{_mm256_sub_epi16(full, _mm256_shuffle_epi8(source.low, alphas)),
                        _mm256_sub_epi16(full, _mm256_shuffle_epi8(source.high, alphas))};
        _mm256_storeu_si256(at, narrow(over(under, source, keep)));
    }
    each::text(pixels, counts, coverage, x, to, ink, plates);
}

QVD_AVX2 void addPlateAvx2(quint8 *counts, int count, quint8 most)
{
    addPlateEach(counts, count, most);
}

#endif

} // namespace

namespace each {

void settle(QRgb *pixels, quint8 *counts, int from, int to, const Plate *plates)
{
    for (int x = from; x < to; ++x) {
        if (counts[x] != 0) {
            pixels[x] = plated(pixels[x], plates[counts[x]]);
            counts[x] = 0;
        }
    }
}

void text(QRgb *pixels, quint8 *counts, const quint8 *coverage, int from, int to, QRgb ink,
          const Plate *plates)
{
    for (int x = from; x < to; ++x) {
        if (coverage[x] != 0) {
            pixels[x] = texted(plated(pixels[x], plates[counts[x]]), ink, coverage[x]);
            counts[x] = 0;
        }
    }
}

} // namespace each

void addPlate(quint8 *counts, int count, quint8 most)
{
#ifdef QVD_LABEL_AVX2
    if (hasAvx2())
        return addPlateAvx2(counts, count, most);
#endif
    addPlateEach(counts, count, most);
}

void settle(QRgb *pixels, quint8 *counts, int from, int to, const Plate *plates)
{
#ifdef QVD_LABEL_AVX2
    if (hasAvx2())
        return settleAvx2(pixels, counts, from, to, plates);
#endif
    each::settle(pixels, counts, from, to, plates);
}

void text(QRgb *pixels, quint8 *counts, const quint8 *coverage, int from, int to, QRgb ink,
          const Plate *plates)
{
#ifdef QVD_LABEL_AVX2
    if (hasAvx2())
        return textAvx2(pixels, counts, coverage, from, to, ink, plates);
#endif
    each::text(pixels, counts, coverage, from, to, ink, plates);
}

} // namespace qvd::labelpixels
