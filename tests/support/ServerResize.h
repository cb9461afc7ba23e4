#pragma once

// A server that resizes images on its own, for the "check, don't trust" tests: the photo, what
// the client sends of it, and what a server that applies its own budget or patch size makes of
// it — the image tokens it reports and a box on the lower-right quadrant of the pixels it saw.
// Every size is smart_resize worked out by hand (round half to even) in the comments.

#include "HttpTestServer.h"
#include "WireFixtures.h"

#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSize>
#include <QString>

namespace qvd::test {

struct ServerResize
{
    const char *name;
    const char *model; // what the client asks
    QSize stored; // the JPEG's pixels; EXIF orientation 6 (rotate 90°) makes them upright
    QSize sent; // the client's smart_resize of the upright photo
    QSize server; // what the server made of the sent image
    qint64 imageTokens; // patches of `server` at the server's patch size
    const char *sizeCheck; // what the client should conclude
};

// The photo is 1600×1200 in the file, 1200×1600 upright. For a 28-px Qwen2.5-VL model with
// 4..1280 tokens: β = √(1600·1200/1003520) = 1.38321, ⌊1600/β/28⌋ = 41 → 1148,
// ⌊1200/β/28⌋ = 30 → 840: sent 840×1148, 30×41 = 1230 patches.
inline const ServerResize kAgreeing{
    "agreeing", "qwen2.5-vl-72b-instruct", {1600, 1200}, {840, 1148}, {840, 1148}, 1230,
    "confirmed"};
// A server on 32-px patches re-snaps 840×1148: round(840/32) = 26 → 832, round(1148/32) = 36
// → 1152; 26×36 = 936 tokens.
inline const ServerResize kOtherPatch{
    "other patch size", "qwen2.5-vl-72b-instruct", {1600, 1200}, {840, 1148}, {832, 1152}, 936,
    "corrected"};
// A server with its own max_pixels of 600·28² = 470400: β = √(1148·840/470400) = 1.43178,
// ⌊1148/β/28⌋ = 28 → 784, ⌊840/β/28⌋ = 20 → 560; 20×28 = 560 tokens.
inline const ServerResize kSmallerBudget{
    "smaller budget", "qwen2.5-vl-72b-instruct", {1600, 1200}, {840, 1148}, {560, 784}, 560,
    "corrected"};
// Both: a 750×1000 file, 1000×750 upright, for the 32-px qwen-vl-max (4..1280 tokens) goes out
// as round(1000/32) = 31 → 992 by round(750/32) = 23 → 736. The server uses 28-px patches and
// 800 tokens (627200 px): β = √(736·992/627200) = 1.07892, ⌊992/β/28⌋ = 32 → 896,
// ⌊736/β/28⌋ = 24 → 672; 32×24 = 768 tokens, a count no 32-px size gives.
inline const ServerResize kBoth{"smaller budget and other patch size",
                                "qwen-vl-max",
                                {750, 1000},
                                {992, 736},
                                {896, 672},
                                768,
                                "corrected"};

inline QSize upright(const ServerResize &resize)
{
    return resize.stored.transposed();
}

// The box the server's model draws: the lower-right quarter of the pixels it saw, which is
// the lower-right quarter of the upright photo.
inline QString lowerRightBox(QSize seen)
{
    return QStringLiteral("```json\n[{\"bbox_2d\": [%1, %2, %3, %4], \"label\": \"quarter\"}]\n```")
        .arg(seen.width() / 2)
        .arg(seen.height() / 2)
        .arg(seen.width())
        .arg(seen.height());
}

// One DashScope SSE event that ends the answer with `text` and reports `imageTokens`.
inline QByteArray answerWithImageTokens(const QString &text, qint64 imageTokens)
{
    const QJsonObject message{
        {QStringLiteral("content"), QJsonArray{QJsonObject{{QStringLiteral("text"), text}}}},
        {QStringLiteral("role"), QStringLiteral("assistant")}};
    const QJsonObject data{
        {QStringLiteral("output"),
         QJsonObject{
             {QStringLiteral("choices"),
              QJsonArray{QJsonObject{{QStringLiteral("message"), message},
                                     {QStringLiteral("finish_reason"), QStringLiteral("stop")}}}}}},
        {QStringLiteral("usage"),
         QJsonObject{{QStringLiteral("input_tokens"), imageTokens + 20},
                     {QStringLiteral("output_tokens"), 30},
                     {QStringLiteral("image_tokens"), imageTokens}}},
        {QStringLiteral("request_id"), QStringLiteral("req-resize")}};
    return "id:1\nevent:result\n:HTTP_STATUS/200\ndata:"
        + QJsonDocument(data).toJson(QJsonDocument::Compact) + "\n\n";
}

inline Reply resizingServerReply(const ServerResize &resize)
{
    return Reply().send(kSseHead).send(
        answerWithImageTokens(lowerRightBox(resize.server), resize.imageTokens));
}

// The image of a recorded DashScope request's first message, decoded.
inline QImage sentImage(const RecordedRequest &request)
{
    const QString uri = QJsonDocument::fromJson(request.body)
                            .object()
                            .value(QLatin1String("input"))
                            .toObject()
                            .value(QLatin1String("messages"))
                            .toArray()
                            .last()
                            .toObject()
                            .value(QLatin1String("content"))
                            .toArray()
                            .first()
                            .toObject()
                            .value(QLatin1String("image"))
                            .toString();
    return QImage::fromData(QByteArray::fromBase64(uri.section(QLatin1Char(','), 1).toLatin1()));
}

} // namespace qvd::test
