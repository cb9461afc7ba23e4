#pragma once

#include "core/secrets/SecretStore.h"

#include <QHash>

namespace qvd {

// Keeps secrets in this process only: for tests, and for a session without a usable keychain.
class MemorySecretStore : public SecretStore
{
    Q_OBJECT
public:
    using SecretStore::SecretStore;

    void read(const QString &key, Callback done) override;
    void write(const QString &key, const QString &secret, Callback done) override;
    void remove(const QString &key, Callback done) override;
    QString backendName() const override;

private:
    QHash<QString, QString> m_secrets;
};

} // namespace qvd
