#include "ui/inspector/DetectionExporter.h"

#include "core/dataset/DatasetWriter.h"

#include <QFileInfo>

namespace qvd {

DetectionExporter::DetectionExporter(const QImage &image, const QList<MappedDetection> &detections,
                                     const QString &imageFileName)
    : m_image(image), m_detections(detections), m_imageFileName(imageFileName)
{ }

bool DetectionExporter::write(Format format, const QString &path)
{
    const QFileInfo file(path);
    DatasetWriter writer(file.absolutePath());
    DatasetImage image;
    image.imagePath = m_imageFileName;
    image.size = m_image.size();
    image.pixels = m_image;
    image.detections = m_detections;
    const bool ok = writer.writeFile(format, image, file.fileName());
    m_error = ok ? QString() : writer.errorString();
    return ok;
}

QString DetectionExporter::suggestedFileName(Format format, const QString &imageFileName)
{
    return DatasetWriter::defaultFileName(format, imageFileName);
}

QString DetectionExporter::fileFilter(Format format)
{
    switch (format) {
    case Format::AnnotatedPng:
        return tr("PNG images (*.png)");
    case Format::Coco:
        return tr("COCO JSON (*.json)");
    case Format::LabelMe:
        return tr("LabelMe JSON (*.json)");
    case Format::Yolo:
        return tr("YOLO labels (*.txt)");
    case Format::Voc:
        return tr("Pascal VOC XML (*.xml)");
    }
    return {};
}

} // namespace qvd
