#include "HttpTestServer.h"

#include "TestMain.h"

#include <QFile>
#include <QHostAddress>
#include <QSslKey>
#include <QSslServer>
#include <QTcpSocket>
#include <QTimer>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

namespace qvd::test {

QByteArray RecordedRequest::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

Reply Reply::http(int status, const QByteArray &body, const QList<QByteArray> &headers)
{
    QByteArray bytes = "HTTP/1.1 " + QByteArray::number(status) + " Test\r\n";
    for (const QByteArray &header : headers)
        bytes += header + "\r\n";
    bytes += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    return raw(bytes);
}

Reply Reply::raw(const QByteArray &bytes)
{
    Reply reply;
    reply.send(bytes);
    return reply;
}

Reply &Reply::send(const QByteArray &bytes)
{
    m_steps.append({Step::Kind::Send, bytes, {}});
    return *this;
}

Reply &Reply::sendSplit(const QByteArray &bytes, const QList<int> &cuts)
{
    int from = 0;
    for (int cut : cuts) {
        Q_ASSERT(cut >= from && cut <= bytes.size());
        send(bytes.mid(from, cut - from));
        from = cut;
    }
    return send(bytes.mid(from));
}

Reply &Reply::sendInChunks(const QByteArray &bytes, int size)
{
    Q_ASSERT(size > 0);
    for (int from = 0; from < bytes.size(); from += size)
        send(bytes.mid(from, size));
    return *this;
}

Reply &Reply::pause(std::chrono::milliseconds delay)
{
    m_steps.append({Step::Kind::Pause, {}, delay});
    return *this;
}

Reply &Reply::stall()
{
    m_steps.append({Step::Kind::Stall, {}, {}});
    return *this;
}

Reply &Reply::reset()
{
    m_steps.append({Step::Kind::Reset, {}, {}});
    return *this;
}

Reply &Reply::close()
{
    m_steps.append({Step::Kind::Close, {}, {}});
    return *this;
}

// One accepted socket: reads one request, then plays the reply's steps.
class HttpTestServer::Connection : public QObject
{
public:
    Connection(QTcpSocket *socket, HttpTestServer *server)
        : QObject(server), m_socket(socket), m_server(server)
    {
        m_socket->setParent(this);
        m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        QObject::connect(m_socket, &QTcpSocket::readyRead, this, &Connection::readRequest);
        QObject::connect(m_socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
        readRequest();
    }

    void release()
    {
        if (m_stalled) {
            m_stalled = false;
            playNext();
        }
    }

private:
    void readRequest()
    {
        if (m_playing)
            return;
        m_buffer += m_socket->readAll();
        const qsizetype headerEnd = m_buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        RecordedRequest request;
        const QList<QByteArray> lines = m_buffer.left(headerEnd).split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        request.method = requestLine.value(0);
        request.target = requestLine.value(1);
        request.version = requestLine.value(2);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon > 0)
                request.headers.append(
                    {lines[i].left(colon).trimmed(), lines[i].mid(colon + 1).trimmed()});
        }
        const qsizetype bodyLength = request.header("Content-Length").toLongLong();
        if (m_buffer.size() < headerEnd + 4 + bodyLength)
            return;
        request.body = m_buffer.mid(headerEnd + 4, bodyLength);

        m_playing = true;
        if (m_server->m_recording)
            m_server->m_requests.append(request);
        const std::optional<Reply> chosen =
            m_server->m_responder ? m_server->m_responder(request) : std::nullopt;
        m_steps = chosen                  ? chosen->steps()
            : m_server->m_queue.isEmpty() ? Reply::http(500, "no reply queued\n").steps()
                                          : m_server->m_queue.takeFirst().steps();
        Q_EMIT m_server->requestReceived(request);
        playNext();
    }

    void playNext()
    {
        if (m_step >= m_steps.size()) {
            finishGracefully();
            return;
        }
        const Reply::Step step = m_steps[m_step++];
        switch (step.kind) {
        case Reply::Step::Kind::Send:
            m_socket->write(step.bytes);
            m_socket->flush();
            // A zero timer lets the bytes leave as their own segment before the next step.
            QTimer::singleShot(0, this, &Connection::playNext);
            return;
        case Reply::Step::Kind::Pause:
            QTimer::singleShot(step.delay, this, &Connection::playNext);
            return;
        case Reply::Step::Kind::Stall:
            m_stalled = true;
            Q_EMIT m_server->stalled();
            return;
        case Reply::Step::Kind::Reset:
            resetConnection();
            return;
        case Reply::Step::Kind::Close:
            finishGracefully();
            return;
        }
    }

    void finishGracefully()
    {
        m_step = m_steps.size();
        Q_EMIT m_server->replyFinished();
        m_socket->disconnectFromHost();
    }

    void resetConnection()
    {
#ifdef Q_OS_UNIX
        // SO_LINGER with a zero timeout turns close() into an RST instead of a FIN.
        const linger noLinger{1, 0};
        ::setsockopt(int(m_socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &noLinger,
                     sizeof noLinger);
#endif
        m_step = m_steps.size();
        Q_EMIT m_server->replyFinished();
        m_socket->abort();
        deleteLater();
    }

    QTcpSocket *m_socket;
    HttpTestServer *m_server;
    QByteArray m_buffer;
    QList<Reply::Step> m_steps;
    qsizetype m_step = 0;
    bool m_playing = false;
    bool m_stalled = false;
};

HttpTestServer::HttpTestServer(QObject *parent) : QObject(parent) { }

HttpTestServer::~HttpTestServer() = default;

bool HttpTestServer::listen()
{
    m_server = std::make_unique<QTcpServer>();
    connect(m_server.get(), &QTcpServer::newConnection, this, &HttpTestServer::accept);
    return m_server->listen(QHostAddress::LocalHost, 0);
}

QSslCertificate HttpTestServer::tlsCertificate()
{
    QFile file(dataPath(QStringLiteral("tls/localhost.crt")));
    return file.open(QIODevice::ReadOnly) ? QSslCertificate(&file, QSsl::Pem) : QSslCertificate();
}

bool HttpTestServer::listenTls()
{
    QFile keyFile(dataPath(QStringLiteral("tls/localhost.key")));
    if (!keyFile.open(QIODevice::ReadOnly))
        return false;
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(tlsCertificate());
    configuration.setPrivateKey(QSslKey(&keyFile, QSsl::Rsa, QSsl::Pem));
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // clients show no certificate
    auto server = std::make_unique<QSslServer>();
    server->setSslConfiguration(configuration);
    m_server = std::move(server);
    m_tls = true;
    // QSslServer queues a socket once its handshake is done and signals only this.
    connect(m_server.get(), &QTcpServer::pendingConnectionAvailable, this, &HttpTestServer::accept);
    return m_server->listen(QHostAddress::LocalHost, 0);
}

quint16 HttpTestServer::port() const
{
    return m_server ? m_server->serverPort() : 0;
}

QUrl HttpTestServer::url(const QString &path) const
{
    QUrl url;
    url.setScheme(m_tls ? QStringLiteral("https") : QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(port());
    url.setPath(path.isEmpty() ? QStringLiteral("/") : path);
    return url;
}

void HttpTestServer::enqueue(const Reply &reply)
{
    m_queue.append(reply);
}

void HttpTestServer::release()
{
    const auto connections = m_connections;
    for (const auto &connection : connections) {
        if (connection)
            connection->release();
    }
}

void HttpTestServer::accept()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        ++m_connectionCount;
        m_connections.removeAll(nullptr);
        m_connections.append(new Connection(socket, this));
    }
}

} // namespace qvd::test
