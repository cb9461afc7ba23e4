#include "core/storage/HistoryImport.h"

#include "core/storage/BundleFormat.h"
#include "core/storage/BundleImage.h"
#include "core/storage/HistoryStore.h"
#include "core/storage/ImageStore.h"
#include "core/storage/JsonStream.h"
#include "core/storage/RecordJson.h"
#include "core/storage/StorageCodec.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

#include <optional>

namespace qvd {

using namespace storage;
using Status = JsonStream::Status;

namespace {

// What one value of a conversation or a message (a part, a text) may take, and one message in
// all: the most an import holds in memory at a time, apart from the local conversation it is
// compared with.
constexpr qint64 kMaxValueBytes = 16LL * 1024 * 1024;
constexpr qint64 kMaxMessageBytes = 64LL * 1024 * 1024;
constexpr qint64 kMaxIdBytes = 1024;

std::optional<QJsonValue> parseValue(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document =
        QJsonDocument::fromJson(QByteArray(1, '[') + json + QByteArray(1, ']'), &error);
    if (error.error != QJsonParseError::NoError || !document.isArray()
        || document.array().size() != 1)
        return std::nullopt;
    return document.array().at(0);
}

// One message object, its parts read one by one. Failed without json.failed(): a value is not
// valid JSON (`problem` says which).
Status readMessage(JsonStream &json, StoredMessage *message, QString *problem)
{
    if (!json.enterObject())
        return Status::Failed;
    QJsonObject fields;
    QList<Part> parts;
    qint64 total = 0;
    bool tooLarge = false;
    const auto take = [&](const QString &name, QJsonValue *value) {
        if (tooLarge)
            return json.skipValue() ? Status::TooLarge : Status::Failed;
        QByteArray raw;
        const Status status = json.readValue(kMaxValueBytes, &raw);
        total += raw.size();
        if (status == Status::TooLarge || total > kMaxMessageBytes) {
            tooLarge = true;
            return Status::TooLarge;
        }
        if (status != Status::Ok)
            return status;
        const auto parsed = parseValue(raw);
        if (!parsed) {
            *problem = QStringLiteral("“%1” of a message is not valid JSON").arg(name);
            return Status::Failed;
        }
        *value = *parsed;
        return Status::Ok;
    };
    QString name;
    while (json.nextMember(&name)) {
        if (name != u"parts") {
            QJsonValue value;
            const Status status = take(name, &value);
            if (status == Status::Failed)
                return status;
            if (status == Status::Ok)
                fields.insert(name, value);
            continue;
        }
        if (!json.enterArray())
            return Status::Failed;
        while (json.nextElement()) {
            QJsonValue part;
            const Status status = take(name, &part);
            if (status == Status::Failed)
                return status;
            if (status == Status::Ok)
                parts.append(partFromJson(part.toObject()));
        }
        if (json.failed())
            return Status::Failed;
    }
    if (json.failed())
        return Status::Failed;
    if (tooLarge)
        return Status::TooLarge;
    *message = messageFromJson(fields);
    message->message.parts = parts;
    return Status::Ok;
}

} // namespace

struct HistoryImport::Candidate
{
    QString id;
    QList<StoredMessage> messages;
    bool diverged = false;
};

// One conversation of the file while its messages are read.
struct HistoryImport::Reading
{
    QString originalId;
    QString staged; // the hidden conversation its messages go to
    bool started = false;
    bool ownId = false; // staged under its own id: nothing here has it
    QList<Candidate> candidates; // the local ones it may equal or continue
    int count = 0; // messages read
    QString refusal; // translated; set: it is left out
};

HistoryImport::HistoryImport(HistoryStore &history, ImageStore &images)
    : m_history(history), m_images(images), m_staging(history)
{ }

HistoryImport::~HistoryImport() = default;

ImportReport HistoryImport::run(const QString &filePath, const TransferProgress &progress)
{
    m_report = {};
    m_path = filePath;
    m_ids.clear();
    m_formatSeen = false;
    m_versionSeen = false;
    m_imagesRead = false;
    m_outcomes.clear();
    m_newImages.clear();
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly)) {
        m_report.error =
            StorageError::make(StorageError::Kind::CannotOpen, filePath, file.errorString());
        return m_report;
    }
    const qint64 size = file.size();
    const auto readPass = [&](Pass pass, qint64 before) {
        JsonStream json(&file);
        json.setProgress(
            [&](qint64 done) { return !progress || progress(before + done, 2 * size); });
        if (readBundle(json, pass))
            return true;
        if (m_report.error || m_report.cancelled)
            return false;
        if (json.stopped())
            m_report.cancelled = true;
        else
            invalid(json.failed() ? json.errorString() : QStringLiteral("unexpected content"));
        return false;
    };
    // The originals first: a row is never committed before the file it names.
    bool ok = readPass(Pass::Images, 0);
    if (ok && !file.seek(0))
        ok = failed(StorageError::make(StorageError::Kind::Io, filePath, file.errorString()));
    ok = ok && readPass(Pass::Conversations, size);
    if (ok) {
        if (const StorageError error = m_staging.publish(m_outcomes))
            ok = failed(error);
    }
    if (!ok) {
        undo();
        const ImportReport failure = m_report;
        m_report = {};
        m_report.error = failure.error;
        m_report.cancelled = failure.cancelled;
        return m_report;
    }
    // Originals of the file that no message names (here or in what was imported) go again.
    StorageError error;
    const QSet<QByteArray> referenced = m_history.referencedImages(&error);
    for (const QByteArray &sha256 : std::as_const(m_newImages)) {
        if (!error && !referenced.contains(sha256))
            m_images.remove(sha256);
    }
    return m_report;
}

