#include "core/api/ConnectionTester.h"

#include "core/api/ApiError.h"
#include "core/api/BackendFactory.h"
#include "core/api/ProfileProxyFactory.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

namespace qvd {
namespace {

using Outcome = ConnectionReport::Outcome;

// Reads {"code","message"} (DashScope) or {"error":{"code","message"}} (OpenAI style).
void readServerError(const QByteArray &body, ConnectionReport &report)
{
    const QJsonObject root = QJsonDocument::fromJson(body).object();
    const QJsonObject error = root.value(QLatin1String("error")).isObject()
        ? root.value(QLatin1String("error")).toObject()
        : root;
    report.serverCode = error.value(QLatin1String("code")).toVariant().toString();
    report.serverMessage = error.value(QLatin1String("message")).toString();
}

Outcome outcomeOfNetworkError(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::SslHandshakeFailedError:
        return Outcome::TlsFailed;
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // the transfer timeout aborts this way
        return Outcome::TimedOut;
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
    case QNetworkReply::UnknownProxyError:
        return Outcome::ProxyFailed;
    default:
        return Outcome::Unreachable;
    }
}

Outcome outcomeOfStatus(int status, bool keySent)
{
    if (status == 401)
        return Outcome::KeyRejected;
    if (status >= 500 || status == 0)
        return Outcome::ServerError;
    if (status == 404)
        return Outcome::ServerError; // wrong base URL: says nothing about the key
    // 2xx, and 4xx after authentication (400 for the empty message, 403 for a model the key may
    // not use, 429 throttling) all mean the key itself was accepted.
    return keySent ? Outcome::KeyAccepted : Outcome::NoKeyNeeded;
}

} // namespace

ConnectionTester::ConnectionTester(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent), m_network(network)
{ }

void ConnectionTester::start(const EndpointProfile &profile, const QString &apiKey,
                             std::chrono::milliseconds timeout)
{
    const QString invalid = profile.validationError();
    if (!invalid.isEmpty()) {
        ConnectionReport report;
        report.outcome = Outcome::InvalidProfile;
        report.detail = invalid;
        QMetaObject::invokeMethod(
            this, [this, report] { Q_EMIT finished(report); }, Qt::QueuedConnection);
        return;
    }

    // The backend's own request: URL, Authorization (none without a key), User-Agent.
    const auto backend = makeBackend(profile, apiKey);
    ChatRequest probe;
    probe.model.id = profile.defaultModel;
    probe.stream = false;
    QNetworkRequest request = backend->networkRequest(probe);
    request.setTransferTimeout(int(timeout.count()));
    const bool keySent = !apiKey.isEmpty();
    QNetworkReply *reply = nullptr;
    if (profile.protocol == EndpointProfile::Protocol::DashScope) {
        // An empty user message: authenticated, then refused as a bad parameter (no tokens used).
        const QJsonObject body{
            {QStringLiteral("model"), profile.defaultModel},
            {QStringLiteral("input"),
             QJsonObject{{QStringLiteral("messages"),
                          QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                                 {QStringLiteral("content"), QJsonArray()}}}}}}};
        reply = m_network->post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    } else {
        request.setUrl(ChatBackend::joinUrl(profile.baseUrl, QStringLiteral("models")));
        reply = m_network->get(request);
    }
    m_tlsErrors.clear();
    connect(reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) {
        // Kept for the report and never ignored: the request then fails.
        QStringList texts;
        for (const QSslError &error : errors)
            texts.append(error.errorString());
        m_tlsErrors = texts.join(QLatin1String("; "));
    });
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, keySent] { onFinished(reply, keySent); });
}

void ConnectionTester::startWithProxy(const EndpointProfile &profile, const QString &apiKey,
                                      const QString &proxyPassword,
                                      std::chrono::milliseconds timeout)
{
    // The app's network chooses proxies per endpoint (ProfileProxyFactory); a network without
    // one has no saved proxies to keep apart, so the test runs as it would anyway.
    if (auto *proxies = dynamic_cast<ProfileProxyFactory *>(m_network->proxyFactory())) {
        proxies->setOverride(profile, proxyPassword);
        m_override = profile;
    }
    start(profile, apiKey, timeout);
}

void ConnectionTester::onFinished(QNetworkReply *reply, bool keySent)
{
    reply->deleteLater();
    if (m_override) {
        if (auto *proxies = dynamic_cast<ProfileProxyFactory *>(m_network->proxyFactory()))
            proxies->clearOverride(*m_override);
        m_override.reset();
    }
    ConnectionReport report;
    report.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (report.httpStatus >= 300 && report.httpStatus <= 399) {
        // The request never follows it (ChatBackend::networkRequest); say where it pointed.
        report.outcome = Outcome::Redirected;
        const QString target =
            ApiError::redirect(report.httpStatus, reply->url(), reply->rawHeader("Location"))
                .redirectTarget;
        if (!target.isEmpty())
            //: %1 is where the server pointed, e.g. https://example.com
            report.detail = tr("Redirected to %1").arg(target);
    } else if (report.httpStatus != 0) {
        report.outcome = outcomeOfStatus(report.httpStatus, keySent);
        if (report.httpStatus >= 400)
            readServerError(reply->readAll(), report);
    } else {
        report.outcome = outcomeOfNetworkError(reply->error());
        report.detail = m_tlsErrors.isEmpty() ? reply->errorString() : m_tlsErrors;
    }
    Q_EMIT finished(report);
}

} // namespace qvd
