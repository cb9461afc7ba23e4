#include "cli/BatchCommand.h"

#include "cli/CliSupport.h"
#include "cli/CliText.h"
#include "cli/Interrupt.h"
#include "core/AppInfo.h"
#include "core/batch/BatchSupport.h"
#include "core/batch/JobExport.h"
#include "core/batch/JobLocation.h"
#include "core/batch/JobPlan.h"
#include "core/batch/JobRunner.h"
#include "core/batch/JobStore.h"
#include "core/batch/JobTarget.h"
#include "core/batch/PriceTable.h"
#include "core/models/ModelRegistry.h"
#include "core/secrets/ApiKeyVault.h"
#include "core/secrets/KeychainSecretStore.h"
#include "core/settings/Settings.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTextStream>

#include <cstdio>

namespace qvd::cli {

namespace {

struct Open
{
    JobLocation location = JobLocation::standard();
    JobStore store;
};

// The job store the app uses.
std::unique_ptr<Open> openStore(QTextStream &err)
{
    auto open = std::make_unique<Open>();
    QDir().mkpath(open->location.dataDir());
    const StorageError error = open->store.open(open->location.databasePath());
    if (error.isError()) {
        err << error.userMessage() << Qt::endl;
        return nullptr;
    }
    return open;
}

QString resolveJob(const JobStore &store, const QString &given, QTextStream &err)
{
    const QString id = store.resolveJobId(given);
    if (id.isEmpty())
        err << Cli::tr("There is no job '%1' (or the prefix names more than one). Run "
                       "'qwenvl-desk-cli batch list' to see the jobs.")
                   .arg(given)
            << Qt::endl;
    return id;
}

// The job's endpoint and model resolved as the app does, and the key as KeyScope allows.
std::optional<JobTarget> targetFor(const JobSpec &spec, QTextStream &err, int *exitCode)
{
    const Settings settings;
    const ModelRegistry registry(settings.modelsFilePath());
    QString error;
    std::optional<JobTarget> target = JobTarget::resolve(settings, registry, spec, &error);
    if (!target) {
        err << error << Qt::endl;
        *exitCode = ExitUsage;
        return std::nullopt;
    }
    KeychainSecretStore keychain(QString::fromLatin1(appinfo::kAppId));
    ApiKeyVault vault(&keychain);
    const auto found = waitFor<QPair<JobTarget, QString>>([&](auto done) {
        JobTarget::lookupKey(vault, *target, [done](const JobTarget &t, const QString &e) {
            done(qMakePair(t, e));
        });
    });
    if (!found.second.isEmpty()) {
        err << found.second << Qt::endl;
        *exitCode = ExitNoKey;
        return std::nullopt;
    }
    return found.first;
}

QString countsLine(const JobSummary &summary)
{
    const ItemCounts &c = summary.counts;
    return Cli::tr("%1: %2 of %3 images answered, %4 failed, %5 waiting")
        .arg(jobPhaseName(summary.phase))
        .arg(c.done)
        .arg(c.total)
        .arg(c.failed)
        .arg(c.pending + c.queued + c.submitted);
}

// Runs the job towards `options.goal`; progress on `err`.
int runJob(Open &open, const JobTarget &target, const QString &jobId, const RunOptions &options,
           QTextStream &err)
{
    QNetworkAccessManager network;
    JobRunner runner(open.store, &network, open.location, target, jobId, options);
    QString lastLine;
    QElapsedTimer sinceLine;
    sinceLine.start();
    QObject::connect(&runner, &JobRunner::note, &runner,
                     [&err](const QString &text) { err << text << Qt::endl; });
    QObject::connect(&runner, &JobRunner::progress, &runner, [&] {
        const QString line = countsLine(open.store.summary(jobId));
        if (line != lastLine && sinceLine.elapsed() >= 1000) {
            err << line << Qt::endl;
            lastLine = line;
            sinceLine.restart();
        }
    });
    int exitCode = ExitOk;
    QEventLoop loop;
    QObject::connect(&runner, &JobRunner::finished, &loop, [&](bool ok, const QString &error) {
        if (!ok) {
            err << error << Qt::endl;
            exitCode = ExitFailure;
        }
        loop.quit();
    });
    QString error;
    if (!runner.start(&error)) {
        err << error << Qt::endl;
        return ExitFailure;
    }
    const Interrupt interrupt([&] {
        runner.stop();
        exitCode = ExitInterrupted;
        loop.quit();
    });
    loop.exec();
    err << countsLine(open.store.summary(jobId)) << Qt::endl;
    return exitCode;
}

QJsonObject statusJson(const BatchJob &job, const JobSummary &summary)
{
    const ItemCounts &c = summary.counts;
    return {{QStringLiteral("job"), job.id},
            {QStringLiteral("state"), jobPhaseName(summary.phase)},
            {QStringLiteral("mode"), jobModeName(job.spec.mode)},
            {QStringLiteral("model"), job.spec.modelId},
            {QStringLiteral("folder"), job.spec.folder},
            {QStringLiteral("items"),
             QJsonObject{{QStringLiteral("total"), c.total},
                         {QStringLiteral("pending"), c.pending},
                         {QStringLiteral("queued"), c.queued},
                         {QStringLiteral("submitted"), c.submitted},
                         {QStringLiteral("done"), c.done},
                         {QStringLiteral("failed"), c.failed},
                         {QStringLiteral("cancelled"), c.cancelled},
                         {QStringLiteral("without_detections"), c.withoutDetections}}},
            {QStringLiteral("batches"), summary.batches},
            {QStringLiteral("batches_running"), summary.batchesRunning},
            {QStringLiteral("server_status"), summary.serverStatus},
            {QStringLiteral("error_code"), job.errorCode},
            {QStringLiteral("error"), job.errorMessage}};
}

QCommandLineOption jsonOption()
{
    return QCommandLineOption(QStringLiteral("json"), Cli::tr("Print JSON on standard output."));
}

// --- submit --------------------------------------------------------------------------------

int submit(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Cli::tr("Ground every image of a folder (and its subfolders) with one prompt, through "
                "DashScope's Batch API at half price or one request per image (direct mode). "
                "Prints the job's id; the job goes on on the server's side: follow it with "
                "'batch status --wait' and store its results with 'batch fetch'."));
    parser.addPositionalArgument(QStringLiteral("folder"), Cli::tr("The folder of images."));
    parser.addOption({QStringLiteral("prompt"), Cli::tr("The question for every image."),
                      QStringLiteral("text")});
    parser.addOption({QStringLiteral("model"),
                      Cli::tr("The model (default: the profile's default model)."),
                      QStringLiteral("id")});
    parser.addOption(profileOption());
    parser.addOption({QStringLiteral("endpoint"),
                      Cli::tr("A base URL for this job instead of the profile's (the key goes "
                              "only where it belongs, as with 'ask')."),
                      QStringLiteral("url")});
    parser.addOption({QStringLiteral("mode"),
                      Cli::tr("batch (DashScope's Batch API) or direct (one request per image). "
                              "Default: batch for DashScope, direct for other servers."),
                      QStringLiteral("mode")});
    parser.addOption({QStringLiteral("concurrency"),
                      Cli::tr("Direct mode: requests at a time (default 4)."), QStringLiteral("n"),
                      QStringLiteral("4")});
    parser.addOption(
        {QStringLiteral("yes"), Cli::tr("Send without asking to confirm the estimate.")});
    parser.addOption(jsonOption());
    parser.addHelpOption();
    if (const auto code = parseArguments(parser, arguments, out, err))
        return *code;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1 || parser.value(QStringLiteral("prompt")).isEmpty()) {
        err << Cli::tr("Give one folder and --prompt.") << Qt::endl;
        return ExitUsage;
    }
    bool ok = false;
    const int concurrency = parser.value(QStringLiteral("concurrency")).toInt(&ok);
    if (!ok || concurrency < 1 || concurrency > 64) {
        err << Cli::tr("--concurrency takes a number from 1 to 64.") << Qt::endl;
        return ExitUsage;
    }