void HistoryImport::undo()
{
    // Should this fail too, the hidden rows go with the deleted conversations at the next start.
    m_staging.discardAll();
    StorageError error;
    const QSet<QByteArray> referenced = m_history.referencedImages(&error);
    if (error)
        return;
    for (const QByteArray &sha256 : std::as_const(m_newImages)) {
        if (!referenced.contains(sha256))
            m_images.remove(sha256);
    }
}

bool HistoryImport::invalid(const QString &detail)
{
    if (!m_report.error)
        m_report.error = StorageError::make(StorageError::Kind::InvalidInput, m_path, detail);
    return false;
}

bool HistoryImport::failed(const StorageError &error)
{
    if (!m_report.error)
        m_report.error = error;
    return false;
}

bool HistoryImport::readBundle(JsonStream &json, Pass pass)
{
    if (!json.enterObject())
        return false;
    QString name;
    while (json.nextMember(&name)) {
        bool ok = true;
        if (name == u"format") {
            QString format;
            if (json.readString(256, &format) != Status::Ok
                || format != QLatin1String(kBundleFormat))
                return invalid(QStringLiteral("not a history bundle"));
            m_formatSeen = true;
        } else if (name == u"version") {
            QByteArray raw;
            const auto version =
                json.readValue(64, &raw) == Status::Ok ? parseValue(raw) : std::nullopt;
            if (!version || !version->isDouble())
                return invalid(QStringLiteral("no version number"));
            if (version->toInteger() > kBundleVersion)
                return failed(StorageError::make(
                    StorageError::Kind::NewerVersion, m_path,
                    QStringLiteral("bundle version %1").arg(version->toInteger())));
            m_versionSeen = true;
        } else if (name == u"conversations") {
            ok = pass == Pass::Images ? readIds(json) : readConversations(json);
        } else if (name == u"images" && (pass == Pass::Images ? m_formatSeen : !m_imagesRead)) {
            // Nothing is stored from a file not known to be a bundle: images before the
            // format are read the second time (the rows stay hidden until the end anyway).
            m_imagesRead = true;
            ok = readImages(json);
        } else {
            ok = json.skipValue();
        }
        if (!ok)
            return false;
    }
    if (json.failed())
        return false;
    if (!json.atEnd())
        return invalid(QStringLiteral("more after the bundle's end"));
    if (!m_formatSeen)
        return invalid(QStringLiteral("not a history bundle"));
    return m_versionSeen || invalid(QStringLiteral("no version number"));
}

