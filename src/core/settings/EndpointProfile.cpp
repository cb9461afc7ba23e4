#include "core/settings/EndpointProfile.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QRegularExpression>

namespace qvd {
namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(EndpointProfile)
};

bool isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

EndpointProfile dashScope(const char *name, const QString &displayName, const char *base)
{
    EndpointProfile profile;
    profile.name = QString::fromLatin1(name);
    profile.displayName = displayName;
    profile.protocol = EndpointProfile::Protocol::DashScope;
    profile.baseUrl = QUrl(QString::fromLatin1(base));
    profile.defaultModel = QStringLiteral("qwen3-vl-plus");
    return profile;
}

} // namespace

QString EndpointProfile::apiKeyName() const
{
    return QStringLiteral("profile/%1/api-key").arg(name);
}

QString EndpointProfile::proxyPasswordKey() const
{
    return QStringLiteral("profile/%1/proxy-password").arg(name);
}

QString EndpointProfile::validationError() const
{
    static const QRegularExpression validName(QStringLiteral("^[A-Za-z0-9._-]+$"));
    if (!validName.match(name).hasMatch())
        return Text::tr("A profile name may only use letters, digits, '.', '_' and '-'.");
    if (!baseUrl.isValid() || baseUrl.host().isEmpty())
        return Text::tr("The address of profile '%1' is not a valid URL.").arg(name);
    const QString scheme = baseUrl.scheme().toLower();
    if (scheme == QLatin1String("http") && !isLoopbackHost(baseUrl.host()))
        return Text::tr("Profile '%1' uses http:// with the remote host %2; only https:// is "
                        "allowed except for servers on this computer.")
            .arg(name, baseUrl.host());
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        return Text::tr("The address of profile '%1' must start with https://.").arg(name);
    if (proxy.mode == ProxySettings::Mode::Http || proxy.mode == ProxySettings::Mode::Socks5) {
        if (proxy.host.isEmpty() || proxy.port == 0)
            return Text::tr("The proxy of profile '%1' needs a host and a port.").arg(name);
    }
    return {};
}

QList<EndpointProfile> EndpointProfile::builtIns()
{
    // Hosts from the DashScope protocol reference §1.1 (regions) and §7 (compatible mode).
    QList<EndpointProfile> profiles{
        dashScope("dashscope-beijing", Text::tr("DashScope (China, Beijing)"),
                  "https://dashscope.aliyuncs.com/api/v1"),
        dashScope("dashscope-singapore", Text::tr("DashScope (International, Singapore)"),
                  "https://dashscope-intl.aliyuncs.com/api/v1"),
        dashScope("dashscope-us", Text::tr("DashScope (US, Virginia)"),
                  "https://dashscope-us.aliyuncs.com/api/v1"),
    };
    EndpointProfile local;
    local.name = QStringLiteral("local-openai");
    local.displayName = Text::tr("Local OpenAI-compatible server");
    local.protocol = Protocol::OpenAiCompatible;
    local.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:8000/v1"));
    local.defaultModel = QStringLiteral("Qwen/Qwen2.5-VL-7B-Instruct");
    local.keyRequired = false;
    profiles.append(local);
    return profiles;
}

QString EndpointProfile::defaultProfileName()
{
    return QStringLiteral("dashscope-beijing");
}

} // namespace qvd
