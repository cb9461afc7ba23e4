// The loopback HTTP server that later protocol tests replay wire bytes with: proven here with a
// real QNetworkAccessManager and raw sockets.
#include "HttpTestServer.h"
#include "TestMain.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpSocket>
#include <QThread>

#include <atomic>

#ifdef Q_OS_UNIX
#include <arpa/inet.h>
#include <cerrno>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

using qvd::test::HttpTestServer;
using qvd::test::Reply;

class TestHttpTestServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void recordsTheRequest();
    void replaysRawBytesExactly();
    void repliesInQueueOrder();
    void unqueuedRequestGets500();
    void splitPiecesArriveSeparately();
    void splitAtEveryByteStillDeliversEverything();
    void stallHoldsUntilReleased();
    void closeEndsWithAnOrderlyShutdown();
    void resetAbortsTheConnection();

private:
    QByteArray rawExchange(const QByteArray &request);

    std::unique_ptr<HttpTestServer> m_server;
    QNetworkAccessManager m_network;
};

void TestHttpTestServer::init()
{
    m_server = std::make_unique<HttpTestServer>();
    QVERIFY(m_server->listen());
    QVERIFY(m_server->port() > 0);
    m_network.clearConnectionCache();
}

// Sends `request` on a plain socket and returns everything received until the server closes.
QByteArray TestHttpTestServer::rawExchange(const QByteArray &request)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_server->port());
    if (!socket.waitForConnected(5000))
        return "connect failed";
    socket.write(request);
    QByteArray received;
    QObject::connect(&socket, &QTcpSocket::readyRead, [&] { received += socket.readAll(); });
    [&] {
        QTRY_VERIFY_WITH_TIMEOUT(socket.state() == QAbstractSocket::UnconnectedState, 10000);
    }();
    received += socket.readAll();
    return received;
}

void TestHttpTestServer::recordsTheRequest()
{
    m_server->enqueue(Reply::http(200, "{}", {"Content-Type: application/json"}));
    QNetworkRequest request(m_server->url(QStringLiteral("/api/v1/services/x")));
    request.setRawHeader("Authorization", "Bearer test-token");
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    const QByteArray body = QStringLiteral("{\"text\":\"图中是什么？\"}").toUtf8();
    std::unique_ptr<QNetworkReply> reply(m_network.post(request, body));
    QTRY_VERIFY(reply->isFinished());
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(reply->readAll(), QByteArray("{}"));

    QCOMPARE(m_server->requests().size(), 1);
    const auto recorded = m_server->requests().first();
    QCOMPARE(recorded.method, QByteArray("POST"));
    QCOMPARE(recorded.target, QByteArray("/api/v1/services/x"));
    QCOMPARE(recorded.version, QByteArray("HTTP/1.1"));
    QCOMPARE(recorded.header("authorization"), QByteArray("Bearer test-token"));
    QCOMPARE(recorded.header("Content-Type"), QByteArray("application/json"));
    QCOMPARE(recorded.body, body);
}

void TestHttpTestServer::replaysRawBytesExactly()
{
    const QByteArray bytes = "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream;charset=UTF-8\r\n"
                             "\r\nid:1\nevent:result\n:HTTP_STATUS/200\ndata:{\"a\":1}\n\n";
    m_server->enqueue(Reply::raw(bytes));
    const QByteArray received = rawExchange("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    QCOMPARE(received, bytes);
}

void TestHttpTestServer::repliesInQueueOrder()
{
    m_server->enqueue(Reply::http(200, "first"));
    m_server->enqueue(Reply::http(429, "second"));
    QCOMPARE(rawExchange("GET /1 HTTP/1.1\r\n\r\n").right(5), QByteArray("first"));
    const QByteArray second = rawExchange("GET /2 HTTP/1.1\r\n\r\n");
    QVERIFY(second.startsWith("HTTP/1.1 429 "));
    QVERIFY(second.endsWith("second"));
    QCOMPARE(m_server->requests().size(), 2);
    QCOMPARE(m_server->requests()[1].target, QByteArray("/2"));
}

void TestHttpTestServer::unqueuedRequestGets500()
{
    QVERIFY(rawExchange("GET / HTTP/1.1\r\n\r\n").startsWith("HTTP/1.1 500 "));
}

void TestHttpTestServer::splitPiecesArriveSeparately()
{
    // A stall between the pieces makes the boundary observable without timing assumptions:
    // the client must hold exactly the first piece until the server is released.
    const QByteArray first = "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhello";
    const QByteArray second = "world";
    m_server->enqueue(Reply().send(first).stall().send(second));
    QSignalSpy stalled(m_server.get(), &HttpTestServer::stalled);

    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_server->port());
    QVERIFY(socket.waitForConnected(5000));
    socket.write("GET / HTTP/1.1\r\n\r\n");
    QByteArray received;
    QObject::connect(&socket, &QTcpSocket::readyRead, [&] { received += socket.readAll(); });
    QVERIFY(stalled.wait());
    QTRY_COMPARE(received, first);
    QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);

    m_server->release();
    QTRY_COMPARE(received, first + second);
    QTRY_COMPARE(socket.state(), QAbstractSocket::UnconnectedState);
}

