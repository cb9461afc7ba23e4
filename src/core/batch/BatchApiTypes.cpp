#include "core/batch/BatchApiTypes.h"

#include <QJsonArray>

namespace qvd {

namespace {

QString stringOf(const QJsonObject &object, const char *key)
{
    const QJsonValue value = object.value(QLatin1String(key));
    return value.isString() ? value.toString() : QString();
}

} // namespace

RemoteFile RemoteFile::fromJson(const QJsonObject &object)
{
    RemoteFile file;
    file.id = stringOf(object, "id");
    file.filename = stringOf(object, "filename");
    file.bytes = object.value(QLatin1String("bytes")).toInteger();
    file.purpose = stringOf(object, "purpose");
    file.status = stringOf(object, "status");
    return file;
}

bool RemoteBatch::hasEnded() const
{
    return status == u"completed" || status == u"failed" || status == u"expired"
        || status == u"cancelled";
}

RemoteBatch RemoteBatch::fromJson(const QJsonObject &object)
{
    RemoteBatch batch;
    batch.id = stringOf(object, "id");
    batch.status = stringOf(object, "status");
    batch.inputFileId = stringOf(object, "input_file_id");
    batch.outputFileId = stringOf(object, "output_file_id");
    batch.errorFileId = stringOf(object, "error_file_id");
    batch.batchName = stringOf(object.value(QLatin1String("metadata")).toObject(), "ds_name");
    const QJsonObject counts = object.value(QLatin1String("request_counts")).toObject();
    batch.total = counts.value(QLatin1String("total")).toInt();
    batch.completed = counts.value(QLatin1String("completed")).toInt();
    batch.failed = counts.value(QLatin1String("failed")).toInt();
    const QJsonValue errors = object.value(QLatin1String("errors"));
    const QJsonArray data = errors.isObject()
        ? errors.toObject().value(QLatin1String("data")).toArray()
        : errors.toArray();
    for (const QJsonValue &value : data) {
        const QJsonObject entry = value.toObject();
        BatchLineError error;
        error.code = stringOf(entry, "code");
        error.message = stringOf(entry, "message");
        error.param = stringOf(entry, "param");
        error.line = entry.value(QLatin1String("line")).toInt();
        batch.errors.append(error);
    }
    return batch;
}

} // namespace qvd
