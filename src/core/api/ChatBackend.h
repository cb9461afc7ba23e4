#pragma once

#include "core/api/ChatRequest.h"
#include "core/api/SseParser.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QNetworkRequest>

namespace qvd {

// One wire protocol: turns a ChatRequest into an HTTP request and body, and server bytes into
// ChatChunks. Stateless and const: one backend serves any number of ChatTurns.
class ChatBackend
{
    Q_DECLARE_TR_FUNCTIONS(qvd::ChatBackend)

public:
    explicit ChatBackend(const Endpoint &endpoint);
    virtual ~ChatBackend();
    ChatBackend(const ChatBackend &) = delete;
    ChatBackend &operator=(const ChatBackend &) = delete;

    const Endpoint &endpoint() const { return m_endpoint; }

    // URL, method-independent headers (auth, content type, accept, streaming switches); never
    // follows a redirect.
    QNetworkRequest networkRequest(const ChatRequest &request) const;
    virtual QUrl url() const = 0;
    virtual QByteArray body(const ChatRequest &request) const = 0;
    // One SSE event of a streamed answer.
    virtual ChatChunk parseEvent(const SseEvent &event) const = 0;
    // A whole non-streamed 200 reply.
    virtual ChatChunk parseReply(const QByteArray &body) const = 0;

    // `base` with `path` appended after exactly one '/'.
    static QUrl joinUrl(const QUrl &base, const QString &path);

protected:
    virtual void addStreamingHeaders(QNetworkRequest &request) const = 0;
    // The parameters both protocols name alike (§2.2, §7), each only when set.
    static void writeParameters(QJsonObject &into, const GenerationParameters &parameters);
    // enable_thinking and thinking_budget, only where `model` takes them (§8.1): never to a
    // model that cannot switch (QVQ, *-thinking, models without thinking).
    static void writeThinking(QJsonObject &into, const GenerationParameters &parameters,
                              const ModelInfo &model);
    static QJsonObject parseObject(const QByteArray &json, QString *error);

private:
    Endpoint m_endpoint;
};

} // namespace qvd
