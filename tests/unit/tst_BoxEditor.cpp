// Corrections of an answer's boxes as their own layer, with undo and redo (core/session
// BoxEditor over AnnotationLayers, in memory): the answer's boxes are where the first
// correction starts, undoing it brings them back, and the corrected boxes can become the
// image's ground truth.
#include "core/conversation/ChatSession.h"
#include "core/session/AnnotationLayers.h"
#include "core/session/BoxEditor.h"

#include "TestMain.h"

#include <QSignalSpy>
#include <QUndoStack>

using namespace qvd;

namespace {

LayerBox box(const QString &id, const QString &label, const QRectF &rect)
{
    LayerBox b;
    b.id = id;
    b.detection.label = label;
    b.detection.rect = rect;
    return b;
}

QStringList labels(const QList<LayerBox> &boxes)
{
    QStringList list;
    for (const LayerBox &b : boxes)
        list.append(b.detection.label);
    return list;
}

} // namespace

class TestBoxEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void firstCorrectionStartsFromTheAnswerAndUndoBringsItBack();
    void addRemoveRelabelAreEachOneStep();
    void movingAQuadKeepsItsShapeResizingMakesItABox();
    void revertAndPromoteAreUndoable();
    void anotherTargetStartsAnotherHistory();
    void layersOfAnswersThatAreGoneAreDropped();

private:
    std::unique_ptr<ChatSession> m_chat;
    std::unique_ptr<AnnotationLayers> m_layers;
    std::unique_ptr<BoxEditor> m_editor;
    QList<LayerBox> m_answered;
};

void TestBoxEditor::init()
{
    m_chat = std::make_unique<ChatSession>(nullptr);
    Conversation conversation;
    conversation.id = QStringLiteral("c1");
    Message answer = Message::assistant(QStringLiteral("boxes"));
    answer.id = QStringLiteral("answer-1");
    conversation.messages = {Message::user({Part::fromText(QStringLiteral("q"))}), answer};
    m_chat->setConversation(conversation);
    m_layers = std::make_unique<AnnotationLayers>(m_chat.get());
    m_editor = std::make_unique<BoxEditor>(m_layers.get());
    m_answered = {box(QStringLiteral("answer-1#0.0"), QStringLiteral("dog"), {10, 10, 100, 50}),
                  box(QStringLiteral("answer-1#40.0"), QStringLiteral("cat"), {200, 20, 50, 50})};
    m_editor->setTarget(QStringLiteral("answer-1"), QStringLiteral("image-1"), m_answered);
}

void TestBoxEditor::firstCorrectionStartsFromTheAnswerAndUndoBringsItBack()
{
    QVERIFY(!m_editor->isCorrected());
    QCOMPARE(m_editor->boxes(), m_answered);
    QSignalSpy changed(m_layers.get(), &AnnotationLayers::layerChanged);

    QVERIFY(m_editor->setRect(QStringLiteral("answer-1#0.0"), {10, 10, 150, 70}));
    QVERIFY(m_editor->isCorrected());
    const auto corrected =
        m_layers->corrections(QStringLiteral("answer-1"), QStringLiteral("image-1"));
    QVERIFY(corrected);
    QCOMPARE(corrected->size(), 2);
    QCOMPARE(corrected->at(0).id, QStringLiteral("answer-1#0.0")); // keeps the detection's id
    QCOMPARE(corrected->at(0).detection.rect, QRectF(10, 10, 150, 70));
    QCOMPARE(corrected->at(1), m_answered[1]);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toString(), QStringLiteral("image-1"));
    QCOMPARE(changed.first().at(1).toString(), QStringLiteral("answer-1"));
    // Nothing of it is in the ground truth.
    QVERIFY(!m_layers->truth(QStringLiteral("image-1")));

    // The same rect again is no step.
    QVERIFY(!m_editor->setRect(QStringLiteral("answer-1#0.0"), {10, 10, 150, 70}));
    QCOMPARE(m_editor->undoStack()->count(), 1);

    m_editor->undoStack()->undo();
    QVERIFY(!m_editor->isCorrected());
    QCOMPARE(m_editor->boxes(), m_answered);
    m_editor->undoStack()->redo();
    QCOMPARE(m_editor->boxes().at(0).detection.rect, QRectF(10, 10, 150, 70));
}

