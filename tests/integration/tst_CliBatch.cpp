// `qwenvl-desk-cli batch …` as a person runs it: the built program against a loopback Batch API
// server, a folder of real images, the job store in the test's own HOME.
#include "BatchApiServer.h"
#include "BatchFixtures.h"
#include "CliRunner.h"
#include "TestMain.h"

#include <QGuiApplication>
#include <QJsonArray>

#include "core/settings/Settings.h"

using namespace qvd::test;

namespace {

const QString kKey = QStringLiteral("sk-batch-cli-secret-1234");

QStringList batch(const QStringList &arguments)
{
    return QStringList{QStringLiteral("batch")} + arguments;
}

QJsonObject readJson(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll()).object()
                                          : QJsonObject();
}

} // namespace

class TestCliBatch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void submitStatusFetchExport();
    void directModeFinishesOnSubmit();
    void keyGoesOnlyWhereItBelongs();
    void unconfirmedEstimateSendsNothing();
    void cancelStopsTheBatch();
    void unknownJobIsAUsageError();
    void visionInSingaporeIsRefusedBeforeUploading();

private:
    QProcessEnvironment environment() const;
    QString submitBatch(const QStringList &extra = {});

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<BatchApiServer> m_server;
    QString m_folder;
};

void TestCliBatch::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_folder = m_dir->filePath(QStringLiteral("photos"));
    QVERIFY(writeImages(m_folder, 4));
    m_server = std::make_unique<BatchApiServer>();
    QVERIFY(m_server->listen());
}

// DASHSCOPE_API_KEY for the loopback server, named as the official SDK names another server.
QProcessEnvironment TestCliBatch::environment() const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name :
         {"DASHSCOPE_API_KEY", "DASHSCOPE_HTTP_BASE_URL", "OPENAI_API_KEY", "OPENAI_BASE_URL"})
        environment.remove(QString::fromLatin1(name));
    environment.insert(QStringLiteral("DASHSCOPE_API_KEY"), kKey);
    QUrl native = m_server->baseUrl();
    native.setPath(QStringLiteral("/api/v1"));
    environment.insert(QStringLiteral("DASHSCOPE_HTTP_BASE_URL"), native.toString());
    environment.insert(QStringLiteral("QVD_BATCH_MIN_POLL_MS"), QStringLiteral("20"));
    return environment;
}

QString TestCliBatch::submitBatch(const QStringList &extra)
{
    const QStringList arguments{QStringLiteral("submit"),   m_folder,
                                QStringLiteral("--prompt"), QStringLiteral("Find every cat."),
                                QStringLiteral("--model"),  QStringLiteral("qwen3-vl-plus"),
                                QStringLiteral("--mode"),   QStringLiteral("batch"),
                                QStringLiteral("--yes"),    QStringLiteral("--json")};
    const CliRun run = runCli(batch(arguments + extra), {}, environment());
    if (run.exitCode != 0)
        qWarning("%s", qPrintable(run.err));
    return run.exitCode == 0 ? run.json().value(QLatin1String("job")).toString() : QString();
}

