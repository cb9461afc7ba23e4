#include "core/secrets/SecretStore.h"

#include <QMetaObject>

namespace qvd {

SecretStore::~SecretStore()
{
    const auto pending = std::exchange(m_pending, {});
    for (const auto &done : pending)
        done(failure(SecretResult::Status::Failed));
}

quint64 SecretStore::begin(Callback done)
{
    const quint64 id = m_nextId++;
    m_pending.insert(id, std::move(done));
    return id;
}

void SecretStore::finish(quint64 id, SecretResult result)
{
    const auto done = m_pending.take(id);
    if (done)
        done(result);
}

void SecretStore::finishLater(quint64 id, SecretResult result)
{
    QMetaObject::invokeMethod(
        this, [this, id, result = std::move(result)] { finish(id, result); }, Qt::QueuedConnection);
}

SecretResult SecretStore::failure(SecretResult::Status status, const QString &detail)
{
    return SecretResult{status, {}, messageFor(status, detail)};
}

QString SecretStore::messageFor(SecretResult::Status status, const QString &detail)
{
    QString text;
    switch (status) {
    case SecretResult::Status::Ok:
        return {};
    case SecretResult::Status::NotFound:
        text = tr("No key is stored yet.");
        break;
    case SecretResult::Status::Unavailable:
        text = tr("The system keychain is not available.");
        break;
    case SecretResult::Status::AccessDenied:
        text = tr("Access to the system keychain was denied.");
        break;
    case SecretResult::Status::TimedOut:
        text = tr("The system keychain did not answer in time.");
        break;
    case SecretResult::Status::Failed:
        text = tr("The system keychain reported an error.");
        break;
    }
    if (detail.isEmpty())
        return text;
    //: %1 is a sentence of ours, %2 the keychain's own explanation
    return tr("%1 (%2)").arg(text, detail);
}

} // namespace qvd
