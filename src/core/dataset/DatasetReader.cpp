#include "core/dataset/DatasetReader.h"

#include "core/dataset/ClassList.h"
#include "core/dataset/CocoImport.h"
#include "core/dataset/DetectionJsonImport.h"
#include "core/dataset/LabelMeImport.h"
#include "core/dataset/VocImport.h"
#include "core/dataset/YoloImport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QImageReader>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace qvd {

namespace {

// The name an image is paired by, when its file names none.
void nameAfterFile(QList<DatasetImage> &images, const QString &file)
{
    for (DatasetImage &image : images) {
        if (image.imagePath.isEmpty() && image.name.isEmpty())
            image.name = QFileInfo(file).completeBaseName();
    }
}

// Which file an image is read from when a folder holds it in several formats: the richest first.
constexpr int kPreferCoco = 0;
constexpr int kPreferLabelMe = 1;
constexpr int kPreferVoc = 2;
constexpr int kPreferYolo = 3;
constexpr int kPreferDetectionJson = 4;

bool isAnnotationFile(const QFileInfo &file)
{
    const QString suffix = file.suffix().toLower();
    if (suffix == QLatin1String("txt"))
        return file.fileName() != ClassList::defaultFileName();
    return suffix == QLatin1String("json") || suffix == QLatin1String("xml");
}

} // namespace

bool DatasetReader::fail(const QString &path, const QString &why)
{
    m_error = tr("Cannot read “%1”: %2").arg(QDir::toNativeSeparators(path), why);
    return false;
}

std::optional<QList<DatasetImage>> DatasetReader::read(const QString &path)
{
    m_error.clear();
    m_warnings.clear();
    const QFileInfo info(path);
    if (!info.exists()) {
        fail(path, tr("there is no such file or folder."));
        return std::nullopt;
    }
    QList<DatasetImage> images;
    if (info.isDir()) {
        if (!readFolder(path, images))
            return std::nullopt;
    } else {
        std::optional<FileImages> one = readFile(path);
        if (!one)
            return std::nullopt;
        images = std::move(one->images);
    }
    QHash<QString, QString> seen;
    for (const DatasetImage &image : std::as_const(images)) {
        const QString name = image.imageName();
        if (seen.contains(name)) {
            fail(path,
                 tr("two images are called “%1” (%2 and %3); images are paired by name.")
                     .arg(name, seen.value(name), image.imagePath));
            return std::nullopt;
        }
        seen.insert(name, image.imagePath);
    }
    return images;
}

bool DatasetReader::readFolder(const QString &path, QList<DatasetImage> &images)
{
    struct Found
    {
        int preference;
        QString file;
        qsizetype index; // in images
    };
    QHash<QString, Found> byName;
    QStringList passedOver;
    QFileInfoList files;
    for (const QFileInfo &file : QDir(path).entryInfoList(QDir::Files, QDir::Name)) {
        if (isAnnotationFile(file))
            files.append(file);
    }
    // YOLO files last: one whose image is already read from a richer file is not opened (it
    // would need the image file for its size).
    std::stable_sort(files.begin(), files.end(), [](const QFileInfo &a, const QFileInfo &b) {
        return (a.suffix().toLower() == QLatin1String("txt"))
            < (b.suffix().toLower() == QLatin1String("txt"));
    });
    for (const QFileInfo &file : std::as_const(files)) {
        if (file.suffix().toLower() == QLatin1String("txt")
            && byName.contains(file.completeBaseName())) {
            passedOver.append(file.fileName());
            continue;
        }
        std::optional<FileImages> read = readFile(file.filePath());
        if (!read)
            return false;
        for (DatasetImage &image : read->images) {
            const QString name = image.imageName();
            const auto found = byName.constFind(name);
            if (found == byName.constEnd()) {
                byName.insert(name, {read->preference, file.fileName(), images.size()});
                images.append(std::move(image));
            } else if (found->preference == read->preference) {
                images.append(std::move(image)); // the same format twice: read() says so
            } else {
                const bool better = read->preference < found->preference;
                passedOver.append(better ? found->file : file.fileName());
                if (better) {
                    const qsizetype index = found->index;
                    byName.insert(name, {read->preference, file.fileName(), index});
                    images[index] = std::move(image);
                }
            }
        }
    }
    if (files.isEmpty())
        return fail(path, tr("the folder holds no annotation files (.json, .xml, .txt)."));
    passedOver.removeDuplicates();
    if (!passedOver.isEmpty()) {
        m_warnings.append(
            tr("%1: the same images are also in other formats; not read: %2")
                .arg(QDir::toNativeSeparators(path), passedOver.join(QStringLiteral(", "))));
    }
    return true;
}

