#include "core/batch/BatchApiClient.h"

#include "core/AppInfo.h"
#include "core/api/ChatBackend.h"

#include <QFile>
#include <QFileInfo>
#include <QHttpMultiPart>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSaveFile>
#include <QUrlQuery>

#include <memory>

namespace qvd {

namespace {

constexpr int kFilePageSize = 2000; // the most GET /files takes (batch-api.md §2)

std::optional<ApiError> transportError(QNetworkReply *reply, bool anyBody)
{
    ApiError error = ApiError::network(reply->errorString(), !anyBody);
    if (reply->error() == QNetworkReply::OperationCanceledError)
        error.kind = ApiError::Kind::Cancelled;
    else if (reply->error() == QNetworkReply::TimeoutError)
        error.kind = ApiError::Kind::Timeout;
    else if (reply->error() == QNetworkReply::SslHandshakeFailedError)
        error.kind = ApiError::Kind::Tls;
    return error;
}

QJsonObject objectOf(const QByteArray &body, std::optional<ApiError> &error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        error = ApiError::malformed(parseError.error != QJsonParseError::NoError
                                        ? parseError.errorString()
                                        : QStringLiteral("not a JSON object"));
    return document.object();
}

} // namespace

BatchApiClient::BatchApiClient(QNetworkAccessManager *network, const Endpoint &endpoint,
                               QObject *parent)
    : QObject(parent), m_network(network), m_endpoint(endpoint)
{ }

BatchApiClient::~BatchApiClient()
{
    abortAll();
}

void BatchApiClient::abortAll()
{
    const auto replies = std::exchange(m_replies, {});
    for (const QPointer<QNetworkReply> &reply : replies) {
        if (reply) {
            reply->disconnect(this);
            reply->abort();
            reply->deleteLater();
        }
    }
}

QNetworkRequest BatchApiClient::request(const QString &path) const
{
    QNetworkRequest out(ChatBackend::joinUrl(m_endpoint.baseUrl, path));
    if (!m_endpoint.apiKey.isEmpty())
        out.setRawHeader("Authorization", "Bearer " + m_endpoint.apiKey.toUtf8());
    if (!m_endpoint.workspace.isEmpty())
        out.setRawHeader("X-DashScope-WorkSpace", m_endpoint.workspace.toUtf8());
    out.setHeader(
        QNetworkRequest::UserAgentHeader,
        QByteArray(QByteArray(appinfo::kAppName).replace(' ', '-') + '/' + appinfo::kVersion));
    out.setRawHeader("Accept", "application/json");
    // A redirect would carry the key to wherever it points: never followed, an error instead.
    out.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                     QNetworkRequest::ManualRedirectPolicy);
    out.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    return out;
}

void BatchApiClient::track(
    QNetworkReply *reply,
    std::function<void(const QByteArray &, const std::optional<ApiError> &)> done)
{
    m_replies.removeAll(nullptr);
    m_replies.append(reply);
    connect(reply, &QNetworkReply::finished, this, [this, reply, done = std::move(done)] {
        m_replies.removeAll(reply);
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        if (status == 0) {
            done({}, transportError(reply, !body.isEmpty()));
            return;
        }
        if (status < 200 || status > 299) {
            ApiError error = ApiError::fromHttpBody(status, body);
            if (status >= 300 && status < 400)
                error.detail = QStringLiteral("redirect to %1 not followed")
                                   .arg(QString::fromUtf8(reply->rawHeader("Location")));
            const QByteArray retryAfter = reply->rawHeader("Retry-After");
            bool ok = false;
            const int seconds = retryAfter.trimmed().toInt(&ok);
            if (ok && seconds >= 0)
                error.retryAfter = std::chrono::seconds(seconds);
            error.requestId = error.requestId.isEmpty()
                ? QString::fromUtf8(reply->rawHeader("X-Request-ID"))
                : error.requestId;
            done({}, error);
            return;
        }
        done(body, std::nullopt);
    });
}

