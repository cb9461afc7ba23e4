#include "core/dataset/DatasetWriter.h"

#include "core/dataset/ClassList.h"
#include "core/dataset/CocoExport.h"
#include "core/dataset/LabelMeExport.h"
#include "core/dataset/VocExport.h"
#include "core/dataset/YoloExport.h"
#include "core/grounding/AnnotatedPng.h"
#include "core/grounding/ExportClasses.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

#include <utility>

namespace qvd {

namespace {

// The formats written once per image, in the order addImage() writes them.
constexpr DatasetFormat kPerImage[] = {DatasetFormat::LabelMe, DatasetFormat::Voc,
                                       DatasetFormat::Yolo, DatasetFormat::AnnotatedPng};

QString fileNameForStem(DatasetFormat format, const QString &stem)
{
    switch (format) {
    case DatasetFormat::AnnotatedPng:
        return stem + QStringLiteral("-annotated.png");
    case DatasetFormat::Coco:
        return stem + QStringLiteral("-coco.json");
    case DatasetFormat::LabelMe:
        return stem + QStringLiteral(".json"); // LabelMe looks for the JSON beside the image
    case DatasetFormat::Yolo:
        return stem + QStringLiteral(".txt");
    case DatasetFormat::Voc:
        return stem + QStringLiteral(".xml");
    }
    return stem;
}

QByteArray indented(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

} // namespace

DatasetWriter::DatasetWriter(const QString &folder)
    : m_folder(folder),
      m_classListFile(folder.isEmpty() ? QString()
                                       : QDir(folder).filePath(ClassList::defaultFileName()))
{ }

QString DatasetWriter::defaultFileName(DatasetFormat format, const QString &imagePath)
{
    const QString stem = QFileInfo(imagePath).completeBaseName();
    return fileNameForStem(format, stem.isEmpty() ? QStringLiteral("image") : stem);
}

DatasetImage DatasetWriter::prepared(const DatasetImage &image) const
{
    DatasetImage result = image;
    result.detections.clear();
    for (const MappedDetection &d : image.detections) {
        if (!d.hidden)
            result.detections.append(d);
    }
    if (result.imagePath.isEmpty())
        result.imagePath = image.imageName();
    else if (!m_folder.isEmpty() && QFileInfo(result.imagePath).isAbsolute())
        result.imagePath = QDir(m_folder).relativeFilePath(result.imagePath);
    return result;
}

bool DatasetWriter::mergeClasses(const QList<MappedDetection> &detections)
{
    // The file is read every time: another writer (the app, the command line) may have added
    // classes since.
    const bool hasFile = !m_classListFile.isEmpty();
    const bool exists = hasFile && QFileInfo::exists(m_classListFile);
    if (exists && !ClassList::read(m_classListFile, m_classes, &m_error))
        return false;
    const QStringList merged = exportClasses(detections, m_classes);
    if (hasFile && (!exists || merged != m_classes)) {
        if (!ClassList::write(m_classListFile, merged, &m_error))
            return false;
        m_written.append(m_classListFile);
    }
    m_classes = merged;
    return true;
}

std::optional<QByteArray> DatasetWriter::contents(DatasetFormat format,
                                                  const DatasetImage &original)
{
    const DatasetImage image = prepared(original);
    switch (format) {
    case DatasetFormat::AnnotatedPng: {
        const QByteArray png = image.pixels.isNull()
            ? QByteArray()
            : AnnotatedPng::encode(image.pixels, image.detections);
        if (png.isEmpty()) {
            m_error = tr("The annotated image could not be encoded as PNG.");
            return std::nullopt;
        }
        return png;
    }
    case DatasetFormat::Coco: {
        QStringList classes = m_classes;
        if (!m_classListFile.isEmpty() && QFileInfo::exists(m_classListFile)
            && !ClassList::read(m_classListFile, classes, &m_error)) {
            return std::nullopt;
        }
        return indented(CocoExport::document({image}, exportClasses(image.detections, classes)));
    }
    case DatasetFormat::LabelMe:
        return indented(LabelMeExport::document(image.detections, image.size, image.imagePath));
    case DatasetFormat::Voc:
        return VocExport::document(image.detections, image.size, image.imagePath);
    case DatasetFormat::Yolo:
        if (image.size.isEmpty()) {
            m_error = tr("YOLO labels need the image's size, which is not known.");
            return std::nullopt;
        }
        if (!mergeClasses(image.detections))
            return std::nullopt;
        return YoloExport::labels(image.detections, image.size, m_classes).toUtf8();
    }
    return std::nullopt;
}

bool DatasetWriter::writeBytes(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        m_error =
            tr("Could not write “%1”: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    m_written.append(path);
    return true;
}

bool DatasetWriter::writeFile(DatasetFormat format, const DatasetImage &image, const QString &path)
{
    const QString target = m_folder.isEmpty() ? path : QDir(m_folder).filePath(path);
    const std::optional<QByteArray> bytes = contents(format, image);
    return bytes && writeBytes(target, *bytes);
}

QString DatasetWriter::uniqueStem(const DatasetImage &image)
{
    QString base = image.imageName();
    if (base.isEmpty())
        base = QStringLiteral("image");
    const QString cocoStem = QFileInfo(m_cocoFileName).completeBaseName();
    QString stem = base;
    for (int n = 2; m_stems.contains(stem) || stem == cocoStem; ++n)
        stem = QStringLiteral("%1-%2").arg(base).arg(n);
    m_stems.insert(stem);
    return stem;
}

bool DatasetWriter::addImage(const DatasetImage &image, DatasetFormats formats)
{
    const QString stem = uniqueStem(image);
    for (DatasetFormat format : kPerImage) {
        if (formats.testFlag(format) && !writeFile(format, image, fileNameForStem(format, stem)))
            return false;
    }
    if (formats.testFlag(DatasetFormat::Coco)) {
        DatasetImage kept = prepared(image);
        kept.pixels = QImage(); // the COCO file needs no pixels
        m_cocoImages.append(kept);
    }
    return true;
}

bool DatasetWriter::finish()
{
    if (m_cocoImages.isEmpty())
        return true;
    QStringList classes = m_classes;
    if (!m_classListFile.isEmpty() && QFileInfo::exists(m_classListFile)
        && !ClassList::read(m_classListFile, classes, &m_error)) {
        return false;
    }
    for (const DatasetImage &image : std::as_const(m_cocoImages))
        classes = exportClasses(image.detections, classes);
    m_classes = classes;
    const QList<DatasetImage> images = std::exchange(m_cocoImages, {});
    return writeBytes(QDir(m_folder).filePath(m_cocoFileName),
                      indented(CocoExport::document(images, classes)));
}

} // namespace qvd
