#pragma once

#include <QObject>
#include <QStringList>

class QLocalServer;

namespace qvd {

// One QwenVL Desk per user and data folder: the first instance listens on a local socket; a
// later launch hands it its command line (the images to attach, as absolute paths or URLs) and
// exits, so two instances never share (and purge) one history.
class SingleInstance : public QObject
{
    Q_OBJECT
public:
    // `key` tells users apart: the app's data folder (different HOMEs, different instances).
    explicit SingleInstance(const QString &key, QObject *parent = nullptr);
    ~SingleInstance() override;

    // `arguments`: absolute paths (localImagePaths, core/imaging/ImageArgument.h), since the
    // running instance reads them in its own folder.
    // True when a running instance took `arguments` (this process should end); false when
    // there is none (or it does not answer within `timeoutMs`).
    bool handOver(const QStringList &arguments, int timeoutMs = 3000) const;
    // Becomes the running instance; argumentsReceived() reports later launches.
    bool listen();
    QString serverName() const { return m_name; }

Q_SIGNALS:
    void argumentsReceived(const QStringList &arguments);

private:
    void receive();

    QString m_name;
    QLocalServer *m_server = nullptr;
};

} // namespace qvd
