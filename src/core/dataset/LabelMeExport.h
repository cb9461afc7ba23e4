#pragma once

#include "core/grounding/MappedDetection.h"

#include <QJsonObject>
#include <QSize>

namespace qvd {

// One image's detections as a LabelMe annotation file (labelme 5.x): "shapes" of shape_type
// "rectangle" (two corners), "point" or "polygon" (a quad's four corners), in pixels, with
// "imagePath" (the image file's name, relative to the JSON file), "imageData": null and the
// image size. Attributes go into the shape's "description" as compact JSON ("flags" holds
// only booleans in LabelMe).
class LabelMeExport
{
public:
    static QJsonObject document(const QList<MappedDetection> &detections, const QSize &imageSize,
                                const QString &imagePath);
};

} // namespace qvd