void TestCliBatch::submitStatusFetchExport()
{
    const QString job = submitBatch();
    QVERIFY(!job.isEmpty());
    QCOMPARE(m_server->batchCount(), 1);
    QCOMPARE(m_server->submittedIds().size(), 4);

    const CliRun waited =
        runCli(batch({QStringLiteral("status"), job.left(8), QStringLiteral("--wait"),
                      QStringLiteral("--poll"), QStringLiteral("1"), QStringLiteral("--json")}),
               {}, environment(), 120000);
    QCOMPARE(waited.exitCode, 0);
    QCOMPARE(waited.json().value(QLatin1String("job")).toString(), job);
    QCOMPARE(waited.json()
                 .value(QLatin1String("items"))
                 .toObject()
                 .value(QLatin1String("total"))
                 .toInt(),
             4);
    QCOMPARE(waited.json().value(QLatin1String("batches_running")).toInt(), 0);

    const CliRun fetched = runCli(batch({QStringLiteral("fetch"), job}), {}, environment());
    QVERIFY2(fetched.exitCode == 0, qPrintable(fetched.err));
    const CliRun status =
        runCli(batch({QStringLiteral("status"), job, QStringLiteral("--json")}), {}, environment());
    QCOMPARE(status.exitCode, 0);
    QCOMPARE(status.json().value(QLatin1String("state")).toString(), QStringLiteral("completed"));
    QCOMPARE(
        status.json().value(QLatin1String("items")).toObject().value(QLatin1String("done")).toInt(),
        4);
    QVERIFY2(m_server->fileIds().isEmpty(), qPrintable(m_server->fileIds().join(u',')));

    const CliRun listed = runCli(batch({QStringLiteral("list")}), {}, environment());
    QCOMPARE(listed.exitCode, 0);
    QVERIFY2(listed.out.contains(job.left(8)), qPrintable(listed.out));

    const QString dataset = m_dir->filePath(QStringLiteral("dataset"));
    const CliRun exported =
        runCli(batch({QStringLiteral("export"), job, QStringLiteral("--format"),
                      QStringLiteral("coco"), QStringLiteral("--output"), dataset}),
               {}, environment());
    QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
    QStringList cocoFiles = QDir(dataset).entryList({QStringLiteral("*.json")}, QDir::Files);
    QCOMPARE(cocoFiles.size(), 1);
    const QJsonObject coco = readJson(QDir(dataset).filePath(cocoFiles.first()));
    const QJsonArray images = coco.value(QLatin1String("images")).toArray();
    const QJsonArray annotations = coco.value(QLatin1String("annotations")).toArray();
    QCOMPARE(images.size(), 4);
    QCOMPARE(annotations.size(), 4);
    QSet<int> imageIds;
    for (const QJsonValue &image : images) {
        imageIds.insert(image.toObject().value(QLatin1String("id")).toInt());
        const QString name = image.toObject().value(QLatin1String("file_name")).toString();
        QVERIFY2(QDir::isRelativePath(name), qPrintable(name));
        QCOMPARE(image.toObject().value(QLatin1String("width")).toInt(), 400);
    }
    QCOMPARE(imageIds.size(), 4);
    for (const QJsonValue &value : annotations) {
        const QJsonObject annotation = value.toObject();
        QVERIFY(imageIds.contains(annotation.value(QLatin1String("image_id")).toInt()));
        // (40, 40)–(200, 120) of each 400 × 200 image, as x, y, width, height.
        QCOMPARE(annotation.value(QLatin1String("bbox")).toArray(), QJsonArray({40, 40, 160, 80}));
    }
    for (const CliRun *run : {&waited, &fetched, &status, &listed, &exported})
        QVERIFY(!run->out.contains(kKey) && !run->err.contains(kKey));
}

void TestCliBatch::directModeFinishesOnSubmit()
{
    HttpTestServer chat;
    QVERIFY(chat.listen());
    const QByteArray body =
        R"({"id":"c","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"[{\"bbox_2d\": [100, 200, 500, 600], \"label\": \"cat\"}]"},"finish_reason":"stop"}],"usage":{"prompt_tokens":9,"completion_tokens":9,"total_tokens":18}})";
    chat.setResponder([&body](const RecordedRequest &) {
        return Reply::http(200, body, {"Content-Type: application/json", "Connection: close"});
    });
    // A local OpenAI-compatible server, as its profile names it.
    {
        qvd::Settings settings;
        qvd::EndpointProfile local;
        local.name = QStringLiteral("local");
        local.protocol = qvd::EndpointProfile::Protocol::OpenAiCompatible;
        local.baseUrl = chat.url(QStringLiteral("/v1"));
        local.keyRequired = false;
        local.defaultModel = QStringLiteral("qwen3-vl-plus");
        settings.saveProfile(local);
    }
    const CliRun run = runCli(batch({QStringLiteral("submit"), m_folder, QStringLiteral("--prompt"),
                                     QStringLiteral("Find every cat."), QStringLiteral("--profile"),
                                     QStringLiteral("local"), QStringLiteral("--concurrency"),
                                     QStringLiteral("2"), QStringLiteral("--yes")}),
                              {}, environment());
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QString job = run.out.trimmed();
    QCOMPARE(job.size(), 32);
    QCOMPARE(chat.requests().size(), 4);
    for (const RecordedRequest &request : chat.requests())
        QCOMPARE(request.target, QByteArray("/v1/chat/completions"));
    const CliRun status =
        runCli(batch({QStringLiteral("status"), job, QStringLiteral("--json")}), {}, environment());
    QCOMPARE(status.json().value(QLatin1String("state")).toString(), QStringLiteral("completed"));
    QCOMPARE(status.json().value(QLatin1String("mode")).toString(), QStringLiteral("direct"));
    QCOMPARE(
        status.json().value(QLatin1String("items")).toObject().value(QLatin1String("done")).toInt(),
        4);
}

