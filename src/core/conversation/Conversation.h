#pragma once

#include "core/conversation/GenerationParameters.h"
#include "core/conversation/Message.h"

#include <QList>
#include <QString>

namespace qvd {

// A whole chat as data: what storage saves and what a backend turns into a request.
struct Conversation
{
    QString id;
    QString title;
    QString systemPrompt; // sent first as a system message when not empty
    QString modelId;
    GenerationParameters parameters;
    QList<Message> messages;

    friend bool operator==(const Conversation &a, const Conversation &b)
    {
        return a.id == b.id && a.title == b.title && a.systemPrompt == b.systemPrompt
            && a.modelId == b.modelId && a.parameters == b.parameters && a.messages == b.messages;
    }
    friend bool operator!=(const Conversation &a, const Conversation &b) { return !(a == b); }
};

} // namespace qvd
