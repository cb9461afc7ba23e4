#include "core/batch/JobPlan.h"

#include "core/batch/JobRequest.h"
#include "core/batch/JobStore.h"

#include <QDir>

namespace qvd {

std::optional<JobPlan> JobPlan::make(const JobSpec &spec, const ModelInfo &model,
                                     const std::optional<ModelPrice> &price, QString *error,
                                     QThreadPool *pool,
                                     const std::function<void(int, int)> &progress,
                                     const std::atomic_bool *cancel)
{
    JobPlan plan;
    plan.spec = spec;
    plan.spec.folder = QDir(spec.folder).absolutePath();
    QString listError;
    const QStringList paths =
        ImageScan::list(plan.spec.folder, spec.recursive, spec.extensions, &listError);
    if (!listError.isEmpty()) {
        if (error)
            *error = listError;
        return std::nullopt;
    }
    if (paths.isEmpty()) {
        if (error)
            *error =
                tr("There are no images in %1.").arg(QDir::toNativeSeparators(plan.spec.folder));
        return std::nullopt;
    }
    const ResizeBudget budget = JobRequest::forJob(plan.spec, model).preparer().budget();
    plan.images = ImageScan::scanAll(paths, budget, pool, progress, cancel);
    if (plan.images.size() != paths.size()) {
        if (error)
            *error = tr("Stopped before every image was read.");
        return std::nullopt;
    }
    plan.estimate = CostEstimate::of(plan.images, spec.prompt, spec.mode, price);
    return plan;
}

QString JobPlan::store(JobStore &store, QString *error) const
{
    BatchJob job;
    job.spec = spec;
    job.estimate = estimate.toJson();
    const StorageError stored = store.createJob(job, images);
    if (stored.isError()) {
        if (error)
            *error = stored.userMessage();
        return {};
    }
    return job.id;
}

} // namespace qvd
