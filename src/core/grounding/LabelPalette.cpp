#include "core/grounding/LabelPalette.h"

namespace qvd {

const QList<QColor> &LabelPalette::colours()
{
    // matplotlib's TABLEAU_COLORS, in its order.
    static const QList<QColor> palette{
        QColor(0x1f, 0x77, 0xb4), QColor(0xff, 0x7f, 0x0e), QColor(0x2c, 0xa0, 0x2c),
        QColor(0xd6, 0x27, 0x28), QColor(0x94, 0x67, 0xbd), QColor(0x8c, 0x56, 0x4b),
        QColor(0xe3, 0x77, 0xc2), QColor(0x7f, 0x7f, 0x7f), QColor(0xbc, 0xbd, 0x22),
        QColor(0x17, 0xbe, 0xcf),
    };
    return palette;
}

int LabelPalette::index(const QString &label)
{
    quint32 hash = 2166136261u;
    const QByteArray bytes = label.toUtf8();
    for (const char byte : bytes) {
        hash ^= quint8(byte);
        hash *= 16777619u;
    }
    return int(hash % quint32(colours().size()));
}

QColor LabelPalette::colour(const QString &label)
{
    return colours().at(index(label));
}

} // namespace qvd
