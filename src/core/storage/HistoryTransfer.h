#pragma once

#include "core/storage/TransferReport.h"

#include <QCoreApplication>
#include <QStringList>

namespace qvd {

class HistoryStore;
class ImageStore;

// Export and import of conversations, shared by the app's File menu and `qwenvl-desk-cli
// history`.
//
// A bundle is one self-contained JSON file (storage/BundleFormat.h): conversations with every
// stored field (detections, spaces, transforms) and the original images as base64, each checked
// against its SHA-256 and decoded on import. One conversation or all of them (a backup) use the
// same format. Exports stream: one conversation and one block of an image in memory at a time.
// Markdown export writes "<name>.md" and the originals in "<name>_images/".
//
// Import (HistoryImport) never overwrites or deletes, streams a file of any size, and is all
// or nothing. For each conversation in the file:
//  - no conversation with its id here: it is added with the same id;
//  - one with its id (or an earlier imported copy of it) whose messages equal the file's, or
//    begin with them: nothing to do (importing the same file twice adds nothing);
//  - one whose messages are the beginning of the file's: the missing messages are appended;
//  - otherwise (the two have diverged, or the id belongs to a conversation deleted and waiting
//    for its undo time): it is added as a copy with a new id, remembering the original id
//    (imported_from), and the local one is left as it was.
class HistoryTransfer
{
    Q_DECLARE_TR_FUNCTIONS(qvd::HistoryTransfer)

public:
    using ExportReport = qvd::ExportReport;
    using ImportReport = qvd::ImportReport;

    HistoryTransfer(HistoryStore &history, ImageStore &images);

    // `ids` empty: every conversation (a backup).
    ExportReport exportBundle(const QStringList &ids, const QString &filePath,
                              const TransferProgress &progress = {}) const;
    ExportReport exportMarkdown(const QString &id, const QString &markdownPath) const;
    // Each conversation of `ids` (empty: every one) as "<title>.md" in `folder` (made when
    // missing), its images in "<title>_images/"; titles become safe, distinct file names.
    ExportReport exportMarkdownFolder(const QStringList &ids, const QString &folder,
                                      const TransferProgress &progress = {}) const;
    ImportReport importBundle(const QString &filePath, const TransferProgress &progress = {});

private:
    QStringList idsOrAll(const QStringList &ids, StorageError *error) const;

    HistoryStore &m_history;
    ImageStore &m_images;
};

} // namespace qvd
