// ApiError: parsing of error bodies (§6, §7, §9.C), retry classification, user messages.
#include "TestMain.h"

#include "core/api/ApiError.h"

#include <QFile>
#include <QTranslator>

using qvd::ApiError;

namespace {

QByteArray readFixture(const QString &name)
{
    QFile file(qvd::test::dataPath(QStringLiteral("api/") + name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return file.readAll();
}

ApiError status(int httpStatus, const QString &code = {}, const QString &message = {})
{
    ApiError error;
    error.kind = ApiError::Kind::HttpStatus;
    error.httpStatus = httpStatus;
    error.code = code;
    error.message = message;
    return error;
}

} // namespace

class TestApiError : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nativeBody401();
    void openAiBody401();
    void nonJsonBody();
    void retryable_data();
    void retryable();
    void userMessageNamesCauseAndServerText_data();
    void userMessageNamesCauseAndServerText();
    void userMessageMasksKeys();
    void userMessageWithoutStatusOrCode();
    void eventStreamBody();
    void category_data();
    void category();
};

void TestApiError::nativeBody401()
{
    const QByteArray http = readFixture(QStringLiteral("9c-401.http"));
    const ApiError error = ApiError::fromHttpBody(401, http.mid(http.indexOf("\r\n\r\n") + 4));
    QCOMPARE(error.kind, ApiError::Kind::HttpStatus);
    QCOMPARE(error.httpStatus, 401);
    QCOMPARE(error.code, QStringLiteral("InvalidApiKey"));
    QCOMPARE(error.message, QStringLiteral("Invalid API-key provided."));
    QCOMPARE(error.requestId, QStringLiteral("a1c0561c-1dfe-98a6-a62f-983577b8bc5e"));
    QVERIFY(!error.retryable());
}

void TestApiError::openAiBody401()
{
    const ApiError error =
        ApiError::fromHttpBody(401, readFixture(QStringLiteral("7-openai-401.json")));
    QCOMPARE(error.code, QStringLiteral("invalid_api_key"));
    QCOMPARE(error.message, QStringLiteral("Incorrect API key provided. "));
    QCOMPARE(error.requestId, QStringLiteral("0f1e2d3c-0000-0000-0000-000000000000"));
}

void TestApiError::nonJsonBody()
{
    const ApiError error = ApiError::fromHttpBody(502, "<html>Bad Gateway</html>\n");
    QCOMPARE(error.code, QString());
    QCOMPARE(error.message, QStringLiteral("<html>Bad Gateway</html>"));
    QVERIFY(error.retryable());
}

void TestApiError::retryable_data()
{
    QTest::addColumn<ApiError>("error");
    QTest::addColumn<bool>("expected");
    QTest::newRow("429 Throttling") << status(429, QStringLiteral("Throttling.RateQuota")) << true;
    QTest::newRow("429 no body") << status(429) << true;
    QTest::newRow("429 bill overdue") << status(429, QStringLiteral("PrepaidBillOverdue")) << false;
    QTest::newRow("429 free quota") << status(429, QStringLiteral("Throttling.AllocationQuota"),
                                              QStringLiteral("Free allocated quota exceeded."))
                                    << false;
    QTest::newRow("500") << status(500, QStringLiteral("InternalError")) << true;
    QTest::newRow("503") << status(503, QStringLiteral("ModelUnavailable")) << true;
    QTest::newRow("400") << status(400, QStringLiteral("InvalidParameter")) << false;
    QTest::newRow("401") << status(401, QStringLiteral("InvalidApiKey")) << false;
    QTest::newRow("403") << status(403) << false;
    QTest::newRow("404") << status(404) << false;
    ApiError midStream = status(500, QStringLiteral("InternalError"));
    midStream.kind = ApiError::Kind::Server;
    QTest::newRow("event:error 500") << midStream << true;
    QTest::newRow("refused before first byte")
        << ApiError::network(QStringLiteral("refused"), true) << true;
    QTest::newRow("reset after data") << ApiError::network(QStringLiteral("reset"), false) << false;
    QTest::newRow("timeout") << ApiError::timeout(QStringLiteral("stall")) << false;
    QTest::newRow("malformed") << ApiError::malformed(QStringLiteral("x")) << false;
    ApiError tls;
    tls.kind = ApiError::Kind::Tls;
    tls.beforeFirstByte = true;
    QTest::newRow("tls") << tls << false;
}

void TestApiError::retryable()
{
    QFETCH(ApiError, error);
    QFETCH(bool, expected);
    QCOMPARE(error.retryable(), expected);
}

void TestApiError::userMessageNamesCauseAndServerText_data()
{
    QTest::addColumn<ApiError>("error");
    QTest::addColumn<QString>("expected");
    QTest::newRow("InvalidApiKey")
        << status(401, QStringLiteral("InvalidApiKey"), QStringLiteral("Invalid API-key provided."))
        << QStringLiteral("The API key was rejected. Check the key, and that it belongs to the "
                          "region of the endpoint: keys from the Beijing region do not work on "
                          "the international endpoint, and the other way round.\n"
                          "Server (HTTP 401, InvalidApiKey): Invalid API-key provided.");
    QTest::newRow("Arrearage")
        << status(400, QStringLiteral("Arrearage"),
                  QStringLiteral("Access denied, plesase make sure your account is in good "
                                 "standing."))
        << QStringLiteral("The account is in arrears. Top up or settle the bill in the Alibaba "
                          "Cloud console, then try again.\nServer (HTTP 400, Arrearage): Access "
                          "denied, plesase make sure your account is in good standing.");
    QTest::newRow("DataInspectionFailed")
        << status(400, QStringLiteral("DataInspectionFailed"),
                  QStringLiteral("Input or output data may contain inappropriate content."))
        << QStringLiteral("The content safety check rejected the input or the answer.\nServer "
                          "(HTTP 400, DataInspectionFailed): Input or output data may contain "
                          "inappropriate content.");
    ApiError throttled =
        status(429, QStringLiteral("Throttling"), QStringLiteral("Requests throttling triggered."));
    throttled.requestId = QStringLiteral("r-1");
    QTest::newRow("Throttling")
        << throttled
        << QStringLiteral("Too many requests or the quota is used up. Wait a little and try "
                          "again.\nServer (HTTP 429, Throttling): Requests throttling "
                          "triggered.\nRequest ID: r-1");
    QTest::newRow("network") << ApiError::network(QStringLiteral("Connection refused"), true)
                             << QStringLiteral("Could not reach the model server.\nDetails: "
                                               "Connection refused");
}

void TestApiError::userMessageNamesCauseAndServerText()
{
    QFETCH(ApiError, error);
    QFETCH(QString, expected);
    QCOMPARE(error.userMessage(), expected);
}

void TestApiError::userMessageMasksKeys()
{
    const ApiError error =
        status(401, QStringLiteral("invalid_api_key"),
               QStringLiteral("Incorrect API key provided: sk-abcd1234****5678."));
    QVERIFY(!error.userMessage().contains(QLatin1String("abcd1234")));
    QVERIFY(error.userMessage().contains(QLatin1String("sk-***")));
}

void TestApiError::userMessageWithoutStatusOrCode()
{
    // An OpenAI-style {"error": …} chunk mid-stream has neither an HTTP status nor a code.
    const ApiError error = ApiError::fromServerJson(0, R"({"error":{"message":"boom"}})");
    QCOMPARE(error.userMessage(),
             QStringLiteral("The model server returned an error.\nServer (-): boom"));
}

void TestApiError::eventStreamBody()
{
    // A non-2xx answer to a streaming request, framed as SSE (§5, [PY]).
    const ApiError error = ApiError::fromHttpBody(
        400,
        "id:1\nevent:error\n:HTTP_STATUS/400\ndata:{\"code\":\"InvalidParameter\","
        "\"message\":\"Bad.\",\"request_id\":\"s1\"}\n");
    QCOMPARE(error.kind, ApiError::Kind::HttpStatus);
    QCOMPARE(error.code, QStringLiteral("InvalidParameter"));
    QCOMPARE(error.message, QStringLiteral("Bad."));
    QCOMPARE(error.requestId, QStringLiteral("s1"));
    // Text that merely mentions "data:" stays the message.
    QCOMPARE(ApiError::fromHttpBody(500, "no data: here").message, QStringLiteral("no data: here"));
}

void TestApiError::category_data()
{
    using C = ApiError::Category;
    QTest::addColumn<ApiError>("error");
    QTest::addColumn<C>("expected");
    QTest::newRow("401 InvalidApiKey") << status(401, QStringLiteral("InvalidApiKey")) << C::Auth;
    QTest::newRow("400 invalid_api_key")
        << status(400, QStringLiteral("invalid_api_key")) << C::Auth;
    QTest::newRow("401, type only")
        << status(401, QStringLiteral("invalid_request_error")) << C::Auth;
    QTest::newRow("403 no body") << status(403) << C::Permission;
    QTest::newRow("403 Model.AccessDenied")
        << status(403, QStringLiteral("Model.AccessDenied")) << C::Permission;
    QTest::newRow("403 AllocationQuota.FreeTierOnly")
        << status(403, QStringLiteral("AllocationQuota.FreeTierOnly")) << C::Permission;
    QTest::newRow("400 InvalidParameter")
        << status(400, QStringLiteral("InvalidParameter")) << C::InvalidRequest;
    QTest::newRow("400 InvalidParameter.DataInspection (download)")
        << status(400, QStringLiteral("InvalidParameter.DataInspection")) << C::InvalidRequest;
    QTest::newRow("400 BadRequest.EmptyInput")
        << status(400, QStringLiteral("BadRequest.EmptyInput")) << C::InvalidRequest;
    QTest::newRow("404 ModelNotFound")
        << status(404, QStringLiteral("ModelNotFound")) << C::InvalidRequest;
    QTest::newRow("404 no body") << status(404) << C::InvalidRequest;
    QTest::newRow("400 DataInspectionFailed")
        << status(400, QStringLiteral("DataInspectionFailed")) << C::ContentInspection;
    QTest::newRow("400 data_inspection_failed")
        << status(400, QStringLiteral("data_inspection_failed")) << C::ContentInspection;
    QTest::newRow("400 Arrearage") << status(400, QStringLiteral("Arrearage")) << C::Quota;
    QTest::newRow("429 Throttling.BurstRate")
        << status(429, QStringLiteral("Throttling.BurstRate")) << C::Quota;
    QTest::newRow("429 limit_burst_rate")
        << status(429, QStringLiteral("limit_burst_rate")) << C::Quota;
    QTest::newRow("429 insufficient_quota")
        << status(429, QStringLiteral("insufficient_quota")) << C::Quota;
    QTest::newRow("429 no body") << status(429) << C::Quota;
    QTest::newRow("500 InternalError") << status(500, QStringLiteral("InternalError")) << C::Server;
    QTest::newRow("503 ModelUnavailable")
        << status(503, QStringLiteral("ModelUnavailable")) << C::Server;
    ApiError event = status(400, QStringLiteral("DataInspectionFailed"));
    event.kind = ApiError::Kind::Server;
    QTest::newRow("event:error DataInspectionFailed") << event << C::ContentInspection;
    QTest::newRow("error chunk, no status")
        << ApiError::fromServerJson(0, R"({"error":{"message":"boom"}})") << C::Server;
    QTest::newRow("refused") << ApiError::network(QStringLiteral("refused"), true) << C::Network;
    ApiError tls;
    tls.kind = ApiError::Kind::Tls;
    QTest::newRow("tls") << tls << C::Network;
    QTest::newRow("timeout") << ApiError::timeout(QStringLiteral("stall")) << C::Timeout;
    ApiError cancelled;
    cancelled.kind = ApiError::Kind::Cancelled;
    QTest::newRow("cancelled") << cancelled << C::Cancelled;
    QTest::newRow("malformed") << ApiError::malformed(QStringLiteral("x")) << C::MalformedReply;
}

void TestApiError::category()
{
    QFETCH(ApiError, error);
    QFETCH(ApiError::Category, expected);
    QCOMPARE(error.category(), expected);
}

QVD_TEST_MAIN(TestApiError)
#include "tst_ApiError.moc"
