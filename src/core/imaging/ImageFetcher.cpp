#include "core/imaging/ImageFetcher.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>

namespace qvd {

ImageFetcher::ImageFetcher(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent), m_network(network)
{ }

void ImageFetcher::fetch(const QUrl &url, Callback done)
{
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https")) {
        const Result refused{{},
                             tr("Could not download “%1” (only http and https addresses are "
                                "fetched).")
                                 .arg(url.toDisplayString())};
        QMetaObject::invokeMethod(
            this, [done = std::move(done), refused] { done(refused); }, Qt::QueuedConnection);
        return;
    }
    QNetworkRequest request(url);
    request.setTransferTimeout(kTimeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);
    // Nothing of the person's goes along: no cookies, no HTTP authentication.
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::AuthenticationReuseAttribute, QNetworkRequest::Manual);
    QNetworkReply *reply = m_network->get(request);
    reply->setParent(this);
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64) {
        if (received > kMaxBytes)
            reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this, [reply, url, done = std::move(done)] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() != QNetworkReply::NoError || status >= 400) {
            done({{},
                  tr("Could not download “%1” (%2).")
                      .arg(url.toDisplayString(), reply->errorString())});
            return;
        }
        done({reply->readAll(), {}});
    });
}

} // namespace qvd
