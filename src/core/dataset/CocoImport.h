#pragma once

#include "core/dataset/DatasetImage.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <optional>

namespace qvd {

// Reads a COCO object-detection file (cocodataset.org/#format-data): one DatasetImage per
// entry of "images" (in file order, named by its file_name), each with the annotations whose
// image_id is its id. bbox [x, y, width, height] becomes a box; a four-corner polygon
// segmentation that is not the bbox's rectangle a quad; a zero-size bbox with a keypoint a
// point. Category ids become their names. "score" and "iscrowd" become the attributes of those
// names (DatasetImage.h), "attributes" (CVAT) the rest.
class CocoImport
{
    Q_DECLARE_TR_FUNCTIONS(qvd::CocoImport)

public:
    static bool isCoco(const QJsonObject &document);
    // nullopt with a translated *error when the file is not COCO; objects that cannot be read
    // are skipped with a line in *warnings.
    static std::optional<QList<DatasetImage>> read(const QJsonObject &document, QString *error,
                                                   QStringList *warnings);
};

} // namespace qvd
