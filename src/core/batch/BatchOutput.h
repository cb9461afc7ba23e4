#pragma once

#include "core/batch/BatchRecords.h"
#include "core/models/ModelInfo.h"

#include <QCoreApplication>
#include <QHash>

#include <optional>

namespace qvd {

// One line of a batch's output or error file (batch-api.md §3):
// {"id":…,"custom_id":"7","response":{"status_code":200,"body":{…chat.completion…}},"error":null}
// or the same with an `error` object {code, message}.
struct OutputLine
{
    qint64 itemId = 0;
    bool ok = false; // a 200 response with a chat completion and no error
    QString answer;
    Usage usage;
    QString errorCode;
    QString errorMessage;
};

// Reads one line; nullopt when it is not JSON or names no custom_id this app writes.
std::optional<OutputLine> parseOutputLine(const QByteArray &line);

// An answer's boxes and points in pixels of the upright original: the image-token count checks
// the size the server used (ServerSizeCheck), then the parser and the mapper of the chat.
ItemResult groundAnswer(qint64 itemId, const QString &answer, const Usage &usage,
                        const ModelInfo &model, const ImageTransform &transform);

class BatchOutput
{
    Q_DECLARE_TR_FUNCTIONS(qvd::BatchOutput)

public:
    // Every result in the output and error files of a part, joined by custom_id (the order of
    // lines is not promised). `transforms` are the part's items' prepared records. A line for an
    // item that has a result already is ignored: each item gets one.
    static QList<ItemResult> read(const QStringList &paths,
                                  const QHash<qint64, ImageTransform> &transforms,
                                  const ModelInfo &model, int *unreadableLines = nullptr);
};

} // namespace qvd
