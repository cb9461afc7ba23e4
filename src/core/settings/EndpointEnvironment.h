#pragma once

#include "core/settings/EndpointProfile.h"

namespace qvd {

// Where the environment points a profile, as the official SDKs read it. The one place the app
// (ActiveEndpoint, the welcome dialog) and the CLI apply it; settings keep the profile as the
// person saved it. Which base URL each variable sets, and which key may go there, is
// KeyScope's rule (core/secrets/KeyScope.h); this only applies it.

// `profile` as this process uses it: DASHSCOPE_HTTP_BASE_URL, when set to a URL with a host, is
// the base URL of every DashScope-protocol profile (as the SDK does). The key stored for the
// profile belongs to this origin.
EndpointProfile withEnvironment(const EndpointProfile &profile);

// `profile` switched to `protocol` for one run (the CLI's --protocol): its saved base URL is
// for its own protocol, so the one the environment sets for `protocol` (DASHSCOPE_HTTP_BASE_URL,
// OPENAI_BASE_URL) replaces it when set. The same profile when the protocol does not change.
EndpointProfile withProtocol(const EndpointProfile &profile, EndpointProfile::Protocol protocol);

} // namespace qvd
