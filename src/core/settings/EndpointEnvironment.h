#pragma once

#include "core/settings/EndpointProfile.h"

namespace qvd {

// The environment variable the official DashScope SDK reads for its base URL.
inline constexpr char kDashScopeBaseUrlVariable[] = "DASHSCOPE_HTTP_BASE_URL";

// `profile` as this process uses it: DASHSCOPE_HTTP_BASE_URL, when set to a valid URL, is the
// base URL of every DashScope-protocol profile (as the SDK does). The one place the app and the
// CLI apply it; settings keep the profile as the person saved it.
EndpointProfile withEnvironment(const EndpointProfile &profile);

} // namespace qvd