bool HistoryImport::readImages(JsonStream &json)
{
    if (!json.enterArray())
        return false;
    for (int index = 0; json.nextElement(); ++index) {
        if (!readImage(json, index))
            return false;
    }
    return !json.failed();
}

bool HistoryImport::readImage(JsonStream &json, int index)
{
    if (!json.enterObject())
        return false;
    BundleImage image(m_images);
    QString name;
    while (json.nextMember(&name)) {
        if (name == u"sha256") {
            QString hex;
            if (json.readString(128, &hex) == Status::Failed)
                return false;
            image.setDeclaredHash(hex);
        } else if (name == u"data") {
            if (const StorageError error = image.start())
                return failed(error);
            if (!json.streamString([&](const QByteArray &piece) { return image.addBase64(piece); }))
                return false;
            if (const StorageError error = image.endData())
                return failed(error);
        } else if (!json.skipValue()) {
            return false;
        }
    }
    if (json.failed())
        return false;
    const BundleImage::Result stored = image.store(index);
    if (stored.error)
        return failed(stored.error);
    if (!stored.refusal.isEmpty()) {
        ++m_report.rejectedImages;
        m_report.refused.append({ImportRefusal::Kind::Image, stored.name, stored.refusal});
        return true;
    }
    ++m_report.images;
    if (stored.created)
        m_newImages.insert(sha256FromHex(stored.name));
    return true;
}

bool HistoryImport::readIds(JsonStream &json)
{
    if (!json.enterArray())
        return false;
    while (json.nextElement()) {
        if (!json.enterObject())
            return false;
        QString id;
        QString name;
        while (json.nextMember(&name)) {
            if (name != u"id") {
                if (!json.skipValue())
                    return false;
                continue;
            }
            const Status status = json.readString(kMaxIdBytes, &id);
            if (status == Status::Failed)
                return false;
            if (status == Status::TooLarge)
                return invalid(
                    QStringLiteral("conversation %1: id too long").arg(m_ids.size() + 1));
        }
        if (json.failed())
            return false;
        if (id.isEmpty())
            return invalid(QStringLiteral("conversation %1 has no id").arg(m_ids.size() + 1));
        m_ids.append(id);
    }
    return !json.failed();
}

bool HistoryImport::readConversations(JsonStream &json)
{
    if (!json.enterArray())
        return false;
    for (int index = 0; json.nextElement(); ++index) {
        if (!readConversation(json, index))
            return false;
    }
    return !json.failed();
}

bool HistoryImport::readConversation(JsonStream &json, int index)
{
    if (!json.enterObject())
        return false;
    Reading reading;
    reading.originalId = m_ids.value(index);
    if (reading.originalId.isEmpty())
        return invalid(QStringLiteral("conversation %1 has no id").arg(index + 1));
    QJsonObject header;
    QString name;
    while (json.nextMember(&name)) {
        if (name == u"messages") {
            if (!readMessages(json, reading))
                return false;
            continue;
        }
        QByteArray raw;
        const Status status = json.readValue(kMaxValueBytes, &raw);
        if (status == Status::Failed)
            return false;
        if (status == Status::TooLarge) {
            if (reading.refusal.isEmpty())
                reading.refusal =
                    tr("its “%1” is larger than %2 MiB").arg(name).arg(kMaxValueBytes >> 20);
            continue;
        }
        const auto value = parseValue(raw);
        if (!value)
            return invalid(
                QStringLiteral("conversation %1: “%2” is not valid JSON").arg(index + 1).arg(name));
        header.insert(name, *value);
    }
    return !json.failed() && finish(reading, header);
}

