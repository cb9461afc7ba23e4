#pragma once

#include "core/imaging/ImageTransform.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

class QThreadPool;

namespace qvd {

// One file found for a job: its content address, and what its header says about the size the
// model will see (the same smart_resize as ImagePreparer, without decoding any pixel).
struct ScannedImage
{
    QString path; // absolute
    qint64 byteCount = 0;
    QString sha256; // hex; empty when the file could not be read
    ImageTransform transform; // storedSize, orientation, originalSize, sentSize, budget
    int estimatedTokens = 0; // DashScope's h*w/(factor²) + 2 (grounding.md §2)
    QString error; // translated, when the file is not an image that can be sent

    bool ok() const { return error.isEmpty(); }
};

// Finds a job's images and reads what the estimate needs, on every core.
class ImageScan
{
    Q_DECLARE_TR_FUNCTIONS(qvd::ImageScan)

public:
    // The files under `folder` (and its subfolders when `recursive`) whose extension is one of
    // `extensions` (lower case, no dot; empty: JobSpec::defaultExtensions()), sorted by path.
    // Hidden files and folders are skipped. Empty with `error` set when the folder cannot be read.
    static QStringList list(const QString &folder, bool recursive, const QStringList &extensions,
                            QString *error);

    // Reads one file: hashes its bytes, reads its header (EXIF orientation applied) and sizes it
    // for `budget`.
    static ScannedImage scan(const QString &path, const ResizeBudget &budget);

    // scan() for every path on `pool` (the global pool when null), results in the order given.
    // `progress(done, total)` is called on the calling thread; a set `cancel` stops early (the
    // result is then shorter).
    static QList<ScannedImage> scanAll(const QStringList &paths, const ResizeBudget &budget,
                                       QThreadPool *pool = nullptr,
                                       const std::function<void(int, int)> &progress = {},
                                       const std::atomic_bool *cancel = nullptr);
};

} // namespace qvd
