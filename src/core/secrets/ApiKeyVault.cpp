#include "core/secrets/ApiKeyVault.h"

#include "core/secrets/KeyScope.h"

#include <QPointer>

namespace qvd {

ApiKeyVault::ApiKeyVault(SecretStore *keychain, QObject *parent)
    : QObject(parent), m_keychain(keychain)
{ }

void ApiKeyVault::lookup(const EndpointProfile &profile, LookupCallback done)
{
    lookup(profile, profile, std::move(done));
}

void ApiKeyVault::lookup(const EndpointProfile &saved, const EndpointProfile &used,
                         LookupCallback done)
{
    if (const auto environment = KeyScope::environmentKey(used.protocol, used.baseUrl)) {
        answerLater(
            {ApiKeyLookup::Source::Environment, environment->key, {}, {}, environment->variable},
            std::move(done));
        return;
    }
    // A key saved for the profile's server is not for another one named on the command line.
    if (!KeyScope::storedKeyApplies(saved, used.baseUrl)) {
        answerLater({}, std::move(done));
        return;
    }
    m_keychain->read(
        saved.apiKeyName(),
        [self = QPointer(this), profile = saved, done = std::move(done)](const SecretResult &read) {
            if (read.ok()) {
                done({ApiKeyLookup::Source::Keychain, read.value, {}, {}, {}});
                return;
            }
            const QString notice =
                read.status == SecretResult::Status::NotFound ? QString() : read.message;
            if (self)
                self->lookupSession(profile, notice, done);
            else
                done({ApiKeyLookup::Source::None, {}, notice, {}, {}});
        });
}

void ApiKeyVault::answerLater(const ApiKeyLookup &result, LookupCallback done)
{
    QMetaObject::invokeMethod(
        this, [done = std::move(done), result] { done(result); }, Qt::QueuedConnection);
}

void ApiKeyVault::lookupSession(const EndpointProfile &profile, const QString &notice,
                                LookupCallback done)
{
    m_session.read(profile.apiKeyName(),
                   [notice, done = std::move(done)](const SecretResult &read) {
                       if (read.ok())
                           done({ApiKeyLookup::Source::Session, read.value, notice, {}, {}});
                       else
                           done({ApiKeyLookup::Source::None, {}, notice, {}, {}});
                   });
}

void ApiKeyVault::store(const EndpointProfile &profile, const QString &key, LookupCallback done)
{
    const QString name = profile.apiKeyName();
    // Whoever uses this profile looks its key up again once the caller has heard.
    done = [self = QPointer(this), profileName = profile.name,
            done = std::move(done)](const ApiKeyLookup &stored) {
        done(stored);
        if (self)
            Q_EMIT self->keyChanged(profileName);
    };
    m_keychain->write(
        name, key,
        [self = QPointer(this), name, key, done = std::move(done)](const SecretResult &written) {
            if (written.ok()) {
                if (self)
                    self->m_session.remove(name, [](const SecretResult &) {});
                done({ApiKeyLookup::Source::Keychain, key, {}, {}, {}});
                return;
            }
            // No keychain: keep the key for this session only, and say so. Never plain text on
            // disk.
            const QString notice =
                tr("The key is kept in memory for this session only: %1").arg(written.message);
            const QString error = written.message;
            if (!self) {
                done({ApiKeyLookup::Source::None, {}, notice, error, {}});
                return;
            }
            self->m_session.write(name, key, [key, notice, error, done](const SecretResult &) {
                done({ApiKeyLookup::Source::Session, key, notice, error, {}});
            });
        });
}

void ApiKeyVault::forget(const EndpointProfile &profile,
                         std::function<void(const SecretResult &)> done)
{
    const QString name = profile.apiKeyName();
    m_session.remove(name, [](const SecretResult &) {});
    m_keychain->remove(name,
                       [self = QPointer(this), profileName = profile.name,
                        done = std::move(done)](const SecretResult &removed) {
                           // Deleting what is not there leaves the wanted state: no key.
                           if (removed.status == SecretResult::Status::NotFound)
                               done({SecretResult::Status::Ok, {}, {}});
                           else
                               done(removed);
                           if (self)
                               Q_EMIT self->keyChanged(profileName);
                       });
}

} // namespace qvd
