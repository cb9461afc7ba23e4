#include "core/api/ChatRequest.h"

namespace qvd {

ChatRequest ChatRequest::fromConversation(const Conversation &conversation, const ModelInfo &model,
                                          bool stream)
{
    ChatRequest request;
    request.model = model;
    request.systemPrompt = conversation.systemPrompt;
    request.parameters = conversation.parameters;
    request.stream = stream;
    for (const Message &message : conversation.messages) {
        if (message.role == Message::Role::Assistant && message.text.isEmpty())
            continue;
        request.messages.append(message);
    }
    return request;
}

} // namespace qvd
