#pragma once

// A saved history the size a person builds up over months, for start-up tests and benches:
// `conversations` conversations of `messagesEach` messages each (questions with an image,
// answers with boxes), written through HistoryStore into a real SQLite file, one conversation
// per transaction as the app writes them.

#include "core/storage/ConversationRecord.h"
#include "core/storage/HistoryStore.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QStringList>

#include <algorithm>
#include <functional>

namespace qvd::test {

struct WrittenHistory
{
    // The conversations' ids in the order the list shows them: last updated first.
    QStringList newestFirst;
    QString error; // empty when every conversation was written
};

// `image(c, m)`: the original the question `m` of conversation `c` names (empty: a made-up
// hash, with no file behind it).
inline WrittenHistory writeHistory(const QString &path, int conversations, int messagesEach,
                                   const std::function<QByteArray(int, int)> &image = {})
{
    WrittenHistory written;
    HistoryStore store;
    const HistoryStore::OpenResult opened = store.open(path);
    if (!opened.ok()) {
        written.error = opened.message;
        return written;
    }
    const QDateTime start = QDateTime(QDate(2025, 3, 1), QTime(9, 0), Qt::UTC);
    for (int c = 0; c < conversations; ++c) {
        ConversationRecord record;
        record.header.id = QStringLiteral("conversation-%1").arg(c, 4, 10, QLatin1Char('0'));
        record.header.title = QStringLiteral("Boxes on photo %1").arg(c);
        record.header.modelId = QStringLiteral("qwen3-vl-plus");
        record.createdAt = start.addSecs(3600 * c);
        // Updated in an order other than their ids' or creation's: every third was reopened.
        record.updatedAt = record.createdAt.addSecs(c % 3 == 0 ? 3600 * 5 : 60);
        for (int m = 0; m < messagesEach; ++m) {
            StoredMessage stored;
            stored.createdAt = record.createdAt.addSecs(m);
            stored.modelId = record.header.modelId;
            if (m % 2 == 0) {
                ImageTransform transform;
                transform.storedSize = transform.originalSize = QSize(4000, 3000);
                transform.sentSize = QSize(1288, 966);
                stored.message = Message::user(
                    {Part::fromText(
                         QStringLiteral("Find every car in photo %1, question %2.").arg(c).arg(m)),
                     Part::fromImage(QStringLiteral("data:image/jpeg;base64,"), transform)});
                ImageSource source;
                source.sha256 = image ? image(c, m) : QByteArray();
                if (source.sha256.isEmpty())
                    source.sha256 = QCryptographicHash::hash(
                        QStringLiteral("%1/%2").arg(c).arg(m).toUtf8(), QCryptographicHash::Sha256);
                source.byteCount = 2'000'000;
                source.format = QStringLiteral("jpeg");
                stored.images = {source};
            } else {
                stored.message = Message::assistant(
                    QStringLiteral("There are two cars: ```json\n[{\"bbox_2d\": [10, 20, 300, "
                                   "400], \"label\": \"car\"}, {\"bbox_2d\": [500, 80, 700, 390],"
                                   " \"label\": \"car\"}]\n```"));
                stored.detections = {Detection::box(10, 20, 300, 400, QStringLiteral("car")),
                                     Detection::box(500, 80, 700, 390, QStringLiteral("car"))};
                stored.space = SpaceChoice{CoordinateSpace::Norm1000, SpaceReason::ModelFamily};
            }
            record.messages.append(stored);
        }
        if (const StorageError error = store.insertRecord(record); error.isError()) {
            written.error = error.userMessage();
            return written;
        }
    }
    // Last updated first; an hour apart, so no two are equal.
    QList<QPair<QDateTime, QString>> order;
    for (int c = 0; c < conversations; ++c) {
        const QDateTime created = start.addSecs(3600 * c);
        order.append({created.addSecs(c % 3 == 0 ? 3600 * 5 : 60),
                      QStringLiteral("conversation-%1").arg(c, 4, 10, QLatin1Char('0'))});
    }
    std::sort(order.begin(), order.end(),
              [](const auto &a, const auto &b) { return a.first > b.first; });
    for (const auto &entry : order)
        written.newestFirst.append(entry.second);
    return written;
}

} // namespace qvd::test
