// The files a job leaves on a Batch API account are kept by the service's origin and the file
// id together: two services hand out the same ids, and each job still deletes its own files
// from its own service. A job store of schema version 1 (ids alone) is migrated forward
// without losing what it recorded.
#include "BatchApiServer.h"
#include "BatchFixtures.h"
#include "TestMain.h"

#include "core/batch/JobSchema.h"

#include <QGuiApplication>
#include <QSqlDatabase>
#include <QSqlQuery>

using namespace qvd;
using namespace qvd::test;

class TestBatchRemoteFiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void originOfAServiceUrl();
    void twoServicesWithTheSameFileIds();
    void versionOneStoreIsMigrated();
};

void TestBatchRemoteFiles::originOfAServiceUrl()
{
    QCOMPARE(JobStore::remoteOrigin(
                 QUrl(QStringLiteral("https://dashscope.aliyuncs.com/compatible-mode/v1"))),
             QStringLiteral("https://dashscope.aliyuncs.com"));
    QCOMPARE(JobStore::remoteOrigin(QUrl(QStringLiteral("http://me@127.0.0.1:8080/v1/?x=1"))),
             QStringLiteral("http://127.0.0.1:8080"));
    QVERIFY(JobStore::remoteOrigin(QUrl(QStringLiteral("http://127.0.0.1:8080/v1")))
            != JobStore::remoteOrigin(QUrl(QStringLiteral("http://127.0.0.1:8081/v1"))));
}

void TestBatchRemoteFiles::twoServicesWithTheSameFileIds()
{
    BatchHarness h;
    QVERIFY(h.open());
    QVERIFY(writeImages(h.folder(), 3));
    const QString first = h.createJob(h.spec(JobMode::Batch));
    const QString second = h.createJob(h.spec(JobMode::Batch));
    QVERIFY(!first.isEmpty() && !second.isEmpty());
    BatchApiServer a;
    BatchApiServer b;
    a.portlessIds = true;
    b.portlessIds = true;
    QVERIFY(a.listen() && b.listen());
    const JobTarget onA = h.target(a.baseUrl(), EndpointProfile::Protocol::OpenAiCompatible);
    const JobTarget onB = h.target(b.baseUrl(), EndpointProfile::Protocol::OpenAiCompatible);

    // Both jobs submitted: each service holds an input file called "file-batch-1".
    RunOptions submit = fastOptions();
    submit.goal = RunGoal::Submit;
    auto [ok, error] = h.run(onA, first, submit);
    QVERIFY2(ok, qPrintable(error));
    std::tie(ok, error) = h.run(onB, second, submit);
    QVERIFY2(ok, qPrintable(error));
    const QStringList same{QStringLiteral("file-batch-1")};
    QCOMPARE(a.fileIds(), same);
    QCOMPARE(b.fileIds(), same);
    QCOMPARE(h.store.remoteFiles(first), same);
    QCOMPARE(h.store.remoteFiles(second), same);
    QCOMPARE(h.store.remoteFiles(first, 0, JobStore::remoteOrigin(a.baseUrl())), same);
    QCOMPARE(h.store.remoteFiles(first, 0, JobStore::remoteOrigin(b.baseUrl())), QStringList());

    // Each job finished on its own service deletes its own files there, and only those.
    std::tie(ok, error) = h.run(onA, first);
    QVERIFY2(ok, qPrintable(error));
    QCOMPARE(a.fileIds(), QStringList());
    QCOMPARE(b.fileIds(), same);
    QCOMPARE(h.store.remoteFiles(second), same);
    std::tie(ok, error) = h.run(onB, second);
    QVERIFY2(ok, qPrintable(error));
    QCOMPARE(b.fileIds(), QStringList());
    for (const QString &jobId : {first, second}) {
        QCOMPARE(h.store.remoteFiles(jobId), QStringList());
        QCOMPARE(h.store.counts(jobId).done, 3);
        QCOMPARE(h.store.summary(jobId).phase, JobPhase::Completed);
    }
}

void TestBatchRemoteFiles::versionOneStoreIsMigrated()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("jobs.sqlite"));
    const QString jobId = QStringLiteral("0123456789abcdef0123456789abcdef");
    {
        QSqlDatabase raw =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v1"));
        raw.setDatabaseName(path);
        QVERIFY(raw.open());
        QSqlQuery q(raw);
        QStringList statements = batch::jobSchemaStep(1);
        statements << QStringLiteral("PRAGMA user_version = 1")
                   << QStringLiteral(
                          "INSERT INTO jobs (id, created_at, folder, recursive, extensions,"
                          " prompt, model_id, profile, mode) VALUES ('%1', 0, '/photos', 1,"
                          " 'jpg', 'Find cats.', 'qwen3-vl-plus', 'test', 'batch')")
                          .arg(jobId)
                   << QStringLiteral("INSERT INTO remote_files (file_id, job_id, part_id, role)"
                                     " VALUES ('file-batch-7', '%1', 0, 'input')")
                          .arg(jobId);
        for (const QString &statement : std::as_const(statements))
            QVERIFY2(q.exec(statement), qPrintable(q.lastError().text()));
        raw.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v1"));

    JobStore store;
    const StorageError opened = store.open(path);
    QVERIFY2(!opened.isError(), qPrintable(opened.userMessage()));
    {
        QSqlDatabase raw =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
        raw.setDatabaseName(path);
        QVERIFY(raw.open());
        QSqlQuery q(QStringLiteral("PRAGMA user_version"), raw);
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), batch::kJobSchemaVersion);
        QVERIFY(batch::kJobSchemaVersion >= 2);
        raw.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("check"));

    // The file recorded before origins were kept is still the job's, on its own service.
    const QString origin = QStringLiteral("https://dashscope.aliyuncs.com");
    const QStringList old{QStringLiteral("file-batch-7")};
    QCOMPARE(store.remoteFiles(jobId), old);
    QCOMPARE(store.remoteFiles(jobId, 0, origin), old);
    // A second service's file of the same id is kept beside it.
    QVERIFY(!store
                 .addRemoteFile(jobId, 0, QStringLiteral("http://127.0.0.1:9"),
                                QStringLiteral("file-batch-7"), QStringLiteral("output"))
                 .isError());
    QCOMPARE(store.remoteFiles(jobId, 0, QStringLiteral("http://127.0.0.1:9")), old);
    QVERIFY(!store.removeRemoteFile(origin, QStringLiteral("file-batch-7")).isError());
    QCOMPARE(store.remoteFiles(jobId, 0, origin), QStringList());
    QCOMPARE(store.remoteFiles(jobId), old);
    QVERIFY(
        !store
             .removeRemoteFile(QStringLiteral("http://127.0.0.1:9"), QStringLiteral("file-batch-7"))
             .isError());
    QCOMPARE(store.remoteFiles(jobId), QStringList());
}

QVD_TEST_GUI_MAIN(TestBatchRemoteFiles)
#include "tst_BatchRemoteFiles.moc"
