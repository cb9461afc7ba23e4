#pragma once

#include "core/storage/StorageError.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

#include <functional>

namespace qvd {

// How far an export or import is: `done` of `total` (bytes or steps). Returning false stops it;
// an import stopped so changes nothing, an export writes no file.
using TransferProgress = std::function<bool(qint64 done, qint64 total)>;

// What an export wrote.
struct ExportReport
{
    Q_DECLARE_TR_FUNCTIONS(qvd::ExportReport)

public:
    StorageError error; // set: no file was written
    bool cancelled = false; // stopped through TransferProgress: no file was written
    int conversations = 0;
    int messages = 0;
    int images = 0;
    int missingImages = 0; // originals not in the ImageStore; their boxes are still kept

    bool ok() const { return !error.isError() && !cancelled; }
    // For people, translated: what was written where, or why nothing was.
    QString summary(const QString &destination) const;
};

// Something an import left out, and why.
struct ImportRefusal
{
    enum class Kind { Image, Conversation };
    Kind kind = Kind::Image;
    QString what; // an image's SHA-256 (hex) or its place in the file; a conversation's title
    QString reason; // translated
};

// What an import did. When error is set or it was cancelled, nothing was changed.
struct ImportReport
{
    Q_DECLARE_TR_FUNCTIONS(qvd::ImportReport)

public:
    StorageError error;
    bool cancelled = false;
    int added = 0; // new conversations under their own id
    int extended = 0; // existing ones the file continues: its new messages were appended
    int unchanged = 0; // already here
    int copied = 0; // diverged, or their id is taken: added with a new id (imported_from)
    int messages = 0; // messages written, in new conversations and appended
    int images = 0; // originals written to the ImageStore (new or already there)
    int rejectedImages = 0; // refused (see refused): their messages show placeholders
    QList<ImportRefusal> refused;
    QStringList conversationIds; // where each imported conversation now lives

    bool ok() const { return !error.isError() && !cancelled; }
    // For people, translated: the counts and each refusal with its reason, one per line.
    QString summary() const;
};

} // namespace qvd