void BatchApiClient::uploadFile(const QString &path, const QString &name, FileDone done)
{
    auto file = std::make_unique<QFile>(path);
    if (!file->open(QIODevice::ReadOnly)) {
        const ApiError error = ApiError::network(file->errorString(), true);
        QMetaObject::invokeMethod(
            this, [done, error] { done({}, error); }, Qt::QueuedConnection);
        return;
    }
    auto *multipart = new QHttpMultiPart(QHttpMultiPart::FormDataType);
    QHttpPart purpose;
    purpose.setHeader(QNetworkRequest::ContentDispositionHeader,
                      QStringLiteral("form-data; name=\"purpose\""));
    purpose.setBody("batch");
    QHttpPart filePart;
    filePart.setHeader(QNetworkRequest::ContentDispositionHeader,
                       QStringLiteral("form-data; name=\"file\"; filename=\"%1\"").arg(name));
    filePart.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/jsonl"));
    filePart.setBodyDevice(file.get());
    file.release()->setParent(multipart); // streamed from disk, deleted with the multipart
    multipart->append(purpose);
    multipart->append(filePart);
    QNetworkReply *reply = m_network->post(request(QStringLiteral("files")), multipart);
    multipart->setParent(reply);
    track(reply, [done](const QByteArray &body, const std::optional<ApiError> &error) {
        if (error) {
            done({}, error);
            return;
        }
        std::optional<ApiError> parseError;
        const RemoteFile uploaded = RemoteFile::fromJson(objectOf(body, parseError));
        if (!parseError && uploaded.id.isEmpty())
            parseError = ApiError::malformed(QStringLiteral("the upload's reply has no file id"));
        done(uploaded, parseError);
    });
}

void BatchApiClient::listFiles(FilesDone done)
{
    listFilesPage({}, {}, std::move(done));
}

void BatchApiClient::listFilesPage(const QString &after, QList<RemoteFile> sofar, FilesDone done)
{
    QNetworkRequest req = request(QStringLiteral("files"));
    QUrl url = req.url();
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QString::number(kFilePageSize));
    if (!after.isEmpty())
        query.addQueryItem(QStringLiteral("after"), after);
    url.setQuery(query);
    req.setUrl(url);
    track(
        m_network->get(req),
        [this, sofar, done](const QByteArray &body, const std::optional<ApiError> &error) mutable {
            if (error) {
                done(sofar, error);
                return;
            }
            std::optional<ApiError> parseError;
            const QJsonObject root = objectOf(body, parseError);
            if (parseError) {
                done(sofar, parseError);
                return;
            }
            const QJsonArray data = root.value(QLatin1String("data")).toArray();
            for (const QJsonValue &value : data)
                sofar.append(RemoteFile::fromJson(value.toObject()));
            const bool more = root.value(QLatin1String("has_more")).toBool() && !data.isEmpty();
            if (more)
                listFilesPage(sofar.last().id, sofar, done);
            else
                done(sofar, std::nullopt);
        });
}

void BatchApiClient::downloadFile(const QString &fileId, const QString &toPath, Done done)
{
    auto file = std::make_shared<QSaveFile>(toPath);
    if (!file->open(QIODevice::WriteOnly)) {
        const ApiError error = ApiError::network(file->errorString(), true);
        QMetaObject::invokeMethod(
            this, [done, error] { done(error); }, Qt::QueuedConnection);
        return;
    }
    QNetworkReply *reply = m_network->get(request(QStringLiteral("files/%1/content").arg(fileId)));
    // Written as it arrives: an output file can hold 50,000 answers.
    auto failed = std::make_shared<bool>(false);
    connect(reply, &QNetworkReply::readyRead, this, [reply, file, failed] {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status < 200 || status > 299 || *failed)
            return; // the error body is read at the end
        const QByteArray chunk = reply->readAll();
        if (file->write(chunk) != chunk.size())
            *failed = true;
    });
    track(reply,
          [file, failed, done](const QByteArray &rest, const std::optional<ApiError> &error) {
              if (error) {
                  file->cancelWriting();
                  done(error);
                  return;
              }
              if (*failed || file->write(rest) != rest.size() || !file->commit()) {
                  done(ApiError::network(file->errorString(), false));
                  return;
              }
              done(std::nullopt);
          });
}

