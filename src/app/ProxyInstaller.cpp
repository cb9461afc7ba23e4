#include "app/ProxyInstaller.h"

#include "core/api/ProfileProxyFactory.h"
#include "core/secrets/SecretStore.h"
#include "core/settings/Settings.h"

#include <QPointer>

#include <memory>

namespace qvd {

ProxyInstaller::ProxyInstaller(Settings *settings, SecretStore *keychain,
                               ProfileProxyFactory *factory, QObject *parent)
    : QObject(parent), m_settings(settings), m_keychain(keychain), m_factory(factory)
{
    connect(m_settings, &Settings::profilesChanged, this, &ProxyInstaller::refresh);
}

void ProxyInstaller::refresh()
{
    const quint64 generation = ++m_generation;
    for (const EndpointProfile &old : std::as_const(m_installed))
        m_factory->removeProfile(old);
    m_installed = m_settings->profiles();

    auto pending = std::make_shared<int>(1);
    const auto release = [self = QPointer(this), pending, generation] {
        if (--*pending == 0 && self && generation == self->m_generation)
            Q_EMIT self->refreshed();
    };
    for (const EndpointProfile &profile : std::as_const(m_installed)) {
        m_factory->setProfile(profile);
        const bool ownProxy = profile.proxy.mode == ProxySettings::Mode::Http
            || profile.proxy.mode == ProxySettings::Mode::Socks5;
        if (!ownProxy || profile.proxy.user.isEmpty())
            continue;
        ++*pending;
        m_keychain->read(
            profile.proxyPasswordKey(),
            [self = QPointer(this), profile, generation, release](const SecretResult &read) {
                // A newer refresh has installed newer settings; leave them.
                if (self && generation == self->m_generation && read.ok())
                    self->m_factory->setProfile(profile, read.value);
                release();
            });
    }
    // Always later, never from inside refresh(), like the keychain's own callbacks.
    QMetaObject::invokeMethod(this, release, Qt::QueuedConnection);
}

} // namespace qvd
