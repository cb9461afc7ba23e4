#pragma once

#include "core/grounding/MappedDetection.h"

#include <QCoreApplication>
#include <QImage>
#include <QString>

namespace qvd {

// Writes what the inspector shows — the image and its visible detections — through the core's
// exporters: the annotated image at full resolution (PNG), COCO JSON, LabelMe JSON, YOLO labels
// (with classes.txt beside them). Hidden detections are left out of every file.
class DetectionExporter
{
    Q_DECLARE_TR_FUNCTIONS(qvd::DetectionExporter)

public:
    enum class Format { AnnotatedPng, Coco, LabelMe, Yolo };

    // `imageFileName`: the name the image files name (COCO file_name, LabelMe imagePath).
    DetectionExporter(const QImage &image, const QList<MappedDetection> &detections,
                      const QString &imageFileName);

    bool write(Format format, const QString &path);
    bool writePng(const QString &path);
    bool writeCoco(const QString &path);
    bool writeLabelMe(const QString &path);
    // The labels file at `path`, and classes.txt in the same folder.
    bool writeYolo(const QString &path);

    // For the save dialog: a file name derived from the image's, and the file type filter.
    static QString suggestedFileName(Format format, const QString &imageFileName);
    static QString fileFilter(Format format);

    // A translated description of the last failure.
    QString errorString() const { return m_error; }

private:
    bool writeBytes(const QString &path, const QByteArray &bytes);

    QImage m_image;
    QList<MappedDetection> m_visible;
    QString m_imageFileName;
    QString m_error;
};

} // namespace qvd
