#pragma once

#include "core/conversation/Part.h"
#include "core/grounding/CoordinateSpace.h"

#include <QList>
#include <QString>

#include <optional>

namespace qvd {

// Token counts the server reported for one answer (DashScope `usage`, OpenAI `usage`).
struct Usage
{
    qint64 inputTokens = 0;
    qint64 outputTokens = 0;
    qint64 imageTokens = 0;

    bool isEmpty() const { return inputTokens == 0 && outputTokens == 0 && imageTokens == 0; }
    friend bool operator==(const Usage &a, const Usage &b)
    {
        return a.inputTokens == b.inputTokens && a.outputTokens == b.outputTokens
            && a.imageTokens == b.imageTokens;
    }
    friend bool operator!=(const Usage &a, const Usage &b) { return !(a == b); }
};

// One turn of the chat. User and system turns are made of parts; an assistant turn keeps the
// raw answer text exactly as streamed (the grounding parser reads it) and its reasoning apart.
struct Message
{
    enum class Role { System, User, Assistant };
    // Complete: the answer arrived in full. Interrupted: the person stopped it. Failed: an error
    // ended it; whatever text arrived before is kept. CutByServer: the server stopped it at its
    // time limit and said so (x-dashscope-partialresponse, docs/dashscope-protocol.md §8.1); the
    // text is what it had written by then.
    enum class State { Complete, Interrupted, Failed, CutByServer };

    Role role = Role::User;
    // Stable id (a UUID) given when the message joins a conversation; selection, linking and
    // saving name messages by it (docs/architecture.md, "Ids").
    QString id;
    QList<Part> parts;
    QString text; // assistant: the answer text
    QString reasoning; // assistant: thinking models' reasoning_content
    Usage usage;
    QString requestId;
    QString finishReason; // "stop", "length", "tool_calls"; empty while unknown
    State state = State::Complete;
    // Assistant: the model that wrote it (its boxes are read in that model's space).
    QString modelId;
    // Assistant: the coordinate space the person chose for its boxes, when they overrode it.
    std::optional<CoordinateSpace> spaceOverride;

    static Message system(const QString &text);
    static Message user(const QList<Part> &parts);
    static Message assistant(const QString &text);

    // Text, image and region parts' text joined in order: what a person wrote.
    QString plainText() const;

    friend bool operator==(const Message &a, const Message &b);
    friend bool operator!=(const Message &a, const Message &b) { return !(a == b); }
};

} // namespace qvd
