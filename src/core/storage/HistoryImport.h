#pragma once

#include "core/storage/ImportStaging.h"
#include "core/storage/TransferReport.h"

#include <QCoreApplication>
#include <QSet>

namespace qvd {

class HistoryStore;
class ImageStore;

namespace storage {
class JsonStream;
}

// Imports a history bundle (format: HistoryTransfer) of any size with bounded memory: the file
// is read twice as a stream (storage::JsonStream), never whole. The first reading stores the
// originals (each decoded into a file while it is hashed, checked, then moved in: BundleImage)
// and notes the conversations' ids; the second reads the conversations one message at a time
// into hidden rows (ImportStaging) and publishes them in one transaction at the end. Any
// failure, or a stop through the progress callback, leaves the history as it was: the rows are
// removed and the originals only this import wrote are deleted again.
//
// Each conversation keeps its id when no conversation here has it (not even one deleted and
// waiting for its undo time). Else it is compared, message by message as it is read, with the
// conversation of that id and the copies imported from it before: when one of them equals it
// or begins with it, nothing is done; when one of them is its beginning, the new messages are
// appended to it; otherwise it is added with a new id, remembering the original one
// (imported_from). Nothing here is ever overwritten or deleted.
class HistoryImport
{
    Q_DECLARE_TR_FUNCTIONS(qvd::HistoryImport)

public:
    HistoryImport(HistoryStore &history, ImageStore &images);
    ~HistoryImport();

    ImportReport run(const QString &filePath, const TransferProgress &progress = {});

private:
    enum class Pass { Images, Conversations };
    struct Candidate;
    struct Reading;

    bool readBundle(storage::JsonStream &json, Pass pass);
    bool readImages(storage::JsonStream &json);
    bool readImage(storage::JsonStream &json, int index);
    bool readIds(storage::JsonStream &json);
    bool readConversations(storage::JsonStream &json);
    bool readConversation(storage::JsonStream &json, int index);
    bool readMessages(storage::JsonStream &json, Reading &reading);
    bool start(Reading &reading);
    bool finish(Reading &reading, const QJsonObject &header);
    bool invalid(const QString &detail);
    bool failed(const StorageError &error);
    void undo();

    HistoryStore &m_history;
    ImageStore &m_images;
    ImportStaging m_staging;
    QString m_path;
    ImportReport m_report;
    QStringList m_ids; // of the conversations in the file, in order (first reading)
    bool m_formatSeen = false;
    bool m_versionSeen = false;
    bool m_imagesRead = false;
    QList<ImportStaging::Outcome> m_outcomes;
    QSet<QByteArray> m_newImages; // files this import added to the store
};

} // namespace qvd
