// Direct mode: a job's images sent as ordinary chat requests to an OpenAI-compatible loopback
// server with no Batch API, a few at a time, retried with backoff on 429 and 5xx, the answers in
// the same job store as batch mode.
#include "BatchFixtures.h"
#include "HttpTestServer.h"
#include "TestMain.h"

#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace qvd;
using namespace qvd::test;

namespace {

QByteArray completion(const QString &label)
{
    const QJsonObject message{
        {QStringLiteral("role"), QStringLiteral("assistant")},
        {QStringLiteral("content"),
         QStringLiteral("[{\"bbox_2d\": [100, 200, 500, 600], \"label\": \"%1\"}]").arg(label)}};
    const QJsonObject body{
        {QStringLiteral("id"), QStringLiteral("chatcmpl-1")},
        {QStringLiteral("object"), QStringLiteral("chat.completion")},
        {QStringLiteral("choices"),
         QJsonArray{QJsonObject{{QStringLiteral("index"), 0},
                                {QStringLiteral("message"), message},
                                {QStringLiteral("finish_reason"), QStringLiteral("stop")}}}},
        {QStringLiteral("usage"),
         QJsonObject{{QStringLiteral("prompt_tokens"), 300},
                     {QStringLiteral("completion_tokens"), 20},
                     {QStringLiteral("total_tokens"), 320}}}};
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

} // namespace

class TestBatchDirect : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void concurrentRequestsWithRetries();
};

void TestBatchDirect::concurrentRequestsWithRetries()
{
    BatchHarness h;
    QVERIFY(h.open());
    QVERIFY(writeImages(h.folder(), 8));
    JobSpec spec = h.spec(JobMode::Direct);
    spec.concurrency = 3;
    const QString jobId = h.createJob(spec);
    QVERIFY(!jobId.isEmpty());

    HttpTestServer server;
    QVERIFY(server.listen());
    int received = 0;
    int answered = 0;
    int inFlight = 0;
    int mostInFlight = 0;
    QStringList paths;
    connect(&server, &HttpTestServer::requestReceived, this,
            [&] { mostInFlight = std::max(mostInFlight, ++inFlight); });
    connect(&server, &HttpTestServer::replyFinished, this, [&] { --inFlight; });
    server.setResponder([&](const RecordedRequest &request) {
        paths.append(QString::fromUtf8(request.target));
        ++received;
        // Held a moment so that requests sent together overlap on the server.
        if (received <= 2)
            return Reply()
                .pause(std::chrono::milliseconds(300))
                .send("HTTP/1.1 429 Too Many Requests\r\nRetry-After: 0\r\nContent-Type: "
                      "application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
        if (received == 3)
            return Reply()
                .pause(std::chrono::milliseconds(300))
                .send("HTTP/1.1 503 Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        ++answered;
        const QByteArray body = completion(QStringLiteral("cat"));
        return Reply()
            .pause(std::chrono::milliseconds(300))
            .send("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n"
                  "Content-Length: "
                  + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    });

    const auto [ok, error] = h.run(
        h.target(server.url(QStringLiteral("/v1")), EndpointProfile::Protocol::OpenAiCompatible),
        jobId);
    QVERIFY2(ok, qPrintable(error));
    for (const QString &path : std::as_const(paths))
        QCOMPARE(path, QStringLiteral("/v1/chat/completions"));
    // Eight answers, three refusals retried: no image was answered twice.
    QCOMPARE(answered, 8);
    QCOMPARE(received, 11);
    QVERIFY2(mostInFlight <= 3, qPrintable(QString::number(mostInFlight)));
    QVERIFY2(mostInFlight >= 2, qPrintable(QString::number(mostInFlight)));
    const QList<BatchItem> items = h.store.items(jobId);
    QCOMPARE(items.size(), 8);
    for (const BatchItem &light : items) {
        QCOMPARE(light.state, ItemState::Done);
        const std::optional<BatchItem> item = h.store.item(light.id);
        QVERIFY(item);
        QCOMPARE(item->detections.size(), 1);
        QCOMPARE(item->detections[0].rect, QRectF(QPointF(40, 40), QPointF(200, 120)));
    }
    QCOMPARE(h.store.summary(jobId).phase, JobPhase::Completed);
}

QVD_TEST_GUI_MAIN(TestBatchDirect)
#include "tst_BatchDirect.moc"
