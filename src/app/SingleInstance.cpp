#include "app/SingleInstance.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocalServer>
#include <QLocalSocket>

namespace qvd {
namespace {

constexpr char kReceived[] = "ok\n";

} // namespace

SingleInstance::SingleInstance(const QString &key, QObject *parent)
    : QObject(parent),
      m_name(
          QStringLiteral("qwenvl-desk-")
          + QString::fromLatin1(
              QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex().left(24)))
{ }

SingleInstance::~SingleInstance() = default;

bool SingleInstance::handOver(const QStringList &arguments, int timeoutMs) const
{
    QLocalSocket socket;
    socket.connectToServer(m_name);
    if (!socket.waitForConnected(timeoutMs))
        return false;
    QJsonArray list;
    for (const QString &argument : arguments)
        list.append(argument);
    socket.write(QJsonDocument(list).toJson(QJsonDocument::Compact) + '\n');
    if (!socket.waitForBytesWritten(timeoutMs))
        return false;
    // Handed over once the running instance says so; a hung one does not swallow the launch.
    while (!socket.canReadLine()) {
        if (!socket.waitForReadyRead(timeoutMs))
            return false;
    }
    return socket.readLine() == kReceived;
}

bool SingleInstance::listen()
{
    m_server = new QLocalServer(this);
    // Only this user may hand over.
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::receive);
    if (m_server->listen(m_name))
        return true;
    // A socket file left by a crashed instance (nobody answered handOver()).
    QLocalServer::removeServer(m_name);
    return m_server->listen(m_name);
}

void SingleInstance::receive()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
            if (!socket->canReadLine())
                return;
            // At most one line of a bounded size: the launcher's arguments.
            const QByteArray line = socket->readLine(1 << 20);
            QStringList arguments;
            for (const QJsonValue &value : QJsonDocument::fromJson(line).array())
                arguments.append(value.toString());
            socket->write(kReceived);
            socket->flush();
            Q_EMIT argumentsReceived(arguments);
        });
    }
}

} // namespace qvd
