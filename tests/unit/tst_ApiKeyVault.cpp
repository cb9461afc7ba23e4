#include "core/secrets/ApiKeyVault.h"
#include "core/secrets/KeyScope.h"

#include "TestMain.h"

using qvd::ApiKeyLookup;
using qvd::ApiKeyVault;
using qvd::EndpointProfile;
using qvd::KeyScope;
using qvd::SecretResult;

namespace {

// A keychain that refuses every call, as a missing Secret Service does.
class UnavailableSecretStore : public qvd::SecretStore
{
public:
    void read(const QString &, Callback done) override { refuse(std::move(done)); }
    void write(const QString &, const QString &, Callback done) override
    {
        refuse(std::move(done));
    }
    void remove(const QString &, Callback done) override { refuse(std::move(done)); }
    QString backendName() const override { return QStringLiteral("unavailable"); }

private:
    void refuse(Callback done)
    {
        finishLater(begin(std::move(done)), failure(SecretResult::Status::Unavailable));
    }
};

EndpointProfile profileNamed(const QString &name)
{
    for (const auto &profile : EndpointProfile::builtIns()) {
        if (profile.name == name)
            return profile;
    }
    return {};
}

} // namespace

class TestApiKeyVault : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { clearEnvironment(); }
    void cleanup() { clearEnvironment(); }
    void storedKeyIsFoundInTheKeychain();
    void keysArePerProfile();
    void environmentOverridesForDashScopeOnly();
    void environmentKeysGoWhereTheirSdkSendsThem();
    void storedKeyStaysWithItsOrigin();
    void unavailableKeychainKeepsTheKeyForTheSession();
    void forgetRemovesFromKeychainAndSession();

private:
    static void clearEnvironment()
    {
        for (const char *name : {KeyScope::kDashScopeKey, KeyScope::kDashScopeBaseUrl,
                                 KeyScope::kOpenAiKey, KeyScope::kOpenAiBaseUrl})
            qunsetenv(name);
    }
    ApiKeyLookup lookup(ApiKeyVault &vault, const EndpointProfile &profile);
    ApiKeyLookup lookup(ApiKeyVault &vault, const EndpointProfile &saved,
                        const EndpointProfile &used);
    ApiKeyLookup store(ApiKeyVault &vault, const EndpointProfile &profile, const QString &key);
};

ApiKeyLookup TestApiKeyVault::lookup(ApiKeyVault &vault, const EndpointProfile &profile)
{
    std::optional<ApiKeyLookup> result;
    vault.lookup(profile, [&](const ApiKeyLookup &found) { result = found; });
    [&] {
        QTRY_VERIFY(result.has_value());
    }();
    return result.value_or(ApiKeyLookup{});
}

ApiKeyLookup TestApiKeyVault::lookup(ApiKeyVault &vault, const EndpointProfile &saved,
                                     const EndpointProfile &used)
{
    std::optional<ApiKeyLookup> result;
    vault.lookup(saved, used, [&](const ApiKeyLookup &found) { result = found; });
    [&] {
        QTRY_VERIFY(result.has_value());
    }();
    return result.value_or(ApiKeyLookup{});
}

ApiKeyLookup TestApiKeyVault::store(ApiKeyVault &vault, const EndpointProfile &profile,
                                    const QString &key)
{
    std::optional<ApiKeyLookup> result;
    vault.store(profile, key, [&](const ApiKeyLookup &stored) { result = stored; });
    [&] {
        QTRY_VERIFY(result.has_value());
    }();
    return result.value_or(ApiKeyLookup{});
}

void TestApiKeyVault::storedKeyIsFoundInTheKeychain()
{
    qvd::MemorySecretStore keychain;
    ApiKeyVault vault(&keychain);
    const auto beijing = profileNamed(QStringLiteral("dashscope-beijing"));
    QCOMPARE(lookup(vault, beijing).source, ApiKeyLookup::Source::None);
    QCOMPARE(store(vault, beijing, QStringLiteral("sk-one")).source,
             ApiKeyLookup::Source::Keychain);
    const auto found = lookup(vault, beijing);
    QCOMPARE(found.source, ApiKeyLookup::Source::Keychain);
    QVERIFY(found.key == QStringLiteral("sk-one"));
    QVERIFY(found.notice.isEmpty());
}

