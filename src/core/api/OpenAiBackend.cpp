#include "core/api/OpenAiBackend.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace qvd {

namespace {

QJsonArray userContent(const Message &message)
{
    QJsonArray content;
    for (const Part &part : message.parts) {
        if (part.kind != Part::Kind::Image) {
            content.append(QJsonObject{{QLatin1String("type"), QStringLiteral("text")},
                                       {QLatin1String("text"), part.text}});
            continue;
        }
        // Pixel bounds are siblings of image_url in the part (docs/grounding.md §2, cookbooks).
        QJsonObject image{
            {QLatin1String("type"), QStringLiteral("image_url")},
            {QLatin1String("image_url"),
             QJsonObject{{QLatin1String("url"), part.imageUrl.toString()}}},
        };
        if (part.minPixels > 0)
            image.insert(QLatin1String("min_pixels"), part.minPixels);
        if (part.maxPixels > 0)
            image.insert(QLatin1String("max_pixels"), part.maxPixels);
        content.append(image);
    }
    return content;
}

QJsonObject messageObject(const Message &message)
{
    switch (message.role) {
    case Message::Role::Assistant:
        return {{QLatin1String("role"), QStringLiteral("assistant")},
                {QLatin1String("content"), message.text}};
    case Message::Role::System:
        return {{QLatin1String("role"), QStringLiteral("system")},
                {QLatin1String("content"), message.plainText()}};
    case Message::Role::User:
        break;
    }
    return {{QLatin1String("role"), QStringLiteral("user")},
            {QLatin1String("content"), userContent(message)}};
}

// A string, or (some servers) a list of {type:text,text} parts.
QString textOf(const QJsonValue &content)
{
    if (!content.isArray())
        return content.toString();
    QString text;
    const QJsonArray parts = content.toArray();
    for (const QJsonValue &part : parts)
        text += part.toObject().value(QLatin1String("text")).toString();
    return text;
}

} // namespace

QUrl OpenAiBackend::defaultBaseUrl()
{
    return QUrl(QStringLiteral("https://dashscope.aliyuncs.com/compatible-mode/v1"));
}

OpenAiBackend::OpenAiBackend(const Endpoint &endpoint) : ChatBackend(endpoint) { }

QUrl OpenAiBackend::url() const
{
    const QUrl base = endpoint().baseUrl.isEmpty() ? defaultBaseUrl() : endpoint().baseUrl;
    return joinUrl(base, QStringLiteral("chat/completions"));
}

void OpenAiBackend::addStreamingHeaders(QNetworkRequest &request) const
{
    request.setRawHeader("Accept", "text/event-stream");
}

QByteArray OpenAiBackend::body(const ChatRequest &request) const
{
    QJsonArray messages;
    if (!request.systemPrompt.isEmpty())
        messages.append(QJsonObject{{QLatin1String("role"), QStringLiteral("system")},
                                    {QLatin1String("content"), request.systemPrompt}});
    for (const Message &message : request.messages)
        messages.append(messageObject(message));
    QJsonObject root{{QLatin1String("model"), request.model.id},
                     {QLatin1String("messages"), messages}};
    if (request.stream) {
        root.insert(QLatin1String("stream"), true);
        // Asks for the final usage-only chunk (§7).
        root.insert(QLatin1String("stream_options"),
                    QJsonObject{{QLatin1String("include_usage"), true}});
    }
    // Non-OpenAI parameters (top_k, vl_high_resolution_images, enable_thinking…) go at the
    // top level too (§7, "extra_body").
    writeParameters(root, request.parameters);
    writeThinking(root, request.parameters, request.model);
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

ChatChunk OpenAiBackend::parseEvent(const SseEvent &event) const
{
    if (event.data == "[DONE]") {
        ChatChunk chunk;
        chunk.done = true;
        return chunk;
    }
    return parseChoice(event.data, QLatin1String("delta"));
}

ChatChunk OpenAiBackend::parseReply(const QByteArray &body) const
{
    return parseChoice(body, QLatin1String("message"));
}

ChatChunk OpenAiBackend::parseChoice(const QByteArray &json, const QLatin1String &messageKey)
{
    ChatChunk chunk;
    QString parseError;
    const QJsonObject root = parseObject(json, &parseError);
    if (!parseError.isEmpty()) {
        chunk.error = ApiError::malformed(parseError);
        return chunk;
    }
    // vLLM and others report mid-stream failures as {"error": …} chunks.
    if (root.contains(QLatin1String("error"))) {
        chunk.error = ApiError::fromServerJson(0, json);
        return chunk;
    }
    const QJsonObject choice = root.value(QLatin1String("choices")).toArray().first().toObject();
    const QJsonObject message = choice.value(messageKey).toObject();
    chunk.text = textOf(message.value(QLatin1String("content")));
    // DashScope (QVQ, thinking) uses reasoning_content; some local servers say "reasoning".
    chunk.reasoning = message.value(QLatin1String("reasoning_content")).toString();
    if (chunk.reasoning.isEmpty())
        chunk.reasoning = message.value(QLatin1String("reasoning")).toString();
    chunk.finishReason = choice.value(QLatin1String("finish_reason")).toString();
    const QJsonValue usage = root.value(QLatin1String("usage"));
    if (usage.isObject()) {
        const QJsonObject object = usage.toObject();
        Usage out;
        out.inputTokens = object.value(QLatin1String("prompt_tokens")).toInteger();
        out.outputTokens = object.value(QLatin1String("completion_tokens")).toInteger();
        out.imageTokens = object.value(QLatin1String("prompt_tokens_details"))
                              .toObject()
                              .value(QLatin1String("image_tokens"))
                              .toInteger();
        chunk.usage = out;
    }
    chunk.requestId = root.value(QLatin1String("request_id")).toString();
    if (chunk.requestId.isEmpty())
        chunk.requestId = root.value(QLatin1String("id")).toString();
    return chunk;
}

} // namespace qvd
