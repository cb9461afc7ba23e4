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

QVD_TEST_MAIN(TestApiError)
#include "tst_ApiError.moc"
