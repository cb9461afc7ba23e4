#pragma once

#include "core/settings/EndpointProfile.h"

#include <QStringList>

#include <optional>

class QTextStream;

namespace qvd::cli {

// The command line of `ask`, parsed and checked; nothing here touches the network.
struct AskOptions
{
    QString prompt;
    QStringList images; // local paths or http(s) URLs, in order
    QString model; // empty: the profile's default model
    std::optional<EndpointProfile::Protocol> protocol;
    // Overrides the profile's base URL (else DASHSCOPE_HTTP_BASE_URL / OPENAI_BASE_URL do).
    QString endpoint;
    QString system;
    bool stream = true;
    // Longer than the 180 s after which DashScope cuts a non-streamed answer (§8.1).
    int idleTimeoutSeconds = 190;
    std::optional<bool> thinking; // --thinking on|off; empty: the model's default
    std::optional<int> thinkingBudget;
    int maxRetries = 3;
    bool showReasoning = false;
    bool json = false;
    QString profileName; // empty: the default profile

    // Empty (and a message on `err`) when the arguments are not usable.
    static std::optional<AskOptions> parse(const QStringList &arguments, QTextStream &out,
                                           QTextStream &err, bool *helpShown);
};

} // namespace qvd::cli
