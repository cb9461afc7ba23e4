#include "ui/inspector/DetectionExporter.h"

#include "core/grounding/AnnotatedPng.h"
#include "core/grounding/CocoExport.h"
#include "core/grounding/ExportClasses.h"
#include "core/grounding/LabelMeExport.h"
#include "core/grounding/YoloExport.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

namespace qvd {

DetectionExporter::DetectionExporter(const QImage &image, const QList<MappedDetection> &detections,
                                     const QString &imageFileName)
    : m_image(image), m_imageFileName(imageFileName)
{
    for (const MappedDetection &d : detections) {
        if (!d.hidden)
            m_visible.append(d);
    }
}

bool DetectionExporter::writeBytes(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        m_error =
            tr("Could not write “%1”: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

bool DetectionExporter::write(Format format, const QString &path)
{
    switch (format) {
    case Format::AnnotatedPng:
        return writePng(path);
    case Format::Coco:
        return writeCoco(path);
    case Format::LabelMe:
        return writeLabelMe(path);
    case Format::Yolo:
        return writeYolo(path);
    }
    return false;
}

QString DetectionExporter::suggestedFileName(Format format, const QString &imageFileName)
{
    const QString stem = QFileInfo(imageFileName).completeBaseName();
    switch (format) {
    case Format::AnnotatedPng:
        return stem + QStringLiteral("-annotated.png");
    case Format::Coco:
        return stem + QStringLiteral("-coco.json");
    case Format::LabelMe:
        return stem + QStringLiteral(".json"); // LabelMe looks for the JSON beside the image
    case Format::Yolo:
        return stem + QStringLiteral(".txt");
    }
    return {};
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
    }
    return {};
}

bool DetectionExporter::writePng(const QString &path)
{
    const QByteArray png = AnnotatedPng::encode(m_image, m_visible);
    if (png.isEmpty()) {
        m_error = tr("The annotated image could not be encoded as PNG.");
        return false;
    }
    return writeBytes(path, png);
}

bool DetectionExporter::writeCoco(const QString &path)
{
    const QJsonObject document = CocoExport::document(m_visible, m_image.size(), m_imageFileName);
    return writeBytes(path, QJsonDocument(document).toJson(QJsonDocument::Indented));
}

bool DetectionExporter::writeLabelMe(const QString &path)
{
    const QJsonObject document =
        LabelMeExport::document(m_visible, m_image.size(), m_imageFileName);
    return writeBytes(path, QJsonDocument(document).toJson(QJsonDocument::Indented));
}

bool DetectionExporter::writeYolo(const QString &path)
{
    const QStringList classes = exportClasses(m_visible);
    const QString classesPath = QFileInfo(path).dir().filePath(QStringLiteral("classes.txt"));
    return writeBytes(path, YoloExport::labels(m_visible, m_image.size(), classes).toUtf8())
        && writeBytes(classesPath, YoloExport::classList(classes).toUtf8());
}

} // namespace qvd
