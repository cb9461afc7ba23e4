// Where an API key may go: DashScope's own hosts (not look-alikes, not other *.aliyuncs.com
// hosts, not plain http), origins compared by scheme, host and port, and when a request may be
// sent without one.
#include "core/secrets/KeyScope.h"

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
};

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
    QVERIFY(KeyScope::storedKeyApplies(local, QUrl(QStringLiteral("http://127.0.0.1:8000/x"))));
    QVERIFY(!KeyScope::storedKeyApplies(local, QUrl(QStringLiteral("http://127.0.0.1:8001/v1"))));
}

QVD_TEST_MAIN(TestKeyScope)

#include "tst_KeyScope.moc"