    JobSpec spec;
    spec.folder = QDir(positional.first()).absolutePath();
    spec.prompt = parser.value(QStringLiteral("prompt"));
    spec.modelId = parser.value(QStringLiteral("model"));
    spec.profileName = parser.value(QStringLiteral("profile"));
    spec.endpoint = parser.value(QStringLiteral("endpoint"));
    spec.concurrency = concurrency;

    int exitCode = ExitOk;
    const std::optional<JobTarget> target = targetFor(spec, err, &exitCode);
    if (!target)
        return exitCode;
    spec.profileName = target->saved.name;
    spec.modelId = target->model.id;
    if (parser.isSet(QStringLiteral("mode"))) {
        const std::optional<JobMode> mode = jobModeFromName(parser.value(QStringLiteral("mode")));
        if (!mode) {
            err << Cli::tr("--mode takes batch or direct.") << Qt::endl;
            return ExitUsage;
        }
        spec.mode = *mode;
    } else {
        spec.mode = BatchSupport::defaultMode(target->effective);
    }
    if (spec.mode == JobMode::Batch) {
        // What the documentation rules out is refused before anything is read or uploaded.
        const BatchSupport support = BatchSupport::check(target->batchBaseUrl, target->model);
        if (support.verdict == BatchSupport::Verdict::Refused) {
            err << support.message << Qt::endl;
            return ExitRefused;
        }
        if (support.verdict == BatchSupport::Verdict::Unlisted)
            err << support.message << Qt::endl;
    }