void TestApiKeyVault::keysArePerProfile()
{
    qvd::MemorySecretStore keychain;
    ApiKeyVault vault(&keychain);
    const auto beijing = profileNamed(QStringLiteral("dashscope-beijing"));
    const auto singapore = profileNamed(QStringLiteral("dashscope-singapore"));
    store(vault, beijing, QStringLiteral("sk-beijing"));
    QCOMPARE(lookup(vault, singapore).source, ApiKeyLookup::Source::None);
    store(vault, singapore, QStringLiteral("sk-singapore"));
    QVERIFY(lookup(vault, beijing).key == QStringLiteral("sk-beijing"));
    QVERIFY(lookup(vault, singapore).key == QStringLiteral("sk-singapore"));
}

void TestApiKeyVault::environmentOverridesForDashScopeOnly()
{
    qvd::MemorySecretStore keychain;
    ApiKeyVault vault(&keychain);
    const auto beijing = profileNamed(QStringLiteral("dashscope-beijing"));
    const auto local = profileNamed(QStringLiteral("local-openai"));
    store(vault, beijing, QStringLiteral("sk-stored"));
    qputenv(KeyScope::kDashScopeKey, "sk-from-env");

    const auto found = lookup(vault, beijing);
    QCOMPARE(found.source, ApiKeyLookup::Source::Environment);
    QCOMPARE(found.variable, QStringLiteral("DASHSCOPE_API_KEY"));
    QVERIFY(found.key == QStringLiteral("sk-from-env"));
    // A local server must never receive the DashScope key.
    QCOMPARE(lookup(vault, local).source, ApiKeyLookup::Source::None);

    EndpointProfile compatible = local;
    compatible.baseUrl = QUrl(QStringLiteral("https://dashscope.aliyuncs.com/compatible-mode/v1"));
    QCOMPARE(lookup(vault, compatible).source, ApiKeyLookup::Source::Environment);
    // The override is never written to the keychain.
    qunsetenv(KeyScope::kDashScopeKey);
    QVERIFY(lookup(vault, beijing).key == QStringLiteral("sk-stored"));
}

void TestApiKeyVault::environmentKeysGoWhereTheirSdkSendsThem()
{
    qvd::MemorySecretStore keychain;
    ApiKeyVault vault(&keychain);
    EndpointProfile custom = profileNamed(QStringLiteral("dashscope-beijing"));
    custom.name = QStringLiteral("gateway");
    custom.baseUrl = QUrl(QStringLiteral("https://gateway.example.com/api/v1"));
    store(vault, custom, QStringLiteral("sk-gateway"));
    EndpointProfile local = profileNamed(QStringLiteral("local-openai"));

    // DASHSCOPE_API_KEY: DashScope's hosts, not a DashScope-protocol profile elsewhere ...
    qputenv(KeyScope::kDashScopeKey, "sk-from-env");
    QCOMPARE(lookup(vault, custom).key, QStringLiteral("sk-gateway"));
    // ... unless DASHSCOPE_HTTP_BASE_URL names that origin, as the official SDK reads it.
    qputenv(KeyScope::kDashScopeBaseUrl, "https://gateway.example.com/other/path");
    QCOMPARE(lookup(vault, custom).key, QStringLiteral("sk-from-env"));
    // The native SDK's base URL says nothing about the OpenAI-compatible protocol.
    EndpointProfile compatibleGateway = local;
    compatibleGateway.baseUrl = custom.baseUrl;
    QCOMPARE(lookup(vault, compatibleGateway).source, ApiKeyLookup::Source::None);

    // OPENAI_API_KEY: the OpenAI-compatible protocol, at OPENAI_BASE_URL's origin only.
    qputenv(KeyScope::kOpenAiKey, "sk-openai-env");
    QCOMPARE(lookup(vault, local).source, ApiKeyLookup::Source::None);
    qputenv(KeyScope::kOpenAiBaseUrl, "http://127.0.0.1:8000/v1");
    const auto openAi = lookup(vault, local);
    QCOMPARE(openAi.source, ApiKeyLookup::Source::Environment);
    QCOMPARE(openAi.key, QStringLiteral("sk-openai-env"));
    QCOMPARE(openAi.variable, QStringLiteral("OPENAI_API_KEY"));
    EndpointProfile otherPort = local;
    otherPort.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:8001/v1"));
    QCOMPARE(lookup(vault, otherPort).source, ApiKeyLookup::Source::None);
}

