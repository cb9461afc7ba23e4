#pragma once

#include <QRgb>
#include <QtGlobal>

// The pixel loops of LabelPainter (LabelPainter.h): plates counted per pixel, applied all at
// once, and label texts blended from their coverage, on rows of 32-bit premultiplied pixels
// (RGB32 or ARGB32_Premultiplied). Each result is Qt's source-over within one level.
//
// The loops work on groups of eight pixels whose first is a multiple of eight from the row's
// start, so what one pass leaves as a whole group the next finds whole; callers widen their
// spans to such groups (applying counted plates early changes nothing, nor do a text's clear
// pixels). On x86-64 processors with AVX2 they run in 16-bit lanes, eight pixels at a time;
// elsewhere a pixel at a time.
namespace qvd::labelpixels {

// k plates of one colour as one fill: what is under it kept `keep` out of 255, then `colour`.
struct Plate
{
    QRgb colour; // premultiplied
    uint keep;
};

// One more plate over counts[0, count), up to `most`.
void addPlate(quint8 *counts, int count, quint8 most);

// Applies the plates counted over pixels [from, to) (plates[k] for k of them) and clears the
// counts.
void settle(QRgb *pixels, quint8 *counts, int from, int to, const Plate *plates);

// A text's row over pixels [from, to): `coverage` is lined up with the pixels, `ink` is the
// text's premultiplied colour. Where the text has ink, the plates counted there go first (they
// are under it) and their counts are cleared; elsewhere the counts stay.
void text(QRgb *pixels, quint8 *counts, const quint8 *coverage, int from, int to, QRgb ink,
          const Plate *plates);

// settle() and text() a pixel at a time, on any processor (what the vector loops are held to).
// text() here clears only the counts under ink.
namespace each {
void settle(QRgb *pixels, quint8 *counts, int from, int to, const Plate *plates);
void text(QRgb *pixels, quint8 *counts, const quint8 *coverage, int from, int to, QRgb ink,
          const Plate *plates);
} // namespace each

} // namespace qvd::labelpixels
