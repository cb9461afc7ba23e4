#pragma once

// Shared by the batch job tests: a folder of real images, a real job store beside a data folder,
// and a runner driven to its end over loopback HTTP.
#include "core/batch/JobLocation.h"
#include "core/batch/JobPlan.h"
#include "core/batch/JobRunner.h"
#include "core/batch/JobStore.h"
#include "core/batch/JobTarget.h"
#include "core/models/ModelRegistry.h"

#include <QColor>
#include <QDir>
#include <QImage>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

namespace qvd::test {

// `count` distinct 400 × 200 images (PNG), named img-000.png …, in `folder`.
inline bool writeImages(const QString &folder, int count)
{
    if (!QDir().mkpath(folder))
        return false;
    for (int i = 0; i < count; ++i) {
        QImage image(400, 200, QImage::Format_RGB32);
        image.fill(QColor::fromHsv((i * 37) % 360, 200, 200));
        image.setPixel(i % 400, 0, qRgb(i % 256, 255 - i % 256, 7)); // distinct bytes
        if (!image.save(QDir(folder).filePath(
                QStringLiteral("img-%1.png").arg(i, 3, 10, QLatin1Char('0')))))
            return false;
    }
    return true;
}

// Fast polls for tests (the one-minute floor is lowered by the test environment only).
inline RunOptions fastOptions()
{
    qputenv("QVD_BATCH_MIN_POLL_MS", "20");
    RunOptions options;
    options.goal = RunGoal::Finish;
    options.poll.baseMs = 20;
    options.poll.maxMs = 100;
    options.commitItems = 3;
    options.commitMs = 50;
    options.directCommitMs = 50;
    options.retry.baseDelay = std::chrono::milliseconds(50);
    options.retry.maxDelay = std::chrono::milliseconds(200);
    return options;
}

struct BatchHarness
{
    QTemporaryDir dir;
    JobLocation location{dir.filePath(QStringLiteral("data"))};
    JobStore store;
    QNetworkAccessManager network;
    ModelRegistry models;

    bool open()
    {
        return dir.isValid() && QDir().mkpath(location.dataDir())
            && !store.open(location.databasePath()).isError();
    }

    QString folder() const { return dir.filePath(QStringLiteral("photos")); }

    JobSpec spec(JobMode mode, const QString &model = QStringLiteral("qwen3-vl-plus")) const
    {
        JobSpec spec;
        spec.folder = folder();
        spec.prompt = QStringLiteral("Find every cat. Answer with bbox_2d and label as JSON.");
        spec.modelId = model;
        spec.profileName = QStringLiteral("test");
        spec.mode = mode;
        return spec;
    }

    // A job for every image of folder(); its id, empty on failure.
    QString createJob(const JobSpec &spec)
    {
        QString error;
        const std::optional<JobPlan> plan =
            JobPlan::make(spec, models.find(spec.modelId), std::nullopt, &error);
        if (!plan) {
            qWarning("%s", qPrintable(error));
            return {};
        }
        const QString id = plan->store(store, &error);
        if (id.isEmpty())
            qWarning("%s", qPrintable(error));
        return id;
    }

    JobTarget target(const QUrl &base, EndpointProfile::Protocol protocol,
                     const QString &model = QStringLiteral("qwen3-vl-plus")) const
    {
        JobTarget target;
        target.saved.name = QStringLiteral("test");
        target.saved.protocol = protocol;
        target.saved.baseUrl = base;
        target.saved.keyRequired = false;
        target.effective = target.saved;
        target.model = models.find(model);
        target.batchBaseUrl = base;
        target.apiKey = QStringLiteral("sk-test-not-a-real-key");
        return target;
    }

    // Runs the job until the runner finishes; (ok, error).
    QPair<bool, QString> run(const JobTarget &target, const QString &jobId,
                             const RunOptions &options = fastOptions())
    {
        JobRunner runner(store, &network, location, target, jobId, options);
        QSignalSpy finished(&runner, &JobRunner::finished);
        QString error;
        if (!runner.start(&error))
            return {false, error};
        if (!finished.wait(120000))
            return {false, QStringLiteral("the runner did not finish")};
        return {finished.at(0).at(0).toBool(), finished.at(0).at(1).toString()};
    }
};

} // namespace qvd::test
