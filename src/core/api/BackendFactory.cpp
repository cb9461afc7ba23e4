#include "core/api/BackendFactory.h"

#include "core/api/DashScopeBackend.h"
#include "core/api/OpenAiBackend.h"

namespace qvd {

std::unique_ptr<ChatBackend> makeBackend(const EndpointProfile &profile, const QString &apiKey)
{
    const Endpoint endpoint{profile.baseUrl, apiKey, {}};
    if (profile.protocol == EndpointProfile::Protocol::OpenAiCompatible)
        return std::make_unique<OpenAiBackend>(endpoint);
    return std::make_unique<DashScopeBackend>(endpoint);
}

} // namespace qvd
