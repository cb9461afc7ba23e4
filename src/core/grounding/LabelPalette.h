#pragma once

#include <QColor>
#include <QList>
#include <QString>

namespace qvd {

// The colour of a label: the same label gets the same colour in every run, process and
// machine (a fixed hash, not qHash's per-process seed), from Tableau-10, the palette Qwen-VL's
// own drawer picks from (docs/grounding.md §3.1).
class LabelPalette
{
public:
    static const QList<QColor> &colours();
    static QColor colour(const QString &label);
    // The palette index of `label`: FNV-1a over its UTF-8 bytes, modulo the palette size.
    static int index(const QString &label);
};

} // namespace qvd
