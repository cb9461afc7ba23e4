#include "core/dataset/VocImport.h"

#include <QXmlStreamReader>

namespace qvd {

namespace {

struct VocObject
{
    QString name;
    bool difficult = false;
    std::optional<double> score;
    double edges[4] = {0, 0, 0, 0}; // xmin, ymin, xmax, ymax
    int edgesRead = 0;
};

bool readNumber(QXmlStreamReader &xml, double &value)
{
    bool ok = false;
    value = xml.readElementText().trimmed().toDouble(&ok);
    return ok;
}

void readBox(QXmlStreamReader &xml, VocObject &object)
{
    static const QLatin1String kEdges[] = {QLatin1String("xmin"), QLatin1String("ymin"),
                                           QLatin1String("xmax"), QLatin1String("ymax")};
    while (xml.readNextStartElement()) {
        bool known = false;
        for (int i = 0; i < 4; ++i) {
            if (xml.name() == kEdges[i]) {
                known = true;
                if (readNumber(xml, object.edges[i]))
                    ++object.edgesRead;
            }
        }
        if (!known)
            xml.skipCurrentElement();
    }
}

VocObject readObject(QXmlStreamReader &xml)
{
    VocObject object;
    while (xml.readNextStartElement()) {
        double number = 0;
        if (xml.name() == QLatin1String("name"))
            object.name = xml.readElementText().trimmed();
        else if (xml.name() == QLatin1String("difficult"))
            object.difficult = xml.readElementText().trimmed() == QLatin1String("1");
        else if (xml.name() == QLatin1String("score")
                 || xml.name() == QLatin1String("confidence")) {
            if (readNumber(xml, number))
                object.score = number;
        } else if (xml.name() == QLatin1String("bndbox"))
            readBox(xml, object);
        else
            xml.skipCurrentElement();
    }
    return object;
}

QSize readSize(QXmlStreamReader &xml)
{
    QSize size;
    while (xml.readNextStartElement()) {
        if (xml.name() == QLatin1String("width"))
            size.setWidth(xml.readElementText().trimmed().toInt());
        else if (xml.name() == QLatin1String("height"))
            size.setHeight(xml.readElementText().trimmed().toInt());
        else
            xml.skipCurrentElement();
    }
    return size;
}

MappedDetection detectionOf(const VocObject &object)
{
    MappedDetection d;
    d.label = object.name;
    d.rect =
        QRectF(QPointF(object.edges[0], object.edges[1]), QPointF(object.edges[2], object.edges[3]))
            .normalized();
    if (d.rect.width() == 0 && d.rect.height() == 0)
        d.kind = DetectionKind::Point;
    if (object.difficult)
        d.attributes.insert(QLatin1String(datasetkeys::kDifficult), 1);
    if (object.score)
        d.attributes.insert(QLatin1String(datasetkeys::kScore), *object.score);
    return d;
}

} // namespace

std::optional<DatasetImage> VocImport::read(const QByteArray &bytes, QString *error)
{
    QXmlStreamReader xml(bytes);
    if (!xml.readNextStartElement() || xml.name() != QLatin1String("annotation")) {
        if (error)
            *error = tr("It is not a Pascal VOC file: there is no <annotation> element.");
        return std::nullopt;
    }
    DatasetImage image;
    int objectNumber = 0;
    while (xml.readNextStartElement()) {
        if (xml.name() == QLatin1String("filename")) {
            image.imagePath = xml.readElementText().trimmed();
        } else if (xml.name() == QLatin1String("size")) {
            image.size = readSize(xml);
        } else if (xml.name() == QLatin1String("object")) {
            ++objectNumber;
            const VocObject object = readObject(xml);
            if (object.edgesRead != 4) {
                if (error) {
                    *error = tr("Object %1 has no complete <bndbox> (xmin, ymin, xmax, ymax).")
                                 .arg(objectNumber);
                }
                return std::nullopt;
            }
            image.detections.append(detectionOf(object));
        } else {
            xml.skipCurrentElement();
        }
    }
    if (xml.hasError()) {
        if (error) {
            *error = tr("The XML is damaged at line %1: %2.")
                         .arg(xml.lineNumber())
                         .arg(xml.errorString());
        }
        return std::nullopt;
    }
    return image;
}

} // namespace qvd