bool HistoryImport::readMessages(JsonStream &json, Reading &reading)
{
    if (!start(reading) || !json.enterArray())
        return false;
    while (json.nextElement()) {
        if (!reading.refusal.isEmpty()) {
            if (!json.skipValue())
                return false;
            continue;
        }
        StoredMessage message;
        QString problem;
        const Status status = readMessage(json, &message, &problem);
        if (status == Status::Failed)
            return json.failed() ? false : invalid(problem);
        if (status == Status::TooLarge) {
            reading.refusal = tr("message %1 is larger than %2 MiB")
                                  .arg(reading.count + 1)
                                  .arg(kMaxMessageBytes >> 20);
            continue;
        }
        const int position = reading.count++;
        for (Candidate &candidate : reading.candidates) {
            if (!candidate.diverged && position < candidate.messages.size()
                && !candidate.messages.at(position).sameContent(message))
                candidate.diverged = true;
        }
        if (const StorageError error = m_staging.addMessage(reading.staged, position, message))
            return failed(error);
    }
    return !json.failed();
}

bool HistoryImport::start(Reading &reading)
{
    if (reading.started)
        return true;
    reading.started = true;
    const QString &id = reading.originalId;
    StorageError error;
    const bool occupied = m_staging.occupied(id, &error);
    if (error)
        return failed(error);
    if (!occupied) {
        reading.ownId = true;
        reading.staged = id;
    } else {
        // The id is taken (perhaps by one deleted and waiting for its undo time, which this
        // import must not touch): compare with the live one and its imported copies.
        QStringList local;
        if (m_history.contains(id))
            local.append(id);
        local += m_history.importedCopiesOf(id);
        for (const QString &candidate : std::as_const(local)) {
            const auto record = m_history.conversation(candidate, &error);
            if (!record)
                return failed(error);
            reading.candidates.append({candidate, record->messages, false});
        }
        reading.staged = QUuid::createUuid().toString(QUuid::WithoutBraces);
    }
    if (const StorageError staged = m_staging.begin(reading.staged, reading.ownId ? QString() : id))
        return failed(staged);
    return true;
}

bool HistoryImport::finish(Reading &reading, const QJsonObject &header)
{
    if (!start(reading))
        return false;
    QJsonObject object = header;
    object.insert(QStringLiteral("id"), reading.originalId);
    object.remove(QStringLiteral("messages"));
    const ConversationRecord record = recordFromJson(object).value_or(ConversationRecord{});
    if (!reading.refusal.isEmpty()) {
        m_report.refused.append(
            {ImportRefusal::Kind::Conversation,
             record.header.title.isEmpty() ? reading.originalId : record.header.title,
             reading.refusal});
        if (const StorageError error = m_staging.discard(reading.staged))
            return failed(error);
        return true;
    }
    for (const Candidate &candidate : std::as_const(reading.candidates)) {
        if (candidate.diverged)
            continue;
        m_report.conversationIds.append(candidate.id);
        const int local = int(candidate.messages.size());
        if (local >= reading.count) {
            ++m_report.unchanged;
            if (const StorageError error = m_staging.discard(reading.staged))
                return failed(error);
            return true;
        }
        ++m_report.extended;
        m_report.messages += reading.count - local;
        m_outcomes.append({reading.staged, candidate.id, local});
        return true;
    }
    // Nothing here has its id, or every local one has gone another way: a copy.
    const QString importedFrom = reading.ownId ? record.importedFrom : reading.originalId;
    if (const StorageError error = m_staging.finish(reading.staged, record, importedFrom))
        return failed(error);
    ++(reading.ownId ? m_report.added : m_report.copied);
    m_report.messages += reading.count;
    m_report.conversationIds.append(reading.staged);
    m_outcomes.append({reading.staged, {}, 0});
    return true;
}

} // namespace qvd
