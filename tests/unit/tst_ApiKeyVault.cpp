#include "core/secrets/ApiKeyVault.h"

#include "TestMain.h"

using qvd::ApiKeyLookup;
using qvd::ApiKeyVault;
using qvd::EndpointProfile;
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
    void init() { qunsetenv(ApiKeyVault::kEnvironmentVariable); }
    void cleanup() { qunsetenv(ApiKeyVault::kEnvironmentVariable); }
    void storedKeyIsFoundInTheKeychain();
    void keysArePerProfile();
    void environmentOverridesForDashScopeOnly();
    void unavailableKeychainKeepsTheKeyForTheSession();
    void forgetRemovesFromKeychainAndSession();

private:
    ApiKeyLookup lookup(ApiKeyVault &vault, const EndpointProfile &profile);
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
    qputenv(ApiKeyVault::kEnvironmentVariable, "sk-from-env");

    const auto found = lookup(vault, beijing);
    QCOMPARE(found.source, ApiKeyLookup::Source::Environment);
    QVERIFY(found.key == QStringLiteral("sk-from-env"));
    // A local server must never receive the DashScope key.
    QCOMPARE(lookup(vault, local).source, ApiKeyLookup::Source::None);

    EndpointProfile compatible = local;
    compatible.baseUrl = QUrl(QStringLiteral("https://dashscope.aliyuncs.com/compatible-mode/v1"));
    QCOMPARE(lookup(vault, compatible).source, ApiKeyLookup::Source::Environment);
    // The override is never written to the keychain.
    qunsetenv(ApiKeyVault::kEnvironmentVariable);
    QVERIFY(lookup(vault, beijing).key == QStringLiteral("sk-stored"));
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
