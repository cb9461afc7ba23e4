// ChatTurn against the error table of docs/dashscope-protocol.md §6 (and the §7 OpenAI-compatible
// error bodies), over a real socket: what the person is told, what is retried and how often.
#include "ChatTurnFixtures.h"
#include "HttpTestServer.h"
#include "TestMain.h"

#include "core/api/ChatTurn.h"
#include "core/api/DashScopeBackend.h"
#include "core/api/OpenAiBackend.h"

#include <QLocale>
#include <QNetworkAccessManager>

using namespace qvd;
using namespace qvd::test;
using Category = ApiError::Category;

namespace {

const QString kKey = QStringLiteral("sk-test-7f3a9c2e1b");
constexpr int kMaxAttempts = 3;

// A complete response with Content-Length, as bytes.
QByteArray http(int status, const QByteArray &body, const QList<QByteArray> &headers = {})
{
    return Reply::http(status, body, headers).steps().first().bytes;
}

QByteArray json(int status, const QByteArray &body, const QList<QByteArray> &headers = {})
{
    return http(status, body, QList<QByteArray>{"Content-Type: application/json"} + headers);
}

QByteArray native(const char *code, const char *message, const char *requestId)
{
    return QByteArray(R"({"code":")") + code + R"(","message":")" + message + R"(","request_id":")"
        + requestId + R"("})";
}

// §7: {"error":{"message","type","param","code"},"request_id"}; a null code when `code` is empty.
QByteArray openAi(const char *type, const char *code, const char *message, const char *requestId)
{
    const QByteArray codeJson = *code ? QByteArray("\"") + code + '"' : QByteArray("null");
    return QByteArray(R"({"error":{"message":")") + message + R"(","type":")" + type
        + R"(","param":null,"code":)" + codeJson + R"(},"request_id":")" + requestId + R"("})";
}

// An HTTP-date (RFC 9110 §5.6.7) `seconds` from now.
QByteArray httpDate(qint64 seconds)
{
    const QDateTime when = QDateTime::currentDateTimeUtc().addSecs(seconds);
    return QLocale::c()
        .toString(when, QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
        .toLatin1();
}

} // namespace

class TestChatTurnErrors : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void errorTable_data();
    void errorTable();
    void throttledThenSuccess();
    void retryAfter_data();
    void retryAfter();

private:
    std::unique_ptr<ChatTurn> makeTurn(const ChatBackend &backend, const ChatRequest &request);

    std::unique_ptr<HttpTestServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
};

void TestChatTurnErrors::init()
{
    m_server = std::make_unique<HttpTestServer>();
    QVERIFY(m_server->listen());
    m_network = std::make_unique<QNetworkAccessManager>();
}

void TestChatTurnErrors::cleanup()
{
    m_server->release();
    m_network.reset();
    m_server.reset();
}

std::unique_ptr<ChatTurn> TestChatTurnErrors::makeTurn(const ChatBackend &backend,
                                                       const ChatRequest &request)
{
    auto turn = std::make_unique<ChatTurn>(m_network.get(), &backend, request);
    ChatTurn::RetryPolicy policy;
    policy.maxAttempts = kMaxAttempts;
    policy.baseDelay = std::chrono::milliseconds(4);
    policy.random = [] {
        return 0.0;
    };
    turn->setRetryPolicy(policy);
    turn->setStallTimeout(std::chrono::seconds(20));
    return turn;
}

