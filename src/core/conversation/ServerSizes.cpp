#include "core/conversation/ServerSizes.h"

#include "core/imaging/ServerSizeCheck.h"

namespace qvd {

int recordServerSizes(Conversation &conversation, int answerIndex)
{
    if (answerIndex < 1 || answerIndex >= conversation.messages.size())
        return -1;
    const qint64 tokens = conversation.messages[answerIndex].usage.imageTokens;
    const int question = answerIndex - 1;
    if (tokens <= 0 || conversation.messages[question].role != Message::Role::User)
        return -1;
    QList<ImageTransform> sent;
    QList<Part *> questionImages;
    for (int m = 0; m < answerIndex; ++m) {
        for (Part &part : conversation.messages[m].parts) {
            if (part.kind != Part::Kind::Image)
                continue;
            sent.append(part.transform);
            if (m == question)
                questionImages.append(&part);
        }
    }
    if (questionImages.isEmpty())
        return -1;
    const QList<ImageTransform> checked = checkServerSizes(sent, tokens);
    const qsizetype first = checked.size() - questionImages.size();
    bool changed = false;
    for (qsizetype i = 0; i < questionImages.size(); ++i) {
        ImageTransform &transform = questionImages[i]->transform;
        if (transform == checked[first + i])
            continue;
        transform = checked[first + i];
        changed = true;
    }
    return changed ? question : -1;
}

} // namespace qvd
