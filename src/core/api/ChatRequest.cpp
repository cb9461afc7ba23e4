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
    for (const Message &message : conversation.messages) {
        if (message.role == Message::Role::Assistant && message.text.isEmpty())
            continue;
        request.messages.append(message);
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
