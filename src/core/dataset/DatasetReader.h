#pragma once

#include "core/dataset/DatasetImage.h"

#include <QCoreApplication>
#include <QStringList>

#include <optional>

namespace qvd {

// Reads annotations from a file or a folder of files in any of the formats the app writes or
// reads: COCO JSON, LabelMe JSON, Pascal VOC XML, YOLO txt (with its class list), and the
// detections JSON of `qwenvl-desk-cli boxes` and `ask --json`. The format is told by the file
// itself (suffix, then the JSON's keys). Each image is named (DatasetImage::imageName) by its
// image file's name without folder and extension, or by the annotation file's when it names
// none; two images of one name are an error, since predictions and truth are paired by name.
// A folder a data set was written to may hold the same image in several formats (COCO,
// LabelMe, VOC, YOLO side by side): each image is then read from one of them, in that order of
// preference, and the others are named in warnings().
class DatasetReader
{
    Q_DECLARE_TR_FUNCTIONS(qvd::DatasetReader)

public:
    // Where YOLO label files may find their images (for the image size) besides the usual
    // places (YoloImport::findImage).
    void setImageFolder(const QString &folder) { m_imageFolder = folder; }

    // nullopt with errorString() when the path or one of its files cannot be read.
    std::optional<QList<DatasetImage>> read(const QString &path);

    QString errorString() const { return m_error; }
    // Objects that were skipped, one translated line each.
    QStringList warnings() const { return m_warnings; }

private:
    struct FileImages
    {
        int preference = 0; // lower is preferred when a folder holds an image twice
        QList<DatasetImage> images;
    };
    std::optional<FileImages> readFile(const QString &path);
    std::optional<FileImages> readJson(const QString &path, const QByteArray &bytes);
    bool readFolder(const QString &path, QList<DatasetImage> &images);
    std::optional<DatasetImage> readYolo(const QString &path, const QByteArray &bytes);
    bool fail(const QString &path, const QString &why);

    QString m_imageFolder;
    QString m_error;
    QStringList m_warnings;
};

} // namespace qvd