void BatchApiClient::deleteFile(const QString &fileId, Done done)
{
    track(m_network->deleteResource(request(QStringLiteral("files/%1").arg(fileId))),
          [done](const QByteArray &, const std::optional<ApiError> &error) {
              if (error && error->kind == ApiError::Kind::HttpStatus && error->httpStatus == 404)
                  done(std::nullopt); // already gone
              else
                  done(error);
          });
}

void BatchApiClient::createBatch(const QString &inputFileId, const QString &batchName,
                                 const QString &completionWindow, BatchDone done)
{
    QNetworkRequest req = request(QStringLiteral("batches"));
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    const QJsonObject body{
        {QStringLiteral("input_file_id"), inputFileId},
        {QStringLiteral("endpoint"), chatEndpoint()},
        {QStringLiteral("completion_window"), completionWindow},
        {QStringLiteral("metadata"),
         QJsonObject{
             {QStringLiteral("ds_name"), batchName},
             {QStringLiteral("ds_description"), QStringLiteral("QwenVL Desk batch grounding")}}},
    };
    track(m_network->post(req, QJsonDocument(body).toJson(QJsonDocument::Compact)),
          [done](const QByteArray &reply, const std::optional<ApiError> &error) {
              if (error) {
                  done({}, error);
                  return;
              }
              std::optional<ApiError> parseError;
              const RemoteBatch batch = RemoteBatch::fromJson(objectOf(reply, parseError));
              if (!parseError && batch.id.isEmpty())
                  parseError = ApiError::malformed(QStringLiteral("the batch has no id"));
              done(batch, parseError);
          });
}

void BatchApiClient::getBatch(const QString &batchId, BatchDone done)
{
    track(m_network->get(request(QStringLiteral("batches/%1").arg(batchId))),
          [done](const QByteArray &reply, const std::optional<ApiError> &error) {
              if (error) {
                  done({}, error);
                  return;
              }
              std::optional<ApiError> parseError;
              const RemoteBatch batch = RemoteBatch::fromJson(objectOf(reply, parseError));
              done(batch, parseError);
          });
}

void BatchApiClient::findBatches(const QString &batchName, BatchesDone done)
{
    QNetworkRequest req = request(QStringLiteral("batches"));
    QUrl url = req.url();
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("ds_name"), batchName);
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("100"));
    url.setQuery(query);
    req.setUrl(url);
    track(m_network->get(req),
          [batchName, done](const QByteArray &reply, const std::optional<ApiError> &error) {
              if (error) {
                  done({}, error);
                  return;
              }
              std::optional<ApiError> parseError;
              const QJsonObject root = objectOf(reply, parseError);
              QList<RemoteBatch> batches;
              for (const QJsonValue &value : root.value(QLatin1String("data")).toArray()) {
                  const RemoteBatch batch = RemoteBatch::fromJson(value.toObject());
                  // The filter is the server's; the name is checked here too.
                  if (batch.batchName == batchName)
                      batches.append(batch);
              }
              done(batches, parseError);
          });
}

void BatchApiClient::cancelBatch(const QString &batchId, BatchDone done)
{
    QNetworkRequest req = request(QStringLiteral("batches/%1/cancel").arg(batchId));
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    track(m_network->post(req, QByteArray("{}")),
          [done](const QByteArray &reply, const std::optional<ApiError> &error) {
              if (error) {
                  done({}, error);
                  return;
              }
              std::optional<ApiError> parseError;
              done(RemoteBatch::fromJson(objectOf(reply, parseError)), parseError);
          });
}

} // namespace qvd
