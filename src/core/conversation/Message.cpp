#include "core/conversation/Message.h"

namespace qvd {

Message Message::system(const QString &text)
{
    Message message;
    message.role = Role::System;
    message.parts = {Part::fromText(text)};
    return message;
}

Message Message::user(const QList<Part> &parts)
{
    Message message;
    message.role = Role::User;
    message.parts = parts;
    return message;
}

Message Message::assistant(const QString &text)
{
    Message message;
    message.role = Role::Assistant;
    message.text = text;
    return message;
}

QString Message::plainText() const
{
    if (role == Role::Assistant)
        return text;
    QString joined;
    for (const Part &part : parts) {
        if (part.kind != Part::Kind::Image)
            joined += part.text;
    }
    return joined;
}

bool operator==(const Message &a, const Message &b)
{
    return a.role == b.role && a.id == b.id && a.modelId == b.modelId
        && a.spaceOverride == b.spaceOverride && a.parts == b.parts && a.text == b.text
        && a.reasoning == b.reasoning && a.usage == b.usage && a.requestId == b.requestId
        && a.finishReason == b.finishReason && a.state == b.state;
}

} // namespace qvd
