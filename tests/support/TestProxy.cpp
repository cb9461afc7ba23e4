#include "TestProxy.h"

#include <QHostAddress>
#include <QTcpSocket>
#include <QtEndian>

namespace qvd::test {

// One client connection: the handshake of the proxy's protocol, then bytes piped both ways.
class TestProxy::Tunnel : public QObject
{
public:
    Tunnel(QTcpSocket *client, TestProxy *proxy)
        : QObject(proxy), m_client(client), m_upstream(new QTcpSocket(this)), m_proxy(proxy)
    {
        m_client->setParent(this);
        QObject::connect(m_client, &QTcpSocket::readyRead, this, &Tunnel::readClient);
        QObject::connect(m_client, &QTcpSocket::disconnected, this, &Tunnel::finish);
        QObject::connect(m_upstream, &QTcpSocket::readyRead, this,
                         [this] { m_client->write(m_upstream->readAll()); });
        QObject::connect(m_upstream, &QTcpSocket::disconnected, this, &Tunnel::finish);
        QObject::connect(m_upstream, &QTcpSocket::errorOccurred, this, &Tunnel::finish);
        readClient();
    }

private:
    void readClient()
    {
        m_buffer += m_client->readAll();
        if (m_piping) {
            m_upstream->write(m_buffer);
            m_buffer.clear();
            return;
        }
        if (m_proxy->m_kind == Kind::Http)
            readHttpRequest();
        else
            readSocks();
    }

    bool credentialsMatch(const QByteArray &user, const QByteArray &password) const
    {
        return user == m_proxy->m_user.toUtf8() && password == m_proxy->m_password.toUtf8();
    }
    bool credentialsRequired() const { return !m_proxy->m_user.isEmpty(); }

    void readHttpRequest()
    {
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QList<QByteArray> lines = m_buffer.left(end).split('\n');
        const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
        bool authenticated = false;
        QList<QByteArray> forwardedHeaders;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines[i].trimmed();
            if (line.toLower().startsWith("proxy-authorization: basic ")) {
                const QList<QByteArray> pair =
                    QByteArray::fromBase64(line.mid(27).trimmed()).split(':');
                authenticated = pair.size() == 2 && credentialsMatch(pair[0], pair[1]);
            } else if (!line.toLower().startsWith("proxy-")) {
                forwardedHeaders.append(line);
            }
        }
        if (credentialsRequired() && !authenticated) {
            ++m_proxy->m_refused;
            m_client->write("HTTP/1.1 407 Proxy Authentication Required\r\n"
                            "Proxy-Authenticate: Basic realm=\"qvd-test\"\r\n"
                            "Content-Length: 0\r\nConnection: close\r\n\r\n");
            m_client->disconnectFromHost();
            return;
        }
        const QByteArray method = requestLine.value(0);
        QByteArray target = requestLine.value(1);
        const QByteArray rest = m_buffer.mid(end + 4);
        m_buffer.clear();
        if (method == "CONNECT") {
            m_proxy->m_records.append({method, target, authenticated});
            connectUpstream(target, [this, rest] {
                m_client->write("HTTP/1.1 200 Connection established\r\n\r\n");
                m_upstream->write(rest);
            });
            return;
        }
        // Absolute-URI form: forward the request to the origin in origin form.
        const QUrl url(QString::fromLatin1(target));
        const QByteArray hostPort = url.host().toLatin1() + ':' + QByteArray::number(url.port(80));
        m_proxy->m_records.append({method, hostPort, authenticated});
        QByteArray request = method + ' ' + url.path(QUrl::FullyEncoded).toLatin1()
            + (url.hasQuery() ? '?' + url.query(QUrl::FullyEncoded).toLatin1() : QByteArray()) + ' '
            + requestLine.value(2) + "\r\n";
        for (const QByteArray &header : forwardedHeaders)
            request += header + "\r\n";
        request += "\r\n" + rest;
        connectUpstream(hostPort, [this, request] { m_upstream->write(request); });
    }

    void readSocks()
    {
        switch (m_socksStage) {
        case SocksStage::Greeting:
            return readSocksGreeting();
        case SocksStage::Credentials:
            return readSocksCredentials();
        case SocksStage::Request:
            return readSocksRequest();
        }
    }

