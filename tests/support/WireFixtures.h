#pragma once

// Wire bytes for protocol tests over a real socket: the docs/dashscope-protocol.md §7/§9 fixtures
// of tests/data/api (see its README), HTTP/1.1 chunked framing, and pieces of the §9 streams.

#include "HttpTestServer.h"
#include "TestMain.h"

#include <QByteArray>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

namespace qvd::test {

// The JSON of a recorded DashScope request's input.messages.
inline QJsonArray sentMessages(const RecordedRequest &request)
{
    return QJsonDocument::fromJson(request.body)
        .object()
        .value(QLatin1String("input"))
        .toObject()
        .value(QLatin1String("messages"))
        .toArray();
}

inline QByteArray readFixture(const QString &name)
{
    QFile file(dataPath(QStringLiteral("api/") + name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return file.readAll();
}

inline QByteArray headOf(const QByteArray &http)
{
    return http.left(http.indexOf("\r\n\r\n") + 4);
}

inline QByteArray bodyOf(const QByteArray &http)
{
    return http.mid(http.indexOf("\r\n\r\n") + 4);
}

// HTTP/1.1 chunked framing of `bytes` in pieces of `size` (the captures show bodies de-chunked).
inline QByteArray chunk(const QByteArray &bytes, int size = 128)
{
    QByteArray out;
    for (qsizetype from = 0; from < bytes.size(); from += size) {
        const QByteArray piece = bytes.mid(from, size);
        out += QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n";
    }
    return out;
}

inline const QByteArray kLastChunk = "0\r\n\r\n";

// A fixture response as wire bytes: chunk-encoded when its headers say so.
inline QByteArray wire(const QString &name)
{
    const QByteArray http = readFixture(name);
    if (!headOf(http).toLower().contains("transfer-encoding: chunked"))
        return http;
    return headOf(http) + chunk(bodyOf(http)) + kLastChunk;
}

inline const QByteArray kStreamHead =
    "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream;charset=UTF-8\r\n"
    "Transfer-Encoding: chunked\r\n\r\n";

// The first `count` events of an SSE body, each with its blank line.
inline QByteArray firstEvents(const QByteArray &body, int count)
{
    qsizetype end = 0;
    for (int i = 0; i < count; ++i)
        end = body.indexOf("\n\n", end) + 2;
    return body.left(end);
}

// The first `count` events of §9.B ("这是一个", "海滩", "和其他访客。").
inline QByteArray events9B(int count)
{
    return firstEvents(bodyOf(readFixture(QStringLiteral("9b-response.http"))), count);
}

// The first `count` events of §9.D ("", "图", "与宠物之间的友谊时刻。", usage, [DONE]).
inline QByteArray events9D(int count)
{
    return firstEvents(readFixture(QStringLiteral("9d-openai-stream.sse")), count);
}

inline QByteArray firstEvent9B()
{
    return events9B(1);
}

// The head of a plain (not chunked) DashScope event stream.
inline const QByteArray kSseHead =
    "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream;charset=UTF-8\r\n\r\n";

// One DashScope SSE result event carrying `text` (incremental output, §5 shape); the last one
// ("stop") carries usage.
inline QByteArray dashScopeEvent(int id, const QString &text, const char *finish = "null",
                                 const QString &reasoning = {})
{
    QJsonObject message{
        {QStringLiteral("content"), QJsonArray{QJsonObject{{QStringLiteral("text"), text}}}},
        {QStringLiteral("role"), QStringLiteral("assistant")}};
    if (!reasoning.isEmpty())
        message.insert(QStringLiteral("reasoning_content"), reasoning);
    QJsonObject output{
        {QStringLiteral("choices"),
         QJsonArray{QJsonObject{{QStringLiteral("message"), message},
                                {QStringLiteral("finish_reason"), QString::fromLatin1(finish)}}}}};
    QJsonObject data{{QStringLiteral("output"), output},
                     {QStringLiteral("request_id"), QStringLiteral("req-%1").arg(id)}};
    if (QByteArray(finish) == "stop")
        data.insert(QStringLiteral("usage"),
                    QJsonObject{{QStringLiteral("input_tokens"), 1234},
                                {QStringLiteral("output_tokens"), 56},
                                {QStringLiteral("image_tokens"), 1000}});
    return "id:" + QByteArray::number(id) + "\nevent:result\n:HTTP_STATUS/200\ndata:"
        + QJsonDocument(data).toJson(QJsonDocument::Compact) + "\n\n";
}

} // namespace qvd::test
