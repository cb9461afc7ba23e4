// Where an API key may go: DashScope's own hosts (not look-alikes, not other *.aliyuncs.com
// hosts, not plain http), origins compared by scheme, host and port, and when a request may be
// sent without one; and which base URL the environment gives a profile, as withEnvironment()
// applies it for the app and the CLI.
#include "core/secrets/KeyScope.h"
#include "core/settings/EndpointEnvironment.h"

#include "TestMain.h"

using qvd::EndpointProfile;
using qvd::KeyScope;

class TestKeyScope : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dashScopeHosts_data();
    void dashScopeHosts();
    void origins_data();
    void origins();
    void keyRequiredOnTheProfilesOwnOriginAndDashScopeOnly();
    void environmentSetsTheDashScopeBaseUrlOnly();
    void switchedProtocolTakesItsEnvironmentBaseUrl();
    void init() { cleanup(); }
    void cleanup();

private:
    static EndpointProfile beijingProfile();
    static EndpointProfile labProfile();
};

EndpointProfile TestKeyScope::beijingProfile()
{
    EndpointProfile profile;
    profile.name = QStringLiteral("dashscope-beijing");
    profile.baseUrl = QUrl(QStringLiteral("https://dashscope.aliyuncs.com/api/v1"));
    return profile;
}

EndpointProfile TestKeyScope::labProfile()
{
    EndpointProfile profile;
    profile.name = QStringLiteral("lab");
    profile.protocol = EndpointProfile::Protocol::OpenAiCompatible;
    profile.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:8000/v1"));
    return profile;
}

void TestKeyScope::cleanup()
{
    for (const char *name : {KeyScope::kDashScopeKey, KeyScope::kDashScopeBaseUrl,
                             KeyScope::kOpenAiKey, KeyScope::kOpenAiBaseUrl})
        qunsetenv(name);
}

void TestKeyScope::dashScopeHosts_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("dashScope");
    QTest::newRow("beijing") << QStringLiteral("https://dashscope.aliyuncs.com/api/v1") << true;
    QTest::newRow("singapore") << QStringLiteral("https://dashscope-intl.aliyuncs.com/api/v1")
                               << true;
    QTest::newRow("us") << QStringLiteral("https://dashscope-us.aliyuncs.com/compatible-mode/v1")
                        << true;
    QTest::newRow("workspace host")
        << QStringLiteral("https://ws-1a2b.ap-southeast-1.maas.aliyuncs.com/api/v1") << true;
    QTest::newRow("upper case") << QStringLiteral("https://DashScope.AliyunCS.com/api/v1") << true;
    QTest::newRow("explicit 443") << QStringLiteral("https://dashscope.aliyuncs.com:443/api/v1")
                                  << true;
    QTest::newRow("plain http") << QStringLiteral("http://dashscope.aliyuncs.com/api/v1") << false;
    QTest::newRow("other port") << QStringLiteral("https://dashscope.aliyuncs.com:8443/api/v1")
                                << false;
    QTest::newRow("anyone's OSS bucket")
        << QStringLiteral("https://bucket.oss-cn-beijing.aliyuncs.com/") << false;
    QTest::newRow("suffix look-alike")
        << QStringLiteral("https://dashscope.aliyuncs.com.evil.example/") << false;
    QTest::newRow("prefix look-alike")
        << QStringLiteral("https://evildashscope.aliyuncs.com/") << false;
    QTest::newRow("user info") << QStringLiteral("https://dashscope.aliyuncs.com@evil.example/")
                               << false;
    QTest::newRow("loopback") << QStringLiteral("http://127.0.0.1:8000/v1") << false;
}

void TestKeyScope::dashScopeHosts()
{
    QFETCH(QString, url);
    QFETCH(bool, dashScope);
    QCOMPARE(KeyScope::isDashScopeHost(QUrl(url)), dashScope);
}

void TestKeyScope::origins_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("same");
    QTest::newRow("paths differ") << QStringLiteral("https://h.example/api/v1")
                                  << QStringLiteral("https://h.example/x") << true;
    QTest::newRow("default port written")
        << QStringLiteral("https://h.example/") << QStringLiteral("https://h.example:443/") << true;
    QTest::newRow("http default port")
        << QStringLiteral("http://127.0.0.1/v1") << QStringLiteral("http://127.0.0.1:80/") << true;
    QTest::newRow("ports differ") << QStringLiteral("http://127.0.0.1:8000/")
                                  << QStringLiteral("http://127.0.0.1:8001/") << false;
    QTest::newRow("schemes differ")
        << QStringLiteral("https://h.example/") << QStringLiteral("http://h.example:443/") << false;
    QTest::newRow("hosts differ") << QStringLiteral("https://h.example/")
                                  << QStringLiteral("https://g.example/") << false;
    QTest::newRow("localhost is not 127.0.0.1")
        << QStringLiteral("http://localhost:8000/") << QStringLiteral("http://127.0.0.1:8000/")
        << false;
    QTest::newRow("empty") << QStringLiteral("") << QStringLiteral("") << false;
}

void TestKeyScope::origins()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, same);
    QCOMPARE(KeyScope::sameOrigin(QUrl(a), QUrl(b)), same);
    QCOMPARE(KeyScope::sameOrigin(QUrl(b), QUrl(a)), same);
}

