#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QObject>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;

namespace qvd {

// Downloads an image someone dropped or pasted as an http(s) URL, for the composer to prepare
// like a file: bounded in size and time, redirects followed only to no less safe places, no
// credentials of any kind sent. Each fetch ends with exactly one call of its callback.
class ImageFetcher : public QObject
{
    Q_OBJECT
public:
    // Downloads larger than this are refused before they finish.
    static constexpr qint64 kMaxBytes = 50LL * 1024 * 1024;
    static constexpr int kTimeoutMs = 30000;

    struct Result
    {
        QByteArray bytes;
        QString error; // translated, names the URL; empty on success
        bool ok() const { return error.isEmpty(); }
    };
    using Callback = std::function<void(const Result &)>;

    explicit ImageFetcher(QNetworkAccessManager *network, QObject *parent = nullptr);

    // Only http and https are fetched; anything else fails at once (asynchronously).
    void fetch(const QUrl &url, Callback done);

private:
    QNetworkAccessManager *m_network;
};

} // namespace qvd