    auto open = openStore(err);
    if (!open)
        return ExitFailure;
    const Settings settings;
    QString error;
    const PriceTable prices = PriceTable::load(PriceTable::standardPath(settings), &error);
    if (!error.isEmpty())
        err << Cli::tr("Warning: %1").arg(error) << Qt::endl;
    QElapsedTimer sinceLine;
    sinceLine.start();
    const std::optional<JobPlan> plan =
        JobPlan::make(spec, target->model, prices.price(target->model.id), &error, nullptr,
                      [&err, &sinceLine](int done, int total) {
                          if (sinceLine.elapsed() >= 1000 || done == total) {
                              err << Cli::tr("Reading images: %1 of %2").arg(done).arg(total)
                                  << Qt::endl;
                              sinceLine.restart();
                          }
                      });
    if (!plan) {
        err << error << Qt::endl;
        return ExitFailure;
    }
    for (const QString &line : plan->estimate.describe())
        err << line << Qt::endl;
    if (!parser.isSet(QStringLiteral("yes"))) {
        err << Cli::tr("Send? [y/N] ") << Qt::flush;
        QTextStream in(stdin);
        const QString answer = in.readLine().trimmed().toLower();
        if (answer != u"y" && answer != u"yes" && answer != Cli::tr("y")) {
            err << Cli::tr("Nothing was sent.") << Qt::endl;
            return ExitFailure;
        }
    }
    const QString jobId = plan->store(open->store, &error);
    if (jobId.isEmpty()) {
        err << error << Qt::endl;
        return ExitFailure;
    }
    if (parser.isSet(QStringLiteral("json")))
        out << QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("job"), jobId}})
                                     .toJson(QJsonDocument::Compact))
            << Qt::endl;
    else
        out << jobId << Qt::endl;
    RunOptions options;
    options.goal = RunGoal::Submit;
    return runJob(*open, *target, jobId, options, err);
}

// --- list ----------------------------------------------------------------------------------

int list(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Cli::tr("List the batch jobs, newest first."));
    parser.addOption(jsonOption());
    parser.addHelpOption();
    if (const auto code = parseArguments(parser, arguments, out, err))
        return *code;
    auto open = openStore(err);
    if (!open)
        return ExitFailure;
    const QList<BatchJob> jobs = open->store.jobs();
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const BatchJob &job : jobs)
            array.append(statusJson(job, open->store.summary(job.id)));
        out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
        return ExitOk;
    }
    for (const BatchJob &job : jobs) {
        const JobSummary summary = open->store.summary(job.id);
        out << QStringLiteral("%1  %2  %3/%4  %5  %6  %7")
                   .arg(job.id.left(8), jobPhaseName(summary.phase).leftJustified(11))
                   .arg(summary.counts.done)
                   .arg(summary.counts.total)
                   .arg(jobModeName(job.spec.mode), job.spec.modelId,
                        QDir::toNativeSeparators(job.spec.folder))
            << Qt::endl;
    }
    return ExitOk;
}

