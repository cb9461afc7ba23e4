#pragma once

#include "core/secrets/SecretStore.h"

#include <chrono>

namespace QKeychain {
class Job;
}

namespace qvd {

// Secrets in the operating system's keychain through QtKeychain: Secret Service (or KWallet) on
// Linux, Keychain on macOS, Credential Manager on Windows. Never falls back to plain text.
class KeychainSecretStore : public SecretStore
{
    Q_OBJECT
public:
    // QtKeychain jobs can hang (a locked collection with no prompter, a stuck D-Bus peer).
    static constexpr std::chrono::milliseconds kDefaultTimeout{15000};

    explicit KeychainSecretStore(const QString &service, QObject *parent = nullptr);

    void setTimeout(std::chrono::milliseconds timeout);

    void read(const QString &key, Callback done) override;
    void write(const QString &key, const QString &secret, Callback done) override;
    void remove(const QString &key, Callback done) override;
    QString backendName() const override;

private:
    void run(QKeychain::Job *job, quint64 id);

    QString m_service;
    std::chrono::milliseconds m_timeout = kDefaultTimeout;
};

} // namespace qvd
