#pragma once

#include "core/secrets/SecretStore.h"

#include <QList>

#include <chrono>

class QTimer;

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
    // While held, calls wait (queued, their timeouts not running) and nothing touches the
    // keychain: starting QtKeychain loads libsecret and talks D-Bus, which the app keeps off its
    // first frame. release() starts them in call order. Callbacks still come exactly once.
    void hold();
    void release();

    void read(const QString &key, Callback done) override;
    void write(const QString &key, const QString &secret, Callback done) override;
    void remove(const QString &key, Callback done) override;
    QString backendName() const override;

private:
    void run(QKeychain::Job *job, quint64 id);
    void start(QKeychain::Job *job, QTimer *timeout);

    struct Held
    {
        QKeychain::Job *job; // a child of the store until it finishes, so alive while held
        QTimer *timeout;
    };

    QString m_service;
    std::chrono::milliseconds m_timeout = kDefaultTimeout;
    bool m_holding = false;
    QList<Held> m_held;
};

} // namespace qvd
