#include "BatchApiServer.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

#include <algorithm>

namespace qvd::test {

namespace {

const QByteArray kPrefix = "/compatible-mode/v1/";

Reply json(int status, const QJsonObject &object, const QList<QByteArray> &headers = {})
{
    QList<QByteArray> all = headers;
    all.append("Content-Type: application/json");
    all.append("Connection: close");
    return Reply::http(status, QJsonDocument(object).toJson(QJsonDocument::Compact), all);
}

Reply apiError(int status, const QString &code, const QString &message,
               const QList<QByteArray> &headers = {})
{
    return json(status,
                QJsonObject{{QStringLiteral("error"),
                             QJsonObject{{QStringLiteral("code"), code},
                                         {QStringLiteral("message"), message},
                                         {QStringLiteral("type"),
                                          QStringLiteral("invalid_request_error")}}}},
                headers);
}

qint64 now()
{
    return QDateTime::currentSecsSinceEpoch();
}

// The parts of a multipart/form-data body by their field name: (filename, bytes).
QHash<QByteArray, QPair<QString, QByteArray>> multipartFields(const RecordedRequest &request)
{
    QHash<QByteArray, QPair<QString, QByteArray>> fields;
    const QByteArray type = request.header("Content-Type");
    const qsizetype at = type.indexOf("boundary=");
    if (at < 0)
        return fields;
    QByteArray boundary = type.mid(at + 9);
    if (boundary.startsWith('"'))
        boundary = boundary.mid(1, boundary.size() - 2);
    const QByteArray delimiter = "--" + boundary;
    qsizetype from = request.body.indexOf(delimiter);
    while (from >= 0) {
        const qsizetype start = from + delimiter.size();
        if (request.body.mid(start, 2) == "--")
            break;
        const qsizetype next = request.body.indexOf(QByteArray("\r\n" + delimiter), start);
        if (next < 0)
            break;
        const QByteArray part = request.body.mid(start + 2, next - start - 2);
        const qsizetype headerEnd = part.indexOf("\r\n\r\n");
        if (headerEnd >= 0) {
            const QByteArray headers = part.left(headerEnd);
            const QByteArray body = part.mid(headerEnd + 4);
            auto value = [&headers](const QByteArray &key) {
                const qsizetype k = headers.indexOf(QByteArray(key + "=\""));
                if (k < 0)
                    return QByteArray();
                const qsizetype begin = k + key.size() + 2;
                return headers.mid(begin, headers.indexOf('"', begin) - begin);
            };
            fields.insert(value("name"), {QString::fromUtf8(value("filename")), body});
        }
        from = next + 2;
    }
    return fields;
}

} // namespace

BatchApiServer::BatchApiServer(QObject *parent) : QObject(parent)
{
    m_http.setResponder([this](const RecordedRequest &request) { return respond(request); });
    answer = [](const QString &) {
        return QStringLiteral("```json\n[{\"bbox_2d\": [100, 200, 500, 600], \"label\": "
                              "\"cat\"}]\n```");
    };
}

bool BatchApiServer::listen()
{
    return m_http.listen();
}

QUrl BatchApiServer::baseUrl() const
{
    return m_http.url(QStringLiteral("/compatible-mode/v1"));
}

QString BatchApiServer::newFileId(const QString &kind)
{
    // Ids unique across servers unless told otherwise, as the service's are across an account.
    if (portlessIds)
        return QStringLiteral("file-%1-%2").arg(kind).arg(m_nextId++);
    return QStringLiteral("file-%1-%2-%3").arg(kind).arg(m_http.port()).arg(m_nextId++);
}

Reply BatchApiServer::respond(const RecordedRequest &request)
{
    Reply reply = handle(request);
    if (afterAction)
        afterAction(request);
    return reply;
}

Reply BatchApiServer::handle(const RecordedRequest &request)
{
    m_lastAuthorization = QString::fromUtf8(request.header("Authorization"));
    if (!request.target.startsWith(kPrefix))
        return apiError(404, QStringLiteral("not_found"), QStringLiteral("no such path"));
    const QUrl url(QString::fromUtf8(request.target.mid(kPrefix.size())));
    const QStringList path = url.path().split(QLatin1Char('/'));
    const QUrlQuery query(url);
    const QByteArray method = request.method;

    if (path.value(0) == u"files") {
        if (path.size() == 1 && method == "POST")
            return uploadFile(request);
        if (path.size() == 1 && method == "GET") {
            QJsonArray data;
            const QString after = query.queryItemValue(QStringLiteral("after"));
            const int limit = query.queryItemValue(QStringLiteral("limit")).toInt();
            bool more = false;
            for (auto it = m_files.cbegin(); it != m_files.cend(); ++it) {
                if (!after.isEmpty() && it.key() <= after)
                    continue;
                if (limit > 0 && data.size() >= limit) {
                    more = true;
                    break;
                }
                data.append(fileJson(it.key()));
            }
            return json(200,
                        {{QStringLiteral("object"), QStringLiteral("list")},
                         {QStringLiteral("data"), data},
                         {QStringLiteral("has_more"), more}});
        }
        const QString id = path.value(1);
        if (!m_files.contains(id))
            return apiError(404, QStringLiteral("not_found"), QStringLiteral("no such file"));
        if (path.size() == 3 && path[2] == u"content" && method == "GET")
            return Reply::http(200, m_files[id].bytes,
                               {"Content-Type: application/jsonl", "Connection: close"});
        if (path.size() == 2 && method == "GET")
            return json(200, fileJson(id));
        if (path.size() == 2 && method == "DELETE") {
            m_files.remove(id);
            return json(200,
                        {{QStringLiteral("object"), QStringLiteral("file")},
                         {QStringLiteral("deleted"), true},
                         {QStringLiteral("id"), id}});
        }
    }

    if (path.value(0) == u"batches") {
        if (path.size() == 1 && method == "POST")
            return createBatch(request);
        if (path.size() == 1 && method == "GET") {
            const QString name = query.queryItemValue(QStringLiteral("ds_name"));
            QJsonArray data;
            for (const Batch &batch : std::as_const(m_batches))
                if (name.isEmpty() || batch.name == name)
                    data.append(batchJson(batch));
            return json(200,
                        {{QStringLiteral("object"), QStringLiteral("list")},
                         {QStringLiteral("data"), data},
                         {QStringLiteral("has_more"), false}});
        }
        const QString id = path.value(1);
        if (!m_batches.contains(id))
            return apiError(404, QStringLiteral("not_found"), QStringLiteral("no such batch"));
        Batch &batch = m_batches[id];
        if (path.size() == 2 && method == "GET") {
            advance(batch);
            return json(200, batchJson(batch));
        }
        if (path.size() == 3 && path[2] == u"cancel" && method == "POST") {
            if (batch.status == u"validating" || batch.status == u"in_progress"
                || batch.status == u"finalizing")
                batch.status = QStringLiteral("cancelling");
            return json(200, batchJson(batch));
        }
    }
    return apiError(404, QStringLiteral("not_found"), QStringLiteral("no such endpoint"));
}

Reply BatchApiServer::uploadFile(const RecordedRequest &request)
{
    const auto fields = multipartFields(request);
    if (!fields.contains("file") || fields.value("purpose").second != "batch")
        return apiError(400, QStringLiteral("invalid_parameter_error"),
                        QStringLiteral("file and purpose=batch are required"));
    const QString id = newFileId(QStringLiteral("batch"));
    m_files.insert(
        id,
        {fields.value("file").first, QStringLiteral("batch"), fields.value("file").second, now()});
    return json(200, fileJson(id));
}

Reply BatchApiServer::createBatch(const RecordedRequest &request)
{
    if (throttleCreates > 0) {
        --throttleCreates;
        return apiError(429, QStringLiteral("Throttling.RateQuota"),
                        QStringLiteral("Requests rate limit exceeded"), {"Retry-After: 1"});
    }
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    const QString input = body.value(QLatin1String("input_file_id")).toString();
    if (!m_files.contains(input))
        return apiError(400, QStringLiteral("invalid_parameter_error"),
                        QStringLiteral("input file not found"));
    if (body.value(QLatin1String("endpoint")).toString() != u"/v1/chat/completions")
        return apiError(400, QStringLiteral("invalid_parameter_error"),
                        QStringLiteral("unsupported endpoint"));
    Batch batch;
    batch.id = QStringLiteral("batch_%1_%2").arg(m_http.port()).arg(m_nextId++);
    batch.inputFileId = input;
    batch.name =
        body.value(QLatin1String("metadata")).toObject().value(QLatin1String("ds_name")).toString();
    batch.createdAt = now();
    for (const QByteArray &line : m_files[input].bytes.split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        ++batch.total;
        m_submittedIds.append(
            QJsonDocument::fromJson(line).object().value(QLatin1String("custom_id")).toString());
    }
    m_batches.insert(batch.id, batch);
    return json(200, batchJson(batch));
}

void BatchApiServer::advance(Batch &batch)
{
    if (batch.status == u"validating") {
        validate(batch);
        if (batch.status == u"validating")
            batch.status = QStringLiteral("in_progress");
    } else if (batch.status == u"in_progress") {
        if (expireAfter >= 0)
            finish(batch, true);
        else
            batch.status = QStringLiteral("finalizing");
    } else if (batch.status == u"finalizing") {
        finish(batch, false);
    } else if (batch.status == u"cancelling") {
        batch.status = QStringLiteral("cancelled");
    }
}

void BatchApiServer::validate(Batch &batch)
{
    QJsonArray errors;
    int number = 0;
    for (const QByteArray &line : m_files[batch.inputFileId].bytes.split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        ++number;
        const QJsonObject object = QJsonDocument::fromJson(line).object();
        const QString model =
            object.value(QLatin1String("body")).toObject().value(QLatin1String("model")).toString();
        if (!unsupportedModel.isEmpty() && model == unsupportedModel)
            errors.append(QJsonObject{
                {QStringLiteral("code"), QStringLiteral("model_not_found")},
                {QStringLiteral("message"),
                 QStringLiteral("The model %1 is not supported by the Batch API.").arg(model)},
                {QStringLiteral("param"), QStringLiteral("body.model")},
                {QStringLiteral("line"), number}});
        else if (invalidLines.contains(number))
            errors.append(QJsonObject{
                {QStringLiteral("code"), QStringLiteral("url_not_found")},
                {QStringLiteral("message"), QStringLiteral("The url of this line is not valid.")},
                {QStringLiteral("param"), QStringLiteral("url")},
                {QStringLiteral("line"), number}});
    }
    if (!errors.isEmpty()) {
        batch.status = QStringLiteral("failed");
        batch.errors = {{QStringLiteral("object"), QStringLiteral("list")},
                        {QStringLiteral("data"), errors}};
    }
}

void BatchApiServer::finish(Batch &batch, bool expired)
{
    QList<QByteArray> output;
    QList<QByteArray> failures;
    int answered = 0;
    for (const QByteArray &line : m_files[batch.inputFileId].bytes.split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        if (expired && answered >= expireAfter)
            break;
        ++answered;
        const QJsonObject in = QJsonDocument::fromJson(line).object();
        const QString customId = in.value(QLatin1String("custom_id")).toString();
        const QString requestId = QStringLiteral("req-%1").arg(m_nextId++);
        QJsonObject out{{QStringLiteral("id"), QStringLiteral("line-%1").arg(requestId)},
                        {QStringLiteral("custom_id"), customId}};
        if (failingIds.contains(customId)) {
            out.insert(QStringLiteral("response"),
                       QJsonObject{{QStringLiteral("status_code"), 400},
                                   {QStringLiteral("request_id"), requestId},
                                   {QStringLiteral("body"), QJsonObject{}}});
            out.insert(
                QStringLiteral("error"),
                QJsonObject{{QStringLiteral("code"), QStringLiteral("DataInspectionFailed")},
                            {QStringLiteral("message"),
                             QStringLiteral("Input data may contain inappropriate content.")}});
            failures.append(QJsonDocument(out).toJson(QJsonDocument::Compact));
            ++batch.failed;
            continue;
        }
        const QJsonObject message{{QStringLiteral("role"), QStringLiteral("assistant")},
                                  {QStringLiteral("content"), answer(customId)}};
        const QJsonObject completion{
            {QStringLiteral("id"), QStringLiteral("chatcmpl-%1").arg(requestId)},
            {QStringLiteral("object"), QStringLiteral("chat.completion")},
            {QStringLiteral("model"),
             in.value(QLatin1String("body")).toObject().value(QLatin1String("model"))},
            {QStringLiteral("choices"),
             QJsonArray{QJsonObject{{QStringLiteral("index"), 0},
                                    {QStringLiteral("message"), message},
                                    {QStringLiteral("finish_reason"), QStringLiteral("stop")}}}},
            {QStringLiteral("usage"),
             QJsonObject{{QStringLiteral("prompt_tokens"), 300},
                         {QStringLiteral("completion_tokens"), 20},
                         {QStringLiteral("total_tokens"), 320}}}};
        out.insert(QStringLiteral("response"),
                   QJsonObject{{QStringLiteral("status_code"), 200},
                               {QStringLiteral("request_id"), requestId},
                               {QStringLiteral("body"), completion}});
        out.insert(QStringLiteral("error"), QJsonValue::Null);
        output.append(QJsonDocument(out).toJson(QJsonDocument::Compact));
        ++batch.completed;
    }
    // Output order is not promised (docs/batch-api.md): last first.
    std::reverse(output.begin(), output.end());
    std::reverse(failures.begin(), failures.end());
    if (!output.isEmpty()) {
        batch.outputFileId = newFileId(QStringLiteral("batch_output"));
        m_files.insert(batch.outputFileId,
                       {QStringLiteral("output.jsonl"), QStringLiteral("batch_output"),
                        output.join('\n') + '\n', now()});
    }
    if (!failures.isEmpty()) {
        // Never a role told by its id: this one is spelled like an output file.
        batch.errorFileId = newFileId(QStringLiteral("batch_output"));
        m_files.insert(batch.errorFileId,
                       {QStringLiteral("error.jsonl"), QStringLiteral("batch_output"),
                        failures.join('\n') + '\n', now()});
    }
    batch.status = expired ? QStringLiteral("expired") : QStringLiteral("completed");
}

QJsonObject BatchApiServer::fileJson(const QString &id) const
{
    const File &file = m_files[id];
    return {{QStringLiteral("id"), id},
            {QStringLiteral("object"), QStringLiteral("file")},
            {QStringLiteral("bytes"), qint64(file.bytes.size())},
            {QStringLiteral("created_at"), file.createdAt},
            {QStringLiteral("filename"), file.filename},
            {QStringLiteral("purpose"), file.purpose},
            {QStringLiteral("status"), QStringLiteral("processed")},
            {QStringLiteral("status_details"), QJsonValue::Null}};
}

QJsonObject BatchApiServer::batchJson(const Batch &batch) const
{
    auto idOrNull = [](const QString &id) {
        return id.isEmpty() ? QJsonValue() : QJsonValue(id);
    };
    return {{QStringLiteral("id"), batch.id},
            {QStringLiteral("object"), QStringLiteral("batch")},
            {QStringLiteral("endpoint"), QStringLiteral("/v1/chat/completions")},
            {QStringLiteral("errors"),
             batch.errors.isEmpty() ? QJsonValue() : QJsonValue(batch.errors)},
            {QStringLiteral("input_file_id"), batch.inputFileId},
            {QStringLiteral("completion_window"), QStringLiteral("24h")},
            {QStringLiteral("status"), batch.status},
            {QStringLiteral("output_file_id"), idOrNull(batch.outputFileId)},
            {QStringLiteral("error_file_id"), idOrNull(batch.errorFileId)},
            {QStringLiteral("created_at"), batch.createdAt},
            {QStringLiteral("expires_at"), QJsonValue::Null},
            {QStringLiteral("request_counts"),
             QJsonObject{{QStringLiteral("total"), batch.total},
                         {QStringLiteral("completed"), batch.completed},
                         {QStringLiteral("failed"), batch.failed}}},
            {QStringLiteral("metadata"),
             QJsonObject{{QStringLiteral("ds_name"), batch.name},
                         {QStringLiteral("ds_description"), QString()}}}};
}

} // namespace qvd::test
