#include "ui/chat/LabelPalette.h"

#include <QCryptographicHash>
#include <QtEndian>

namespace qvd {

QColor labelColor(const QString &label)
{
    // A hash that is the same in every process (qHash is seeded per run) picks the hue; fixed
    // saturation and value keep every hue readable as a 2 px stroke on light and dark images.
    const QByteArray digest =
        QCryptographicHash::hash(label.trimmed().toUtf8(), QCryptographicHash::Md5);
    const quint32 value = qFromBigEndian<quint32>(digest.constData());
    return QColor::fromHsv(int(value % 360), 200, 220);
}

QColor labelHighlight(const QString &label)
{
    QColor color = labelColor(label);
    color.setAlpha(90);
    return color;
}

} // namespace qvd
