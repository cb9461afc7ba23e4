#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace qvd {

// A file on the account (batch-api.md §2).
struct RemoteFile
{
    QString id;
    QString filename;
    qint64 bytes = 0;
    QString purpose;
    QString status;

    static RemoteFile fromJson(const QJsonObject &object);
};

// One entry of a batch's `errors.data`: what validation found wrong, and on which line of the
// input file (1-based, as the server counts) when it says (batch-api.md §4).
struct BatchLineError
{
    QString code;
    QString message;
    QString param;
    int line = 0; // 0: not about one line
};

// A batch object as GET/POST /batches return it (batch-api.md §4). File ids are taken for what
// the field names say, never inferred from their spelling.
struct RemoteBatch
{
    QString id;
    QString status; // validating, in_progress, finalizing, completed, failed, expired,
                    // cancelling, cancelled
    QString inputFileId;
    QString outputFileId;
    QString errorFileId;
    QString batchName; // metadata.ds_name
    int total = 0;
    int completed = 0;
    int failed = 0;
    QList<BatchLineError> errors;

    // The batch will not change any more.
    bool hasEnded() const;
    static RemoteBatch fromJson(const QJsonObject &object);
};

} // namespace qvd
