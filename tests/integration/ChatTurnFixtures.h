#pragma once

// The §9 request for ChatTurn tests over a real socket (wire bytes: support/WireFixtures.h).
// Shared by tst_ChatTurn*.cpp.

#include "TestMain.h"
#include "WireFixtures.h"

#include "core/api/ChatRequest.h"

#include <QSignalSpy>

namespace qvd::test {

// The text of the ChatTurn::delta() signals a spy caught, joined in order. A turn announces the
// events of one read together, so how many signals there are depends on how the bytes arrived.
inline QString deltaText(const QSignalSpy &spy)
{
    QString text;
    for (const QList<QVariant> &arguments : spy)
        text += arguments.at(0).toString();
    return text;
}

inline ChatRequest spec9Request(bool stream)
{
    ChatRequest request;
    request.model.id = QStringLiteral("qwen-vl-plus");
    request.systemPrompt = QStringLiteral("You are a helpful assistant.");
    request.messages = {Message::user(
        {Part::fromImage(QStringLiteral(
             "https://dashscope.oss-cn-beijing.aliyuncs.com/images/dog_and_girl.jpeg")),
         Part::fromText(QStringLiteral("这个图片是哪里，请用简短的语言回答"))})};
    request.stream = stream;
    request.parameters.seed = 1234;
    request.parameters.topK = 100;
    request.parameters.topP = 0.81;
    return request;
}

} // namespace qvd::test
