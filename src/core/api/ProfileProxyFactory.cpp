#include "core/api/ProfileProxyFactory.h"

#include <QMutexLocker>

namespace qvd {

QString ProfileProxyFactory::endpointKey(const QString &host, int port)
{
    return host.toLower() + QLatin1Char(':') + QString::number(port);
}

QString ProfileProxyFactory::endpointKey(const QUrl &url)
{
    return endpointKey(url.host(), url.port(url.scheme() == QLatin1String("http") ? 80 : 443));
}

void ProfileProxyFactory::setProfile(const EndpointProfile &profile, const QString &password)
{
    const QString key = endpointKey(profile.baseUrl);
    QMutexLocker locker(&m_lock);
    m_settings.insert(key, profile.proxy);
    m_passwords.insert(key, password);
}

void ProfileProxyFactory::removeProfile(const EndpointProfile &profile)
{
    const QString key = endpointKey(profile.baseUrl);
    QMutexLocker locker(&m_lock);
    m_settings.remove(key);
    m_passwords.remove(key);
}

void ProfileProxyFactory::setOverride(const EndpointProfile &profile, const QString &password)
{
    QMutexLocker locker(&m_lock);
    m_overrides.insert(endpointKey(profile.baseUrl), {profile.proxy, password});
}

void ProfileProxyFactory::clearOverride(const EndpointProfile &profile)
{
    QMutexLocker locker(&m_lock);
    m_overrides.remove(endpointKey(profile.baseUrl));
}

QList<QNetworkProxy> ProfileProxyFactory::queryProxy(const QNetworkProxyQuery &query)
{
    ProxySettings settings;
    QString password;
    {
        QMutexLocker locker(&m_lock);
        const QString key = endpointKey(query.peerHostName(), query.peerPort());
        settings = m_settings.value(key);
        password = m_passwords.value(key);
        if (const auto it = m_overrides.constFind(key); it != m_overrides.constEnd())
            std::tie(settings, password) = std::pair(it->first, it->second);
    }
    if (settings.mode == ProxySettings::Mode::System)
        return systemProxyForQuery(query);
    return {proxyFor(settings, password)};
}

QNetworkProxy ProfileProxyFactory::proxyFor(const ProxySettings &settings, const QString &password)
{
    switch (settings.mode) {
    case ProxySettings::Mode::System:
        return QNetworkProxy(QNetworkProxy::DefaultProxy);
    case ProxySettings::Mode::None:
        return QNetworkProxy(QNetworkProxy::NoProxy);
    case ProxySettings::Mode::Http:
    case ProxySettings::Mode::Socks5:
        break;
    }
    const auto type = settings.mode == ProxySettings::Mode::Http ? QNetworkProxy::HttpProxy
                                                                 : QNetworkProxy::Socks5Proxy;
    QNetworkProxy proxy(type, settings.host, settings.port);
    if (!settings.user.isEmpty()) {
        proxy.setUser(settings.user);
        proxy.setPassword(password);
    }
    return proxy;
}

} // namespace qvd
