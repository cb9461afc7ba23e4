// A folder of real images through the Batch API flow against a loopback Batch API server
// (tests/support/BatchApiServer): files uploaded, batches created and polled, output and error
// files joined by custom_id into a real job store, remote files deleted, and each failure the
// service is known for shown against the items it belongs to.
#include "BatchApiServer.h"
#include "BatchFixtures.h"
#include "TestMain.h"

#include <QGuiApplication>
#include <QSet>

using namespace qvd;
using namespace qvd::test;

namespace {

// Each line's answer names its own custom_id, so a result stored on the wrong item shows.
QString answerNaming(const QString &customId)
{
    return QStringLiteral(
               "```json\n[{\"bbox_2d\": [100, 200, 500, 600], \"label\": \"item-%1\"}]\n```")
        .arg(customId);
}

} // namespace

class TestBatchJob : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void wholeJobFromFolderToStoredResults();
    void perLineErrorsAreShownOnTheirItems();
    void validationFailureNamesTheLines();
    void modelNotFoundFailsTheJob();
    void throttledCreateIsRetried();
    void expiredBatchKeepsPartialResultsAndFailedItemsRetry();
    void multipleFilesWhenLinesExceedTheLimit();

private:
    QList<BatchItem> itemsOf(const QString &jobId) { return m_h->store.items(jobId); }

    std::unique_ptr<BatchHarness> m_h;
    std::unique_ptr<BatchApiServer> m_server;
};

void TestBatchJob::init()
{
    m_h = std::make_unique<BatchHarness>();
    QVERIFY(m_h->open());
    m_server = std::make_unique<BatchApiServer>();
    QVERIFY(m_server->listen());
    m_server->answer = answerNaming;
}

void TestBatchJob::wholeJobFromFolderToStoredResults()
{
    QVERIFY(writeImages(m_h->folder(), 6));
    const QString jobId = m_h->createJob(m_h->spec(JobMode::Batch));
    QVERIFY(!jobId.isEmpty());
    QCOMPARE(itemsOf(jobId).size(), 6);

    const auto [ok, error] = m_h->run(
        m_h->target(m_server->baseUrl(), EndpointProfile::Protocol::OpenAiCompatible), jobId);
    QVERIFY2(ok, qPrintable(error));

    const QList<BatchItem> items = itemsOf(jobId);
    QCOMPARE(items.size(), 6);
    QSet<QString> ids;
    for (const BatchItem &light : items) {
        ids.insert(QString::number(light.id));
        QCOMPARE(light.state, ItemState::Done);
        const std::optional<BatchItem> item = m_h->store.item(light.id);
        QVERIFY(item);
        QCOMPARE(item->detections.size(), 1);
        // Joined by custom_id although the output file lists lines in another order.
        QCOMPARE(item->detections[0].label, QStringLiteral("item-%1").arg(light.id));
        // 0..1000 of the image (Qwen3-VL) → pixels of the 400 × 200 original.
        QCOMPARE(item->detections[0].rect, QRectF(QPointF(40, 40), QPointF(200, 120)));
    }
    // Every item sent exactly once, as its own custom_id.
    QStringList submitted = m_server->submittedIds();
    QCOMPARE(submitted.size(), 6);
    QCOMPARE(QSet<QString>(submitted.begin(), submitted.end()), ids);
    // Nothing of the job is left on the account, nor in the work folder.
    QVERIFY2(m_server->fileIds().isEmpty(), qPrintable(m_server->fileIds().join(u',')));
    QVERIFY(m_h->store.remoteFiles(jobId).isEmpty());
    QCOMPARE(m_h->store.summary(jobId).phase, JobPhase::Completed);
    QCOMPARE(m_server->lastAuthorization(), QStringLiteral("Bearer sk-test-not-a-real-key"));
    bool uploaded = false;
    for (const RecordedRequest &request : m_server->requests())
        uploaded = uploaded || (request.method == "POST" && request.target.endsWith("/files"));
    QVERIFY(uploaded);
}

void TestBatchJob::perLineErrorsAreShownOnTheirItems()
{
    QVERIFY(writeImages(m_h->folder(), 4));
    const QString jobId = m_h->createJob(m_h->spec(JobMode::Batch));
    QVERIFY(!jobId.isEmpty());
    const qint64 failing = itemsOf(jobId).at(2).id;
    m_server->failingIds = {QString::number(failing)};

    const auto [ok, error] = m_h->run(
        m_h->target(m_server->baseUrl(), EndpointProfile::Protocol::OpenAiCompatible), jobId);
    QVERIFY2(ok, qPrintable(error));
    for (const BatchItem &item : itemsOf(jobId)) {
        if (item.id == failing) {
            QCOMPARE(item.state, ItemState::Failed);
            QCOMPARE(item.errorCode, QStringLiteral("DataInspectionFailed"));
            QVERIFY2(item.errorMessage.contains(QStringLiteral("inappropriate")),
                     qPrintable(item.errorMessage));
        } else {
            QCOMPARE(item.state, ItemState::Done);
        }
    }
    QVERIFY2(m_server->fileIds().isEmpty(), qPrintable(m_server->fileIds().join(u',')));
}

