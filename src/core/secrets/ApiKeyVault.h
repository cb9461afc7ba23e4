#pragma once

#include "core/secrets/MemorySecretStore.h"
#include "core/settings/EndpointProfile.h"

#include <QObject>

#include <functional>

namespace qvd {

// Where the API key of a profile comes from, and what to tell the user about it.
struct ApiKeyLookup
{
    enum class Source {
        Environment, // DASHSCOPE_API_KEY, for this run only; never written anywhere
        Keychain,
        Session, // held in memory because the keychain could not take it
        None,
    };

    Source source = Source::None;
    QString key;
    QString notice; // translated; why the keychain was not used, if it was not
    QString keychainError; // translated; the keychain's own failure, if it failed
};

// Finds, stores and forgets API keys: the environment first (the official SDK's
// DASHSCOPE_API_KEY), then the OS keychain, then this session's memory. Plain text on disk is
// never used. Every call completes exactly once, asynchronously.
class ApiKeyVault : public QObject
{
    Q_OBJECT
public:
    using LookupCallback = std::function<void(const ApiKeyLookup &)>;
    static constexpr char kEnvironmentVariable[] = "DASHSCOPE_API_KEY";

    explicit ApiKeyVault(SecretStore *keychain, QObject *parent = nullptr);

    void lookup(const EndpointProfile &profile, LookupCallback done);
    // Reports where the key went: Keychain, or Session (with the reason) if the keychain failed.
    void store(const EndpointProfile &profile, const QString &key, LookupCallback done);
    void forget(const EndpointProfile &profile, std::function<void(const SecretResult &)> done);

    QString keychainBackendName() const { return m_keychain->backendName(); }

Q_SIGNALS:
    // A key of this profile was stored or forgotten through this vault.
    void keyChanged(const QString &profileName);

public:
    // DASHSCOPE_API_KEY applies to DashScope's own hosts only, never to a local server.
    static bool environmentApplies(const EndpointProfile &profile);

private:
    void lookupSession(const EndpointProfile &profile, const QString &notice, LookupCallback done);

    SecretStore *m_keychain;
    MemorySecretStore m_session;
};

} // namespace qvd
