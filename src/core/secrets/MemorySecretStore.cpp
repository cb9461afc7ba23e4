#include "core/secrets/MemorySecretStore.h"

namespace qvd {

// Results are delivered queued, so callers see the same asynchrony as with a real keychain.

void MemorySecretStore::read(const QString &key, Callback done)
{
    const quint64 id = begin(std::move(done));
    const auto it = m_secrets.constFind(key);
    if (it == m_secrets.constEnd())
        finishLater(id, failure(SecretResult::Status::NotFound));
    else
        finishLater(id, SecretResult{SecretResult::Status::Ok, *it, {}});
}

void MemorySecretStore::write(const QString &key, const QString &secret, Callback done)
{
    const quint64 id = begin(std::move(done));
    m_secrets.insert(key, secret);
    finishLater(id, SecretResult{SecretResult::Status::Ok, {}, {}});
}

void MemorySecretStore::remove(const QString &key, Callback done)
{
    const quint64 id = begin(std::move(done));
    m_secrets.remove(key);
    finishLater(id, SecretResult{SecretResult::Status::Ok, {}, {}});
}

QString MemorySecretStore::backendName() const
{
    return tr("memory (this session only)");
}

} // namespace qvd
