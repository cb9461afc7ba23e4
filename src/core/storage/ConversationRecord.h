#pragma once

#include "core/conversation/Conversation.h"
#include "core/storage/StoredMessage.h"

#include <QDateTime>
#include <QList>

namespace qvd {

// A stored conversation: its header (Conversation without messages), the stored messages in
// order, and when it was made and last changed.
struct ConversationRecord
{
    Conversation header; // header.messages stays empty; see messages
    QList<StoredMessage> messages;
    QDateTime createdAt; // UTC, millisecond precision
    QDateTime updatedAt;
    QString importedFrom; // the original id when this is an imported copy; else empty

    // The conversation as the rest of the app sees it (messages filled in).
    Conversation toConversation() const
    {
        Conversation conversation = header;
        conversation.messages.clear();
        for (const StoredMessage &stored : messages)
            conversation.messages.append(stored.message);
        return conversation;
    }

    friend bool operator==(const ConversationRecord &a, const ConversationRecord &b)
    {
        return a.header == b.header && a.messages == b.messages && a.createdAt == b.createdAt
            && a.updatedAt == b.updatedAt && a.importedFrom == b.importedFrom;
    }
    friend bool operator!=(const ConversationRecord &a, const ConversationRecord &b)
    {
        return !(a == b);
    }
};

// A line of the history list.
struct ConversationSummary
{
    QString id;
    QString title;
    QString modelId;
    QDateTime createdAt;
    QDateTime updatedAt;
    int messageCount = 0;
};

// One search result: where it is and a short piece of text around the match.
struct SearchHit
{
    QString conversationId;
    QString conversationTitle;
    qint64 messageId = 0; // 0: the match is in the conversation's title
    QString snippet; // plain text, "…" where cut
    qsizetype matchStart = -1; // the match inside snippet, for highlighting; -1 if unknown
    qsizetype matchLength = 0;
};

} // namespace qvd