void TestChatTurnErrors::errorTable_data()
{
    QTest::addColumn<bool>("compatible"); // OpenAI-compatible endpoint (§7), else native
    QTest::addColumn<QByteArray>("response");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("requestId");
    QTest::addColumn<Category>("category");
    QTest::addColumn<bool>("retryable");
    QTest::addColumn<int>("attempts");

    // Messages as [ERR] prints them, typos included (§6).
    QTest::newRow("400 InvalidParameter")
        << false
        << json(400,
                native("InvalidParameter",
                       "Required parameter(messages) missing or invalid, please check the "
                       "request parameters.",
                       "r-400"))
        << 400 << "InvalidParameter"
        << "Required parameter(messages) missing or invalid, please check the request parameters."
        << "r-400" << Category::InvalidRequest << false << 1;
    QTest::newRow("400 DataInspectionFailed")
        << false
        << json(400,
                native("DataInspectionFailed",
                       "Input or output data may contain inappropriate content.", "r-di"))
        << 400 << "DataInspectionFailed"
        << "Input or output data may contain inappropriate content."
        << "r-di" << Category::ContentInspection << false << 1;
    QTest::newRow("400 Arrearage")
        << false
        << json(400,
                native("Arrearage",
                       "Access denied, plesase make sure your account is in good standing.",
                       "r-arr"))
        << 400 << "Arrearage"
        << "Access denied, plesase make sure your account is in good standing."
        << "r-arr" << Category::Quota << false << 1;
    QTest::newRow("401 InvalidApiKey (§9.C, body ends at close)")
        << false << wire(QStringLiteral("9c-401.http")) << 401 << "InvalidApiKey"
        << "Invalid API-key provided."
        << "a1c0561c-1dfe-98a6-a62f-983577b8bc5e" << Category::Auth << false << 1;
    // Servers sometimes echo what they were sent; the key never reaches the person.
    QTest::newRow("401 echoing the key")
        << false
        << json(401, native("InvalidApiKey", "Invalid API-key provided: sk-test-7f3a9c2e1b", "r-k"))
        << 401 << "InvalidApiKey"
        << "Invalid API-key provided: ***"
        << "r-k" << Category::Auth << false << 1;
    QTest::newRow("403 AccessDenied")
        << false << json(403, native("AccessDenied", "Access denied.", "r-403")) << 403
        << "AccessDenied"
        << "Access denied."
        << "r-403" << Category::Permission << false << 1;
    QTest::newRow("403 AllocationQuota.FreeTierOnly")
        << false
        << json(403,
                native("AllocationQuota.FreeTierOnly",
                       "The free tier of the model has been exhausted.", "r-ft"))
        << 403 << "AllocationQuota.FreeTierOnly"
        << "The free tier of the model has been exhausted."
        << "r-ft" << Category::Permission << false << 1;
    QTest::newRow("404 ModelNotFound")
        << false << json(404, native("ModelNotFound", "Model can not be found.", "r-404")) << 404
        << "ModelNotFound"
        << "Model can not be found."
        << "r-404" << Category::InvalidRequest << false << 1;
    QTest::newRow("429 free quota exceeded: not retried")
        << false
        << json(429, native("Throttling.AllocationQuota", "Free allocated quota exceeded.", "r-fq"))
        << 429 << "Throttling.AllocationQuota"
        << "Free allocated quota exceeded."
        << "r-fq" << Category::Quota << false << 1;
    QTest::newRow("429 PrepaidBillOverdue: not retried")
        << false
        << json(429, native("PrepaidBillOverdue", "The prepaid bill is overdue.", "r-bill")) << 429
        << "PrepaidBillOverdue"
        << "The prepaid bill is overdue."
        << "r-bill" << Category::Quota << false << 1;
    QTest::newRow("429 Throttling exhausted")
        << false << json(429, native("Throttling", "Requests throttling triggered.", "r-429"))
        << 429 << "Throttling"
        << "Requests throttling triggered."
        << "r-429" << Category::Quota << true << kMaxAttempts;
    QTest::newRow("500 InternalError exhausted")
        << false
        << json(500,
                native("InternalError", "An internal error has occured, try again later.", "r-500"))
        << 500 << "InternalError"
        << "An internal error has occured, try again later."
        << "r-500" << Category::Server << true << kMaxAttempts;
    QTest::newRow("503 ModelUnavailable exhausted")
        << false
        << json(503, native("ModelUnavailable", "Model is unavailable, try again later.", "r-503"))
        << 503 << "ModelUnavailable"
        << "Model is unavailable, try again later."
        << "r-503" << Category::Server << true << kMaxAttempts;
    // [PY] _handle_http_failed_response: a non-200 answer to an SSE request may be SSE (§5).
    QTest::newRow("429 as an event stream")
        << false
        << http(429,
                "id:1\nevent:error\n:HTTP_STATUS/429\ndata:"
                    + native("Throttling.RateQuota",
                             "Requests rate limit exceeded, try again later.", "r-sse")
                    + "\n\n",
                {"Content-Type: text/event-stream;charset=UTF-8"})
        << 429 << "Throttling.RateQuota"
        << "Requests rate limit exceeded, try again later."
        << "r-sse" << Category::Quota << true << kMaxAttempts;

    QTest::newRow("openai 401 invalid_api_key (§7)")
        << true << json(401, readFixture(QStringLiteral("7-openai-401.json"))) << 401
        << "invalid_api_key"
        << "Incorrect API key provided. "
        << "0f1e2d3c-0000-0000-0000-000000000000" << Category::Auth << false << 1;
    QTest::newRow("openai 401 with a null code")
        << true
        << json(401, openAi("invalid_request_error", "", "Incorrect API key provided.", "o-401"))
        << 401 << "invalid_request_error"
        << "Incorrect API key provided."
        << "o-401" << Category::Auth << false << 1;
    QTest::newRow("openai 400 invalid_parameter_error")
        << true
        << json(400,
                openAi("invalid_request_error", "invalid_parameter_error",
                       "<400> InternalError.Algo.InvalidParameter: Range of top_p should be "
                       "(0.0, 1.0]",
                       "o-400"))
        << 400 << "invalid_parameter_error"
        << "<400> InternalError.Algo.InvalidParameter: Range of top_p should be (0.0, 1.0]"
        << "o-400" << Category::InvalidRequest << false << 1;
    QTest::newRow("openai 403 access_denied")
        << true
        << json(403, openAi("invalid_request_error", "access_denied", "Access denied.", "o-403"))
        << 403 << "access_denied"
        << "Access denied."
        << "o-403" << Category::Permission << false << 1;
    QTest::newRow("openai 404 model_not_supported")
        << true
        << json(404,
                openAi("invalid_request_error", "model_not_supported",
                       "Unsupported model qwen-vl-plus for OpenAI compatibility mode.", "o-404"))
        << 404 << "model_not_supported"
        << "Unsupported model qwen-vl-plus for OpenAI compatibility mode."
        << "o-404" << Category::InvalidRequest << false << 1;
    QTest::newRow("openai 429 limit_requests exhausted")
        << true
        << json(429,
                openAi("limit_requests", "limit_requests",
                       "Requests rate limit exceeded, try again later.", "o-429"))
        << 429 << "limit_requests"
        << "Requests rate limit exceeded, try again later."
        << "o-429" << Category::Quota << true << kMaxAttempts;
    QTest::newRow("openai 500 internal_error exhausted")
        << true
        << json(500,
                openAi("internal_error", "internal_error",
                       "An internal error has occured, try again later.", "o-500"))
        << 500 << "internal_error"
        << "An internal error has occured, try again later."
        << "o-500" << Category::Server << true << kMaxAttempts;
    QTest::newRow("local server {error: text}")
        << true << json(400, R"({"error":"messages must not be empty"})") << 400 << QString()
        << "messages must not be empty" << QString() << Category::InvalidRequest << false << 1;

    // A proxy in front of the server answers in HTML; the request id comes from the header.
    QTest::newRow("non-JSON 502 from a proxy")
        << false
        << http(502, "<html><body><h1>502 Bad Gateway</h1></body></html>\n",
                {"Content-Type: text/html", "X-Request-ID: gw-502"})
        << 502 << QString() << "<html><body><h1>502 Bad Gateway</h1></body></html>"
        << "gw-502" << Category::Server << true << kMaxAttempts;
    QTest::newRow("non-JSON 400") << true << http(400, "Bad Request", {"Content-Type: text/plain"})
                                  << 400 << QString() << "Bad Request" << QString()
                                  << Category::InvalidRequest << false << 1;
}

