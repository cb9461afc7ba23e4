#pragma once

// Long, realistic conversations for the chat view's tests and bench: questions (some with an
// image), and markdown answers with lists, code, tables and grounding JSON.

#include "core/conversation/Conversation.h"

#include <QBuffer>
#include <QImage>

namespace qvd::test {

inline QString longAnswer(int i)
{
    QString text = QStringLiteral("### Answer %1\n\nThe picture shows a **beach** with several "
                                  "visitors, a lifeguard tower on the left and boats further out. "
                                  "这是一个海滩，远处有几艘船。\n\n")
                       .arg(i);
    text +=
        QStringLiteral("- sand and water\n- %1 people walking\n- a red umbrella\n\n").arg(i % 7);
    if (i % 3 == 0)
        text += QStringLiteral("```json\n[{\"bbox_2d\": [%1, 20, 300, 400], \"label\": \"person\"},"
                               " {\"bbox_2d\": [500, 20, 700, 400], \"label\": \"boat\"}]\n```\n")
                    .arg(i % 100);
    if (i % 5 == 0)
        text += QStringLiteral("| object | count |\n|---|---|\n| boat | 3 |\n| umbrella | 1 |\n\n");
    text += QStringLiteral("In short, a sunny afternoon at the seaside.");
    return text;
}

inline QString tinyJpegDataUri(int seed)
{
    QImage image(64, 48, QImage::Format_RGB32);
    image.fill(QColor::fromHsv(seed * 37 % 360, 160, 200));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", 80);
    return QStringLiteral("data:image/jpeg;base64,") + QString::fromLatin1(bytes.toBase64());
}

// `messages` alternating question/answer; `images` of the questions carry an image, spread
// evenly.
inline Conversation longConversation(int messages, int images)
{
    Conversation conversation;
    conversation.id = QStringLiteral("bench");
    conversation.modelId = QStringLiteral("qwen3-vl-plus");
    const int questions = messages / 2;
    const int every = images > 0 ? qMax(1, questions / images) : 0;
    int imagesLeft = images;
    for (int i = 0; i < messages; ++i) {
        if (i % 2 == 0) {
            QList<Part> parts;
            if (every > 0 && (i / 2) % every == 0 && imagesLeft > 0) {
                --imagesLeft;
                ImageTransform transform;
                transform.originalSize = QSize(4000, 3000);
                transform.sentSize = QSize(1344, 1024);
                Part image = Part::fromImage(tinyJpegDataUri(i), transform, 3136, 1003520);
                parts.append(image);
            }
            parts.append(
                Part::fromText(QStringLiteral("Question %1: what is in the picture?").arg(i)));
            conversation.messages.append(Message::user(parts));
        } else {
            Message answer = Message::assistant(longAnswer(i));
            answer.usage = {1200, 90, 1000};
            answer.requestId = QStringLiteral("req-%1").arg(i);
            answer.finishReason = QStringLiteral("stop");
            conversation.messages.append(answer);
        }
    }
    return conversation;
}

} // namespace qvd::test