// --- status, fetch, cancel -----------------------------------------------------------------

int status(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Cli::tr("Show a job's state and item counts, asking the server about running batches."));
    parser.addPositionalArgument(QStringLiteral("job"), Cli::tr("The job's id or its start."));
    parser.addOption({QStringLiteral("wait"), Cli::tr("Wait until no batch of the job runs.")});
    parser.addOption({QStringLiteral("poll"),
                      Cli::tr("Seconds between two status requests (at least 60)."),
                      QStringLiteral("seconds"), QStringLiteral("60")});
    parser.addOption(jsonOption());
    parser.addHelpOption();
    if (const auto code = parseArguments(parser, arguments, out, err))
        return *code;
    if (parser.positionalArguments().size() != 1) {
        err << Cli::tr("Give one job.") << Qt::endl;
        return ExitUsage;
    }
    bool ok = false;
    const int poll = parser.value(QStringLiteral("poll")).toInt(&ok);
    if (!ok || poll < 1) {
        err << Cli::tr("--poll takes a number of seconds.") << Qt::endl;
        return ExitUsage;
    }
    auto open = openStore(err);
    if (!open)
        return ExitFailure;
    const QString jobId = resolveJob(open->store, parser.positionalArguments().first(), err);
    if (jobId.isEmpty())
        return ExitUsage;
    const std::optional<BatchJob> job = open->store.job(jobId);
    if (!job)
        return ExitFailure;
    int exitCode = ExitOk;
    if (open->store.summary(jobId).batchesRunning > 0) {
        const std::optional<JobTarget> target = targetFor(job->spec, err, &exitCode);
        if (!target)
            return exitCode;
        RunOptions options;
        options.goal =
            parser.isSet(QStringLiteral("wait")) ? RunGoal::PollUntilEnded : RunGoal::Poll;
        options.poll.baseMs = qint64(poll) * 1000;
        exitCode = runJob(*open, *target, jobId, options, err);
    }
    const JobSummary summary = open->store.summary(jobId);
    const std::optional<BatchJob> now = open->store.job(jobId);
    if (parser.isSet(QStringLiteral("json")))
        out << QString::fromUtf8(
            QJsonDocument(statusJson(*now, summary)).toJson(QJsonDocument::Indented));
    else
        out << countsLine(summary) << Qt::endl;
    return exitCode;
}

// fetch and cancel: one run of the job, after `prepare`.
int advance(const QStringList &arguments, QTextStream &out, QTextStream &err,
            const QString &description, bool cancel)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(description);
    parser.addPositionalArgument(QStringLiteral("job"), Cli::tr("The job's id or its start."));
    parser.addHelpOption();
    if (const auto code = parseArguments(parser, arguments, out, err))
        return *code;
    if (parser.positionalArguments().size() != 1) {
        err << Cli::tr("Give one job.") << Qt::endl;
        return ExitUsage;
    }
    auto open = openStore(err);
    if (!open)
        return ExitFailure;
    const QString jobId = resolveJob(open->store, parser.positionalArguments().first(), err);
    if (jobId.isEmpty())
        return ExitUsage;
    const std::optional<BatchJob> job = open->store.job(jobId);
    if (!job)
        return ExitFailure;
    int exitCode = ExitOk;
    const std::optional<JobTarget> target = targetFor(job->spec, err, &exitCode);
    if (!target)
        return exitCode;
    if (cancel) {
        const StorageError error = open->store.requestCancel(jobId);
        if (error.isError()) {
            err << error.userMessage() << Qt::endl;
            return ExitFailure;
        }
    }
    RunOptions options;
    options.goal = RunGoal::Fetch;
    // A batch asked to stop is asked again after the shortest wait the service allows.
    options.poll.baseMs = PollSchedule::minimumMs();
    return runJob(*open, *target, jobId, options, err);
}

