#pragma once

#include "core/grounding/MappedDetection.h"

#include <QJsonObject>
#include <QSize>
#include <QStringList>

namespace qvd {

// One image's detections as a COCO object-detection file (cocodataset.org/#format-data):
// "images" (one, id 1), "annotations" with "bbox": [x, y, width, height] in pixels, "area",
// "iscrowd": 0 and a polygon "segmentation" (the rectangle, or the quad's corners), and
// "categories" numbered from 1 in `classes` order (exportClasses). A point is a zero-size bbox
// with one visible keypoint. Attributes go into "attributes", as CVAT writes them.
class CocoExport
{
public:
    static QJsonObject document(const QList<MappedDetection> &detections, const QSize &imageSize,
                                const QString &fileName, const QStringList &classes);
    static QJsonObject document(const QList<MappedDetection> &detections, const QSize &imageSize,
                                const QString &fileName);
};

} // namespace qvd
