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
        Environment, // from `variable`, for this run only; never written anywhere
        Keychain,
        Session, // held in memory because the keychain could not take it
        None,
    };

    Source source = Source::None;
    QString key;
    QString notice; // translated; why the keychain was not used, if it was not
    QString keychainError; // translated; the keychain's own failure, if it failed
    QString variable; // the environment variable the key came from (Source::Environment)
};

// Finds, stores and forgets API keys: the environment first (DASHSCOPE_API_KEY, OPENAI_API_KEY, as
// the official SDKs read them), then the OS keychain, then this session's memory. What it finds
// for a request is only a key KeyScope lets go to the request's origin. Plain text on disk is
// never used. Every call completes exactly once, asynchronously.
class ApiKeyVault : public QObject
{
    Q_OBJECT
public:
    using LookupCallback = std::function<void(const ApiKeyLookup &)>;
    explicit ApiKeyVault(SecretStore *keychain, QObject *parent = nullptr);

    // The key for requests to the profile's own base URL.
    void lookup(const EndpointProfile &profile, LookupCallback done);
    // The key for requests made with `used`: the `saved` profile (its keychain entry, its origin)
    // with the protocol or base URL changed for one run, e.g. on the command line. None unless
    // KeyScope lets a key go to `used`'s origin.
    void lookup(const EndpointProfile &saved, const EndpointProfile &used, LookupCallback done);
    // Reports where the key went: Keychain, or Session (with the reason) if the keychain failed.
    void store(const EndpointProfile &profile, const QString &key, LookupCallback done);
    void forget(const EndpointProfile &profile, std::function<void(const SecretResult &)> done);

    QString keychainBackendName() const { return m_keychain->backendName(); }

Q_SIGNALS:
    // A key of this profile was stored or forgotten through this vault.
    void keyChanged(const QString &profileName);

private:
    void answerLater(const ApiKeyLookup &result, LookupCallback done);
    void lookupSession(const EndpointProfile &profile, const QString &notice, LookupCallback done);

    SecretStore *m_keychain;
    MemorySecretStore m_session;
};

} // namespace qvd
