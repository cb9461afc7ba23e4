#pragma once

#include "core/settings/EndpointProfile.h"

#include <QUrl>

#include <optional>

namespace qvd {

// Where an API key may be sent, and which base URL the environment sets: the one rule for the
// app, the CLI and the connection test (withEnvironment() in core/settings/EndpointEnvironment.h
// applies the base URLs to profiles; ApiKeyVault picks keys by it).
//  - A key stored for a profile goes only to that profile's origin (scheme, host and port), the
//    profile as this process uses it (withEnvironment()): never to a server named for one run.
//  - DASHSCOPE_API_KEY goes to DashScope's own hosts (dashscope-protocol.md §1.1, §7), and for
//    the native protocol to the origin of DASHSCOPE_HTTP_BASE_URL when that is set, as the
//    official SDK reads them.
//  - OPENAI_API_KEY goes, for the OpenAI-compatible protocol, to the origin of OPENAI_BASE_URL
//    (https://api.openai.com/v1 when unset), as the OpenAI SDK reads them.
//  - Anything else gets no key: no Authorization header at all.
// Requests never follow redirects (ChatBackend), so the origin a request is built for is the
// only one that receives it.
class KeyScope
{
public:
    static constexpr char kDashScopeKey[] = "DASHSCOPE_API_KEY";
    static constexpr char kDashScopeBaseUrl[] = "DASHSCOPE_HTTP_BASE_URL";
    static constexpr char kOpenAiKey[] = "OPENAI_API_KEY";
    static constexpr char kOpenAiBaseUrl[] = "OPENAI_BASE_URL";

    struct EnvironmentKey
    {
        QString variable; // e.g. "DASHSCOPE_API_KEY"
        QString key;
    };

    // Same scheme, host and port (the scheme's default port when none is written).
    static bool sameOrigin(const QUrl &a, const QUrl &b);
    // https on the default port of a DashScope host: dashscope(-intl|-us).aliyuncs.com or a
    // workspace host {WorkspaceId}.{region}.maas.aliyuncs.com. Other *.aliyuncs.com hosts (OSS
    // buckets, anyone's) are not.
    static bool isDashScopeHost(const QUrl &url);

    // The base URL the environment sets for a protocol (DASHSCOPE_HTTP_BASE_URL,
    // OPENAI_BASE_URL); empty when unset or not a URL with a host.
    static QUrl environmentBaseUrl(EndpointProfile::Protocol protocol);
    // The key from the environment that may go to `target` with `protocol`, if any.
    static std::optional<EnvironmentKey> environmentKey(EndpointProfile::Protocol protocol,
                                                        const QUrl &target);
    // Whether the key stored for `profile` may go to `target`: only to the profile's origin.
    static bool storedKeyApplies(const EndpointProfile &profile, const QUrl &target);
    // Whether a request to `target` needs a key before it is sent: the profile's own setting on
    // its own origin, always on DashScope's hosts, never elsewhere (a server there that wants
    // one says so with 401).
    static bool keyRequired(const EndpointProfile &profile, const QUrl &target);
    // The same for a request made with `used`, the profile `saved` changed for one run: the
    // profile's own setting holds only for its own protocol (another protocol is another
    // service, even on the same origin).
    static bool keyRequired(const EndpointProfile &saved, const EndpointProfile &used);
};

} // namespace qvd
