#pragma once

#include "core/grounding/MappedDetection.h"

#include <QSize>
#include <QStringList>

namespace qvd {

// One image's detections as a YOLO (Darknet / Ultralytics) label file: one line
// "class cx cy w h" per detection, centre and size divided by the image size (0..1, six
// decimals), class = the 0-based index of its name in `classes` (exportClasses). A point is a
// zero-size box; a quad its bounding rectangle. The class list file (classes.txt, or the
// "names" of a data set) holds one name per line.
class YoloExport
{
public:
    static QString labels(const QList<MappedDetection> &detections, const QSize &imageSize,
                          const QStringList &classes);
    static QString classList(const QStringList &classes);
};

} // namespace qvd