void TestApiKeyVault::storedKeyStaysWithItsOrigin()
{
    qvd::MemorySecretStore keychain;
    ApiKeyVault vault(&keychain);
    const EndpointProfile beijing = profileNamed(QStringLiteral("dashscope-beijing"));
    store(vault, beijing, QStringLiteral("sk-beijing"));
    // The command line points the profile at a local server: its key stays home.
    EndpointProfile local = beijing;
    local.protocol = EndpointProfile::Protocol::OpenAiCompatible;
    local.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:11434/v1"));
    QCOMPARE(lookup(vault, beijing, local).source, ApiKeyLookup::Source::None);
    EndpointProfile plainHttp = beijing;
    plainHttp.baseUrl.setScheme(QStringLiteral("http"));
    QCOMPARE(lookup(vault, beijing, plainHttp).source, ApiKeyLookup::Source::None);
    // The same origin with the compatible-mode path is the same server.
    EndpointProfile compatible = local;
    compatible.baseUrl = QUrl(QStringLiteral("https://dashscope.aliyuncs.com/compatible-mode/v1"));
    QCOMPARE(lookup(vault, beijing, compatible).key, QStringLiteral("sk-beijing"));
}

void TestApiKeyVault::unavailableKeychainKeepsTheKeyForTheSession()
{
    UnavailableSecretStore keychain;
    ApiKeyVault vault(&keychain);
    const auto beijing = profileNamed(QStringLiteral("dashscope-beijing"));

    const auto before = lookup(vault, beijing);
    QCOMPARE(before.source, ApiKeyLookup::Source::None);
    QVERIFY(!before.notice.isEmpty()); // says why there is no key

    const auto stored = store(vault, beijing, QStringLiteral("sk-session"));
    QCOMPARE(stored.source, ApiKeyLookup::Source::Session);
    QVERIFY(!stored.notice.isEmpty());
    QVERIFY(!stored.keychainError.isEmpty());
    QVERIFY(!stored.notice.contains(QStringLiteral("sk-session")));

    const auto found = lookup(vault, beijing);
    QCOMPARE(found.source, ApiKeyLookup::Source::Session);
    QVERIFY(found.key == QStringLiteral("sk-session"));
    QVERIFY(!found.notice.isEmpty());
}

void TestApiKeyVault::forgetRemovesFromKeychainAndSession()
{
    qvd::MemorySecretStore keychain;
    ApiKeyVault vault(&keychain);
    const auto beijing = profileNamed(QStringLiteral("dashscope-beijing"));
    store(vault, beijing, QStringLiteral("sk-one"));
    std::optional<SecretResult> removed;
    vault.forget(beijing, [&](const SecretResult &result) { removed = result; });
    QTRY_VERIFY(removed.has_value());
    QVERIFY(removed->ok());
    QCOMPARE(lookup(vault, beijing).source, ApiKeyLookup::Source::None);
    // Forgetting a key that is not there is not an error.
    removed.reset();
    vault.forget(beijing, [&](const SecretResult &result) { removed = result; });
    QTRY_VERIFY(removed.has_value());
    QVERIFY(removed->ok());
}

QVD_TEST_MAIN(TestApiKeyVault)
#include "tst_ApiKeyVault.moc"
