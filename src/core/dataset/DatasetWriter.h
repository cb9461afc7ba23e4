#pragma once

#include "core/dataset/DatasetFormat.h"
#include "core/dataset/DatasetImage.h"

#include <QCoreApplication>
#include <QSet>
#include <QStringList>

#include <optional>

namespace qvd {

// Writes a data set into one folder, for the app's exports, the command line and batch runs
// alike: COCO JSON, LabelMe JSON, Pascal VOC XML, YOLO labels and the annotated image.
//
// The folder has ONE class list (classes.txt): every YOLO label file written into it numbers
// its classes by that list, and new classes are appended, never inserted, so a class keeps its
// number across images, across runs and between the app and the command line. COCO categories
// are numbered by the same list (id = position + 1). Files that name the image name it relative
// to the folder. Every file is replaced atomically (QSaveFile); a failure leaves the old file
// and says why in errorString(). Hidden detections are left out of every file.
//
// Many images (a batch):   writer.addImage(image, formats) per image, then writer.finish()
//                          for the COCO file of them all.
// One chosen file (a save dialog, --output FILE):  writer.writeFile(format, image, path).
class DatasetWriter
{
    Q_DECLARE_TR_FUNCTIONS(qvd::DatasetWriter)

public:
    // `folder` may be empty for output that goes to no folder (standard output): then there is
    // no class list file unless setClassListFile() names one, and images are named as given.
    explicit DatasetWriter(const QString &folder);

    QString folder() const { return m_folder; }
    // classes.txt in the folder unless set otherwise; empty: the list lives in memory only.
    void setClassListFile(const QString &path) { m_classListFile = path; }
    QString classListFile() const { return m_classListFile; }
    // The name of the COCO file finish() writes (default "coco.json").
    void setCocoFileName(const QString &name) { m_cocoFileName = name; }

    // Writes the image's own files for `formats` (LabelMe "<stem>.json", VOC "<stem>.xml",
    // YOLO "<stem>.txt", the annotated image "<stem>-annotated.png"; stem: the image's name,
    // made unique within this writer) and keeps the image for the COCO file.
    bool addImage(const DatasetImage &image, DatasetFormats formats);
    // Writes the COCO file of every image added with DatasetFormat::Coco (if any).
    bool finish();

    // One file of `format` for one image at `path` (absolute, or relative to the folder).
    bool writeFile(DatasetFormat format, const DatasetImage &image, const QString &path);
    // What writeFile() would write, for standard output; for YOLO the class list is merged
    // (and written, when there is a file) first. nullopt with errorString() on failure.
    std::optional<QByteArray> contents(DatasetFormat format, const DatasetImage &image);

    // The class list as last read and merged.
    QStringList classes() const { return m_classes; }
    // Every file written so far, in order.
    QStringList writtenFiles() const { return m_written; }
    QString errorString() const { return m_error; }

    // The file name addImage() gives `format` for an image file called `imagePath`; also the
    // name a save dialog suggests.
    static QString defaultFileName(DatasetFormat format, const QString &imagePath);

private:
    DatasetImage prepared(const DatasetImage &image) const;
    bool mergeClasses(const QList<MappedDetection> &detections);
    bool writeBytes(const QString &path, const QByteArray &bytes);
    QString uniqueStem(const DatasetImage &image);

    QString m_folder;
    QString m_classListFile;
    QString m_cocoFileName = QStringLiteral("coco.json");
    QStringList m_classes;
    QList<DatasetImage> m_cocoImages;
    QSet<QString> m_stems;
    QStringList m_written;
    QString m_error;
};

} // namespace qvd
