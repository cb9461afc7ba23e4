#pragma once

#include <QList>
#include <QNetworkProxy>
#include <QObject>
#include <QTcpServer>

namespace qvd::test {

// A small forwarding proxy on 127.0.0.1 for network-settings tests: HTTP (CONNECT tunnels and
// absolute-URI requests) or SOCKS5 (RFC 1928, with RFC 1929 username/password), optionally
// requiring credentials. It records every connection it forwards, so a test can prove that
// traffic really went through it.
class TestProxy : public QObject
{
    Q_OBJECT
public:
    enum class Kind { Http, Socks5 };

    struct Record
    {
        QByteArray method; // "CONNECT", "GET", "POST", … or "SOCKS5"
        QByteArray target; // host:port asked for
        bool authenticated = false; // valid credentials were presented
    };

    explicit TestProxy(Kind kind, QObject *parent = nullptr);

    void requireCredentials(const QString &user, const QString &password);
    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    // A QNetworkProxy for this proxy, without credentials.
    QNetworkProxy proxy() const;

    QList<Record> records() const { return m_records; }
    int refusedAuthentications() const { return m_refused; }

private:
    class Tunnel;
    void accept();

    Kind m_kind;
    QTcpServer m_server;
    QString m_user;
    QString m_password;
    QList<Record> m_records;
    int m_refused = 0;
};

} // namespace qvd::test