    void readSocksGreeting()
    {
        if (m_buffer.size() < 2 || m_buffer.size() < 2 + quint8(m_buffer[1]))
            return;
        const QByteArray methods = m_buffer.mid(2, quint8(m_buffer[1]));
        m_buffer.remove(0, 2 + methods.size());
        const char wanted = credentialsRequired() ? 0x02 : 0x00;
        if (!methods.contains(wanted)) {
            ++m_proxy->m_refused;
            m_client->write(QByteArray("\x05\xff", 2));
            m_client->disconnectFromHost();
            return;
        }
        m_client->write(QByteArray("\x05", 1) + wanted);
        m_socksStage = credentialsRequired() ? SocksStage::Credentials : SocksStage::Request;
        readSocks();
    }

    void readSocksCredentials()
    {
        // RFC 1929: VER ULEN UNAME PLEN PASSWD
        if (m_buffer.size() < 2)
            return;
        const int userLength = quint8(m_buffer[1]);
        if (m_buffer.size() < 3 + userLength)
            return;
        const int passwordLength = quint8(m_buffer[2 + userLength]);
        if (m_buffer.size() < 3 + userLength + passwordLength)
            return;
        const QByteArray user = m_buffer.mid(2, userLength);
        const QByteArray password = m_buffer.mid(3 + userLength, passwordLength);
        m_buffer.remove(0, 3 + userLength + passwordLength);
        if (!credentialsMatch(user, password)) {
            ++m_proxy->m_refused;
            m_client->write(QByteArray("\x01\x01", 2));
            m_client->disconnectFromHost();
            return;
        }
        m_authenticated = true;
        m_client->write(QByteArray("\x01\x00", 2));
        m_socksStage = SocksStage::Request;
        readSocks();
    }

    void readSocksRequest()
    {
        // RFC 1928: VER CMD RSV ATYP DST.ADDR DST.PORT; only CONNECT is needed here.
        if (m_buffer.size() < 5)
            return;
        const char type = m_buffer[3];
        const int addressLength = type == 0x01 ? 4 : type == 0x04 ? 16 : 1 + quint8(m_buffer[4]);
        if (m_buffer.size() < 4 + addressLength + 2)
            return;
        QByteArray host;
        if (type == 0x03)
            host = m_buffer.mid(5, addressLength - 1);
        else if (type == 0x01)
            host = QHostAddress(qFromBigEndian<quint32>(m_buffer.constData() + 4))
                       .toString()
                       .toLatin1();
        else
            host = QHostAddress(reinterpret_cast<const quint8 *>(m_buffer.constData() + 4))
                       .toString()
                       .toLatin1();
        const quint16 port = qFromBigEndian<quint16>(m_buffer.constData() + 4 + addressLength);
        m_buffer.remove(0, 4 + addressLength + 2);
        const QByteArray target = host + ':' + QByteArray::number(port);
        m_proxy->m_records.append({"SOCKS5", target, m_authenticated});
        connectUpstream(target, [this] {
            m_client->write(QByteArray("\x05\x00\x00\x01\x00\x00\x00\x00\x00\x00", 10));
        });
    }

    template<typename OnConnected>
    void connectUpstream(const QByteArray &hostPort, OnConnected onConnected)
    {
        const qsizetype colon = hostPort.lastIndexOf(':');
        QObject::connect(m_upstream, &QTcpSocket::connected, this, [this, onConnected] {
            onConnected();
            m_piping = true;
            readClient();
        });
        QString host = QString::fromLatin1(hostPort.left(colon));
        if (host.startsWith(QLatin1Char('[')))
            host = host.mid(1, host.size() - 2);
        m_upstream->connectToHost(host, hostPort.mid(colon + 1).toUShort());
    }

    void finish()
    {
        m_client->disconnectFromHost();
        m_upstream->disconnectFromHost();
        deleteLater();
    }

    enum class SocksStage { Greeting, Credentials, Request };

    QTcpSocket *m_client;
    QTcpSocket *m_upstream;
    TestProxy *m_proxy;
    QByteArray m_buffer;
    SocksStage m_socksStage = SocksStage::Greeting;
    bool m_authenticated = false;
    bool m_piping = false;
};

TestProxy::TestProxy(Kind kind, QObject *parent) : QObject(parent), m_kind(kind)
{
    connect(&m_server, &QTcpServer::newConnection, this, &TestProxy::accept);
}

void TestProxy::requireCredentials(const QString &user, const QString &password)
{
    m_user = user;
    m_password = password;
}

bool TestProxy::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QNetworkProxy TestProxy::proxy() const
{
    return QNetworkProxy(m_kind == Kind::Http ? QNetworkProxy::HttpProxy
                                              : QNetworkProxy::Socks5Proxy,
                         QStringLiteral("127.0.0.1"), port());
}

void TestProxy::accept()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection())
        new Tunnel(socket, this);
}

} // namespace qvd::test
