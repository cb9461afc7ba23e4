// Journey: the person asks where the animals are in their photo, loads the photo's ground truth
// (a COCO file) into the inspector and reads how good the boxes are: true and false positives,
// misses, precision, recall, F1 and the mean IoU, the unmatched box framed in red on the image.
// The model calls the dog "狗"; a synonym makes it count. A stricter IoU changes the figures;
// after a restart the ground truth is still there, with the conversation.
#include "ui/inspector/ComparePanel.h"
#include "ui/inspector/LayerOverlay.h"
#include "ui/inspector/SynonymDialog.h"

#include "HttpTestServer.h"
#include "JourneyApp.h"
#include "JourneyLayers.h"
#include "JourneyReplies.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>

using namespace qvd;
using namespace qvd::test;

namespace {

// One image, 1000×500: a dog at x 105–305, y 100–300, and a person at x 400–500, y 300–400.
const char kTruth[] = R"({
  "images": [{"id": 1, "file_name": "yard.png", "width": 1000, "height": 500}],
  "annotations": [
    {"id": 1, "image_id": 1, "category_id": 1, "bbox": [105, 100, 200, 200], "area": 40000,
     "iscrowd": 0},
    {"id": 2, "image_id": 1, "category_id": 2, "bbox": [400, 300, 100, 100], "area": 10000,
     "iscrowd": 0}],
  "categories": [{"id": 1, "name": "dog"}, {"id": 2, "name": "person"}]
})";

// Qwen3-VL's 0–1000 space on 1000×500: "狗" at x 100–300, y 100–300; a cat at x 600–900,
// y 100–400 where the ground truth has nothing.
const char kAnswer[] = R"([{"bbox_2d": [100, 200, 300, 600], "label": "狗"},
 {"bbox_2d": [600, 200, 900, 800], "label": "cat"}])";

int rowOfLabel(JourneyApp &journey, const QString &label)
{
    const auto detections = journey.canvas()->detections();
    for (int i = 0; i < detections.size(); ++i) {
        if (detections[i].label == label)
            return i;
    }
    return -1;
}

// Whether the frame LayerOverlay draws around an unmatched box is on screen left of `box`.
bool framedAsUnmatched(JourneyApp &journey, const QRectF &box)
{
    const QPointF left = journey.canvas()->imageToViewport(QPointF(box.left(), box.center().y()))
        - QPointF(LayerOverlay::kMarkOffset, 0);
    const QColor red = QColor::fromRgba(LayerOverlay::kUnmatchedColour);
    for (int dx = -1; dx <= 1; ++dx) {
        if (colourDistance(canvasPixel(journey, left + QPointF(dx, 0)), red) <= 60)
            return true;
    }
    return false;
}

void setSynonyms(JourneyApp &journey, const QString &text)
{
    auto *button =
        truthPanelOf(journey)->findChild<QPushButton *>(QStringLiteral("synonymsButton"));
    QVERIFY(answerModal<SynonymDialog>([button] { button->click(); },
                                       [text](SynonymDialog *dialog) {
                                           dialog->editor()->setPlainText(text);
                                           dialog->accept();
                                           return true;
                                       }));
}

} // namespace

class TestJourneyGroundTruth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tabsAreMadeWhenFirstOpened();
    void cocoTruthScoresTheAnswerAndMarksWhatIsUnmatched();
};

// The Ground truth and Compare tabs are not in the first frame: their widgets are made when a
// person opens them, and are there, filled, in the frame that shows them.
void TestJourneyGroundTruth::tabsAreMadeWhenFirstOpened()
{
    QVD_REQUIRE_SECRET_SERVICE();
    JourneyApp journey;
    QVERIFY(journey.waitStarted());
    TruthPanel *truth = truthPanelOf(journey);
    ComparePanel *compare = layersOf(journey)->comparePanel();
    QVERIFY(!truth->findChild<QTableWidget *>());
    QVERIFY(!compare->findChild<QTableView *>());

    showTab(journey, truth);
    auto *source = truth->findChild<QLabel *>(QStringLiteral("truthSource"));
    QVERIFY(source);
    QVERIFY(source->isVisible());
    // Laid out before the frame that shows it, not a turn of the event loop later.
    const QRect inTab(source->mapTo(truth, QPoint()), source->size());
    QVERIFY2(source->width() > truth->width() / 2 && truth->rect().contains(inTab),
             qPrintable(QStringLiteral("%1,%2 %3x%4 in %5x%6")
                            .arg(inTab.x())
                            .arg(inTab.y())
                            .arg(inTab.width())
                            .arg(inTab.height())
                            .arg(truth->width())
                            .arg(truth->height())));
    QCOMPARE(source->text(), QStringLiteral("No ground truth for this image."));
    QCOMPARE(truth->findChild<QLabel *>(QStringLiteral("score_tp"))->text(), QStringLiteral("—"));
    QVERIFY(truth->findChild<QCheckBox *>(QStringLiteral("truthShowCheck"))->isChecked());
    QVERIFY(!truth->findChild<QPushButton *>(QStringLiteral("truthRemoveButton"))->isEnabled());

    showTab(journey, compare);
    auto *answers = compare->findChild<QComboBox *>(QStringLiteral("compareCombo"));
    QVERIFY(answers);
    QVERIFY(answers->isVisible());
    auto *pairs = compare->findChild<QTableView *>(QStringLiteral("compareTable"));
    QVERIFY(pairs->height() > compare->height() / 2);
    QCOMPARE(answers->count(), 1); // "Nothing": no answer shown yet
    QVERIFY(compare->chosen().isEmpty());
    QVERIFY(!compare->findChild<QPushButton *>(QStringLiteral("sideBySideButton"))->isEnabled());
}

