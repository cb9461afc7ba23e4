#pragma once

#include "core/batch/BatchRecords.h"
#include "core/batch/CostEstimate.h"
#include "core/batch/ImageScan.h"
#include "core/models/ModelInfo.h"

#include <QCoreApplication>

#include <atomic>
#include <functional>
#include <optional>

class QThreadPool;

namespace qvd {

class JobStore;

// What a new job will send, read from its folder before anything is stored or sent: the
// images (hashed, sized from their headers on every core) and the estimate the person
// confirms. The app and the command line make jobs only through this.
struct JobPlan
{
    Q_DECLARE_TR_FUNCTIONS(qvd::JobPlan)

public:
    JobSpec spec;
    QList<ScannedImage> images;
    CostEstimate estimate;

    // Scans `spec.folder` for `model`; nullopt with `error` (translated) when the folder cannot
    // be read or holds no image. `progress(done, total)` runs on the calling thread.
    static std::optional<JobPlan> make(const JobSpec &spec, const ModelInfo &model,
                                       const std::optional<ModelPrice> &price, QString *error,
                                       QThreadPool *pool = nullptr,
                                       const std::function<void(int, int)> &progress = {},
                                       const std::atomic_bool *cancel = nullptr);

    // Stores the job with one item per distinct image; its id on success, else empty with
    // `error` (translated).
    QString store(JobStore &store, QString *error) const;
};

} // namespace qvd