void TestChatTurnErrors::errorTable()
{
    QFETCH(bool, compatible);
    QFETCH(QByteArray, response);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QString, message);
    QFETCH(QString, requestId);
    QFETCH(Category, category);
    QFETCH(bool, retryable);
    QFETCH(int, attempts);

    // As many errors as a retrying turn may ask for, then an answer a wrong retry would get.
    for (int i = 0; i < kMaxAttempts; ++i)
        m_server->enqueue(Reply::raw(response));
    m_server->enqueue(Reply::raw(wire(QStringLiteral("9b-response.http"))));
    const DashScopeBackend nativeBackend({m_server->url(QStringLiteral("/api/v1")), kKey, {}});
    const OpenAiBackend compatibleBackend(
        {m_server->url(QStringLiteral("/compatible-mode/v1")), kKey, {}});
    const ChatBackend &backend =
        compatible ? static_cast<const ChatBackend &>(compatibleBackend) : nativeBackend;
    auto turn = makeTurn(backend, spec9Request(true));
    QSignalSpy failed(turn.get(), &ChatTurn::failed);
    QSignalSpy finished(turn.get(), &ChatTurn::finished);
    QSignalSpy retrying(turn.get(), &ChatTurn::retrying);
    turn->start();
    QVERIFY(failed.wait(10000));

    const ApiError error = failed.first().first().value<ApiError>();
    QCOMPARE(error.kind, ApiError::Kind::HttpStatus);
    QCOMPARE(error.httpStatus, status);
    QCOMPARE(error.code, code);
    QCOMPARE(error.message, message);
    QCOMPARE(error.requestId, requestId);
    QCOMPARE(error.category(), category);
    QCOMPARE(error.retryable(), retryable);
    QCOMPARE(m_server->requests().size(), attempts);
    QCOMPARE(turn->attempts(), attempts);
    QCOMPARE(retrying.size(), attempts - 1);
    QCOMPARE(finished.size(), 0);
    QCOMPARE(failed.size(), 1);
    QCOMPARE(turn->answer().state, Message::State::Failed);
    QVERIFY(!turn->isRunning());
    QCOMPARE(m_server->requests().first().header("Authorization"), "Bearer " + kKey.toLatin1());

    const QString text = error.userMessage();
    QVERIFY2(text.contains(message), qPrintable(text));
    QVERIFY2(!text.contains(kKey), qPrintable(text));
    if (!requestId.isEmpty())
        QVERIFY2(text.contains(requestId), qPrintable(text));
    for (const QVariantList &retry : std::as_const(retrying))
        QVERIFY(!retry[2].value<ApiError>().userMessage().contains(kKey));
}

