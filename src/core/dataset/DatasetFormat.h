#pragma once

#include <QFlags>
#include <QString>
#include <QStringView>

#include <optional>

namespace qvd {

// The files a data set can hold.
enum class DatasetFormat {
    AnnotatedPng = 0x01, // the image with its detections drawn
    Coco = 0x02, // one JSON file for every image (cocodataset.org/#format-data)
    LabelMe = 0x04, // one JSON file per image
    Yolo = 0x08, // one text file per image, classes numbered by one classes.txt
    Voc = 0x10, // one Pascal VOC XML file per image
};
Q_DECLARE_FLAGS(DatasetFormats, DatasetFormat)
Q_DECLARE_OPERATORS_FOR_FLAGS(DatasetFormats)

// "png", "coco", "labelme", "yolo", "voc": the command line's --format values. Never rename one.
QString datasetFormatName(DatasetFormat format);
std::optional<DatasetFormat> datasetFormatFromName(QStringView name);

} // namespace qvd
