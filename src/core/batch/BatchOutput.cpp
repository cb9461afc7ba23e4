#include "core/batch/BatchOutput.h"

#include "core/api/OpenAiBackend.h"
#include "core/grounding/AnswerMapping.h"
#include "core/grounding/GroundingParser.h"
#include "core/imaging/ServerSizeCheck.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace qvd {

std::optional<OutputLine> parseOutputLine(const QByteArray &line)
{
    const QJsonDocument document = QJsonDocument::fromJson(line);
    if (!document.isObject())
        return std::nullopt;
    const QJsonObject root = document.object();
    bool numeric = false;
    OutputLine out;
    out.itemId = root.value(QLatin1String("custom_id")).toString().toLongLong(&numeric);
    if (!numeric || out.itemId <= 0)
        return std::nullopt;
    const QJsonObject response = root.value(QLatin1String("response")).toObject();
    const int status = response.value(QLatin1String("status_code")).toInt();
    const QJsonValue body = response.value(QLatin1String("body"));
    const QJsonValue error = root.value(QLatin1String("error"));
    if (error.isObject()) {
        out.errorCode = error.toObject().value(QLatin1String("code")).toVariant().toString();
        out.errorMessage = error.toObject().value(QLatin1String("message")).toString();
        return out;
    }
    const QByteArray bodyJson = QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact);
    const ChatChunk chunk = OpenAiBackend(Endpoint{}).parseReply(bodyJson);
    if (status != 200 || chunk.error || !body.isObject()) {
        // The shape of a failed response is not documented (batch-api.md §3): its body's error
        // when it has one, else the status.
        const ApiError apiError =
            chunk.error ? *chunk.error : ApiError::fromHttpBody(status, bodyJson);
        out.errorCode =
            apiError.code.isEmpty() ? QStringLiteral("http_%1").arg(status) : apiError.code;
        out.errorMessage = apiError.message;
        return out;
    }
    out.ok = true;
    out.answer = chunk.text;
    if (chunk.usage)
        out.usage = *chunk.usage;
    return out;
}

ItemResult groundAnswer(qint64 itemId, const QString &answer, const Usage &usage,
                        const ModelInfo &model, const ImageTransform &transform)
{
    ItemResult result;
    result.itemId = itemId;
    result.ok = true;
    result.answer = answer;
    result.usage = usage;
    const QList<ImageTransform> checked = checkServerSizes({transform}, usage.imageTokens);
    result.transform = checked.value(0, transform);
    const QList<Detection> detections = GroundingParser().parse(answer);
    const MappedAnswer mapped = mapAnswer(detections, model, {result.transform});
    result.detections = mapped.detections;
    result.space = mapped.space;
    return result;
}

QList<ItemResult> BatchOutput::read(const QStringList &paths,
                                    const QHash<qint64, ImageTransform> &transforms,
                                    const ModelInfo &model, int *unreadableLines)
{
    QList<ItemResult> results;
    QSet<qint64> seen;
    int unreadable = 0;
    for (const QString &path : paths) {
        if (path.isEmpty())
            continue;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        while (!file.atEnd()) {
            const QByteArray line = file.readLine().trimmed();
            if (line.isEmpty())
                continue;
            const std::optional<OutputLine> parsed = parseOutputLine(line);
            if (!parsed || !transforms.contains(parsed->itemId)) {
                ++unreadable;
                continue;
            }
            if (seen.contains(parsed->itemId))
                continue;
            seen.insert(parsed->itemId);
            if (parsed->ok) {
                results.append(groundAnswer(parsed->itemId, parsed->answer, parsed->usage, model,
                                            transforms.value(parsed->itemId)));
            } else {
                ItemResult failure;
                failure.itemId = parsed->itemId;
                failure.errorCode = parsed->errorCode;
                failure.errorMessage = parsed->errorMessage;
                results.append(failure);
            }
        }
    }
    if (unreadableLines)
        *unreadableLines = unreadable;
    return results;
}

} // namespace qvd
