#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QUrl>

#include <chrono>

namespace qvd {

// Why a request failed, as a value: what happened, what the server said, whether trying again
// can help, and a message for people. Never holds the API key.
class ApiError
{
    Q_DECLARE_TR_FUNCTIONS(qvd::ApiError)

public:
    enum class Kind {
        Network, // connection refused, reset, host not found, closed early
        Timeout, // no bytes for the stall timeout
        Tls, // certificate or handshake failure
        HttpStatus, // a non-2xx answer (code/message filled when the body said)
        Server, // an error reported inside a 200 answer (SSE `event:error`, §5)
        MalformedReply, // bytes that are not the protocol
        Cancelled, // the transfer was aborted by something other than ChatTurn::cancel()
        LimitExceeded, // the reply went past a ReplyLimits bound (size or deadline); `detail` says
                       // which
    };

    // What kind of problem it is for the person, across both protocols: which setting to open,
    // whether waiting helps. Derived from kind, code and status; a code wins over its status
    // (400 Arrearage is billing, 400 DataInspectionFailed is moderation).
    enum class Category {
        Auth, // the key was rejected (401, InvalidApiKey / invalid_api_key)
        Permission, // the key is valid but may not use this model or workspace (403)
        InvalidRequest, // the request itself is wrong: parameters, model id, URL (400, 404)
        ContentInspection, // the content safety check refused the input or the answer
        Quota, // throttled, quota used up, or the account cannot pay (429, Arrearage)
        Server, // the server failed (5xx, or an error it reported without a status)
        Network, // no connection, reset, closed early, TLS
        Timeout, // the server stopped sending
        Cancelled, // aborted by something other than ChatTurn::cancel()
        MalformedReply, // bytes that are not the protocol
        Limit, // the reply was too large or took too long for this app's limits
    };

    Kind kind = Kind::Network;
    int httpStatus = 0; // HTTP status, or the SSE `:HTTP_STATUS/NNN` of an error event
    QString code; // server `code` (DashScope "InvalidApiKey", OpenAI "invalid_api_key")
    QString message; // server `message`, as sent
    QString requestId; // server `request_id` (or X-Request-ID)
    QString detail; // technical detail: Qt's network error text, a parse error
    // No body byte had arrived when the connection failed: nothing was shown, a retry is safe.
    bool beforeFirstByte = false;
    // The server's Retry-After, when it sent one; negative when absent.
    std::chrono::milliseconds retryAfter{-1};
    // A 3xx answer: where it pointed (scheme, host, port), never followed. Empty otherwise.
    QString redirectTarget;

    static ApiError network(const QString &detail, bool beforeFirstByte);
    static ApiError timeout(const QString &detail);
    static ApiError malformed(const QString &detail);
    // A ReplyLimits bound was passed; `detail` (translated) names it.
    static ApiError limit(const QString &detail);
    // A 3xx answer to a request for `requestUrl` whose Location header is `location` (relative
    // or absolute; may be empty).
    static ApiError redirect(int status, const QUrl &requestUrl, const QByteArray &location);
    // A non-2xx answer: parses DashScope `{code,message,request_id}` and OpenAI
    // `{error:{message,type,code}}` bodies; anything else becomes the message (§6, §7).
    static ApiError fromHttpBody(int status, const QByteArray &body);
    // The JSON of an SSE `event:error` (§5) or an error object inside a 200 reply.
    static ApiError fromServerJson(int status, const QByteArray &json);

    // 429 (except billing and free-tier quota codes), 5xx, and connection failures before the
    // first byte (docs/dashscope-protocol.md §6 "retry?" column; docs/architecture.md step 4).
    bool retryable() const;
    Category category() const;
    // A sentence for people, translated, with the server's own message when there is one.
    QString userMessage() const;

    // Masks anything that looks like a key (`sk-…`) in text that came from a server.
    static QString maskKeys(QString text);

    friend bool operator==(const ApiError &a, const ApiError &b);

private:
    QString summary() const;
    QString serverText() const;
};

} // namespace qvd
