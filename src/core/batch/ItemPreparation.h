#pragma once

#include "core/batch/BatchRecords.h"
#include "core/batch/JobRequest.h"

#include <QCoreApplication>

namespace qvd {

// One image made ready to send, on a worker thread: the chat's preparation (ImagePreparer:
// EXIF, smart_resize for the model, encoding under the byte limit), then the batch line or the
// prepared image for a direct request.
struct PreparedItem
{
    Q_DECLARE_TR_FUNCTIONS(qvd::PreparedItem)

public:
    qint64 itemId = 0;
    bool ok = false;
    QByteArray line; // batch mode: the JSONL line, with its newline
    PreparedImage image; // direct mode
    ImageTransform transform;
    int estimatedTokens = 0;
    QString errorCode; // "image", "changed", "line_too_large"
    QString errorMessage;

    // The file is checked against the content the job recorded: a file changed since is not
    // sent in its place.
    static PreparedItem forBatch(const BatchItem &item, const JobRequest &request,
                                 const BatchLimits &limits);
    static PreparedItem forDirect(const BatchItem &item, const JobRequest &request);

    ItemResult failure() const;

private:
    static PreparedItem prepare(const BatchItem &item, const ImagePreparer &preparer);
};

} // namespace qvd
