#pragma once

#include "core/api/ConnectionReport.h"
#include "core/settings/EndpointProfile.h"

#include <QObject>

#include <chrono>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace qvd {

// "Test connection": one small authenticated request that shows reachability, TLS, the proxy,
// and whether the key is accepted, with the server's own error text. It costs no tokens:
// DashScope gets a request with an empty message (a valid key earns 400, a bad one 401);
// OpenAI-compatible servers get GET {base}/models. One test at a time per tester.
class ConnectionTester : public QObject
{
    Q_OBJECT
public:
    explicit ConnectionTester(QNetworkAccessManager *network, QObject *parent = nullptr);

    void start(const EndpointProfile &profile, const QString &apiKey,
               std::chrono::milliseconds timeout = std::chrono::seconds(20));
    // The same for a profile whose proxy is being edited and not saved yet: the test goes
    // through that proxy (with `proxyPassword`), over the same network manager, while every
    // other request keeps the saved settings' proxies.
    void startWithProxy(const EndpointProfile &profile, const QString &apiKey,
                        const QString &proxyPassword,
                        std::chrono::milliseconds timeout = std::chrono::seconds(20));

Q_SIGNALS:
    void finished(const qvd::ConnectionReport &report);

private:
    void onFinished(QNetworkReply *reply, bool keySent);

    QNetworkAccessManager *m_network;
    QString m_tlsErrors;
    std::optional<EndpointProfile> m_override; // its proxy is set for this test only
};

} // namespace qvd