void TestChatTurnErrors::throttledThenSuccess()
{
    m_server->enqueue(
        Reply::raw(json(429, native("Throttling", "Requests throttling triggered.", "r-t1"))));
    m_server->enqueue(Reply::raw(wire(QStringLiteral("9b-response.http"))));
    const DashScopeBackend backend({m_server->url(QStringLiteral("/api/v1")), kKey, {}});
    auto turn = makeTurn(backend, spec9Request(true));
    QSignalSpy failed(turn.get(), &ChatTurn::failed);
    QSignalSpy finished(turn.get(), &ChatTurn::finished);
    QSignalSpy retrying(turn.get(), &ChatTurn::retrying);
    QSignalSpy delta(turn.get(), &ChatTurn::delta);
    turn->start();
    QVERIFY(finished.wait());

    QCOMPARE(m_server->requests().size(), 2);
    QCOMPARE(m_server->requests()[0].body, m_server->requests()[1].body);
    QCOMPARE(turn->attempts(), 2);
    QCOMPARE(retrying.size(), 1);
    const ApiError throttled = retrying.first()[2].value<ApiError>();
    QCOMPARE(throttled.code, QStringLiteral("Throttling"));
    QCOMPARE(throttled.category(), Category::Quota);
    QCOMPARE(retrying.first()[1].toLongLong(), 2); // no Retry-After: backoff 4/2 + 0
    QCOMPARE(failed.size(), 0);
    QCOMPARE(finished.size(), 1); // one answer, not one per attempt
    QVERIFY(delta.size() >= 1 && delta.size() <= 3);
    QCOMPARE(deltaText(delta), QStringLiteral("这是一个海滩和其他访客。"));
    const Message answer = finished.first().first().value<Message>();
    QCOMPARE(answer.text, QStringLiteral("这是一个海滩和其他访客。"));
    QCOMPARE(answer.state, Message::State::Complete);
    QCOMPARE(answer.requestId, QStringLiteral("13c5644d-339c-928a-a09a-e0414bfaa95c"));
}

