#pragma once

#include "core/dataset/DatasetFormat.h"
#include "core/grounding/MappedDetection.h"

#include <QCoreApplication>
#include <QImage>
#include <QString>

namespace qvd {

// What the inspector exports — the image and its visible detections — handed to the data set
// writer (core/dataset/DatasetWriter), which writes it into the folder of the file a person
// chose exactly as the command line does: YOLO labels numbered by that folder's one merged
// classes.txt, image names relative to the folder.
class DetectionExporter
{
    Q_DECLARE_TR_FUNCTIONS(qvd::DetectionExporter)

public:
    using Format = DatasetFormat;

    // `imageFileName`: the name the files give the image (COCO file_name, LabelMe imagePath).
    DetectionExporter(const QImage &image, const QList<MappedDetection> &detections,
                      const QString &imageFileName);

    bool write(Format format, const QString &path);

    // For the save dialog: a file name derived from the image's, and the file type filter.
    static QString suggestedFileName(Format format, const QString &imageFileName);
    static QString fileFilter(Format format);

    // A translated description of the last failure.
    QString errorString() const { return m_error; }

private:
    QImage m_image;
    QList<MappedDetection> m_detections;
    QString m_imageFileName;
    QString m_error;
};

} // namespace qvd
