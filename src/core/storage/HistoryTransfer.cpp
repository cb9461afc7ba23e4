#include "core/storage/HistoryTransfer.h"

#include "core/storage/HistoryStore.h"
#include "core/storage/ImageStore.h"
#include "core/storage/MarkdownWriter.h"
#include "core/storage/RecordJson.h"
#include "core/storage/StorageCodec.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QUuid>

namespace qvd {

using namespace storage;

namespace {

const QString kFormat = QStringLiteral("qwenvl-desk-history");
constexpr int kFormatVersion = 1;

enum class Overlap { Same, LocalLonger, ImportLonger, Diverged };

Overlap compare(const QList<StoredMessage> &local, const QList<StoredMessage> &imported)
{
    const qsizetype common = qMin(local.size(), imported.size());
    for (qsizetype i = 0; i < common; ++i) {
        if (!local.at(i).sameContent(imported.at(i)))
            return Overlap::Diverged;
    }
    if (local.size() == imported.size())
        return Overlap::Same;
    return local.size() > imported.size() ? Overlap::LocalLonger : Overlap::ImportLonger;
}

QByteArray originalBytes(const ImageStore &images, const QByteArray &sha256)
{
    QFile file(images.pathFor(sha256));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QByteArray bytes = file.readAll();
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256) == sha256 ? bytes
                                                                                 : QByteArray();
}

StorageError fileError(const QFileDevice &file, const QString &path)
{
    const auto kind = file.error() == QFileDevice::OpenError ? StorageError::Kind::CannotOpen
                                                             : StorageError::Kind::Io;
    return StorageError::make(kind, path, file.errorString());
}

} // namespace

HistoryTransfer::HistoryTransfer(HistoryStore &history, ImageStore &images)
    : m_history(history), m_images(images)
{ }

HistoryTransfer::ExportReport HistoryTransfer::exportBundle(const QStringList &ids,
                                                            const QString &filePath) const
{
    ExportReport report;
    QStringList wanted = ids;
    if (wanted.isEmpty()) {
        for (const ConversationSummary &summary : m_history.conversations(&report.error))
            wanted.append(summary.id);
        if (report.error)
            return report;
    }
    QSaveFile file(filePath);
    if (!file.open(QIODevice::WriteOnly)) {
        report.error = fileError(file, filePath);
        return report;
    }
    // Written piece by piece, so a backup never holds every image in memory at once.
    file.write(QByteArrayLiteral("{\"format\":\"") + kFormat.toUtf8()
               + QByteArrayLiteral("\",\"version\":") + QByteArray::number(kFormatVersion)
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
        file.write(QJsonDocument(recordToJson(*record)).toJson(QJsonDocument::Compact));
    }
    file.write("],\n\"images\":[\n");
    for (const QByteArray &sha256 : hashes) {
        const QByteArray bytes = originalBytes(m_images, sha256);
        if (bytes.isEmpty()) {
            ++report.missingImages;
            continue;
        }
        if (report.images++ > 0)
            file.write(",\n");
        file.write(QByteArrayLiteral("{\"sha256\":\"") + sha256.toHex()
                   + QByteArrayLiteral("\",\"data\":\"") + bytes.toBase64()
                   + QByteArrayLiteral("\"}"));
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
    MarkdownWriter writer(m_images, markdownPath);
    report.error = writer.write(*record, &report.images, &report.missingImages);
    return report;
}

HistoryTransfer::ImportReport HistoryTransfer::importBundle(const QString &filePath)
{
    ImportReport report;
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly)) {
        report.error = fileError(file, filePath);
        return report;
    }
    QJsonParseError parseError;
    const QJsonObject root = QJsonDocument::fromJson(file.readAll(), &parseError).object();
    if (root.value(QStringLiteral("format")).toString() != kFormat) {
        report.error = StorageError::make(StorageError::Kind::InvalidInput, filePath,
                                          parseError.errorString());
        return report;
    }
    // The originals first: a row is never committed before the file it names.
    for (const QJsonValue &value : root.value(QStringLiteral("images")).toArray()) {
        const QJsonObject image = value.toObject();
        const QByteArray sha256 = sha256FromHex(image.value(QStringLiteral("sha256")).toString());
        const QByteArray bytes =
            QByteArray::fromBase64(image.value(QStringLiteral("data")).toString().toLatin1());
        if (sha256.isEmpty()
            || QCryptographicHash::hash(bytes, QCryptographicHash::Sha256) != sha256) {
            ++report.rejectedImages;
            continue;
        }
        const ImageStore::PutResult put = m_images.put(bytes);
        if (!put.ok()) {
            report.error = put.error;
            return report;
        }
        ++report.images;
    }
    for (const QJsonValue &value : root.value(QStringLiteral("conversations")).toArray()) {
        auto record = recordFromJson(value.toObject());
        if (!record) {
            report.error = StorageError::make(StorageError::Kind::InvalidInput, filePath);
            return report;
        }
        if (StorageError error = importOne(*record, report); error.isError()) {
            report.error = error;
            return report;
        }
    }
    return report;
}

StorageError HistoryTransfer::importOne(ConversationRecord &record, ImportReport &report)
{
    const QString originalId = record.header.id;
    if (!m_history.contains(originalId)) {
        ++report.added;
        report.conversationIds.append(originalId);
        return m_history.insertRecord(record);
    }
    QStringList candidates{originalId};
    candidates += m_history.importedCopiesOf(originalId);
    for (const QString &candidate : candidates) {
        StorageError error;
        const auto local = m_history.conversation(candidate, &error);
        if (!local)
            return error;
        const Overlap overlap = compare(local->messages, record.messages);
        if (overlap == Overlap::Diverged)
            continue;
        report.conversationIds.append(candidate);
        if (overlap != Overlap::ImportLonger) {
            ++report.unchanged;
            return {};
        }
        ++report.extended;
        QList<StoredMessage> tail = record.messages.mid(local->messages.size());
        return m_history.commitMessages(candidate, tail);
    }
    record.header.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    record.importedFrom = originalId;
    ++report.copied;
    report.conversationIds.append(record.header.id);
    return m_history.insertRecord(record);
}

} // namespace qvd
