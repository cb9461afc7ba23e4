#pragma once

#include "core/grounding/MappedDetection.h"

#include <QCoreApplication>
#include <QSize>
#include <QStringList>

#include <optional>

namespace qvd {

// Reads a YOLO (Darknet / Ultralytics) label file: one object per line, "class cx cy w h" with
// the centre and size as fractions of the image size, and optionally a confidence after them
// (Ultralytics' save_conf), which becomes the "score" attribute. A segmentation line ("class
// x1 y1 x2 y2 …") becomes a quad with four corners, otherwise its bounding box. A class is
// named by its line in the class list, or by its number when there is none.
class YoloImport
{
    Q_DECLARE_TR_FUNCTIONS(qvd::YoloImport)

public:
    // The pixels of an upright image of `imageSize` (which must not be empty).
    static std::optional<QList<MappedDetection>> parse(const QByteArray &text,
                                                       const QStringList &classes,
                                                       const QSize &imageSize, QString *error);

    // The class list for a label file: classes.txt or a *.names file beside it or in the folder
    // above (Ultralytics keeps labels/ and images/ side by side). Empty when there is none.
    static QString findClassList(const QString &labelFile);
    // The image a label file belongs to: same name, any image suffix, beside it, in the images/
    // folder that mirrors its labels/ folder, or in `extraFolder`. Empty when there is none.
    static QString findImage(const QString &labelFile, const QString &extraFolder = {});
};

} // namespace qvd
