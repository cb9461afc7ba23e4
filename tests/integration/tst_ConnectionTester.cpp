// "Test connection" against real sockets: the loopback HTTP(S) server with the test
// certificate, a real HTTP CONNECT proxy and a real SOCKS5 proxy (tests/support/TestProxy).
#include "core/api/ConnectionTester.h"
#include "core/api/ProfileProxyFactory.h"

#include "HttpTestServer.h"
#include "TestMain.h"
#include "TestProxy.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSslConfiguration>

using qvd::ConnectionReport;
using qvd::ConnectionTester;
using qvd::EndpointProfile;
using qvd::ProfileProxyFactory;
using qvd::ProxySettings;
using qvd::test::HttpTestServer;
using qvd::test::Reply;
using qvd::test::TestProxy;
using Outcome = ConnectionReport::Outcome;

namespace {

const QByteArray kInvalidKey =
    R"({"code":"InvalidApiKey","message":"Invalid API-key provided.","request_id":"a1c0561c"})";
const QByteArray kEmptyContent = R"({"code":"InvalidParameter","message":"Role must be user or )"
                                 R"(assistant and Content length must be greater than 0",)"
                                 R"("request_id":"b2"})";

} // namespace

class TestConnectionTester : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void acceptedKeyOverVerifiedTls();
    void rejectedKeyReportsTheServerMessage();
    void untrustedCertificateIsAFailureNotIgnored();
    void closedPortIsUnreachable();
    void remoteHttpIsRefusedBeforeSending();
    void openAiCompatibleLocalServerWithoutKey();
    void stalledServerTimesOut();
    void throughHttpConnectProxyWithCredentials();
    void throughSocks5ProxyWithCredentials();
    void wrongProxyPasswordIsAProxyFailure();
    void editedProxyIsTestedOnTheSameNetworkAndOnlyForTheTest();

private:
    ConnectionReport run(const EndpointProfile &profile, const QString &key,
                         std::chrono::milliseconds timeout = std::chrono::seconds(20));
    EndpointProfile dashScopeProfile() const;
    void trustTestCertificate(bool trust);

    std::unique_ptr<HttpTestServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    ProfileProxyFactory *m_proxies = nullptr; // owned by m_network
    QSslConfiguration m_defaultTls;
};

void TestConnectionTester::init()
{
    m_defaultTls = QSslConfiguration::defaultConfiguration();
    trustTestCertificate(true);
    m_server = std::make_unique<HttpTestServer>();
    QVERIFY(m_server->listenTls());
    m_network = std::make_unique<QNetworkAccessManager>();
    m_proxies = new ProfileProxyFactory;
    m_network->setProxyFactory(m_proxies);
}

void TestConnectionTester::cleanup()
{
    m_network.reset();
    m_server.reset();
    QSslConfiguration::setDefaultConfiguration(m_defaultTls);
}

void TestConnectionTester::trustTestCertificate(bool trust)
{
    QSslConfiguration configuration = m_defaultTls;
    if (trust)
        configuration.addCaCertificate(HttpTestServer::tlsCertificate());
    QSslConfiguration::setDefaultConfiguration(configuration);
}

EndpointProfile TestConnectionTester::dashScopeProfile() const
{
    EndpointProfile profile;
    profile.name = QStringLiteral("test");
    profile.baseUrl = m_server->url(QStringLiteral("/api/v1"));
    profile.defaultModel = QStringLiteral("qwen3-vl-plus");
    profile.proxy.mode = ProxySettings::Mode::None;
    return profile;
}

ConnectionReport TestConnectionTester::run(const EndpointProfile &profile, const QString &key,
                                           std::chrono::milliseconds timeout)
{
    m_proxies->setProfile(profile, QStringLiteral("proxy-secret"));
    ConnectionTester tester(m_network.get());
    QSignalSpy finished(&tester, &ConnectionTester::finished);
    tester.start(profile, key, timeout);
    [&] {
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    }();
    // Exactly one report, even after the loop spins again.
    QCoreApplication::processEvents();
    if (finished.size() != 1)
        return {};
    const auto report = finished.first().first().value<ConnectionReport>();
    if (!key.isEmpty() && report.summary().contains(key))
        qFatal("the report contains the key");
    return report;
}

