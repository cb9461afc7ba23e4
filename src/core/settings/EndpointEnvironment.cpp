#include "core/settings/EndpointEnvironment.h"

namespace qvd {

EndpointProfile withEnvironment(const EndpointProfile &profile)
{
    EndpointProfile effective = profile;
    const QUrl base(qEnvironmentVariable(kDashScopeBaseUrlVariable).trimmed(), QUrl::StrictMode);
    if (profile.protocol == EndpointProfile::Protocol::DashScope && base.isValid()
        && !base.host().isEmpty())
        effective.baseUrl = base;
    return effective;
}

} // namespace qvd