void TestBatchJob::validationFailureNamesTheLines()
{
    QVERIFY(writeImages(m_h->folder(), 3));
    const QString jobId = m_h->createJob(m_h->spec(JobMode::Batch));
    QVERIFY(!jobId.isEmpty());
    m_server->invalidLines = {2};

    m_h->run(m_h->target(m_server->baseUrl(), EndpointProfile::Protocol::OpenAiCompatible), jobId);
    const QList<BatchItem> items = itemsOf(jobId);
    int named = 0;
    for (const BatchItem &item : items) {
        QCOMPARE(item.state, ItemState::Failed); // a batch that fails validation runs nothing
        if (item.line == 2) {
            ++named;
            QCOMPARE(item.errorCode, QStringLiteral("url_not_found"));
            QVERIFY2(item.errorMessage.contains(QLatin1Char('2')), qPrintable(item.errorMessage));
        } else {
            QVERIFY(item.errorCode != QStringLiteral("url_not_found"));
        }
    }
    QCOMPARE(named, 1);
    QVERIFY2(m_server->fileIds().isEmpty(), qPrintable(m_server->fileIds().join(u',')));
}

void TestBatchJob::modelNotFoundFailsTheJob()
{
    QVERIFY(writeImages(m_h->folder(), 2));
    const QString jobId = m_h->createJob(m_h->spec(JobMode::Batch));
    QVERIFY(!jobId.isEmpty());
    m_server->unsupportedModel = QStringLiteral("qwen3-vl-plus");

    const auto [ok, error] = m_h->run(
        m_h->target(m_server->baseUrl(), EndpointProfile::Protocol::OpenAiCompatible), jobId);
    QVERIFY(!ok);
    QVERIFY2(error.contains(QStringLiteral("model_not_found")), qPrintable(error));
    const std::optional<BatchJob> job = m_h->store.job(jobId);
    QVERIFY(job);
    QCOMPARE(job->errorCode, QStringLiteral("model_not_found"));
    for (const BatchItem &item : itemsOf(jobId))
        QCOMPARE(item.state, ItemState::Failed);
    QCOMPARE(m_h->store.summary(jobId).phase, JobPhase::Failed);
}

void TestBatchJob::throttledCreateIsRetried()
{
    QVERIFY(writeImages(m_h->folder(), 2));
    const QString jobId = m_h->createJob(m_h->spec(JobMode::Batch));
    QVERIFY(!jobId.isEmpty());
    m_server->throttleCreates = 2;

    const auto [ok, error] = m_h->run(
        m_h->target(m_server->baseUrl(), EndpointProfile::Protocol::OpenAiCompatible), jobId);
    QVERIFY2(ok, qPrintable(error));
    int creates = 0;
    for (const RecordedRequest &request : m_server->requests())
        creates += request.method == "POST" && request.target.endsWith("/batches");
    QCOMPARE(creates, 3);
    QCOMPARE(m_server->batchCount(), 1);
    for (const BatchItem &item : itemsOf(jobId))
        QCOMPARE(item.state, ItemState::Done);
}

void TestBatchJob::expiredBatchKeepsPartialResultsAndFailedItemsRetry()
{
    QVERIFY(writeImages(m_h->folder(), 4));
    const QString jobId = m_h->createJob(m_h->spec(JobMode::Batch));
    QVERIFY(!jobId.isEmpty());
    m_server->expireAfter = 2;
    const JobTarget target =
        m_h->target(m_server->baseUrl(), EndpointProfile::Protocol::OpenAiCompatible);

    m_h->run(target, jobId);
    QSet<qint64> answered;
    int expired = 0;
    for (const BatchItem &item : itemsOf(jobId)) {
        if (item.state == ItemState::Done)
            answered.insert(item.id);
        else if (item.state == ItemState::Failed && item.errorCode == u"expired")
            ++expired;
    }
    QCOMPARE(answered.size(), 2);
    QCOMPARE(expired, 2);
    QVERIFY2(m_server->fileIds().isEmpty(), qPrintable(m_server->fileIds().join(u',')));

    // The failed items go again as a new batch; the answered ones are not sent again.
    m_server->expireAfter = -1;
    QCOMPARE(m_h->store.retryFailed(jobId, false), 2);
    const auto [ok, error] = m_h->run(target, jobId);
    QVERIFY2(ok, qPrintable(error));
    QCOMPARE(m_server->batchCount(), 2);
    const QStringList submitted = m_server->submittedIds();
    QCOMPARE(submitted.size(), 6);
    for (const qint64 id : std::as_const(answered))
        QCOMPARE(submitted.count(QString::number(id)), 1);
    for (const BatchItem &item : itemsOf(jobId))
        QCOMPARE(item.state, ItemState::Done);
}

void TestBatchJob::multipleFilesWhenLinesExceedTheLimit()
{
    QVERIFY(writeImages(m_h->folder(), 5));
    const QString jobId = m_h->createJob(m_h->spec(JobMode::Batch));
    QVERIFY(!jobId.isEmpty());
    RunOptions options = fastOptions();
    options.limits.maxLines = 2;

    const auto [ok, error] =
        m_h->run(m_h->target(m_server->baseUrl(), EndpointProfile::Protocol::OpenAiCompatible),
                 jobId, options);
    QVERIFY2(ok, qPrintable(error));
    QCOMPARE(m_server->batchCount(), 3);
    QCOMPARE(m_h->store.parts(jobId).size(), 3);
    QCOMPARE(m_server->submittedIds().size(), 5);
    for (const BatchItem &item : itemsOf(jobId))
        QCOMPARE(item.state, ItemState::Done);
    QVERIFY2(m_server->fileIds().isEmpty(), qPrintable(m_server->fileIds().join(u',')));
}

QVD_TEST_GUI_MAIN(TestBatchJob)
#include "tst_BatchJob.moc"