void TestHttpTestServer::splitAtEveryByteStillDeliversEverything()
{
    const QByteArray body = "data:{\"output\":\"流式\"}\n\n";
    const QByteArray response =
        "HTTP/1.1 200 OK\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    m_server->enqueue(Reply().sendInChunks(response, 1));
    QNetworkRequest request(m_server->url());
    std::unique_ptr<QNetworkReply> reply(m_network.get(request));
    QTRY_VERIFY(reply->isFinished());
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(reply->readAll(), body);
}

void TestHttpTestServer::stallHoldsUntilReleased()
{
    m_server->enqueue(Reply().stall().send("HTTP/1.1 204 No Content\r\n\r\n"));
    QSignalSpy stalled(m_server.get(), &HttpTestServer::stalled);
    std::unique_ptr<QNetworkReply> reply(m_network.get(QNetworkRequest(m_server->url())));
    QVERIFY(stalled.wait());
    // Still nothing: the reply waits as long as the server holds it.
    QCoreApplication::processEvents();
    QVERIFY(!reply->isFinished());
    m_server->release();
    QTRY_VERIFY(reply->isFinished());
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 204);
}

namespace {

#ifdef Q_OS_UNIX
// Reads with plain POSIX calls until the peer closes; returns what arrived and the errno of the
// final recv() (0 for an orderly FIN, ECONNRESET for a reset), which Qt's sockets do not tell
// apart.
QPair<QByteArray, int> posixExchange(quint16 port, const QByteArray &request,
                                     std::atomic<int> *receivedBytes = nullptr)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    timeval timeout{10, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    QByteArray received;
    int lastError = -1;
    if (::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0
        && ::send(fd, request.constData(), size_t(request.size()), 0) == request.size()) {
        char buffer[4096];
        for (;;) {
            const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
            if (n > 0) {
                received.append(buffer, n);
                if (receivedBytes)
                    receivedBytes->store(int(received.size()));
                continue;
            }
            lastError = n == 0 ? 0 : errno;
            break;
        }
    }
    ::close(fd);
    return {received, lastError};
}
#endif

} // namespace

void TestHttpTestServer::closeEndsWithAnOrderlyShutdown()
{
#ifndef Q_OS_UNIX
    QSKIP("uses POSIX sockets to observe FIN vs RST");
#else
    const QByteArray head = "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\npartial";
    m_server->enqueue(Reply().send(head).close());
    QSignalSpy finished(m_server.get(), &HttpTestServer::replyFinished);
    // The blocking read runs while the server is served by a nested event loop in another thread.
    QPair<QByteArray, int> result;
    QThread *reader = QThread::create(
        [&] { result = posixExchange(m_server->port(), "GET / HTTP/1.1\r\n\r\n"); });
    reader->start();
    QTRY_VERIFY(reader->isFinished());
    delete reader;
    QCOMPARE(result.first, head);
    QCOMPARE(result.second, 0);
    QCOMPARE(finished.size(), 1);
#endif
}

void TestHttpTestServer::resetAbortsTheConnection()
{
#ifndef Q_OS_UNIX
    QSKIP("uses POSIX sockets to observe FIN vs RST");
#else
    // Headers and part of the body, then an RST: the client sees what came before, then a reset.
    // The stall lets the client read the head first (unread data would be discarded by the RST).
    const QByteArray head = "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\npartial";
    m_server->enqueue(Reply().send(head).stall().reset());
    std::atomic<int> receivedBytes{0};
    QPair<QByteArray, int> result;
    QThread *reader = QThread::create([&] {
        result = posixExchange(m_server->port(), "GET / HTTP/1.1\r\n\r\n", &receivedBytes);
    });
    reader->start();
    QTRY_COMPARE(receivedBytes.load(), int(head.size()));
    m_server->release();
    QTRY_VERIFY(reader->isFinished());
    delete reader;
    QCOMPARE(result.first, head);
    QCOMPARE(result.second, ECONNRESET);

    // And a real HTTP client reports the failure instead of a short body.
    m_server->enqueue(Reply().send(head).stall().reset());
    std::unique_ptr<QNetworkReply> reply(m_network.get(QNetworkRequest(m_server->url())));
    QTRY_COMPARE(reply->bytesAvailable(), qint64(7));
    m_server->release();
    QTRY_VERIFY(reply->isFinished());
    QCOMPARE(reply->error(), QNetworkReply::RemoteHostClosedError);
#endif
}

QVD_TEST_MAIN(TestHttpTestServer)
#include "tst_HttpTestServer.moc"
