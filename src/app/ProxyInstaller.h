#pragma once

#include "core/settings/EndpointProfile.h"

#include <QObject>

namespace qvd {

class ProfileProxyFactory;
class SecretStore;
class Settings;

// Keeps the application network's ProfileProxyFactory in step with the saved profiles: installs
// each profile's proxy at start and again whenever the profiles change, with the proxy password
// read from the keychain (EndpointProfile::proxyPasswordKey()). Not a widget; lives in the ui
// library because the application object wires it and GUI tests use it.
class ProxyInstaller : public QObject
{
    Q_OBJECT
public:
    // `factory` belongs to the network manager (setProxyFactory) and must outlive this object.
    ProxyInstaller(Settings *settings, SecretStore *keychain, ProfileProxyFactory *factory,
                   QObject *parent = nullptr);

    void refresh();

Q_SIGNALS:
    // Every profile's proxy is installed, passwords included.
    void refreshed();

private:
    Settings *m_settings;
    SecretStore *m_keychain;
    ProfileProxyFactory *m_factory;
    QList<EndpointProfile> m_installed;
    quint64 m_generation = 0;
};

} // namespace qvd
