#pragma once

#include "core/api/ChatBackend.h"
#include "core/settings/EndpointProfile.h"

#include <memory>

namespace qvd {

// The backend that speaks the profile's protocol, for the profile's base URL and the given key.
std::unique_ptr<ChatBackend> makeBackend(const EndpointProfile &profile, const QString &apiKey);

} // namespace qvd