void TestChatTurnErrors::retryAfter_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<bool>("retried");
    // The delay announced by retrying(), or the retryAfter of the final error.
    QTest::addColumn<qint64>("minMs");
    QTest::addColumn<qint64>("maxMs");

    // tst_ChatTurn::honorsRetryAfterOn429 covers "Retry-After: 1".
    QTest::newRow("429 zero seconds") << 429 << QByteArray("0") << true << 0LL << 0LL;
    QTest::newRow("503 zero seconds") << 503 << QByteArray("0") << true << 0LL << 0LL;
    // An HTTP-date has whole seconds: 2 s ahead is 1..2 s away by the time it is read.
    QTest::newRow("429 HTTP-date") << 429 << httpDate(2) << true << 500LL << 2000LL;
    // Longer than RetryPolicy::maxRetryAfter (60 s): the person decides, no silent wait.
    QTest::newRow("429 two minutes") << 429 << QByteArray("120") << false << 120000LL << 120000LL;
    QTest::newRow("503 HTTP-date in an hour")
        << 503 << httpDate(3600) << false << 3590000LL << 3600000LL;
    // Unreadable: the usual backoff (4/2 ms with the random part at 0).
    QTest::newRow("429 unreadable") << 429 << QByteArray("soon") << true << 2LL << 2LL;
}

void TestChatTurnErrors::retryAfter()
{
    QFETCH(int, status);
    QFETCH(QByteArray, retryAfter);
    QFETCH(bool, retried);
    QFETCH(qint64, minMs);
    QFETCH(qint64, maxMs);

    m_server->enqueue(Reply::raw(
        json(status, native("Throttling", "Wait.", "r-ra"), {"Retry-After: " + retryAfter})));
    m_server->enqueue(Reply::raw(wire(QStringLiteral("9b-response.http"))));
    const DashScopeBackend backend({m_server->url(QStringLiteral("/api/v1")), kKey, {}});
    auto turn = makeTurn(backend, spec9Request(true));
    QSignalSpy failed(turn.get(), &ChatTurn::failed);
    QSignalSpy finished(turn.get(), &ChatTurn::finished);
    QSignalSpy retrying(turn.get(), &ChatTurn::retrying);
    turn->start();
    if (retried) {
        QVERIFY(finished.wait(10000));
        QCOMPARE(retrying.size(), 1);
        const qint64 delay = retrying.first()[1].toLongLong();
        QVERIFY2(delay >= minMs && delay <= maxMs, qPrintable(QString::number(delay)));
        QCOMPARE(m_server->requests().size(), 2);
        QCOMPARE(failed.size(), 0);
    } else {
        QVERIFY(failed.wait());
        const ApiError error = failed.first().first().value<ApiError>();
        QVERIFY(error.retryable()); // retryable in itself, but not after so long a wait
        const qint64 after = error.retryAfter.count();
        QVERIFY2(after >= minMs && after <= maxMs, qPrintable(QString::number(after)));
        QCOMPARE(m_server->requests().size(), 1);
        QCOMPARE(retrying.size(), 0);
    }
}

QVD_TEST_MAIN(TestChatTurnErrors)
#include "tst_ChatTurnErrors.moc"
