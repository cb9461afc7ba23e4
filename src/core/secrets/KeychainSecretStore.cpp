#include "core/secrets/KeychainSecretStore.h"

#include <qt6keychain/keychain.h>

#include <QTimer>

#include <utility>

namespace qvd {
namespace {

SecretResult::Status statusOf(QKeychain::Error error, const QString &detail)
{
    // With no Secret Service on the session bus, QtKeychain (through libsecret) reports only
    // OtherError; the D-Bus text names the missing service ("The name org.freedesktop.secrets
    // was not provided by any .service files").
    // With no session bus at all, libsecret says it could not connect, or that D-Bus could
    // not be started ("Cannot autolaunch D-Bus without X11 $DISPLAY", "dbus-launch").
    if (error == QKeychain::OtherError) {
        for (const char *marker :
             {"org.freedesktop.secrets", "Could not connect", "autolaunch", "dbus-launch"}) {
            if (detail.contains(QLatin1String(marker), Qt::CaseInsensitive))
                return SecretResult::Status::Unavailable;
        }
    }
    switch (error) {
    case QKeychain::NoError:
        return SecretResult::Status::Ok;
    case QKeychain::EntryNotFound:
        return SecretResult::Status::NotFound;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return SecretResult::Status::Unavailable;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return SecretResult::Status::AccessDenied;
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        break;
    }
    return SecretResult::Status::Failed;
}

} // namespace

KeychainSecretStore::KeychainSecretStore(const QString &service, QObject *parent)
    : SecretStore(parent), m_service(service)
{ }

void KeychainSecretStore::setTimeout(std::chrono::milliseconds timeout)
{
    m_timeout = timeout;
}

void KeychainSecretStore::hold()
{
    m_holding = true;
}

void KeychainSecretStore::release()
{
    m_holding = false;
    const QList<Held> held = std::exchange(m_held, {});
    for (const Held &waiting : held)
        start(waiting.job, waiting.timeout);
}

void KeychainSecretStore::read(const QString &key, Callback done)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setKey(key);
    run(job, begin(std::move(done)));
}

void KeychainSecretStore::write(const QString &key, const QString &secret, Callback done)
{
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setKey(key);
    job->setTextData(secret);
    run(job, begin(std::move(done)));
}

void KeychainSecretStore::remove(const QString &key, Callback done)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setKey(key);
    run(job, begin(std::move(done)));
}

QString KeychainSecretStore::backendName() const
{
#if defined(Q_OS_MACOS)
    return QStringLiteral("macOS Keychain");
#elif defined(Q_OS_WIN)
    return QStringLiteral("Windows Credential Manager");
#else
    return QStringLiteral("Secret Service");
#endif
}

void KeychainSecretStore::run(QKeychain::Job *job, quint64 id)
{
    job->setAutoDelete(false);
    job->setInsecureFallback(false);

    // The job stays a child of the store until it finishes, even after a timeout: deleting a job
    // that QtKeychain still drives would leave its backend calling into freed memory.
    auto *timer = new QTimer(job);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, this,
            [this, id] { finish(id, failure(SecretResult::Status::TimedOut)); });

    connect(job, &QKeychain::Job::finished, this, [this, id](QKeychain::Job *finished) {
        SecretResult result;
        result.status = statusOf(finished->error(), finished->errorString());
        if (result.ok()) {
            if (auto *reader = qobject_cast<QKeychain::ReadPasswordJob *>(finished))
                result.value = reader->textData();
        } else {
            const bool expected = result.status == SecretResult::Status::NotFound;
            result.message =
                messageFor(result.status, expected ? QString() : finished->errorString());
        }
        finished->deleteLater();
        finish(id, result);
    });

    if (m_holding)
        m_held.append({job, timer});
    else
        start(job, timer);
}

void KeychainSecretStore::start(QKeychain::Job *job, QTimer *timeout)
{
    timeout->start(m_timeout);
    job->start();
}

} // namespace qvd
