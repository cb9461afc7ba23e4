#pragma once

#include "core/storage/StorageError.h"

#include <QCoreApplication>
#include <QStringList>

namespace qvd {

struct ConversationRecord;
class HistoryStore;
class ImageStore;

// Export and import of conversations.
//
// A bundle is one self-contained JSON file ("format": "qwenvl-desk-history"): conversations
// with every stored field (detections, spaces, transforms) and the original images as base64,
// each checked against its SHA-256 on import. One conversation or all of them (a backup) use
// the same format. Markdown export writes "<name>.md" and the originals in "<name>_images/".
//
// Import never overwrites or deletes. For each conversation in the file:
//  - no conversation with its id here: it is added with the same id;
//  - one with its id (or an earlier imported copy of it) whose messages equal the file's, or
//    begin with them: nothing to do (importing the same file twice adds nothing);
//  - one whose messages are the beginning of the file's: the missing messages are appended;
//  - otherwise (the two have diverged): it is added as a copy with a new id, remembering the
//    original id (imported_from), and the local one is left as it was.
class HistoryTransfer
{
    Q_DECLARE_TR_FUNCTIONS(qvd::HistoryTransfer)

public:
    struct ExportReport
    {
        StorageError error;
        int conversations = 0;
        int images = 0;
        int missingImages = 0; // originals not in the ImageStore; their boxes are still kept
    };

    struct ImportReport
    {
        StorageError error;
        int added = 0;
        int extended = 0;
        int unchanged = 0;
        int copied = 0;
        int images = 0; // originals written to the ImageStore (new or already there)
        int rejectedImages = 0; // not matching their hash: left out, shown as placeholders
        QStringList conversationIds; // where each imported conversation now lives
    };

    HistoryTransfer(HistoryStore &history, ImageStore &images);

    // `ids` empty: every conversation (a backup).
    ExportReport exportBundle(const QStringList &ids, const QString &filePath) const;
    ExportReport exportMarkdown(const QString &id, const QString &markdownPath) const;
    ImportReport importBundle(const QString &filePath);

private:
    StorageError importOne(ConversationRecord &record, ImportReport &report);

    HistoryStore &m_history;
    ImageStore &m_images;
};

} // namespace qvd
