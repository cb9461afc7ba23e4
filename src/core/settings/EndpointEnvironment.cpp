#include "core/settings/EndpointEnvironment.h"

#include "core/secrets/KeyScope.h"

namespace qvd {
namespace {

EndpointProfile withBaseUrlFor(const EndpointProfile &profile, EndpointProfile::Protocol protocol)
{
    EndpointProfile effective = profile;
    effective.protocol = protocol;
    const QUrl base = KeyScope::environmentBaseUrl(protocol);
    if (!base.isEmpty())
        effective.baseUrl = base;
    return effective;
}

} // namespace

EndpointProfile withEnvironment(const EndpointProfile &profile)
{
    // OPENAI_BASE_URL is not applied here: OpenAI-compatible profiles are the person's own
    // servers, each with its own address, and many shells set it for other programs.
    if (profile.protocol != EndpointProfile::Protocol::DashScope)
        return profile;
    return withBaseUrlFor(profile, profile.protocol);
}

EndpointProfile withProtocol(const EndpointProfile &profile, EndpointProfile::Protocol protocol)
{
    if (protocol == profile.protocol)
        return profile;
    return withBaseUrlFor(profile, protocol);
}

} // namespace qvd
