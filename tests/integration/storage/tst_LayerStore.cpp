// Layers beside the answers in the real history file (schema v5): ground truth and corrections
// written and read back whole, replaced in place, left out once their answer is gone, and
// purged with their conversation. And AnnotationLayers over it: layers set before the
// conversation is saved wait for its first save, and come back when it is opened again.
#include "core/conversation/ChatSession.h"
#include "core/session/AnnotationLayers.h"
#include "core/storage/ConversationRecorder.h"
#include "core/storage/HistoryStore.h"
#include "core/storage/ImageStore.h"
#include "core/storage/LayerStore.h"

#include "StorageTestUtil.h"
#include "TestMain.h"

#include <QTemporaryDir>

using namespace qvd;
using namespace qvd::test;

namespace {

LayerBox box(const QString &id, const QString &label, const QRectF &rect)
{
    LayerBox b;
    b.id = id;
    b.detection.label = label;
    b.detection.rect = rect;
    return b;
}

// A saved conversation with one question and one answer (uids q1, a1).
void saveConversation(HistoryStore &store, const QString &id)
{
    Conversation header;
    header.id = id;
    header.title = QStringLiteral("layers");
    QVERIFY(!store.saveConversation(header));
    StoredMessage question;
    question.message = Message::user({Part::fromText(QStringLiteral("where?"))});
    question.message.id = QStringLiteral("q1");
    StoredMessage answer;
    answer.message = Message::assistant(QStringLiteral("here"));
    answer.message.id = QStringLiteral("a1");
    QVERIFY(!store.commitMessage(id, question));
    QVERIFY(!store.commitMessage(id, answer));
}

} // namespace

class TestLayerStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void layersRoundTrip();
    void correctionsOfAGoneAnswerAreLeftOut();
    void purgingTheConversationDropsItsLayers();
    void layersWaitForTheFirstSaveAndComeBackWithTheConversation();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString dbPath() const { return m_dir->filePath(QStringLiteral("history.sqlite")); }
};

void TestLayerStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestLayerStore::layersRoundTrip()
{
    HistoryStore history;
    QVERIFY(history.open(dbPath()).ok());
    saveConversation(history, QStringLiteral("c1"));
    LayerStore layers;
    QVERIFY(!layers.open(dbPath()));

    LayerBox point =
        box(QStringLiteral("truth.1"), QStringLiteral("nose"), QRectF(40.5, 60.25, 0, 0));
    point.detection.kind = DetectionKind::Point;
    LayerBox quad = box(QStringLiteral("truth.2"), QStringLiteral("标志"), QRectF(0, 0, 10, 10));
    quad.detection.kind = DetectionKind::Quad;
    quad.detection.quad = QPolygonF({{5, 0}, {10, 5}, {5, 10}, {0, 5}});
    quad.detection.attributes.insert(QStringLiteral("iscrowd"), true);
    const StoredLayer truth{
        QStringLiteral("img-1"),
        QString(),
        QStringLiteral("/data/coco.json"),
        {box(QStringLiteral("truth.0"), QStringLiteral("dog"), QRectF(1.5, 2.25, 300, 200.75)),
         point, quad}};
    const StoredLayer corrections{
        QStringLiteral("img-1"),
        QStringLiteral("a1"),
        QString(),
        {box(QStringLiteral("a1#0.0"), QStringLiteral("dog"), QRectF(1, 2, 3, 4))}};
    QVERIFY(!layers.save(QStringLiteral("c1"), corrections));
    QVERIFY(!layers.save(QStringLiteral("c1"), truth));

    StorageError error;
    QList<StoredLayer> read = layers.layers(QStringLiteral("c1"), &error);
    QVERIFY(!error);
    QCOMPARE(read.size(), 2);
    QCOMPARE(read[0], truth); // ground truth first
    QCOMPARE(read[1], corrections);

    // Written again in place, and removed.
    StoredLayer fewer = truth;
    fewer.boxes.removeLast();
    QVERIFY(!layers.save(QStringLiteral("c1"), fewer));
    read = layers.layers(QStringLiteral("c1"));
    QCOMPARE(read.size(), 2);
    QCOMPARE(read[0], fewer);
    QVERIFY(!layers.remove(QStringLiteral("c1"), QStringLiteral("img-1"), QStringLiteral("a1")));
    QCOMPARE(layers.layers(QStringLiteral("c1")), QList<StoredLayer>{fewer});
    QVERIFY(layers.layers(QStringLiteral("other")).isEmpty());
}