void TestKeyScope::keyRequiredOnTheProfilesOwnOriginAndDashScopeOnly()
{
    EndpointProfile beijing;
    beijing.baseUrl = QUrl(QStringLiteral("https://dashscope.aliyuncs.com/api/v1"));
    beijing.keyRequired = true;
    QVERIFY(KeyScope::keyRequired(beijing, beijing.baseUrl));
    // The README's local server: the default profile pointed at it needs no key.
    QVERIFY(!KeyScope::keyRequired(beijing, QUrl(QStringLiteral("http://127.0.0.1:11434/v1"))));
    QVERIFY(KeyScope::keyRequired(
        beijing, QUrl(QStringLiteral("https://dashscope-intl.aliyuncs.com/api/v1"))));
    EndpointProfile local;
    local.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:8000/v1"));
    local.keyRequired = false;
    QVERIFY(!KeyScope::keyRequired(local, local.baseUrl));
    local.keyRequired = true; // a local server set up with a key
    QVERIFY(KeyScope::keyRequired(local, local.baseUrl));
    // Another protocol on the profile's origin is another service: its setting does not hold.
    EndpointProfile native = local;
    native.protocol = EndpointProfile::Protocol::DashScope;
    EndpointProfile compatible = local;
    compatible.protocol = EndpointProfile::Protocol::OpenAiCompatible;
    QVERIFY(KeyScope::keyRequired(native, native));
    QVERIFY(!KeyScope::keyRequired(native, compatible));
    EndpointProfile dashScopeCompatible = beijing;
    dashScopeCompatible.protocol = EndpointProfile::Protocol::OpenAiCompatible;
    QVERIFY(KeyScope::keyRequired(beijing, dashScopeCompatible));
    QVERIFY(KeyScope::storedKeyApplies(local, QUrl(QStringLiteral("http://127.0.0.1:8000/x"))));
    QVERIFY(!KeyScope::storedKeyApplies(local, QUrl(QStringLiteral("http://127.0.0.1:8001/v1"))));
}

void TestKeyScope::environmentSetsTheDashScopeBaseUrlOnly()
{
    const QUrl gateway(QStringLiteral("http://127.0.0.1:9000/api/v1"));
    QCOMPARE(qvd::withEnvironment(beijingProfile()).baseUrl, beijingProfile().baseUrl);
    qputenv(KeyScope::kDashScopeBaseUrl, "  http://127.0.0.1:9000/api/v1 ");
    QCOMPARE(KeyScope::environmentBaseUrl(EndpointProfile::Protocol::DashScope), gateway);
    QCOMPARE(qvd::withEnvironment(beijingProfile()).baseUrl, gateway);
    QCOMPARE(qvd::withEnvironment(beijingProfile()).name, QStringLiteral("dashscope-beijing"));
    // The DashScope key follows the profile there, as the official SDK sends it.
    qputenv(KeyScope::kDashScopeKey, "sk-test-env");
    QVERIFY(KeyScope::environmentKey(EndpointProfile::Protocol::DashScope, gateway).has_value());
    // Saved OpenAI-compatible profiles keep their own address, whatever the environment says.
    qputenv(KeyScope::kOpenAiBaseUrl, "https://api.openai.com/v1");
    QCOMPARE(qvd::withEnvironment(labProfile()).baseUrl, labProfile().baseUrl);
    // Something that is not a URL with a host is no base URL at all.
    for (const char *nonsense : {"not a url", "/api/v1", "http://"}) {
        qputenv(KeyScope::kDashScopeBaseUrl, nonsense);
        QVERIFY2(KeyScope::environmentBaseUrl(EndpointProfile::Protocol::DashScope).isEmpty(),
                 nonsense);
        QCOMPARE(qvd::withEnvironment(beijingProfile()).baseUrl, beijingProfile().baseUrl);
    }
}

void TestKeyScope::switchedProtocolTakesItsEnvironmentBaseUrl()
{
    using Protocol = EndpointProfile::Protocol;
    // Not switched: the profile as it is.
    qputenv(KeyScope::kOpenAiBaseUrl, "http://127.0.0.1:8001/v1");
    QCOMPARE(qvd::withProtocol(labProfile(), Protocol::OpenAiCompatible).baseUrl,
             labProfile().baseUrl);
    // Switched: DashScope's address means nothing to the other protocol.
    const EndpointProfile switched =
        qvd::withProtocol(beijingProfile(), Protocol::OpenAiCompatible);
    QCOMPARE(switched.protocol, Protocol::OpenAiCompatible);
    QCOMPARE(switched.baseUrl, QUrl(QStringLiteral("http://127.0.0.1:8001/v1")));
    QCOMPARE(qvd::withProtocol(labProfile(), Protocol::DashScope).baseUrl, labProfile().baseUrl);
    qputenv(KeyScope::kDashScopeBaseUrl, "http://127.0.0.1:9000/api/v1");
    QCOMPARE(qvd::withProtocol(labProfile(), Protocol::DashScope).baseUrl,
             QUrl(QStringLiteral("http://127.0.0.1:9000/api/v1")));
}

QVD_TEST_MAIN(TestKeyScope)

#include "tst_KeyScope.moc"
