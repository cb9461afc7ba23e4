#include "core/settings/EndpointProfile.h"

#include "TestMain.h"

using qvd::EndpointProfile;
using qvd::ProxySettings;

class TestEndpointProfile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void builtInsCoverTheRegions();
    void keyNamesArePerProfile();
    void validation_data();
    void validation();
};

void TestEndpointProfile::builtInsCoverTheRegions()
{
    const auto profiles = EndpointProfile::builtIns();
    QStringList hosts;
    for (const auto &profile : profiles) {
        QVERIFY2(profile.validationError().isEmpty(), qPrintable(profile.validationError()));
        hosts.append(profile.baseUrl.host());
    }
    // docs/dashscope-protocol.md §1.1
    QVERIFY(hosts.contains(QStringLiteral("dashscope.aliyuncs.com")));
    QVERIFY(hosts.contains(QStringLiteral("dashscope-intl.aliyuncs.com")));
    QVERIFY(hosts.contains(QStringLiteral("dashscope-us.aliyuncs.com")));
    const auto beijing = std::find_if(profiles.begin(), profiles.end(), [](const auto &p) {
        return p.name == EndpointProfile::defaultProfileName();
    });
    QVERIFY(beijing != profiles.end());
    QCOMPARE(beijing->baseUrl, QUrl(QStringLiteral("https://dashscope.aliyuncs.com/api/v1")));
    QVERIFY(beijing->keyRequired);
    const auto local = std::find_if(profiles.begin(), profiles.end(), [](const auto &p) {
        return p.protocol == EndpointProfile::Protocol::OpenAiCompatible;
    });
    QVERIFY(local != profiles.end());
    QVERIFY(!local->keyRequired);
}

void TestEndpointProfile::keyNamesArePerProfile()
{
    QStringList names;
    for (const auto &profile : EndpointProfile::builtIns()) {
        QVERIFY(profile.apiKeyName().contains(profile.name));
        QVERIFY(profile.apiKeyName() != profile.proxyPasswordKey());
        names.append(profile.apiKeyName());
    }
    names.removeDuplicates();
    QCOMPARE(names.size(), EndpointProfile::builtIns().size());
}

void TestEndpointProfile::validation_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("url");
    QTest::addColumn<int>("proxyMode");
    QTest::addColumn<bool>("valid");

    const int system = int(ProxySettings::Mode::System);
    const int socks = int(ProxySettings::Mode::Socks5);
    QTest::newRow("https remote") << "ws"
                                  << "https://ws-1.ap-southeast-1.maas.aliyuncs.com/api/v1"
                                  << system << true;
    QTest::newRow("http loopback ip") << "vllm"
                                      << "http://127.0.0.1:8000/v1" << system << true;
    QTest::newRow("http localhost") << "ollama"
                                    << "http://localhost:11434/v1" << system << true;
    QTest::newRow("http ipv6 loopback") << "lm"
                                        << "http://[::1]:1234/v1" << system << true;
    QTest::newRow("http remote refused") << "lan"
                                         << "http://192.168.1.5:8000/v1" << system << false;
    QTest::newRow("http remote name refused") << "x"
                                              << "http://example.com/v1" << system << false;
    QTest::newRow("ftp refused") << "x"
                                 << "ftp://example.com/" << system << false;
    QTest::newRow("no host") << "x"
                             << "https:///v1" << system << false;
    QTest::newRow("slash in name") << "a/b"
                                   << "https://example.com/v1" << system << false;
    QTest::newRow("empty name") << ""
                                << "https://example.com/v1" << system << false;
    QTest::newRow("socks without host") << "x"
                                        << "https://example.com/v1" << socks << false;
}

void TestEndpointProfile::validation()
{
    QFETCH(QString, name);
    QFETCH(QString, url);
    QFETCH(int, proxyMode);
    QFETCH(bool, valid);
    EndpointProfile profile;
    profile.name = name;
    profile.baseUrl = QUrl(url);
    profile.proxy.mode = ProxySettings::Mode(proxyMode);
    QCOMPARE(profile.validationError().isEmpty(), valid);
}

QVD_TEST_MAIN(TestEndpointProfile)
#include "tst_EndpointProfile.moc"