std::optional<DatasetReader::FileImages> DatasetReader::readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        fail(path, file.errorString());
        return std::nullopt;
    }
    const QByteArray bytes = file.readAll();
    const QString suffix = QFileInfo(path).suffix().toLower();
    FileImages result;
    QString why;
    if (suffix == QLatin1String("xml")) {
        const std::optional<DatasetImage> image = VocImport::read(bytes, &why);
        if (!image) {
            fail(path, why);
            return std::nullopt;
        }
        result = {kPreferVoc, {*image}};
    } else if (suffix == QLatin1String("txt")) {
        const std::optional<DatasetImage> image = readYolo(path, bytes);
        if (!image)
            return std::nullopt;
        result = {kPreferYolo, {*image}};
    } else {
        std::optional<FileImages> json = readJson(path, bytes);
        if (!json)
            return std::nullopt;
        result = std::move(*json);
    }
    nameAfterFile(result.images, path);
    return result;
}

std::optional<DatasetReader::FileImages> DatasetReader::readJson(const QString &path,
                                                                 const QByteArray &bytes)
{
    QJsonParseError parseError;
    const QJsonDocument json = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        fail(path,
             tr("the JSON is damaged at byte %1: %2.")
                 .arg(parseError.offset)
                 .arg(parseError.errorString()));
        return std::nullopt;
    }
    QString why;
    QStringList warnings;
    std::optional<FileImages> result;
    if (CocoImport::isCoco(json.object())) {
        if (auto images = CocoImport::read(json.object(), &why, &warnings))
            result = FileImages{kPreferCoco, *images};
    } else if (LabelMeImport::isLabelMe(json.object())) {
        if (auto image = LabelMeImport::read(json.object(), &why, &warnings))
            result = FileImages{kPreferLabelMe, {*image}};
    } else if (DetectionJsonImport::isDetectionJson(json)) {
        if (auto image = DetectionJsonImport::read(json, &why))
            result = FileImages{kPreferDetectionJson, {*image}};
    } else {
        why = tr("it is neither COCO, LabelMe nor the detections JSON of qwenvl-desk-cli.");
    }
    for (const QString &warning : std::as_const(warnings))
        m_warnings.append(QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(path), warning));
    if (!result)
        fail(path, why);
    return result;
}

std::optional<DatasetImage> DatasetReader::readYolo(const QString &path, const QByteArray &bytes)
{
    DatasetImage image;
    image.imagePath = YoloImport::findImage(path, m_imageFolder);
    if (image.imagePath.isEmpty()) {
        fail(path,
             tr("YOLO coordinates are fractions of the image size, and no image called "
                "“%1” was found beside the labels, in an images folder or in the image "
                "folder given.")
                 .arg(QFileInfo(path).completeBaseName()));
        return std::nullopt;
    }
    QImageReader reader(image.imagePath);
    reader.setAutoTransform(true); // labels are drawn on the upright image
    const QSize stored = reader.size();
    const bool turned = reader.transformation().testFlag(QImageIOHandler::TransformationRotate90);
    image.size = turned ? stored.transposed() : stored;
    if (image.size.isEmpty()) {
        fail(image.imagePath, reader.errorString());
        return std::nullopt;
    }
    QStringList classes;
    QString why;
    const QString classList = YoloImport::findClassList(path);
    if (!classList.isEmpty() && !ClassList::read(classList, classes, &why)) {
        m_error = why;
        return std::nullopt;
    }
    const std::optional<QList<MappedDetection>> detections =
        YoloImport::parse(bytes, classes, image.size, &why);
    if (!detections) {
        fail(path, why);
        return std::nullopt;
    }
    image.detections = *detections;
    // Paired by the label file's name, which is the image's.
    image.name = QFileInfo(path).completeBaseName();
    return image;
}

} // namespace qvd
