#pragma once

#include "HttpTestServer.h"

#include <QHash>
#include <QJsonObject>
#include <QMap>
#include <QSet>
#include <QStringList>

#include <functional>

namespace qvd::test {

// A loopback stand-in for DashScope's OpenAI-compatible Files and Batches endpoints
// (docs/batch-api.md), keeping state between requests as the real service does:
//   POST /files (multipart: file, purpose=batch), GET /files, GET/DELETE /files/{id},
//   GET /files/{id}/content, POST /batches, GET /batches (ds_name filter), GET /batches/{id},
//   POST /batches/{id}/cancel.
// A batch moves one status further each time it is asked for (validating → in_progress →
// finalizing → completed), so tests wait for conditions, never for time. Output and error files
// list their lines in an order other than the input's (join by custom_id). Knobs below make the
// failures the service is known for.
class BatchApiServer : public QObject
{
    Q_OBJECT

public:
    explicit BatchApiServer(QObject *parent = nullptr);

    bool listen();
    // The compatible-mode base: http://127.0.0.1:<port>/compatible-mode/v1
    QUrl baseUrl() const;

    // --- failures -------------------------------------------------------------------------
    // The next `count` POST /batches answer 429 with Retry-After: 1.
    int throttleCreates = 0;
    // Lines naming this model make the batch fail validation with `model_not_found`.
    QString unsupportedModel;
    // These 1-based input lines make the batch fail validation (`url_not_found`, with its line).
    QSet<int> invalidLines;
    // Lines with these custom_ids are answered in the error file, not the output file.
    QSet<QString> failingIds;
    // ≥ 0: the batch expires after answering only this many lines (partial results).
    int expireAfter = -1;
    // Called once the server has acted on a request, before its reply is sent (tests kill a
    // client there: the server did its part, the client never heard of it).
    std::function<void(const RecordedRequest &)> afterAction;
    // File ids without this server's port ("file-batch-1"), so that two servers hand out the
    // same ids, as two services (regions, a local server) may.
    bool portlessIds = false;
    // The answer text for one line: a grounding answer with one box by default.
    std::function<QString(const QString &customId)> answer;

    // --- what happened ---------------------------------------------------------------------
    QList<RecordedRequest> requests() const { return m_http.requests(); }
    // Every custom_id of every batch created, in order (duplicates show up twice).
    QStringList submittedIds() const { return m_submittedIds; }
    int batchCount() const { return int(m_batches.size()); }
    // Files still on the account.
    QStringList fileIds() const { return m_files.keys(); }
    QString lastAuthorization() const { return m_lastAuthorization; }

private:
    struct File
    {
        QString filename;
        QString purpose;
        QByteArray bytes;
        qint64 createdAt = 0;
    };
    struct Batch
    {
        QString id;
        QString inputFileId;
        QString name;
        QString status = QStringLiteral("validating");
        QString outputFileId;
        QString errorFileId;
        int total = 0;
        int completed = 0;
        int failed = 0;
        QJsonObject errors;
        qint64 createdAt = 0;
    };

    Reply respond(const RecordedRequest &request);
    Reply handle(const RecordedRequest &request);
    Reply uploadFile(const RecordedRequest &request);
    Reply createBatch(const RecordedRequest &request);
    void advance(Batch &batch);
    void validate(Batch &batch);
    void finish(Batch &batch, bool expired);
    QJsonObject fileJson(const QString &id) const;
    QJsonObject batchJson(const Batch &batch) const;
    QString newFileId(const QString &kind);

    HttpTestServer m_http;
    QMap<QString, File> m_files;
    QMap<QString, Batch> m_batches;
    QStringList m_submittedIds;
    QString m_lastAuthorization;
    int m_nextId = 1;
};

} // namespace qvd::test
