#include "core/storage/HistoryTransfer.h"

#include "core/storage/BundleFormat.h"
#include "core/storage/HistoryImport.h"
#include "core/storage/HistoryStore.h"
#include "core/storage/ImageStore.h"
#include "core/storage/MarkdownWriter.h"
#include "core/storage/RecordJson.h"
#include "core/storage/SafeFileName.h"
#include "core/storage/StorageCodec.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

namespace qvd {

using namespace storage;

namespace {

// Raw bytes per base64 block: a multiple of 3, so the blocks' base64 join without padding.
constexpr qint64 kImageBlock = 3 * 256 * 1024;

StorageError fileError(const QFileDevice &file, const QString &path)
{
    const auto kind = file.error() == QFileDevice::OpenError ? StorageError::Kind::CannotOpen
                                                             : StorageError::Kind::Io;
    return StorageError::make(kind, path, file.errorString());
}

bool intactOriginal(const ImageStore &images, const QByteArray &sha256)
{
    QFile file(images.pathFor(sha256));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    return file.open(QIODevice::ReadOnly) && file.size() > 0 && hash.addData(&file)
        && hash.result() == sha256;
}

// The original as base64, a block at a time. False when it could not be read.
bool writeBase64(const ImageStore &images, const QByteArray &sha256, QIODevice &out)
{
    QFile file(images.pathFor(sha256));
    if (!file.open(QIODevice::ReadOnly))
        return false;
    while (!file.atEnd()) {
        const QByteArray block = file.read(kImageBlock);
        if (block.isEmpty())
            return false;
        out.write(block.toBase64());
    }
    return true;
}

} // namespace

HistoryTransfer::HistoryTransfer(HistoryStore &history, ImageStore &images)
    : m_history(history), m_images(images)
{ }

QStringList HistoryTransfer::idsOrAll(const QStringList &ids, StorageError *error) const
{
    if (!ids.isEmpty())
        return ids;
    QStringList all;
    for (const ConversationSummary &summary : m_history.conversations(error))
        all.append(summary.id);
    return all;
}

HistoryTransfer::ExportReport HistoryTransfer::exportBundle(const QStringList &ids,
                                                            const QString &filePath,
                                                            const TransferProgress &progress) const
{
    ExportReport report;
    const QStringList wanted = idsOrAll(ids, &report.error);
    if (report.error)
        return report;
    QSaveFile file(filePath);
    if (!file.open(QIODevice::WriteOnly)) {
        report.error = fileError(file, filePath);
        return report;
    }
    // One step per conversation, then one per original (counted once known).
    qint64 steps = wanted.size();
    qint64 done = 0;
    const auto step = [&] {
        if (progress && !progress(++done, steps)) {
            report.cancelled = true;
            file.cancelWriting();
        }
        return !report.cancelled;
    };
    file.write(QByteArrayLiteral("{\"format\":\"") + kBundleFormat
               + QByteArrayLiteral("\",\"version\":") + QByteArray::number(kBundleVersion)
               + QByteArrayLiteral(",\"conversations\":[\n"));
    QList<QByteArray> hashes;
    for (const QString &id : wanted) {
        const auto record = m_history.conversation(id, &report.error);
        if (!record)
            return report;
        for (const StoredMessage &message : record->messages) {
            for (const ImageSource &source : message.images) {
                if (!source.sha256.isEmpty() && !hashes.contains(source.sha256))
                    hashes.append(source.sha256);
            }
        }
        if (report.conversations++ > 0)
            file.write(",\n");
        report.messages += int(record->messages.size());
        file.write(QJsonDocument(recordToJson(*record)).toJson(QJsonDocument::Compact));
        if (!step())
            return report;
    }
    steps += hashes.size();
    file.write("],\n\"images\":[\n");
    for (const QByteArray &sha256 : std::as_const(hashes)) {
        // Checked before a byte of it is written: a damaged original is left out whole.
        if (!intactOriginal(m_images, sha256)) {
            ++report.missingImages;
        } else {
            if (report.images++ > 0)
                file.write(",\n");
            file.write(QByteArrayLiteral("{\"sha256\":\"") + sha256.toHex()
                       + QByteArrayLiteral("\",\"data\":\""));
            if (!writeBase64(m_images, sha256, file)) {
                report.error = StorageError::make(StorageError::Kind::Io, m_images.pathFor(sha256));
                file.cancelWriting();
                return report;
            }
            file.write("\"}");
        }
        if (!step())
            return report;
    }
    file.write("]}\n");
    if (!file.commit())
        report.error = fileError(file, filePath);
    return report;
}

HistoryTransfer::ExportReport HistoryTransfer::exportMarkdown(const QString &id,
                                                              const QString &markdownPath) const
{
    ExportReport report;
    const auto record = m_history.conversation(id, &report.error);
    if (!record)
        return report;
    report.conversations = 1;
    report.messages = int(record->messages.size());
    MarkdownWriter writer(m_images, markdownPath);
    report.error = writer.write(*record, &report.images, &report.missingImages);
    return report;
}

HistoryTransfer::ExportReport
HistoryTransfer::exportMarkdownFolder(const QStringList &ids, const QString &folder,
                                      const TransferProgress &progress) const
{
    ExportReport report;
    const QStringList wanted = idsOrAll(ids, &report.error);
    if (report.error)
        return report;
    if (!QDir().mkpath(folder)) {
        report.error = StorageError::make(StorageError::Kind::CannotOpen, folder);
        return report;
    }
    QStringList taken;
    for (const QString &id : wanted) {
        const auto record = m_history.conversation(id, &report.error);
        if (!record)
            return report;
        const QString base =
            safeFileName(record->header.title, QStringLiteral("conversation")).left(90);
        QString name = base;
        for (int n = 2; taken.contains(name, Qt::CaseInsensitive)
             || QFileInfo::exists(QDir(folder).filePath(name + QStringLiteral(".md")));
             ++n)
            name = base + QStringLiteral(" (%1)").arg(n);
        taken.append(name);
        MarkdownWriter writer(m_images, QDir(folder).filePath(name + QStringLiteral(".md")));
        report.error = writer.write(*record, &report.images, &report.missingImages);
        if (report.error)
            return report;
        ++report.conversations;
        report.messages += int(record->messages.size());
        if (progress && !progress(report.conversations, wanted.size())) {
            report.cancelled = true;
            return report;
        }
    }
    return report;
}

HistoryTransfer::ImportReport HistoryTransfer::importBundle(const QString &filePath,
                                                            const TransferProgress &progress)
{
    HistoryImport import(m_history, m_images);
    return import.run(filePath, progress);
}

} // namespace qvd
