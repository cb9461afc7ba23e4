#include "core/grounding/AnnotatedPng.h"

#include "core/grounding/BoxPainter.h"

#include <QBuffer>
#include <QImageWriter>

namespace qvd {

QByteArray AnnotatedPng::encode(const QImage &image, const QList<MappedDetection> &detections,
                                const BoxStyle &style)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "png");
    if (!writer.write(BoxPainter::render(image, detections, style)))
        return {};
    return bytes;
}

} // namespace qvd
