#pragma once

#include "core/dataset/DatasetFormat.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace qvd {

class JobStore;

// Writes a job's answered images as a data set through the one DatasetWriter: COCO (one
// coco.json), LabelMe (one JSON per image), YOLO (one text file per image and one classes.txt),
// VOC, annotated PNGs. Boxes are pixels of the upright originals, which the files name relative
// to the data set folder. Every copy of an image gets the image's annotations; images whose
// request failed are left out, images answered with nothing found are kept (with no boxes).
class JobExport
{
    Q_DECLARE_TR_FUNCTIONS(qvd::JobExport)

public:
    struct Result
    {
        bool ok = false;
        int images = 0; // image files written into the data set
        int annotations = 0;
        QStringList files; // every file written
        QString error; // translated
    };

    static Result write(const JobStore &store, const QString &jobId, const QString &folder,
                        DatasetFormats formats);

    // The formats a batch job is exported to, in the app and with `batch export`: COCO,
    // LabelMe and YOLO.
    static constexpr DatasetFormats offered()
    {
        return DatasetFormats(DatasetFormat::Coco) | DatasetFormat::LabelMe | DatasetFormat::Yolo;
    }
};

} // namespace qvd
