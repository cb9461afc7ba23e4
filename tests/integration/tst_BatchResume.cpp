// A batch job whose process is killed (SIGKILL) at each stage resumes in another process: every
// item ends with exactly one result, no custom_id the server accepted is submitted again, and
// nothing the job uploaded or the server produced is left on the account.
#include "BatchApiServer.h"
#include "BatchFixtures.h"
#include "TestMain.h"

#include <QGuiApplication>
#include <QProcess>
#include <QSet>

using namespace qvd;
using namespace qvd::test;

namespace {

constexpr char kChildFlag[] = "--batch-child";

// The child: runs the job to its end, as the app or the command line would.
int runChild(const QString &tempDir, const QString &baseUrl, const QString &jobId)
{
    BatchHarness h;
    h.location = JobLocation(QDir(tempDir).filePath(QStringLiteral("data")));
    if (h.store.open(h.location.databasePath()).isError())
        return 2;
    const auto [ok, error] =
        h.run(h.target(QUrl(baseUrl), EndpointProfile::Protocol::OpenAiCompatible), jobId);
    std::fprintf(stderr, "child finished: %d %s\n", ok ? 1 : 0, qPrintable(error));
    return ok ? 0 : 1;
}

} // namespace

class TestBatchResume : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killedAtEachStageResumes_data();
    void killedAtEachStageResumes();
};

void TestBatchResume::killedAtEachStageResumes_data()
{
    QTest::addColumn<QString>("hold"); // where the child stops itself (QVD_BATCH_HOLD_AT)
    QTest::addColumn<QByteArray>("method"); // or the request after which it is killed
    QTest::addColumn<QByteArray>("path");
    QTest::newRow("preparing") << QStringLiteral("preparing") << QByteArray() << QByteArray();
    QTest::newRow("uploading") << QString() << QByteArray("POST") << QByteArray("/files");
    QTest::newRow("created") << QString() << QByteArray("POST") << QByteArray("/batches");
    QTest::newRow("polling") << QString() << QByteArray("GET") << QByteArray("/batches/batch_");
    QTest::newRow("downloading") << QString() << QByteArray("GET") << QByteArray("/content");
    QTest::newRow("parsing") << QStringLiteral("parsing") << QByteArray() << QByteArray();
}

void TestBatchResume::killedAtEachStageResumes()
{
    QFETCH(QString, hold);
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);

    BatchHarness h;
    QVERIFY(h.open());
    QVERIFY(writeImages(h.folder(), 7));
    const QString jobId = h.createJob(h.spec(JobMode::Batch));
    QVERIFY(!jobId.isEmpty());
    BatchApiServer server;
    QVERIFY(server.listen());
    fastOptions(); // the child inherits the fast poll floor

    QProcess child;
    bool killed = false;
    auto kill = [&child, &killed] {
        child.kill(); // SIGKILL
        child.waitForFinished(10000);
        killed = true;
    };
    server.afterAction = [&](const RecordedRequest &request) {
        if (!killed && !method.isEmpty() && request.method == method
            && request.target.contains(path))
            kill();
    };
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (!hold.isEmpty())
        environment.insert(QStringLiteral("QVD_BATCH_HOLD_AT"), hold);
    child.setProcessEnvironment(environment);
    child.start(
        QCoreApplication::applicationFilePath(),
        {QString::fromLatin1(kChildFlag), h.dir.path(), server.baseUrl().toString(), jobId});
    QVERIFY(child.waitForStarted());
    QByteArray childErr;
    QVERIFY2(QTest::qWaitFor(
                 [&] {
                     childErr += child.readAllStandardError();
                     if (!killed && !hold.isEmpty()
                         && childErr.contains(QByteArray("holding at " + hold.toUtf8())))
                         kill();
                     return killed || child.state() == QProcess::NotRunning;
                 },
                 120000),
             "the child neither held nor reached the request");
    QVERIFY2(killed, childErr.constData());
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);
    server.afterAction = {};

    // Another process resumes the job.
    const auto [ok, error] =
        h.run(h.target(server.baseUrl(), EndpointProfile::Protocol::OpenAiCompatible), jobId);
    QVERIFY2(ok, qPrintable(error));

    const QList<BatchItem> items = h.store.items(jobId);
    QCOMPARE(items.size(), 7);
    QSet<QString> ids;
    for (const BatchItem &light : items) {
        ids.insert(QString::number(light.id));
        QCOMPARE(light.state, ItemState::Done);
        const std::optional<BatchItem> item = h.store.item(light.id);
        QVERIFY(item);
        QCOMPARE(item->detections.size(), 1);
    }
    // Every custom_id went to the server in a batch exactly once.
    const QStringList submitted = server.submittedIds();
    QCOMPARE(QSet<QString>(submitted.begin(), submitted.end()), ids);
    QCOMPARE(submitted.size(), ids.size());
    QVERIFY2(server.fileIds().isEmpty(), qPrintable(server.fileIds().join(u',')));
    QVERIFY(h.store.remoteFiles(jobId).isEmpty());
}

int main(int argc, char *argv[])
{
    if (argc == 5 && qstrcmp(argv[1], kChildFlag) == 0) {
        QGuiApplication app(argc, argv);
        return runChild(QString::fromLocal8Bit(argv[2]), QString::fromLocal8Bit(argv[3]),
                        QString::fromLocal8Bit(argv[4]));
    }
    qvd::test::IsolatedEnvironment isolated;
    QGuiApplication app(argc, argv);
    TestBatchResume tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}

#include "tst_BatchResume.moc"