void TestConnectionTester::acceptedKeyOverVerifiedTls()
{
    m_server->enqueue(Reply::http(400, kEmptyContent, {"Content-Type: application/json"}));
    const auto report = run(dashScopeProfile(), QStringLiteral("sk-good"));
    QCOMPARE(report.outcome, Outcome::KeyAccepted);
    QCOMPARE(report.httpStatus, 400);

    QCOMPARE(m_server->requests().size(), 1);
    const auto request = m_server->requests().first();
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.target, QByteArray("/api/v1/services/aigc/multimodal-generation/generation"));
    QCOMPARE(request.header("Authorization"), QByteArray("Bearer sk-good"));
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    QCOMPARE(body.value(QLatin1String("model")).toString(), QStringLiteral("qwen3-vl-plus"));
    QVERIFY(body.value(QLatin1String("input")).toObject().contains(QLatin1String("messages")));
}

void TestConnectionTester::rejectedKeyReportsTheServerMessage()
{
    m_server->enqueue(Reply::http(401, kInvalidKey, {"Content-Type: application/json"}));
    const auto report = run(dashScopeProfile(), QStringLiteral("sk-bad"));
    QCOMPARE(report.outcome, Outcome::KeyRejected);
    QCOMPARE(report.serverCode, QStringLiteral("InvalidApiKey"));
    QCOMPARE(report.serverMessage, QStringLiteral("Invalid API-key provided."));
    QVERIFY(report.summary().contains(QStringLiteral("Invalid API-key provided.")));
    QVERIFY(report.reachable());
}

void TestConnectionTester::untrustedCertificateIsAFailureNotIgnored()
{
    trustTestCertificate(false);
    m_server->enqueue(Reply::http(400, kEmptyContent));
    const auto report = run(dashScopeProfile(), QStringLiteral("sk-good"));
    QCOMPARE(report.outcome, Outcome::TlsFailed);
    QVERIFY(!report.detail.isEmpty());
    // The request never reached the server: the key was not sent over an unverified channel.
    QCOMPARE(m_server->requests().size(), 0);
}

void TestConnectionTester::closedPortIsUnreachable()
{
    EndpointProfile profile = dashScopeProfile();
    QTcpServer probe; // a port that was free a moment ago and is closed now
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();
    profile.baseUrl.setPort(port);
    const auto report = run(profile, QStringLiteral("sk-good"));
    QCOMPARE(report.outcome, Outcome::Unreachable);
    QVERIFY(!report.detail.isEmpty());
    QVERIFY(!report.reachable());
}

void TestConnectionTester::remoteHttpIsRefusedBeforeSending()
{
    EndpointProfile profile = dashScopeProfile();
    profile.baseUrl = QUrl(QStringLiteral("http://dashscope.aliyuncs.com/api/v1"));
    const auto report = run(profile, QStringLiteral("sk-good"));
    QCOMPARE(report.outcome, Outcome::InvalidProfile);
    QVERIFY(report.detail.contains(QStringLiteral("http://")));
}

void TestConnectionTester::openAiCompatibleLocalServerWithoutKey()
{
    HttpTestServer plain;
    QVERIFY(plain.listen());
    plain.enqueue(Reply::http(200, R"({"object":"list","data":[{"id":"qwen2.5vl:7b"}]})"));
    EndpointProfile profile;
    profile.name = QStringLiteral("ollama");
    profile.protocol = EndpointProfile::Protocol::OpenAiCompatible;
    profile.baseUrl = plain.url(QStringLiteral("/v1/"));
    profile.keyRequired = false;
    profile.proxy.mode = ProxySettings::Mode::None;
    const auto report = run(profile, {});
    QCOMPARE(report.outcome, Outcome::NoKeyNeeded);
    QCOMPARE(plain.requests().size(), 1);
    QCOMPARE(plain.requests().first().method, QByteArray("GET"));
    QCOMPARE(plain.requests().first().target, QByteArray("/v1/models"));
    QVERIFY(plain.requests().first().header("Authorization").isEmpty());
}

void TestConnectionTester::stalledServerTimesOut()
{
    m_server->enqueue(Reply().stall());
    const auto report =
        run(dashScopeProfile(), QStringLiteral("sk-good"), std::chrono::milliseconds(300));
    QCOMPARE(report.outcome, Outcome::TimedOut);
    m_server->release();
}

