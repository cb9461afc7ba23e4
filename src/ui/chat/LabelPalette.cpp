#include "ui/chat/LabelPalette.h"

#include <QCryptographicHash>
#include <QtEndian>

#include <array>

namespace qvd {
namespace {

// Twelve well-separated hues (Tableau/ColorBrewer-like), saturated enough for 2 px box strokes.
constexpr std::array<QRgb, 12> kColors{
    0xffe6194b, 0xff3cb44b, 0xff4363d8, 0xfff58231, 0xff911eb4, 0xff42d4f4,
    0xfff032e6, 0xff9a6324, 0xff469990, 0xff808000, 0xffdcbeff, 0xffffd8b1,
};

} // namespace

QColor labelColor(const QString &label)
{
    if (label.isEmpty())
        return QColor::fromRgb(kColors[0]);
    // A hash that is the same in every process (qHash is seeded per run).
    const QByteArray digest =
        QCryptographicHash::hash(label.trimmed().toUtf8(), QCryptographicHash::Md5);
    const quint32 value = qFromBigEndian<quint32>(digest.constData());
    return QColor::fromRgb(kColors[value % kColors.size()]);
}

QColor labelHighlight(const QString &label)
{
    QColor color = labelColor(label);
    color.setAlpha(90);
    return color;
}

} // namespace qvd
