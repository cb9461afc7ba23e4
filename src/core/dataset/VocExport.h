#pragma once

#include "core/grounding/MappedDetection.h"

#include <QByteArray>
#include <QSize>

namespace qvd {

// One image's detections as a Pascal VOC annotation file (XML): <filename>, <size> and one
// <object> per detection with its <name>, <difficult> (the "difficult" attribute) and
// <bndbox> xmin/ymin/xmax/ymax: the box's edges in whole pixels of the image, with no 1-based
// offset. A quad is written as its bounding box, a point as a box of size zero.
class VocExport
{
public:
    static QByteArray document(const QList<MappedDetection> &detections, const QSize &imageSize,
                               const QString &fileName);
};

} // namespace qvd