void TestJourneyGroundTruth::cocoTruthScoresTheAnswerAndMarksWhatIsUnmatched()
{
    QVD_REQUIRE_SECRET_SERVICE();
    HttpTestServer server;
    QVERIFY(server.listen());
    qputenv("DASHSCOPE_HTTP_BASE_URL", server.url(QStringLiteral("/api/v1")).toEncoded());
    qputenv("DASHSCOPE_API_KEY", "sk-journey-env-0123456789");
    QTemporaryDir dir;
    const QString photo = writeImage(dir, QStringLiteral("yard.png"), QSize(1000, 500));
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("truth")));
    const QString truthFile = dir.filePath(QStringLiteral("truth/instances.json"));
    {
        QFile file(truthFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(kTruth);
    }

    auto journey = std::make_unique<JourneyApp>();
    journey->window().resize(1500, 950);
    QVERIFY(journey->waitStarted());
    QVERIFY(journey->dropFiles({photo}));
    QTRY_COMPARE_WITH_TIMEOUT(journey->canvas()->image().size(), QSize(1000, 500), 15000);
    server.enqueue(answer(QString::fromUtf8(kAnswer)));
    journey->ask(QStringLiteral("Where are the animals?"));
    QTRY_COMPARE_WITH_TIMEOUT(journey->canvas()->detections().size(), 2, 15000);
    QTRY_VERIFY(!journey->window().session().chat()->isBusy());

    // Ground truth, from the Ground truth tab's menu and the file dialog.
    TruthPanel *panel = truthPanelOf(*journey);
    showTab(*journey, panel);
    QVERIFY(chooseInFileDialog(panel->loadFileAction(), truthFile));
    QTRY_COMPARE(layersOf(*journey)->overlay().truth().size(), 2);
    QCOMPARE(panel->truthTable()->rowCount(), 2);
    // "狗" is not "dog" yet: nothing matches.
    QCOMPARE(shownCounts(*journey), QStringLiteral("0 2 2"));

    setSynonyms(*journey, QStringLiteral("dog, 狗"));
    QTRY_COMPARE(shownCounts(*journey), QStringLiteral("1 1 1"));
    QCOMPARE(panel->figure(QStringLiteral("precision")), QStringLiteral("50.0 %"));
    QCOMPARE(panel->figure(QStringLiteral("recall")), QStringLiteral("50.0 %"));
    QCOMPARE(panel->figure(QStringLiteral("f1")), QStringLiteral("50.0 %"));
    // Intersection 195 × 200 = 39,000 of a union of 41,000 pixels.
    QCOMPARE(panel->figure(QStringLiteral("mean_iou")), QStringLiteral("0.951"));

    // The cat is framed as unmatched on the image; the dog is not.
    const int cat = rowOfLabel(*journey, QStringLiteral("cat"));
    const int dog = rowOfLabel(*journey, QStringLiteral("狗"));
    QVERIFY(cat >= 0 && dog >= 0);
    QCOMPARE(layersOf(*journey)->overlay().unmatchedPredictions(), QSet<int>{cat});
    journey->canvas()->viewport()->repaint();
    QVERIFY(framedAsUnmatched(*journey, journey->canvas()->detections()[cat].rect));
    QVERIFY(!framedAsUnmatched(*journey, journey->canvas()->detections()[dog].rect));
    // The person nobody found is listed as missed.
    QCOMPARE(panel->truthTable()->item(1, 0)->text(), QStringLiteral("person"));
    QCOMPARE(panel->truthTable()->item(1, 2)->text(), QStringLiteral("missed"));

    // A stricter IoU than the dog's 0.951: the dog is a miss and a false positive.
    auto *iou = panel->findChild<QDoubleSpinBox *>(QStringLiteral("iouSpin"));
    iou->setValue(0.96);
    QTRY_COMPARE(shownCounts(*journey), QStringLiteral("0 2 2"));
    iou->setValue(0.5);
    QTRY_COMPARE(shownCounts(*journey), QStringLiteral("1 1 1"));
    // The answer itself is untouched.
    QCOMPARE(journey->lastShownText(), QString::fromUtf8(kAnswer));

    // After a restart the conversation opens with its ground truth and the same figures.
    journey.reset();
    journey = std::make_unique<JourneyApp>();
    journey->window().resize(1500, 950);
    QVERIFY(journey->waitStarted());
    QTRY_COMPARE_WITH_TIMEOUT(journey->canvas()->detections().size(), 2, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(layersOf(*journey)->overlay().truth().size(), 2, 15000);
    QTRY_COMPARE(shownCounts(*journey), QStringLiteral("1 1 1"));
    // The tab, opened after the restart, shows what was read while it was closed.
    showTab(*journey, truthPanelOf(*journey));
    QCOMPARE(truthPanelOf(*journey)->findChild<QLabel *>(QStringLiteral("score_tp"))->text(),
             QStringLiteral("1"));
    QCOMPARE(truthPanelOf(*journey)->truthTable()->rowCount(), 2);
    QVERIFY(truthPanelOf(*journey)
                ->findChild<QLabel *>(QStringLiteral("truthSource"))
                ->text()
                .contains(QStringLiteral("instances.json")));
}

QVD_TEST_WIDGETS_MAIN(TestJourneyGroundTruth)
#include "tst_JourneyGroundTruth.moc"