void TestLayerStore::correctionsOfAGoneAnswerAreLeftOut()
{
    HistoryStore history;
    QVERIFY(history.open(dbPath()).ok());
    saveConversation(history, QStringLiteral("c1"));
    LayerStore layers;
    QVERIFY(!layers.open(dbPath()));
    QVERIFY(
        !layers.save(QStringLiteral("c1"), {QStringLiteral("img"), QStringLiteral("a1"), {}, {}}));
    QVERIFY(!history.truncateConversation(QStringLiteral("c1"), 1)); // the answer regenerated
    QVERIFY(layers.layers(QStringLiteral("c1")).isEmpty());
    // The next write removes the row for good.
    QVERIFY(!layers.save(QStringLiteral("c1"),
                         {QStringLiteral("img"), QString(), QStringLiteral("f"), {}}));
    RawDatabase raw(dbPath());
    QCOMPARE(raw.value(QStringLiteral("SELECT COUNT(*) FROM layers")).toInt(), 1);
}

void TestLayerStore::purgingTheConversationDropsItsLayers()
{
    HistoryStore history;
    QVERIFY(history.open(dbPath()).ok());
    saveConversation(history, QStringLiteral("c1"));
    LayerStore layers;
    QVERIFY(!layers.open(dbPath()));
    QVERIFY(!layers.save(QStringLiteral("c1"),
                         {QStringLiteral("img"), QString(), QStringLiteral("f"), {}}));
    QVERIFY(!history.markDeleted(QStringLiteral("c1")));
    QVERIFY(!history.restoreDeleted(QStringLiteral("c1")));
    QCOMPARE(layers.layers(QStringLiteral("c1")).size(), 1); // undo brings them back
    QVERIFY(!history.markDeleted(QStringLiteral("c1")));
    QVERIFY(!history.purgeDeleted(QStringLiteral("c1")));
    RawDatabase raw(dbPath());
    QCOMPARE(raw.value(QStringLiteral("SELECT COUNT(*) FROM layers")).toInt(), 0);
}

void TestLayerStore::layersWaitForTheFirstSaveAndComeBackWithTheConversation()
{
    HistoryStore history;
    QVERIFY(history.open(dbPath()).ok());
    ImageStore images(m_dir->filePath(QStringLiteral("images")));
    ChatSession chat(nullptr);
    ConversationRecorder recorder(&chat, &history, &images);
    AnnotationLayers layers(&chat);
    layers.setHistory(&history);
    connect(&recorder, &ConversationRecorder::saved, &layers, &AnnotationLayers::conversationSaved);

    // A conversation not in the history yet (its first question is being sent).
    Conversation conversation;
    conversation.id = QStringLiteral("c9");
    Message question = Message::user({Part::fromText(QStringLiteral("q"))});
    question.id = QStringLiteral("q1");
    conversation.messages = {question};
    chat.setConversation(conversation);
    const QList<LayerBox> truth{
        box(QStringLiteral("truth.0"), QStringLiteral("dog"), {1, 2, 3, 4})};
    layers.setTruth(QStringLiteral("img-1"), QStringLiteral("coco.json"), truth);
    QCOMPARE(layers.truth(QStringLiteral("img-1"))->boxes, truth);
    LayerStore direct;
    QVERIFY(!direct.open(dbPath()));
    QVERIFY(direct.layers(QStringLiteral("c9")).isEmpty()); // nothing to keep it with yet

    // Its first save writes what waited.
    StoredMessage stored;
    stored.message = question;
    QVERIFY(!history.saveConversation(conversation));
    QVERIFY(!history.commitMessage(QStringLiteral("c9"), stored));
    layers.conversationSaved(QStringLiteral("c9"));
    QCOMPARE(direct.layers(QStringLiteral("c9")).size(), 1);
    // From now on each change is written at once.
    layers.removeTruth(QStringLiteral("img-1"));
    QVERIFY(direct.layers(QStringLiteral("c9")).isEmpty());
    layers.setTruth(QStringLiteral("img-1"), QStringLiteral("coco.json"), truth);
    QCOMPARE(direct.layers(QStringLiteral("c9")).size(), 1);

    // Opened again: read back.
    chat.setConversation(Conversation());
    QVERIFY(!layers.truth(QStringLiteral("img-1")));
    QVERIFY(recorder.open(QStringLiteral("c9")));
    const auto back = layers.truth(QStringLiteral("img-1"));
    QVERIFY(back);
    QCOMPARE(back->boxes, truth);
    QCOMPARE(back->source, QStringLiteral("coco.json"));
}

QVD_TEST_MAIN(TestLayerStore)
#include "tst_LayerStore.moc"
