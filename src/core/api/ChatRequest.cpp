#include "core/api/ChatRequest.h"

namespace qvd {

ChatRequest ChatRequest::fromConversation(const Conversation &conversation, const ModelInfo &model,
                                          bool stream)
{
    ChatRequest request;
    request.model = model;
    request.systemPrompt = conversation.systemPrompt;
    request.parameters = conversation.parameters;
    request.stream = stream || mustStream(model, conversation.parameters);
    const QList<Message> &messages = conversation.messages;
    for (qsizetype i = 0; i < messages.size(); ++i) {
        const Message &message = messages[i];
        if (message.role != Message::Role::Assistant) {
            request.messages.append(message);
            continue;
        }
        // Several answers to one question (one question put to several models): the model
        // hears one of them, its own if it wrote one, else the first; never an empty one.
        qsizetype end = i;
        while (end < messages.size() && messages[end].role == Message::Role::Assistant)
            ++end;
        const Message *chosen = nullptr;
        for (qsizetype a = i; a < end; ++a) {
            if (messages[a].text.isEmpty())
                continue;
            if (!chosen || (messages[a].modelId == model.id && chosen->modelId != model.id))
                chosen = &messages[a];
        }
        if (chosen)
            request.messages.append(*chosen);
        i = end - 1;
    }
    return request;
}

bool ChatRequest::thinks(const ModelInfo &model, const GenerationParameters &parameters)
{
    switch (model.thinking) {
    case Thinking::NotApplicable:
        return false;
    case Thinking::Always:
        return true;
    case Thinking::Off:
    case Thinking::On:
        break;
    }
    return parameters.enableThinking.value_or(model.thinking == Thinking::On);
}

bool ChatRequest::mustStream(const ModelInfo &model, const GenerationParameters &parameters)
{
    return model.streamingOnly
        || (model.source != ModelSource::Server && thinks(model, parameters));
}

} // namespace qvd
