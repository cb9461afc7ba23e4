#pragma once

#include "core/dataset/DatasetImage.h"

#include <QJsonObject>
#include <QSize>
#include <QStringList>

namespace qvd {

// Images and their detections as a COCO object-detection file (cocodataset.org/#format-data):
// "images" (ids from 1 in the order given, "file_name" = each image's imagePath as given),
// "annotations" with "bbox": [x, y, width, height] in pixels, "area", "iscrowd" and a polygon
// "segmentation" (the rectangle, or the quad's corners), and "categories" numbered from 1 in
// `classes` order (exportClasses). A point is a zero-size bbox with one visible keypoint. The
// "score" and "iscrowd" attributes become the annotation's own keys (as in COCO's results and
// ground truth); other attributes go into "attributes", as CVAT writes them.
class CocoExport
{
public:
    static QJsonObject document(const QList<DatasetImage> &images, const QStringList &classes);
    // One image.
    static QJsonObject document(const QList<MappedDetection> &detections, const QSize &imageSize,
                                const QString &fileName, const QStringList &classes);
    static QJsonObject document(const QList<MappedDetection> &detections, const QSize &imageSize,
                                const QString &fileName);
};

} // namespace qvd