void TestConnectionTester::throughHttpConnectProxyWithCredentials()
{
    TestProxy proxy(TestProxy::Kind::Http);
    proxy.requireCredentials(QStringLiteral("alice"), QStringLiteral("proxy-secret"));
    QVERIFY(proxy.listen());
    EndpointProfile profile = dashScopeProfile();
    profile.proxy = ProxySettings{ProxySettings::Mode::Http, QStringLiteral("127.0.0.1"),
                                  proxy.port(), QStringLiteral("alice")};
    m_server->enqueue(Reply::http(400, kEmptyContent));
    const auto report = run(profile, QStringLiteral("sk-good"));
    QCOMPARE(report.outcome, Outcome::KeyAccepted);
    // HTTPS through an HTTP proxy is a CONNECT tunnel to the server, with the credentials.
    const auto records = proxy.records();
    QVERIFY(!records.isEmpty());
    QCOMPARE(records.last().method, QByteArray("CONNECT"));
    QCOMPARE(records.last().target, "127.0.0.1:" + QByteArray::number(m_server->port()));
    QVERIFY(records.last().authenticated);
    QCOMPARE(m_server->requests().size(), 1);
}

void TestConnectionTester::throughSocks5ProxyWithCredentials()
{
    TestProxy proxy(TestProxy::Kind::Socks5);
    proxy.requireCredentials(QStringLiteral("alice"), QStringLiteral("proxy-secret"));
    QVERIFY(proxy.listen());
    EndpointProfile profile = dashScopeProfile();
    profile.proxy = ProxySettings{ProxySettings::Mode::Socks5, QStringLiteral("127.0.0.1"),
                                  proxy.port(), QStringLiteral("alice")};
    m_server->enqueue(Reply::http(401, kInvalidKey));
    const auto report = run(profile, QStringLiteral("sk-bad"));
    QCOMPARE(report.outcome, Outcome::KeyRejected);
    const auto records = proxy.records();
    QCOMPARE(records.size(), 1);
    QCOMPARE(records.first().method, QByteArray("SOCKS5"));
    QCOMPARE(records.first().target, "127.0.0.1:" + QByteArray::number(m_server->port()));
    QVERIFY(records.first().authenticated);
}

void TestConnectionTester::wrongProxyPasswordIsAProxyFailure()
{
    TestProxy proxy(TestProxy::Kind::Http);
    proxy.requireCredentials(QStringLiteral("alice"), QStringLiteral("another-password"));
    QVERIFY(proxy.listen());
    EndpointProfile profile = dashScopeProfile();
    profile.proxy = ProxySettings{ProxySettings::Mode::Http, QStringLiteral("127.0.0.1"),
                                  proxy.port(), QStringLiteral("alice")};
    const auto report = run(profile, QStringLiteral("sk-good"));
    QCOMPARE(report.outcome, Outcome::ProxyFailed);
    QVERIFY(proxy.refusedAuthentications() >= 1);
    QCOMPARE(m_server->requests().size(), 0);
}

void TestConnectionTester::editedProxyIsTestedOnTheSameNetworkAndOnlyForTheTest()
{
    // Saved: no proxy. Being edited in Settings: an HTTP proxy with a password not saved yet.
    EndpointProfile saved = dashScopeProfile();
    m_proxies->setProfile(saved);
    TestProxy proxy(TestProxy::Kind::Http);
    proxy.requireCredentials(QStringLiteral("alice"), QStringLiteral("typed-secret"));
    QVERIFY(proxy.listen());
    EndpointProfile edited = saved;
    edited.proxy = ProxySettings{ProxySettings::Mode::Http, QStringLiteral("127.0.0.1"),
                                 proxy.port(), QStringLiteral("alice")};
    m_server->enqueue(Reply::http(400, kEmptyContent));
    ConnectionTester tester(m_network.get());
    QSignalSpy finished(&tester, &ConnectionTester::finished);
    tester.startWithProxy(edited, QStringLiteral("sk-good"), QStringLiteral("typed-secret"));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    QCOMPARE(finished.first().at(0).value<ConnectionReport>().outcome, Outcome::KeyAccepted);
    QCOMPARE(proxy.records().size(), 1);
    QVERIFY(proxy.records().first().authenticated);

    // Afterwards the endpoint is reached as saved again: directly.
    const QList<QNetworkProxy> after = m_proxies->queryProxy(QNetworkProxyQuery(saved.baseUrl));
    QCOMPARE(after.first().type(), QNetworkProxy::NoProxy);
}

QVD_TEST_MAIN(TestConnectionTester)
#include "tst_ConnectionTester.moc"
