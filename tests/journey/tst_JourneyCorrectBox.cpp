// Journey: the model's box around the dog is too small. The person switches the inspector to
// editing, drags the box's bottom-right corner out, deletes a wrong box and undoes that, draws
// a box the model missed and names it; the exported COCO file has the corrected boxes, the
// answer's text stays as the model wrote it, and after a restart the corrections are still
// there. Promoted to ground truth, they score the boxes shown as all found.
#include "core/session/BoxEditor.h"
#include "ui/inspector/BoxEditTool.h"

#include "HttpTestServer.h"
#include "JourneyApp.h"
#include "JourneyLayers.h"
#include "JourneyReplies.h"

#include <QFile>
#include <QInputDialog>
#include <QPushButton>

using namespace qvd;
using namespace qvd::test;

namespace {

// Qwen3-VL's 0–1000 space on 1000×500: a dog at x 100–300, y 100–300 and a cat at x 600–900,
// y 100–400.
const char kAnswer[] = R"([{"bbox_2d": [100, 200, 300, 600], "label": "dog"},
 {"bbox_2d": [600, 200, 900, 800], "label": "cat"}])";

QRectF boxOf(JourneyApp &journey, const QString &label)
{
    for (const MappedDetection &d : journey.canvas()->detections()) {
        if (d.label == label)
            return d.rect;
    }
    return {};
}

QStringList labelsShown(JourneyApp &journey)
{
    QStringList labels;
    for (const MappedDetection &d : journey.canvas()->detections())
        labels.append(d.label);
    labels.sort();
    return labels;
}

// A press, moves and a release with the left button, from and to image points.
void drag(JourneyApp &journey, QPointF from, QPointF to)
{
    QWidget *viewport = journey.canvas()->viewport();
    const QPoint a = journey.canvas()->imageToViewport(from).toPoint();
    const QPoint b = journey.canvas()->imageToViewport(to).toPoint();
    QTest::mousePress(viewport, Qt::LeftButton, {}, a);
    QTest::mouseMove(viewport, a + (b - a) / 3);
    QTest::mouseMove(viewport, a + (b - a) * 2 / 3);
    QTest::mouseMove(viewport, b);
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, b);
}

void click(JourneyApp &journey, QPointF at)
{
    QTest::mouseClick(journey.canvas()->viewport(), Qt::LeftButton, {},
                      journey.canvas()->imageToViewport(at).toPoint());
}

// The boxes of the exported COCO file: category name → [x, y, w, h].
QHash<QString, QRectF> cocoBoxes(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    QHash<int, QString> names;
    for (const QJsonValue &c : root.value(QLatin1String("categories")).toArray())
        names.insert(c.toObject().value(QLatin1String("id")).toInt(),
                     c.toObject().value(QLatin1String("name")).toString());
    QHash<QString, QRectF> boxes;
    for (const QJsonValue &a : root.value(QLatin1String("annotations")).toArray()) {
        const QJsonArray b = a.toObject().value(QLatin1String("bbox")).toArray();
        boxes.insert(
            names.value(a.toObject().value(QLatin1String("category_id")).toInt()),
            QRectF(b.at(0).toDouble(), b.at(1).toDouble(), b.at(2).toDouble(), b.at(3).toDouble()));
    }
    return boxes;
}

} // namespace

class TestJourneyCorrectBox : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dragCornerDeleteAddUndoExportAndRestart();
};