void TestBoxEditor::addRemoveRelabelAreEachOneStep()
{
    const QString added = m_editor->add({300, 300, 40, 40}, QStringLiteral("ball"));
    QVERIFY(added.startsWith(QStringLiteral("answer-1#edit.")));
    QVERIFY(m_editor->remove(QStringLiteral("answer-1#40.0")));
    QVERIFY(m_editor->relabel(QStringLiteral("answer-1#0.0"), QStringLiteral("puppy")));
    QVERIFY(!m_editor->relabel(QStringLiteral("no-such-box"), QStringLiteral("x")));
    QCOMPARE(labels(m_editor->boxes()),
             (QStringList{QStringLiteral("puppy"), QStringLiteral("ball")}));
    QCOMPARE(m_editor->undoStack()->count(), 3);
    m_editor->undoStack()->undo();
    QCOMPARE(labels(m_editor->boxes()),
             (QStringList{QStringLiteral("dog"), QStringLiteral("ball")}));
    m_editor->undoStack()->undo();
    QCOMPARE(labels(m_editor->boxes()),
             (QStringList{QStringLiteral("dog"), QStringLiteral("cat"), QStringLiteral("ball")}));
    m_editor->undoStack()->undo();
    QCOMPARE(m_editor->boxes(), m_answered);
    QVERIFY(!m_editor->isCorrected());
}

void TestBoxEditor::movingAQuadKeepsItsShapeResizingMakesItABox()
{
    LayerBox quad = box(QStringLiteral("q"), QStringLiteral("sign"), {0, 0, 10, 10});
    quad.detection.kind = DetectionKind::Quad;
    quad.detection.quad = QPolygonF({{5, 0}, {10, 5}, {5, 10}, {0, 5}});
    m_editor->setTarget(QStringLiteral("answer-1"), QStringLiteral("image-2"), {quad});
    QVERIFY(m_editor->setRect(QStringLiteral("q"), {20, 30, 10, 10}));
    MappedDetection moved = m_editor->boxes().first().detection;
    QCOMPARE(moved.kind, DetectionKind::Quad);
    QCOMPARE(moved.quad, QPolygonF({{25, 30}, {30, 35}, {25, 40}, {20, 35}}));
    QVERIFY(m_editor->setRect(QStringLiteral("q"), {20, 30, 20, 10}));
    moved = m_editor->boxes().first().detection;
    QCOMPARE(moved.kind, DetectionKind::Box);
    QVERIFY(moved.quad.isEmpty());
    QCOMPARE(moved.rect, QRectF(20, 30, 20, 10));
}

void TestBoxEditor::revertAndPromoteAreUndoable()
{
    QVERIFY(m_editor->remove(QStringLiteral("answer-1#40.0")));
    QVERIFY(m_editor->promoteToTruth(QStringLiteral("my corrections")));
    const auto truth = m_layers->truth(QStringLiteral("image-1"));
    QVERIFY(truth);
    QCOMPARE(truth->source, QStringLiteral("my corrections"));
    QCOMPARE(labels(truth->boxes), QStringList{QStringLiteral("dog")});
    QVERIFY(m_editor->revert());
    QVERIFY(!m_editor->isCorrected());
    QVERIFY(m_layers->truth(QStringLiteral("image-1"))); // the truth stays

    m_editor->undoStack()->undo(); // the revert
    QCOMPARE(labels(m_editor->boxes()), QStringList{QStringLiteral("dog")});
    m_editor->undoStack()->undo(); // the promotion
    QVERIFY(!m_layers->truth(QStringLiteral("image-1")));
    QVERIFY(m_editor->isCorrected()); // the corrections are untouched by it
}

void TestBoxEditor::anotherTargetStartsAnotherHistory()
{
    QVERIFY(m_editor->setRect(QStringLiteral("answer-1#0.0"), {0, 0, 5, 5}));
    m_editor->setTarget(QStringLiteral("answer-1"), QStringLiteral("image-1"), m_answered);
    QCOMPARE(m_editor->undoStack()->count(), 1); // the same target
    m_editor->setTarget(QStringLiteral("answer-1"), QStringLiteral("image-3"), {});
    QCOMPARE(m_editor->undoStack()->count(), 0);
    // The first image keeps its corrections.
    QVERIFY(m_layers->corrections(QStringLiteral("answer-1"), QStringLiteral("image-1")));
}

void TestBoxEditor::layersOfAnswersThatAreGoneAreDropped()
{
    QVERIFY(m_editor->setRect(QStringLiteral("answer-1#0.0"), {0, 0, 5, 5}));
    m_layers->setTruth(QStringLiteral("image-1"), QStringLiteral("file"), m_answered);
    Conversation other = m_chat->conversation();
    other.messages.resize(1); // the answer regenerated away
    m_chat->setConversation(other);
    QVERIFY(!m_layers->corrections(QStringLiteral("answer-1"), QStringLiteral("image-1")));
    QVERIFY(m_layers->truth(QStringLiteral("image-1"))); // not saved anywhere yet: kept
}

QVD_TEST_MAIN(TestBoxEditor)
#include "tst_BoxEditor.moc"