// --- export --------------------------------------------------------------------------------

int exportJob(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Cli::tr("Write a job's answered images as a data set folder, the images named relative "
                "to it."));
    parser.addPositionalArgument(QStringLiteral("job"), Cli::tr("The job's id or its start."));
    parser.addOption(
        {QStringLiteral("format"), Cli::tr("coco, labelme or yolo."), QStringLiteral("format")});
    parser.addOption(
        {QStringLiteral("output"), Cli::tr("The data set folder."), QStringLiteral("dir")});
    parser.addHelpOption();
    if (const auto code = parseArguments(parser, arguments, out, err))
        return *code;
    const QString formatName = parser.value(QStringLiteral("format"));
    const std::optional<DatasetFormat> format = datasetFormatFromName(formatName);
    const bool allowed = format && JobExport::offered().testFlag(*format);
    if (parser.positionalArguments().size() != 1 || !allowed
        || parser.value(QStringLiteral("output")).isEmpty()) {
        err << Cli::tr("Give one job, --format coco|labelme|yolo and --output DIR.") << Qt::endl;
        return ExitUsage;
    }
    auto open = openStore(err);
    if (!open)
        return ExitFailure;
    const QString jobId = resolveJob(open->store, parser.positionalArguments().first(), err);
    if (jobId.isEmpty())
        return ExitUsage;
    const JobExport::Result result = JobExport::write(
        open->store, jobId, QDir(parser.value(QStringLiteral("output"))).absolutePath(),
        DatasetFormats(*format));
    if (!result.ok) {
        err << result.error << Qt::endl;
        return ExitFailure;
    }
    err << Cli::tr("Wrote %1 images and %2 annotations to %3.")
               .arg(result.images)
               .arg(result.annotations)
               .arg(QDir::toNativeSeparators(parser.value(QStringLiteral("output"))))
        << Qt::endl;
    return ExitOk;
}

} // namespace

int runBatchCommand(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    const QString usage =
        Cli::tr("Usage: qwenvl-desk-cli batch <submit|list|status|fetch|cancel|export> "
                "[options]\n"
                "  submit FOLDER --prompt TEXT [--model ID] [--profile NAME] [--endpoint URL]\n"
                "         [--mode batch|direct] [--concurrency N] [--yes] [--json]\n"
                "  list [--json]\n"
                "  status JOB [--wait] [--poll SECONDS] [--json]\n"
                "  fetch JOB     download, store and clean up what has ended\n"
                "  cancel JOB    stop the job; what was answered is kept\n"
                "  export JOB --format coco|labelme|yolo --output DIR\n"
                "Run 'qwenvl-desk-cli batch <action> --help' for an action's options.");
    const QString action = arguments.value(1);
    if (action.isEmpty() || action == u"--help" || action == u"-h") {
        (action.isEmpty() ? err : out) << usage << Qt::endl;
        return action.isEmpty() ? ExitUsage : ExitOk;
    }
    QStringList rest = arguments.mid(1);
    rest.first() = arguments.first() + QLatin1Char(' ') + action;
    if (action == u"submit")
        return submit(rest, out, err);
    if (action == u"list")
        return list(rest, out, err);
    if (action == u"status")
        return status(rest, out, err);
    if (action == u"fetch")
        return advance(rest, out, err,
                       Cli::tr("Run every step of the job that can run now: ask the server about "
                               "running batches, download and store what has ended, delete the "
                               "job's files from the account, send what direct mode has left."),
                       false);
    if (action == u"cancel")
        return advance(rest, out, err,
                       Cli::tr("Cancel the job: nothing more is sent, running batches are asked "
                               "to stop, and what they finished is still stored."),
                       true);
    if (action == u"export")
        return exportJob(rest, out, err);
    err << Cli::tr("Unknown batch action '%1'.").arg(action) << Qt::endl << usage << Qt::endl;
    return ExitUsage;
}

} // namespace qvd::cli
