#pragma once

// Conversations and messages with every field set, shared by the storage tests.

#include "core/storage/ConversationRecord.h"

#include <QCryptographicHash>

namespace qvd::test {

inline ImageTransform sampleTransform(int seed = 0)
{
    ImageTransform t;
    t.storedSize = QSize(4032 + seed, 3024);
    t.orientation = QImageIOHandler::TransformationRotate90;
    t.originalSize = QSize(3024, 4032 + seed);
    t.sentSize = QSize(868, 1148);
    t.budget.factor = 28;
    t.budget.minPixels = 3136;
    t.budget.maxPixels = 1003520;
    return t;
}

inline QByteArray sampleHash(const QByteArray &content)
{
    return QCryptographicHash::hash(content, QCryptographicHash::Sha256);
}

inline Conversation sampleHeader(const QString &id)
{
    Conversation c;
    c.id = id;
    c.title = QStringLiteral("海滩上的狗 — beach dogs");
    c.systemPrompt = QStringLiteral("You are a careful annotator.");
    c.modelId = QStringLiteral("qwen2.5-vl-72b-instruct");
    c.parameters.temperature = 0.7;
    c.parameters.topP = 0.8;
    c.parameters.topK = 20;
    c.parameters.seed = 9007199254740993LL; // not representable as a double
    c.parameters.maxTokens = 2048;
    c.parameters.repetitionPenalty = 1.05;
    c.parameters.presencePenalty = 0.5;
    c.parameters.stop = {QStringLiteral("</answer>"), QStringLiteral("\n\n")};
    c.parameters.highResolutionImages = true;
    c.parameters.enableThinking = false;
    return c;
}

// A user turn with text, two images (a data: URI and a URL) and a box and a point region.
inline StoredMessage sampleUserMessage()
{
    StoredMessage stored;
    const QString dataUri = QStringLiteral("data:image/jpeg;base64,")
        + QString::fromLatin1(QByteArrayLiteral("\xff\xd8\xff\xe0 not really a jpeg").toBase64());
    stored.message = Message::user({
        Part::fromText(QStringLiteral("找出图中所有的狗 and the beach umbrella")),
        Part::fromImage(dataUri, sampleTransform(0), 3136, 1003520),
        Part::fromImage(QStringLiteral("https://example.com/a.png"), sampleTransform(1)),
        Part::fromRegion(QRectF(QPointF(10.5, 20.25), QPointF(5.0, 40.0)),
                         QStringLiteral("<|box_start|>(10,20),(5,40)<|box_end|>"), 1),
        Part::fromPoint(QPointF(33.3, 44.4), QStringLiteral("this point"), 0),
    });
    stored.modelId = QStringLiteral("qwen2.5-vl-72b-instruct");
    stored.parameters.temperature = 0.1;
    stored.parameters.stop = {QStringLiteral("STOP")};
    ImageSource first;
    first.sha256 = sampleHash("first original");
    first.byteCount = 14;
    first.name = QStringLiteral("狗.jpg");
    first.format = QStringLiteral("jpeg");
    ImageSource second;
    second.sha256 = sampleHash("second original");
    second.byteCount = 15;
    second.name = QStringLiteral("b.png");
    second.format = QStringLiteral("png");
    stored.images = {first, second};
    stored.createdAt = QDateTime::fromMSecsSinceEpoch(1700000000123, Qt::UTC);
    return stored;
}

inline StoredMessage sampleAssistantMessage()
{
    StoredMessage stored;
    stored.message = Message::assistant(
        QStringLiteral("```json\n[{\"bbox_2d\": [100, 200, 50, 400], \"label\": \"狗\"}]\n```"));
    stored.message.reasoning = QStringLiteral("The dog is on the left.");
    stored.message.usage = {1234, 56, 789};
    stored.message.requestId = QStringLiteral("req-7f3a");
    stored.message.finishReason = QStringLiteral("stop");
    stored.message.state = Message::State::Interrupted;
    stored.modelId = QStringLiteral("qwen-vl-max");
    stored.parameters.enableThinking = true;
    Detection box = Detection::box(100, 200, 50, 400, QStringLiteral("狗"));
    box.attributes = {{QStringLiteral("color"), QStringLiteral("brown")},
                      {QStringLiteral("img_idx"), 1},
                      {QStringLiteral("score"), 0.875}};
    box.imageIndex = 1;
    box.sourceStart = 8;
    box.sourceLength = 52;
    box.syntax = GroundingSyntax::Json;
    Detection point = Detection::point(12.5, 13.75, QStringLiteral("nose"));
    point.syntax = GroundingSyntax::XmlPoints;
    Detection quad;
    quad.kind = DetectionKind::Quad;
    quad.label = QStringLiteral("sign");
    quad.quad = QPolygonF({QPointF(1, 2), QPointF(30, 3), QPointF(29, 20.5), QPointF(0.25, 19)});
    quad.rect = quad.quad.boundingRect();
    quad.syntax = GroundingSyntax::PlainLines;
    stored.detections = {box, point, quad};
    stored.space = SpaceChoice{CoordinateSpace::AbsResized, SpaceReason::ValuesAbove1000};
    stored.createdAt = QDateTime::fromMSecsSinceEpoch(1700000005456, Qt::UTC);
    return stored;
}

inline StoredMessage failedMessage()
{
    StoredMessage stored;
    stored.message = Message::assistant(QStringLiteral("partial answer"));
    stored.message.state = Message::State::Failed;
    stored.createdAt = QDateTime::fromMSecsSinceEpoch(1700000009000, Qt::UTC);
    return stored;
}

inline StoredMessage systemMessage()
{
    StoredMessage stored;
    stored.message = Message::system(QStringLiteral("Answer in JSON."));
    stored.createdAt = QDateTime::fromMSecsSinceEpoch(1699999999000, Qt::UTC);
    return stored;
}

} // namespace qvd::test
