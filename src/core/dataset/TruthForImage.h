#pragma once

#include "core/dataset/DatasetImage.h"

#include <QCoreApplication>
#include <QStringList>

#include <optional>

namespace qvd {

// Ground truth for an image a person is looking at (the inspector): read from a file or a
// folder in any format DatasetReader reads, then the entry for that image found and fitted to
// its pixels. The same rules pair predictions with ground truth on the command line: by the
// image's name without folder and extension (DatasetImage::imageName).
class TruthForImage
{
    Q_DECLARE_TR_FUNCTIONS(qvd::TruthForImage)

public:
    // Reads `path`. A YOLO label file whose image is not beside it is read against
    // `shownSize` (the image it is loaded for): its coordinates are fractions of that size.
    // nullopt with a translated *error; objects skipped are in *warnings.
    static std::optional<QList<DatasetImage>> read(const QString &path, QSize shownSize,
                                                   QString *error, QStringList *warnings);

    // The entry for the image called `fileName` (a path or a name, its extension ignored): the
    // one of that name, else the only entry there is; -1 when neither.
    static int entryFor(const QList<DatasetImage> &images, const QString &fileName);

    // The entry's boxes in pixels of an image of `size`: as they are when the file gives no size
    // or the same one, else scaled (the file was written for a copy of another size), with
    // *scaled set. Hidden ones are left out.
    static QList<MappedDetection> fitted(const DatasetImage &entry, QSize size,
                                         bool *scaled = nullptr);
};

} // namespace qvd
