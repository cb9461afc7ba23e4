#include "core/secrets/KeyScope.h"

#include <QRegularExpression>

namespace qvd {
namespace {

int portOf(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    return url.port(scheme == QLatin1String("https")      ? 443
                        : scheme == QLatin1String("http") ? 80
                                                          : -1);
}

QString variable(const char *name)
{
    return qEnvironmentVariable(name).trimmed();
}

} // namespace

bool KeyScope::sameOrigin(const QUrl &a, const QUrl &b)
{
    if (!a.isValid() || !b.isValid() || a.host().isEmpty())
        return false;
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0
        && a.host().compare(b.host(), Qt::CaseInsensitive) == 0 && portOf(a) == portOf(b);
}

bool KeyScope::isDashScopeHost(const QUrl &url)
{
    if (url.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) != 0
        || portOf(url) != 443)
        return false;
    // Region hosts and workspace hosts of dashscope-protocol.md §1.1 and §7.
    static const QRegularExpression hosts(
        QStringLiteral("^(dashscope|dashscope-intl|dashscope-us|[a-z0-9-]+\\.[a-z0-9-]+\\.maas)\\."
                       "aliyuncs\\.com$"));
    return hosts.match(url.host().toLower()).hasMatch();
}

QUrl KeyScope::environmentBaseUrl(EndpointProfile::Protocol protocol)
{
    const QUrl base(variable(protocol == EndpointProfile::Protocol::DashScope ? kDashScopeBaseUrl
                                                                              : kOpenAiBaseUrl),
                    QUrl::StrictMode);
    return base.isValid() && !base.host().isEmpty() ? base : QUrl();
}

std::optional<KeyScope::EnvironmentKey> KeyScope::environmentKey(EndpointProfile::Protocol protocol,
                                                                 const QUrl &target)
{
    using Protocol = EndpointProfile::Protocol;
    if (protocol == Protocol::OpenAiCompatible) {
        const QString key = variable(kOpenAiKey);
        QUrl base = environmentBaseUrl(protocol);
        if (base.isEmpty())
            base = QUrl(QStringLiteral("https://api.openai.com/v1")); // the OpenAI SDK's default
        if (!key.isEmpty() && sameOrigin(base, target))
            return EnvironmentKey{QString::fromLatin1(kOpenAiKey), key};
    }
    const QString key = variable(kDashScopeKey);
    if (key.isEmpty())
        return std::nullopt;
    if (isDashScopeHost(target)
        || (protocol == Protocol::DashScope
            && sameOrigin(environmentBaseUrl(Protocol::DashScope), target)))
        return EnvironmentKey{QString::fromLatin1(kDashScopeKey), key};
    return std::nullopt;
}

bool KeyScope::storedKeyApplies(const EndpointProfile &profile, const QUrl &target)
{
    return sameOrigin(profile.baseUrl, target);
}

bool KeyScope::keyRequired(const EndpointProfile &profile, const QUrl &target)
{
    return sameOrigin(profile.baseUrl, target) ? profile.keyRequired : isDashScopeHost(target);
}

bool KeyScope::keyRequired(const EndpointProfile &saved, const EndpointProfile &used)
{
    return saved.protocol == used.protocol ? keyRequired(saved, used.baseUrl)
                                           : isDashScopeHost(used.baseUrl);
}

} // namespace qvd