void TestCliBatch::keyGoesOnlyWhereItBelongs()
{
    // Another server named for this job only: it gets no key (KeyScope, as `ask --endpoint`).
    BatchApiServer other;
    QVERIFY(other.listen());
    const QString job = submitBatch({QStringLiteral("--endpoint"), other.baseUrl().toString()});
    QVERIFY(!job.isEmpty());
    QCOMPARE(other.batchCount(), 1);
    QCOMPARE(m_server->batchCount(), 0);
    for (const RecordedRequest &request : other.requests())
        QVERIFY2(request.header("Authorization").isEmpty(), request.target.constData());
    // The server the key belongs to gets it.
    QVERIFY(!submitBatch().isEmpty());
    QCOMPARE(m_server->lastAuthorization(), QStringLiteral("Bearer ") + kKey);
}

void TestCliBatch::unconfirmedEstimateSendsNothing()
{
    const CliRun run = runCli(
        batch({QStringLiteral("submit"), m_folder, QStringLiteral("--prompt"),
               QStringLiteral("Find cats."), QStringLiteral("--mode"), QStringLiteral("batch")}),
        "n\n", environment());
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("4")), qPrintable(run.err)); // the estimate
    QVERIFY(m_server->requests().isEmpty());
    const CliRun listed =
        runCli(batch({QStringLiteral("list"), QStringLiteral("--json")}), {}, environment());
    for (const QJsonValue &job : QJsonDocument::fromJson(listed.out.toUtf8()).array())
        QVERIFY(job.toObject().value(QLatin1String("folder")).toString() != m_folder);
}

void TestCliBatch::cancelStopsTheBatch()
{
    const QString job = submitBatch();
    QVERIFY(!job.isEmpty());
    const CliRun cancelled = runCli(batch({QStringLiteral("cancel"), job}), {}, environment());
    QVERIFY2(cancelled.exitCode == 0, qPrintable(cancelled.err));
    bool cancelSent = false;
    for (const RecordedRequest &request : m_server->requests())
        cancelSent = cancelSent || (request.method == "POST" && request.target.endsWith("/cancel"));
    QVERIFY(cancelSent);
    // Asked again until the server says it is over; nothing is left on the account.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const CliRun fetched = runCli(batch({QStringLiteral("fetch"), job}), {}, environment());
            const CliRun status =
                runCli(batch({QStringLiteral("status"), job, QStringLiteral("--json")}), {},
                       environment());
            return fetched.exitCode == 0
                && status.json().value(QLatin1String("state")).toString() == u"cancelled";
        }(),
        60000);
    QVERIFY2(m_server->fileIds().isEmpty(), qPrintable(m_server->fileIds().join(u',')));
}

void TestCliBatch::unknownJobIsAUsageError()
{
    const CliRun run =
        runCli(batch({QStringLiteral("status"), QStringLiteral("ffffffff")}), {}, environment());
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QStringLiteral("ffffffff")), qPrintable(run.err));
    const CliRun bad = runCli(batch({QStringLiteral("frobnicate")}), {}, environment());
    QCOMPARE(bad.exitCode, 2);
}

void TestCliBatch::visionInSingaporeIsRefusedBeforeUploading()
{
    const CliRun run =
        runCli(batch({QStringLiteral("submit"), m_folder, QStringLiteral("--prompt"),
                      QStringLiteral("Find cats."), QStringLiteral("--model"),
                      QStringLiteral("qwen3-vl-plus"), QStringLiteral("--endpoint"),
                      QStringLiteral("https://dashscope-intl.aliyuncs.com/compatible-mode/v1"),
                      QStringLiteral("--mode"), QStringLiteral("batch"), QStringLiteral("--yes")}),
               {}, environment());
    QCOMPARE(run.exitCode, 5);
    QVERIFY2(run.err.contains(QStringLiteral("Beijing")), qPrintable(run.err));
    QVERIFY(run.out.isEmpty()); // no job
}

QVD_TEST_GUI_MAIN(TestCliBatch)
#include "tst_CliBatch.moc"
