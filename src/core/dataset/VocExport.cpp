#include "core/dataset/VocExport.h"

#include "core/dataset/DatasetImage.h"
#include "core/grounding/ExportClasses.h"

#include <QXmlStreamWriter>

#include <cmath>

namespace qvd {

namespace {

QString pixel(qreal value)
{
    return QString::number(qlonglong(std::llround(value)));
}

void writeObject(QXmlStreamWriter &xml, const MappedDetection &d)
{
    const QRectF r = d.kind == DetectionKind::Quad ? d.quad.boundingRect() : d.rect;
    xml.writeStartElement(QStringLiteral("object"));
    xml.writeTextElement(QStringLiteral("name"), exportClassName(d.label));
    xml.writeTextElement(QStringLiteral("pose"), QStringLiteral("Unspecified"));
    xml.writeTextElement(QStringLiteral("truncated"), QStringLiteral("0"));
    xml.writeTextElement(QStringLiteral("difficult"),
                         d.attributes.value(QLatin1String(datasetkeys::kDifficult)).toBool()
                             ? QStringLiteral("1")
                             : QStringLiteral("0"));
    xml.writeStartElement(QStringLiteral("bndbox"));
    xml.writeTextElement(QStringLiteral("xmin"), pixel(r.left()));
    xml.writeTextElement(QStringLiteral("ymin"), pixel(r.top()));
    xml.writeTextElement(QStringLiteral("xmax"), pixel(r.right()));
    xml.writeTextElement(QStringLiteral("ymax"), pixel(r.bottom()));
    xml.writeEndElement(); // bndbox
    xml.writeEndElement(); // object
}

} // namespace

QByteArray VocExport::document(const QList<MappedDetection> &detections, const QSize &imageSize,
                               const QString &fileName)
{
    QByteArray bytes;
    QXmlStreamWriter xml(&bytes);
    xml.setAutoFormatting(true);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("annotation"));
    xml.writeTextElement(QStringLiteral("filename"), fileName);
    xml.writeStartElement(QStringLiteral("size"));
    xml.writeTextElement(QStringLiteral("width"), QString::number(imageSize.width()));
    xml.writeTextElement(QStringLiteral("height"), QString::number(imageSize.height()));
    xml.writeTextElement(QStringLiteral("depth"), QStringLiteral("3"));
    xml.writeEndElement(); // size
    xml.writeTextElement(QStringLiteral("segmented"), QStringLiteral("0"));
    for (const MappedDetection &d : detections)
        writeObject(xml, d);
    xml.writeEndElement(); // annotation
    xml.writeEndDocument();
    return bytes;
}

} // namespace qvd
