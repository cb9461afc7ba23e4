#pragma once

#include "core/api/ApiError.h"
#include "core/conversation/Conversation.h"
#include "core/models/ModelInfo.h"

#include <QUrl>

#include <optional>

namespace qvd {

// Where requests go and who pays: a base URL (region, workspace host, compatible-mode or a local
// server), the key (empty for local servers: no Authorization header) and an optional
// DashScope workspace id (X-DashScope-WorkSpace, §1.2).
struct Endpoint
{
    QUrl baseUrl;
    QString apiKey;
    QString workspace;
};

// Everything one answer needs, taken from a conversation.
struct ChatRequest
{
    ModelInfo model;
    QString systemPrompt;
    QList<Message> messages; // in order; the last is normally the user's question
    GenerationParameters parameters;
    bool stream = true;

    // The conversation's system prompt, parameters and sendable messages: assistant turns with
    // no text (failed before any output) are left out, since the server rejects empty content
    // (§2.1 "Content length must be greater than 0"). Of several answers to one question (it
    // was put to several models), the one `model` wrote goes, else the first: a model hears one
    // answer per question. Streamed whenever mustStream() says so.
    static ChatRequest fromConversation(const Conversation &conversation, const ModelInfo &model,
                                        bool stream = true);

    // Whether `model` thinks before answering with `parameters`: always-thinking models do, the
    // switchable ones as asked or by their default.
    static bool thinks(const ModelInfo &model, const GenerationParameters &parameters);
    // Whether the answer must be streamed: streaming-only models (QVQ, §8), and thinking on
    // DashScope, which requires incremental output (§5, [ERR]). Models a local server listed
    // itself are exempt from the second rule.
    static bool mustStream(const ModelInfo &model, const GenerationParameters &parameters);
};

// What one streamed event (or a whole non-streamed reply) adds to the answer.
struct ChatChunk
{
    QString text; // new answer text
    QString reasoning; // new reasoning text
    std::optional<Usage> usage;
    QString requestId;
    QString finishReason; // empty while the answer goes on
    bool done = false; // the stream's end marker (OpenAI `data: [DONE]`)
    std::optional<ApiError> error;
};

} // namespace qvd
