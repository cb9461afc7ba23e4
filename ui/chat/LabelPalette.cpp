#include "ui/chat/LabelPalette.h"

#include "core/grounding/LabelPalette.h"

namespace qvd {

QColor labelColor(const QString &label)
{
    // The boxes' own colours (core BoxPainter), so a highlighted ref matches its box.
    return LabelPalette::colour(label.trimmed());
}

QColor labelHighlight(const QString &label)
{
    QColor color = labelColor(label);
    color.setAlpha(90);
    return color;
}

} // namespace qvd
