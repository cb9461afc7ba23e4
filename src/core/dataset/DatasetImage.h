#pragma once

#include "core/grounding/MappedDetection.h"

#include <QImage>
#include <QList>
#include <QSize>
#include <QString>

namespace qvd {

// One image of a data set with its annotations: what the dataset writer writes and the dataset
// readers read. Coordinates are pixels of the upright image (EXIF orientation applied), as
// everywhere else (MappedDetection).
struct DatasetImage
{
    // The image file: absolute, or relative to the data set's folder. Files that name the image
    // (COCO file_name, LabelMe imagePath, VOC filename) name it relative to that folder.
    QString imagePath;
    // What identifies the image across files and formats (the image file's name without folder
    // and extension, or the annotation file's when it names no image): how predictions and ground
    // truth are paired. Empty: derived from imagePath (imageName()).
    QString name;
    QSize size; // upright size in pixels; YOLO's coordinates are fractions of it
    QImage pixels; // only for the annotated image; may be null otherwise
    QList<MappedDetection> detections; // hidden ones are left out of every file

    QString imageName() const;
};

// The attribute keys dataset files give a meaning to (COCO "score" and "iscrowd", VOC
// "difficult"); every other attribute is carried through as it is.
namespace datasetkeys {
inline constexpr char kScore[] = "score";
inline constexpr char kCrowd[] = "iscrowd";
inline constexpr char kDifficult[] = "difficult";
} // namespace datasetkeys

} // namespace qvd