void TestJourneyCorrectBox::dragCornerDeleteAddUndoExportAndRestart()
{
    QVD_REQUIRE_SECRET_SERVICE();
    HttpTestServer server;
    QVERIFY(server.listen());
    qputenv("DASHSCOPE_HTTP_BASE_URL", server.url(QStringLiteral("/api/v1")).toEncoded());
    qputenv("DASHSCOPE_API_KEY", "sk-journey-env-0123456789");
    QTemporaryDir dir;
    const QString photo = writeImage(dir, QStringLiteral("yard.png"), QSize(1000, 500));

    auto journey = std::make_unique<JourneyApp>();
    journey->window().resize(1500, 950);
    QVERIFY(journey->waitStarted());
    QVERIFY(journey->dropFiles({photo}));
    QTRY_COMPARE_WITH_TIMEOUT(journey->canvas()->image().size(), QSize(1000, 500), 15000);
    server.enqueue(answer(QString::fromUtf8(kAnswer)));
    journey->ask(QStringLiteral("Where are the animals?"));
    QTRY_COMPARE_WITH_TIMEOUT(journey->canvas()->detections().size(), 2, 15000);
    QTRY_VERIFY(!journey->window().session().chat()->isBusy());
    QVERIFY(near(boxOf(*journey, QStringLiteral("dog")), QRectF(100, 100, 200, 200), 0.5));

    // Edit: choose the dog, then drag its bottom-right corner 50 px right and 20 px down.
    QAction *edit = journey->action(QStringLiteral("actionEditBoxes"));
    QVERIFY(edit && edit->isEnabled());
    edit->trigger();
    click(*journey, {200, 200});
    BoxEditTool *tool = layersOf(*journey)->editTool();
    QVERIFY(!tool->selectedId().isEmpty());
    QCOMPARE(tool->gripAt(journey->canvas()->imageToViewport({300, 300})),
             BoxEditTool::Grip::BottomRight);
    drag(*journey, {300, 300}, {350, 320});
    const QRectF corrected(QPointF(100, 100), QPointF(350, 320));
    // The mouse lands on whole screen pixels: about one image pixel at this zoom.
    const qreal tolerance = 2 / journey->canvas()->zoom();
    QTRY_VERIFY2(near(boxOf(*journey, QStringLiteral("dog")), corrected, tolerance),
                 qPrintable(describe(boxOf(*journey, QStringLiteral("dog")))));
    QVERIFY(near(boxOf(*journey, QStringLiteral("cat")), QRectF(600, 100, 300, 300), 0.5));

    // Undo and redo the drag.
    QAction *undo = journey->action(QStringLiteral("actionUndoBoxEdit"));
    QAction *redo = journey->action(QStringLiteral("actionRedoBoxEdit"));
    undo->trigger();
    QTRY_VERIFY(near(boxOf(*journey, QStringLiteral("dog")), QRectF(100, 100, 200, 200), 0.5));
    redo->trigger();
    QTRY_VERIFY(near(boxOf(*journey, QStringLiteral("dog")), corrected, tolerance));

    // Delete the cat with the Delete key, and bring it back.
    click(*journey, {750, 250});
    QTest::keyClick(journey->canvas(), Qt::Key_Delete);
    QTRY_COMPARE(labelsShown(*journey), QStringList{QStringLiteral("dog")});
    undo->trigger();
    QTRY_COMPARE(labelsShown(*journey),
                 (QStringList{QStringLiteral("cat"), QStringLiteral("dog")}));

    // Draw the ball the model missed, on empty image, and name it (F2).
    drag(*journey, {420, 380}, {520, 470});
    QTRY_COMPARE(journey->canvas()->detections().size(), 3);
    QVERIFY(
        answerModal<QInputDialog>([&journey] { QTest::keyClick(journey->canvas(), Qt::Key_F2); },
                                  [](QInputDialog *rename) {
                                      rename->setTextValue(QStringLiteral("ball"));
                                      rename->accept();
                                      return true;
                                  }));
    QTRY_COMPARE(
        labelsShown(*journey),
        (QStringList{QStringLiteral("ball"), QStringLiteral("cat"), QStringLiteral("dog")}));
    QVERIFY(near(boxOf(*journey, QStringLiteral("ball")),
                 QRectF(QPointF(420, 380), QPointF(520, 470)), tolerance));
    edit->trigger(); // done editing

    // The exported COCO file has the corrected boxes; the answer is as the model wrote it.
    const QString coco = dir.filePath(QStringLiteral("yard-coco.json"));
    QVERIFY(chooseInFileDialog(journey->action(QStringLiteral("actionExportCoco")), coco));
    QHash<QString, QRectF> exported = cocoBoxes(coco);
    QCOMPARE(exported.size(), 3);
    QVERIFY2(near(exported.value(QStringLiteral("dog")), corrected, tolerance),
             qPrintable(describe(exported.value(QStringLiteral("dog")))));
    QVERIFY(near(exported.value(QStringLiteral("cat")), QRectF(600, 100, 300, 300), 0.5));
    QVERIFY(near(exported.value(QStringLiteral("ball")),
                 QRectF(QPointF(420, 380), QPointF(520, 470)), tolerance));
    QCOMPARE(journey->lastShownText(), QString::fromUtf8(kAnswer));

    // After a restart the corrections are still shown, and exported.
    const QRectF dogBefore = boxOf(*journey, QStringLiteral("dog"));
    journey.reset();
    journey = std::make_unique<JourneyApp>();
    journey->window().resize(1500, 950);
    QVERIFY(journey->waitStarted());
    QTRY_COMPARE_WITH_TIMEOUT(journey->canvas()->detections().size(), 3, 15000);
    QVERIFY(near(boxOf(*journey, QStringLiteral("dog")), dogBefore, 0.02));
    QCOMPARE(journey->lastShownText(), QString::fromUtf8(kAnswer));
    const QString again = dir.filePath(QStringLiteral("again-coco.json"));
    QVERIFY(journey->window().inspector()->exportCoco(again));
    exported = cocoBoxes(again);
    QVERIFY(near(exported.value(QStringLiteral("dog")), dogBefore, 0.02));

    // The corrections become the image's ground truth: everything shown is found.
    TruthPanel *panel = truthPanelOf(*journey);
    showTab(*journey, panel);
    panel->findChild<QPushButton *>(QStringLiteral("truthPromoteButton"))->click();
    QTRY_COMPARE(layersOf(*journey)->overlay().truth().size(), 3);
    QTRY_COMPARE(shownCounts(*journey), QStringLiteral("3 0 0"));
    // "Back to the answer's boxes": the model's two. Its dog still overlaps the corrected one
    // (IoU 40,000 / 55,000 = 0.73); the ball is what the model missed.
    journey->action(QStringLiteral("actionRevertCorrections"))->trigger();
    QTRY_COMPARE(journey->canvas()->detections().size(), 2);
    QTRY_COMPARE(shownCounts(*journey), QStringLiteral("2 0 1"));
}

QVD_TEST_WIDGETS_MAIN(TestJourneyCorrectBox)
#include "tst_JourneyCorrectBox.moc"
