#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QSslCertificate>
#include <QTcpServer>
#include <QUrl>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

class QTcpSocket;

namespace qvd::test {

// One HTTP request as it arrived on the wire.
struct RecordedRequest
{
    QByteArray method;
    QByteArray target; // path and query, as sent
    QByteArray version;
    QList<QPair<QByteArray, QByteArray>> headers; // in order, names as sent
    QByteArray body;

    // The value of the first header with this name (case-insensitive); empty if absent.
    QByteArray header(const QByteArray &name) const;
};

// What the server does on one connection once the request is in: a script of steps.
// When the script ends without reset() or stall(), the connection is closed gracefully.
class Reply
{
public:
    struct Step
    {
        enum class Kind { Send, Pause, Stall, Reset, Close } kind;
        QByteArray bytes;
        std::chrono::milliseconds delay{0};
    };

    // A complete response with Content-Length; `headers` are "Name: value" lines.
    static Reply http(int status, const QByteArray &body, const QList<QByteArray> &headers = {});
    // Exactly these bytes, in one write.
    static Reply raw(const QByteArray &bytes);

    Reply &send(const QByteArray &bytes);
    // The bytes in pieces cut at the given offsets, each piece its own write and TCP segment.
    Reply &sendSplit(const QByteArray &bytes, const QList<int> &cuts);
    // The bytes in pieces of `size` bytes.
    Reply &sendInChunks(const QByteArray &bytes, int size);
    Reply &pause(std::chrono::milliseconds delay);
    // Holds the connection open, sending nothing, until HttpTestServer::release().
    Reply &stall();
    // Aborts the connection with a TCP reset (RST), as a crashed peer or a middlebox would.
    Reply &reset();
    Reply &close();

    const QList<Step> &steps() const { return m_steps; }

private:
    QList<Step> m_steps;
};

// A tiny HTTP/1.1 server on 127.0.0.1 for protocol tests: records every request and answers
// each with the next queued Reply, byte for byte.
class HttpTestServer : public QObject
{
    Q_OBJECT
public:
    explicit HttpTestServer(QObject *parent = nullptr);
    ~HttpTestServer() override;

    // Listens on 127.0.0.1 with a free port.
    bool listen();
    // The same, speaking TLS with the test certificate for localhost/127.0.0.1
    // (tests/data/tls); clients must trust tlsCertificate() to connect.
    bool listenTls();
    static QSslCertificate tlsCertificate();
    quint16 port() const;
    QUrl url(const QString &path = {}) const;

    // Replies are used in order, one per request. A request with none queued gets a 500,
    // unless a responder (below) chooses its reply.
    void enqueue(const Reply &reply);
    // Chooses the reply from the request itself (e.g. by the model it names, or from the
    // state of a stateful server such as BatchApiServer), for requests that arrive in no fixed
    // order; nullopt falls back to the queue.
    void setResponder(std::function<std::optional<Reply>(const RecordedRequest &)> responder)
    {
        m_responder = std::move(responder);
    }
    // Resumes every stalled connection.
    void release();

    QList<RecordedRequest> requests() const { return m_requests; }
    // Whether requests() keeps what arrives (on by default). Benches sending thousands of
    // requests turn it off, so the server's record does not weigh in the memory they measure.
    void setRecording(bool on) { m_recording = on; }
    int connectionCount() const { return m_connectionCount; }

Q_SIGNALS:
    void requestReceived(const qvd::test::RecordedRequest &request);
    void stalled();
    void replyFinished();

private:
    class Connection;
    void accept();

    std::unique_ptr<QTcpServer> m_server;
    bool m_tls = false;
    QList<Reply> m_queue;
    std::function<std::optional<Reply>(const RecordedRequest &)> m_responder;
    QList<RecordedRequest> m_requests;
    QList<QPointer<Connection>> m_connections;
    int m_connectionCount = 0;
    bool m_recording = true;
};

} // namespace qvd::test
