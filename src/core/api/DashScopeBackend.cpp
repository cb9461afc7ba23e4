#include "core/api/DashScopeBackend.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace qvd {

namespace {

QJsonObject textItem(const QString &text)
{
    return {{QLatin1String("text"), text}};
}

// Content items are single-key objects; min/max_pixels sit next to "image" (§2.1).
QJsonArray contentOf(const Message &message)
{
    QJsonArray content;
    if (message.role == Message::Role::Assistant) {
        content.append(textItem(message.text));
        return content;
    }
    for (const Part &part : message.parts) {
        if (part.kind != Part::Kind::Image) {
            content.append(textItem(part.text));
            continue;
        }
        QJsonObject image{{QLatin1String("image"), part.imageUrl.toString()}};
        if (part.minPixels > 0)
            image.insert(QLatin1String("min_pixels"), part.minPixels);
        if (part.maxPixels > 0)
            image.insert(QLatin1String("max_pixels"), part.maxPixels);
        content.append(image);
    }
    return content;
}

QString roleName(Message::Role role)
{
    switch (role) {
    case Message::Role::System:
        return QStringLiteral("system");
    case Message::Role::Assistant:
        return QStringLiteral("assistant");
    case Message::Role::User:
        break;
    }
    return QStringLiteral("user");
}

// `content` is an array of {text}/{box}/{image} items, or a plain string (text models; the
// older qwen-vl-chat-v1 doc sample) — Qwen-Agent accepts both (§4, seed page).
QString textOf(const QJsonValue &content)
{
    if (content.isString())
        return content.toString();
    QString text;
    const QJsonArray items = content.toArray();
    for (const QJsonValue &item : items) {
        if (item.isString()) {
            text += item.toString();
            continue;
        }
        const QJsonObject object = item.toObject();
        text += object.value(QLatin1String("text")).toString();
        // A separate {"box": "<ref>…</ref><box>…</box>"} item joins the text for grounding.
        text += object.value(QLatin1String("box")).toString();
    }
    return text;
}

Usage usageOf(const QJsonObject &usage)
{
    Usage out;
    out.inputTokens = usage.value(QLatin1String("input_tokens")).toInteger();
    out.outputTokens = usage.value(QLatin1String("output_tokens")).toInteger();
    // Newer replies also nest it in input_tokens_details (§4).
    const QJsonValue image = usage.value(QLatin1String("image_tokens"));
    out.imageTokens = image.isUndefined() ? usage.value(QLatin1String("input_tokens_details"))
                                                .toObject()
                                                .value(QLatin1String("image_tokens"))
                                                .toInteger()
                                          : image.toInteger();
    return out;
}

} // namespace

QUrl DashScopeBackend::defaultBaseUrl()
{
    return QUrl(QStringLiteral("https://dashscope.aliyuncs.com/api/v1"));
}

DashScopeBackend::DashScopeBackend(const Endpoint &endpoint) : ChatBackend(endpoint) { }

QUrl DashScopeBackend::url() const
{
    const QUrl base = endpoint().baseUrl.isEmpty() ? defaultBaseUrl() : endpoint().baseUrl;
    // {base}/services/{task_group}/{task}/{function} ([PY] api_request_factory.py, §1.1).
    return joinUrl(base, QStringLiteral("services/aigc/multimodal-generation/generation"));
}

void DashScopeBackend::addStreamingHeaders(QNetworkRequest &request) const
{
    // The header is the SSE switch; all SDKs send it with Accept (§1.2, §10 item 6).
    request.setRawHeader("Accept", "text/event-stream");
    request.setRawHeader("X-DashScope-SSE", "enable");
    request.setRawHeader("X-Accel-Buffering", "no");
}

QByteArray DashScopeBackend::body(const ChatRequest &request) const
{
    QJsonArray messages;
    if (!request.systemPrompt.isEmpty())
        messages.append(
            QJsonObject{{QLatin1String("role"), QStringLiteral("system")},
                        {QLatin1String("content"), QJsonArray{textItem(request.systemPrompt)}}});
    for (const Message &message : request.messages)
        messages.append(QJsonObject{{QLatin1String("role"), roleName(message.role)},
                                    {QLatin1String("content"), contentOf(message)}});
    QJsonObject parameters;
    // Always incremental and accumulated here; thinking models require it (§5).
    if (request.stream)
        parameters.insert(QLatin1String("incremental_output"), true);
    writeParameters(parameters, request.parameters);
    writeThinking(parameters, request.parameters, request.model);
    const QJsonObject root{
        {QLatin1String("model"), request.model.id},
        {QLatin1String("input"), QJsonObject{{QLatin1String("messages"), messages}}},
        {QLatin1String("parameters"), parameters},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

ChatChunk DashScopeBackend::parseEvent(const SseEvent &event) const
{
    if (event.event == "error") {
        ChatChunk chunk;
        chunk.error = ApiError::fromServerJson(event.httpStatus, event.data);
        return chunk;
    }
    return parseResult(event.data);
}

ChatChunk DashScopeBackend::parseReply(const QByteArray &body) const
{
    return parseResult(body);
}

ChatChunk DashScopeBackend::parseResult(const QByteArray &json)
{
    ChatChunk chunk;
    QString parseError;
    const QJsonObject root = parseObject(json, &parseError);
    if (!parseError.isEmpty()) {
        chunk.error = ApiError::malformed(parseError);
        return chunk;
    }
    const QJsonValue output = root.value(QLatin1String("output"));
    if (!output.isObject()) {
        // A success body has only output, usage, request_id (§4); {code, message} is an error.
        chunk.error = root.contains(QLatin1String("code"))
            ? ApiError::fromServerJson(0, json)
            : ApiError::malformed(QStringLiteral("no \"output\" in the reply"));
        return chunk;
    }
    const QJsonObject choice =
        output.toObject().value(QLatin1String("choices")).toArray().first().toObject();
    const QJsonObject message = choice.value(QLatin1String("message")).toObject();
    chunk.text = textOf(message.value(QLatin1String("content")));
    chunk.reasoning = message.value(QLatin1String("reasoning_content")).toString();
    // Non-final chunks carry the STRING "null" (§5).
    const QString finish = choice.value(QLatin1String("finish_reason")).toString();
    if (finish != QLatin1String("null"))
        chunk.finishReason = finish;
    if (root.value(QLatin1String("usage")).isObject())
        chunk.usage = usageOf(root.value(QLatin1String("usage")).toObject());
    chunk.requestId = root.value(QLatin1String("request_id")).toString();
    return chunk;
}

} // namespace qvd
