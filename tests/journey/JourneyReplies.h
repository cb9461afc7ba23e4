#pragma once

// What the loopback server answers in journey tests: streamed answers in either protocol.

#include "HttpTestServer.h"
#include "WireFixtures.h"

#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace qvd::test {

// An OpenAI-compatible stream (vLLM, Ollama, LM Studio): the text in two chunks, then [DONE].
inline Reply openAiAnswer(const QString &text)
{
    const auto chunk = [](const QString &content, const char *finish) -> QByteArray {
        const QJsonObject choice{
            {QStringLiteral("index"), 0},
            {QStringLiteral("delta"), QJsonObject{{QStringLiteral("content"), content}}},
            {QStringLiteral("finish_reason"),
             finish ? QJsonValue(QString::fromLatin1(finish)) : QJsonValue()}};
        const QJsonObject data{{QStringLiteral("object"), QStringLiteral("chat.completion.chunk")},
                               {QStringLiteral("choices"), QJsonArray{choice}}};
        return "data: " + QJsonDocument(data).toJson(QJsonDocument::Compact) + "\n\n";
    };
    const qsizetype half = text.size() / 2;
    return Reply()
        .send("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n")
        .send(chunk(text.left(half), nullptr))
        .send(chunk(text.mid(half), "stop"))
        .send("data: [DONE]\n\n");
}

// The images a recorded DashScope request carries, decoded (its data: URIs), in order.
inline QList<QImage> sentImages(const RecordedRequest &request)
{
    QList<QImage> images;
    const QJsonArray messages = sentMessages(request);
    for (const QJsonValue &message : messages) {
        for (const QJsonValue &item :
             message.toObject().value(QLatin1String("content")).toArray()) {
            const QString uri = item.toObject().value(QLatin1String("image")).toString();
            const qsizetype comma = uri.indexOf(u',');
            if (uri.startsWith(QLatin1String("data:")) && comma > 0)
                images.append(
                    QImage::fromData(QByteArray::fromBase64(uri.mid(comma + 1).toLatin1())));
        }
    }
    return images;
}

// The texts of a recorded DashScope request's last message, joined.
inline QString sentText(const RecordedRequest &request)
{
    const QJsonArray messages = QJsonDocument::fromJson(request.body)
                                    .object()
                                    .value(QLatin1String("input"))
                                    .toObject()
                                    .value(QLatin1String("messages"))
                                    .toArray();
    QString text;
    for (const QJsonValue &item :
         messages.last().toObject().value(QLatin1String("content")).toArray())
        text += item.toObject().value(QLatin1String("text")).toString();
    return text;
}

// The four numbers of the first "[x1, y1, x2, y2]" in `text`; empty if there is none.
inline QList<int> firstBox(const QString &text)
{
    static const QRegularExpression box(
        QStringLiteral("\\[\\s*(-?\\d+),\\s*(-?\\d+),\\s*(-?\\d+),\\s*(-?\\d+)\\s*\\]"));
    const QRegularExpressionMatch match = box.match(text);
    if (!match.hasMatch())
        return {};
    return {match.captured(1).toInt(), match.captured(2).toInt(), match.captured(3).toInt(),
            match.captured(4).toInt()};
}

// Every number within `tolerance` of the expected one (a region drawn with the mouse lands on
// whole screen pixels, a little off the image pixels aimed at).
inline bool near(const QList<int> &actual, const QList<int> &expected, int tolerance = 2)
{
    if (actual.size() != expected.size())
        return false;
    for (int i = 0; i < actual.size(); ++i) {
        if (qAbs(actual[i] - expected[i]) > tolerance)
            return false;
    }
    return true;
}

inline QString sentModel(const RecordedRequest &request)
{
    return QJsonDocument::fromJson(request.body).object().value(QLatin1String("model")).toString();
}

} // namespace qvd::test
