#pragma once

#include "core/dataset/DatasetImage.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <optional>

namespace qvd {

// Reads one LabelMe annotation file (labelme 5.x, also X-AnyLabeling's): "imagePath",
// "imageWidth"/"imageHeight" and its "shapes". A rectangle (two corners, or four) becomes a
// box, a point a point, a four-corner polygon or rotated rectangle a quad, any other polygon
// and a circle their bounding box. Lines have no area and are skipped (with a warning).
// A "description" holding a JSON object becomes the attributes (as LabelMeExport writes them).
class LabelMeImport
{
    Q_DECLARE_TR_FUNCTIONS(qvd::LabelMeImport)

public:
    static bool isLabelMe(const QJsonObject &document);
    static std::optional<DatasetImage> read(const QJsonObject &document, QString *error,
                                            QStringList *warnings);
};

} // namespace qvd
