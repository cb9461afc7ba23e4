#pragma once

#include "core/api/ApiError.h"
#include "core/api/ChatRequest.h"
#include "core/batch/BatchApiTypes.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

namespace qvd {

// The OpenAI-compatible Files and Batches endpoints of DashScope (batch-api.md §2, §4), over
// `endpoint.baseUrl` (…/compatible-mode/v1). Every call completes exactly once, on the event
// loop, with its value or an ApiError; redirects are never followed. The key goes only in the
// Authorization header of these requests.
class BatchApiClient : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const std::optional<ApiError> &)>;
    using FileDone = std::function<void(const RemoteFile &, const std::optional<ApiError> &)>;
    using FilesDone =
        std::function<void(const QList<RemoteFile> &, const std::optional<ApiError> &)>;
    using BatchDone = std::function<void(const RemoteBatch &, const std::optional<ApiError> &)>;
    using BatchesDone =
        std::function<void(const QList<RemoteBatch> &, const std::optional<ApiError> &)>;

    BatchApiClient(QNetworkAccessManager *network, const Endpoint &endpoint,
                   QObject *parent = nullptr);
    ~BatchApiClient() override;

    // POST /files, multipart: `path`'s bytes (streamed from disk) as `file` named `name`, and
    // purpose=batch.
    void uploadFile(const QString &path, const QString &name, FileDone done);
    // GET /files, every page.
    void listFiles(FilesDone done);
    // GET /files/{id}/content into `toPath` (replaced atomically when whole).
    void downloadFile(const QString &fileId, const QString &toPath, Done done);
    // DELETE /files/{id}; a file that is already gone (404) counts as deleted.
    void deleteFile(const QString &fileId, Done done);

    // POST /batches for `inputFileId` with metadata.ds_name = `batchName`.
    void createBatch(const QString &inputFileId, const QString &batchName,
                     const QString &completionWindow, BatchDone done);
    void getBatch(const QString &batchId, BatchDone done);
    // GET /batches?ds_name=…: the batches made with that name (batch-api.md §4).
    void findBatches(const QString &batchName, BatchesDone done);
    void cancelBatch(const QString &batchId, BatchDone done);

    // Stops every request in flight; their callbacks are not called.
    void abortAll();

    // The one endpoint every line and batch names (batch-api.md §3, §4).
    static QString chatEndpoint() { return QStringLiteral("/v1/chat/completions"); }

private:
    QNetworkRequest request(const QString &path) const;
    // Runs `reply` to its end: `done(body, error)` with the body of a 2xx answer.
    void track(QNetworkReply *reply,
               std::function<void(const QByteArray &, const std::optional<ApiError> &)> done);
    void listFilesPage(const QString &after, QList<RemoteFile> sofar, FilesDone done);

    QNetworkAccessManager *m_network;
    Endpoint m_endpoint;
    QList<QPointer<QNetworkReply>> m_replies;
};

} // namespace qvd
