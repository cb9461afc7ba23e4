#pragma once

#include "core/settings/EndpointProfile.h"

#include <QHash>
#include <QMutex>
#include <QNetworkProxyFactory>

namespace qvd {

// Chooses the proxy of each request by the endpoint profile it goes to: the system's, none, or
// the profile's own HTTP/SOCKS5 proxy with its credentials. One per QNetworkAccessManager, which
// owns it (setProxyFactory). Queried from Qt's network threads, hence the lock.
class ProfileProxyFactory : public QNetworkProxyFactory
{
public:
    // `password` comes from the keychain (EndpointProfile::proxyPasswordKey()).
    void setProfile(const EndpointProfile &profile, const QString &password = {});
    void removeProfile(const EndpointProfile &profile);
    // A profile's proxy as it is being edited, for a connection test: it wins over the saved
    // one for that endpoint until clearOverride().
    void setOverride(const EndpointProfile &profile, const QString &password);
    void clearOverride(const EndpointProfile &profile);

    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &query) override;

    // The QNetworkProxy for explicit settings; for Mode::System, a DefaultProxy placeholder.
    static QNetworkProxy proxyFor(const ProxySettings &settings, const QString &password);

private:
    static QString endpointKey(const QString &host, int port);
    static QString endpointKey(const QUrl &url);

    QMutex m_lock;
    QHash<QString, ProxySettings> m_settings; // by endpoint host:port
    QHash<QString, QString> m_passwords;
    QHash<QString, QPair<ProxySettings, QString>> m_overrides; // by endpoint host:port
};

} // namespace qvd
