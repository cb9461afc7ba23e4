#include "core/grounding/GroundingParser.h"
#include "core/grounding/LabelPalette.h"
#include "core/models/ModelRegistry.h"
#include "ui/inspector/DetectionTable.h"
#include "ui/inspector/DetectionTableModel.h"
#include "ui/inspector/ImageCanvas.h"
#include "ui/inspector/InspectOnlyWindow.h"
#include "ui/inspector/InspectorPane.h"
#include "ui/inspector/SpaceBadge.h"

#include "TestMain.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTranslator>

using qvd::DetectionTableModel;
using qvd::ImageCanvas;
using qvd::InspectorPane;
using qvd::LabelPalette;
using qvd::Part;

namespace {

QImage gradient(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    for (int y = 0; y < height; ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < width; ++x)
            line[x] = qRgb(x * 255 / width, y * 255 / height, 100); // blue far from the palette
    }
    return image;
}

bool near(QRgb a, QColor b, int tolerance = 6)
{
    return std::abs(qRed(a) - b.red()) <= tolerance && std::abs(qGreen(a) - b.green()) <= tolerance
        && std::abs(qBlue(a) - b.blue()) <= tolerance;
}

// A 1000×750 photo sent to a Qwen2.5-VL model at smart_resize's 1008×756.
qvd::ImageTransform photoTransform()
{
    qvd::ImageTransform transform;
    transform.storedSize = transform.originalSize = QSize(1000, 750);
    transform.sentSize = QSize(1008, 756);
    return transform;
}

// Qwen2.5-VL: absolute pixels of the 1008×756 input, so x·1000/1008 and y·750/756.
const QString qwen25Answer =
    QStringLiteral("Here they are:\n```json\n[\n"
                   "  {\"bbox_2d\": [100, 200, 504, 378], \"label\": \"狗\"},\n"
                   "  {\"bbox_2d\": [600, 100, 900, 600], \"label\": \"cat\"},\n"
                   "  {\"point_2d\": [302, 504], \"label\": \"狗\"}\n"
                   "]\n```");
// Qwen3-VL: 0..1000 of the image, so x·1000/1000 and y·750/1000.
const QString qwen3Answer =
    QStringLiteral("```json\n[{\"bbox_2d\": [250, 100, 750, 900], \"label\": \"cat\"},"
                   " {\"bbox_2d\": [0, 0, 120, 200], \"label\": \"狗\"}]\n```");

QStringList rowText(const DetectionTableModel *model, int row)
{
    QStringList cells;
    for (int column = 0; column < DetectionTableModel::ColumnCount; ++column)
        cells << model->index(row, column).data().toString();
    return cells;
}

} // namespace

class TestInspectorPane : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void tableShowsOriginalPixelsOfAQwen25Answer();
    void tableShowsOriginalPixelsOfAQwen3Answer();
    void onlyDetectionsOfTheShownImageAreListed();
    void filterNarrowsRowsAndBoxes();
    void hidingARowOrLabelRemovesItsBox();
    void hoveringABoxHighlightsItsRow();
    void rightClickOnABoxOffersToHideItsLabel();
    void selectingARowHighlightsItsBox();
    void regionDragAsksInTheModelsSyntax();
    void regionPointAsksInTheModelsSyntax();
    void badgeShowsTheReasonAndOverrideRemaps();
    void badgeSaysWhenValuesAbove1000ChoseTheSpace();
    void exportsHoldTheVisibleDetections();
    void inspectOnlyShowsThePastedAnswer();
    void streamingKeepsHiddenRowsAndSelection();
    void languageChangeRetranslates();
    void headerSectionsFitTheirLabelsAsDrawn();

private:
    void showQwen25();
    QPoint viewportPoint(QPointF original) const
    {
        return m_pane->canvas()->imageToViewport(original).toPoint();
    }

    qvd::ModelRegistry m_models;
    std::unique_ptr<InspectorPane> m_pane;
    QImage m_image;
};

void TestInspectorPane::init()
{
    m_image = gradient(1000, 750);
    m_pane = std::make_unique<InspectorPane>();
    m_pane->resize(700, 800);
    m_pane->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_pane.get()));
    m_pane->setImage(m_image, photoTransform(), 0, QStringLiteral("photo.png"));
}

void TestInspectorPane::cleanup()
{
    m_pane.reset();
}

void TestInspectorPane::showQwen25()
{
    const qvd::ModelInfo model = m_models.find(QStringLiteral("qwen2.5-vl-72b-instruct"));
    QCOMPARE(model.family, qvd::ModelFamily::Qwen25VL);
    m_pane->setAnswer(qwen25Answer, qvd::GroundingParser().parse(qwen25Answer), model,
                      {photoTransform()});
}

void TestInspectorPane::tableShowsOriginalPixelsOfAQwen25Answer()
{
    showQwen25();
    const DetectionTableModel *model = m_pane->table()->model();
    QCOMPARE(model->rowCount(), 3);
    // 100·1000/1008 = 99.2, 200·750/756 = 198.4, 504 → 500, 378 → 375.
    QCOMPARE(rowText(model, 0),
             (QStringList{QStringLiteral("狗"), QStringLiteral("box"), QStringLiteral("99"),
                          QStringLiteral("198"), QStringLiteral("500"), QStringLiteral("375"),
                          QStringLiteral("JSON")}));
    // 600 → 595.2, 100 → 99.2, 900 → 892.9, 600 → 595.2.
    QCOMPARE(rowText(model, 1).mid(2, 4),
             (QStringList{QStringLiteral("595"), QStringLiteral("99"), QStringLiteral("893"),
                          QStringLiteral("595")}));
    // A point: 302 → 299.6, 504 → 500; x2, y2 repeat it.
    QCOMPARE(rowText(model, 2).mid(1, 5),
             (QStringList{QStringLiteral("point"), QStringLiteral("300"), QStringLiteral("500"),
                          QStringLiteral("300"), QStringLiteral("500")}));
    QCOMPARE(model->index(0, DetectionTableModel::X1Column)
                 .data(DetectionTableModel::SortRole)
                 .toDouble(),
             100.0 * 1000 / 1008);
}

void TestInspectorPane::tableShowsOriginalPixelsOfAQwen3Answer()
{
    const qvd::ModelInfo model = m_models.find(QStringLiteral("qwen3-vl-plus"));
    m_pane->setAnswer(qwen3Answer, qvd::GroundingParser().parse(qwen3Answer), model,
                      {photoTransform()});
    const DetectionTableModel *table = m_pane->table()->model();
    QCOMPARE(table->rowCount(), 2);
    QCOMPARE(rowText(table, 0).mid(2, 4),
             (QStringList{QStringLiteral("250"), QStringLiteral("75"), QStringLiteral("750"),
                          QStringLiteral("675")}));
    QCOMPARE(rowText(table, 1).mid(2, 4),
             (QStringList{QStringLiteral("0"), QStringLiteral("0"), QStringLiteral("120"),
                          QStringLiteral("150")}));
}

void TestInspectorPane::onlyDetectionsOfTheShownImageAreListed()
{
    // Two images before the answer; the box with img_idx 0 belongs to the first, the other one
    // (no img_idx) to the latest. The pane shows image 1.
    const QString answer = QStringLiteral(
        "```json\n[{\"bbox_2d\": [10, 10, 100, 100], \"label\": \"a\", \"img_idx\": 0},"
        " {\"bbox_2d\": [20, 20, 200, 200], \"label\": \"b\"}]\n```");
    m_pane->setImage(m_image, photoTransform(), 1);
    m_pane->setAnswer(answer, qvd::GroundingParser().parse(answer),
                      m_models.find(QStringLiteral("qwen3-vl-plus")),
                      {photoTransform(), photoTransform()});
    QCOMPARE(m_pane->table()->model()->rowCount(), 1);
    QCOMPARE(m_pane->table()->model()->rows().first().answerIndex, 1);
    QCOMPARE(m_pane->table()->model()->rows().first().detection.label, QStringLiteral("b"));
}

void TestInspectorPane::filterNarrowsRowsAndBoxes()
{
    showQwen25();
    qvd::DetectionTable *table = m_pane->table();
    QTest::keyClicks(table->filterEdit(), QStringLiteral("CA"));
    QCOMPARE(table->proxy()->rowCount(), 1);
    QCOMPARE(table->proxy()->index(0, 0).data().toString(), QStringLiteral("cat"));
    QVERIFY(m_pane->shownDetections()[0].hidden);
    QVERIFY(!m_pane->shownDetections()[1].hidden);
    table->filterEdit()->clear();
    QCOMPARE(table->proxy()->rowCount(), 3);
}

void TestInspectorPane::hidingARowOrLabelRemovesItsBox()
{
    showQwen25();
    ImageCanvas *canvas = m_pane->canvas();
    const QColor dogColour = LabelPalette::colour(QStringLiteral("狗"));
    const QColor catColour = LabelPalette::colour(QStringLiteral("cat"));
    // Left edges, halfway down: the lines are 2 px wide around the edge.
    const QPoint dogEdge = viewportPoint(QPointF(100.0 * 1000 / 1008, 300));
    const QPoint catEdge = viewportPoint(QPointF(600.0 * 1000 / 1008, 400));
    QImage shot = canvas->viewport()->grab().toImage();
    QVERIFY(near(shot.pixel(dogEdge), dogColour));
    QVERIFY(near(shot.pixel(catEdge), catColour));

    DetectionTableModel *model = m_pane->table()->model();
    QVERIFY(model->setData(model->index(1, 0), Qt::Unchecked, Qt::CheckStateRole));
    shot = canvas->viewport()->grab().toImage();
    QVERIFY(!near(shot.pixel(catEdge), catColour, 40));
    QVERIFY(near(shot.pixel(dogEdge), dogColour));

    // "Hide all «狗»" from the row's context menu.
    std::unique_ptr<QMenu> menu(m_pane->table()->createContextMenu(0, nullptr));
    auto *hideLabel = menu->findChild<QAction *>(QStringLiteral("hideLabel"));
    QVERIFY(hideLabel);
    QVERIFY(hideLabel->text().contains(QStringLiteral("«狗»")));
    hideLabel->trigger();
    QCOMPARE(model->index(0, 0).data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
    QCOMPARE(model->index(2, 0).data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
    shot = canvas->viewport()->grab().toImage();
    QVERIFY(!near(shot.pixel(dogEdge), dogColour, 40));

    model->showAll();
    shot = canvas->viewport()->grab().toImage();
    QVERIFY(near(shot.pixel(catEdge), catColour));
}

void TestInspectorPane::hoveringABoxHighlightsItsRow()
{
    showQwen25();
    QSignalSpy hovered(m_pane.get(), &InspectorPane::detectionHovered);
    QSignalSpy activated(m_pane.get(), &InspectorPane::detectionActivated);
    QWidget *viewport = m_pane->canvas()->viewport();
    QTest::mouseMove(viewport, viewportPoint(QPointF(750, 300))); // inside cat only
    QTRY_COMPARE(hovered.size(), 1);
    QCOMPARE(hovered.last().at(0).toInt(), 1);
    QCOMPARE(m_pane->table()->model()->hoveredRow(), 1);
    QVERIFY(m_pane->table()->model()->index(1, 3).data(Qt::BackgroundRole).isValid());
    QVERIFY(!m_pane->table()->model()->index(0, 3).data(Qt::BackgroundRole).isValid());

    QTest::mouseClick(viewport, Qt::LeftButton, {}, viewportPoint(QPointF(300, 300)));
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.last().at(0).toInt(), 0);
    QCOMPARE(m_pane->table()->selectedSourceRow(), 0);
}

void TestInspectorPane::rightClickOnABoxOffersToHideItsLabel()
{
    showQwen25();
    QWidget *viewport = m_pane->canvas()->viewport();
    const QPoint onCat = viewportPoint(QPointF(750, 300));
    QContextMenuEvent event(QContextMenuEvent::Mouse, onCat, viewport->mapToGlobal(onCat));
    QApplication::sendEvent(viewport, &event);
    QMenu *menu = nullptr;
    QTRY_VERIFY((menu = m_pane->findChild<QMenu *>(QStringLiteral("detectionContextMenu")),
                 menu && menu->isVisible()));
    auto *hideLabel = menu->findChild<QAction *>(QStringLiteral("hideLabel"));
    QVERIFY(hideLabel);
    QVERIFY(hideLabel->text().contains(QStringLiteral("«cat»")));
    hideLabel->trigger();
    menu->close();
    QVERIFY(m_pane->table()->model()->rows()[1].detection.hidden);
    QVERIFY(m_pane->shownDetections()[1].hidden);
}

void TestInspectorPane::selectingARowHighlightsItsBox()
{
    showQwen25();
    QSignalSpy activated(m_pane.get(), &InspectorPane::detectionActivated);
    QSignalSpy hovered(m_pane.get(), &InspectorPane::detectionHovered);
    QTableView *view = m_pane->table()->view();
    view->selectRow(1);
    QCOMPARE(m_pane->canvas()->selected(), 1);
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.last().at(0).toInt(), 1);

    // Hovering the row highlights the box too.
    QTest::mouseMove(view->viewport(), view->visualRect(view->model()->index(2, 1)).center());
    QTRY_COMPARE(m_pane->canvas()->hovered(), 2);
    QCOMPARE(hovered.last().at(0).toInt(), 2);

    // From the chat: selects without echoing a signal.
    m_pane->highlightDetection(0);
    QCOMPARE(m_pane->canvas()->selected(), 0);
    QCOMPARE(m_pane->table()->selectedSourceRow(), 0);
    QCOMPARE(activated.size(), 1);
}

void TestInspectorPane::regionDragAsksInTheModelsSyntax()
{
    showQwen25();
    ImageCanvas *canvas = m_pane->canvas();
    QSignalSpy requested(m_pane.get(), &InspectorPane::regionRequested);
    m_pane->findChild<QAction *>(QStringLiteral("actionRegionTool"))->trigger();
    canvas->setZoom(2);
    canvas->horizontalScrollBar()->setValue(300);
    canvas->verticalScrollBar()->setValue(200);
    // (viewport + scroll) / 2: (100,50) → (200,125), (260,170) → (280,185).
    QTest::mousePress(canvas->viewport(), Qt::LeftButton, {}, QPoint(100, 50));
    QTest::mouseMove(canvas->viewport(), QPoint(200, 120));
    QTest::mouseRelease(canvas->viewport(), Qt::LeftButton, {}, QPoint(260, 170));
    QCOMPARE(requested.size(), 1);
    Part part = requested.last().at(0).value<Part>();
    QCOMPARE(part.kind, Part::Kind::Region);
    QVERIFY(!part.isPoint);
    QCOMPARE(part.rect, QRectF(QPointF(200, 125), QPointF(280, 185)));
    QCOMPARE(part.imageIndex, 0);
    // Qwen2.5-VL: pixels of the 1008×756 input: ×1.008.
    QCOMPARE(part.text, QStringLiteral("[202, 126, 282, 186]"));
}

void TestInspectorPane::regionPointAsksInTheModelsSyntax()
{
    showQwen25();
    ImageCanvas *canvas = m_pane->canvas();
    QSignalSpy requested(m_pane.get(), &InspectorPane::regionRequested);
    m_pane->findChild<QAction *>(QStringLiteral("actionRegionTool"))->trigger();
    canvas->setZoom(2);
    canvas->horizontalScrollBar()->setValue(300);
    canvas->verticalScrollBar()->setValue(200);
    QTest::mouseClick(canvas->viewport(), Qt::LeftButton, {}, QPoint(100, 50));
    QCOMPARE(requested.size(), 1);
    const Part part = requested.last().at(0).value<Part>();
    QVERIFY(part.isPoint);
    QCOMPARE(part.point, QPointF(200, 125));
    QCOMPARE(part.text, QStringLiteral("[202, 126]"));
}

void TestInspectorPane::badgeShowsTheReasonAndOverrideRemaps()
{
    showQwen25();
    qvd::SpaceBadge *badge = m_pane->spaceBadge();
    QVERIFY(badge->text().contains(QStringLiteral("1008×756")));
    QVERIFY(badge->text().contains(QStringLiteral("Qwen2.5-VL 72B Instruct")));
    QCOMPARE(badge->choice().reason, qvd::SpaceReason::ModelFamily);

    QSignalSpy changed(m_pane.get(), &InspectorPane::spaceOverrideChanged);
    auto *norm = badge->menu()->findChild<QAction *>(QStringLiteral("spaceNorm1000"));
    QVERIFY(norm);
    norm->trigger();
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.last().at(0).value<std::optional<qvd::CoordinateSpace>>(),
             std::optional(qvd::CoordinateSpace::Norm1000));
    QCOMPARE(badge->choice().reason, qvd::SpaceReason::UserOverride);
    QVERIFY(badge->text().contains(QStringLiteral("set by you")));
    QVERIFY(badge->toolTip().contains(QStringLiteral("your choice")));
    // Re-read as 0..1000: 100 → 100, 200·0.75 = 150, 504, 378·0.75 = 283.5 → 284.
    QCOMPARE(rowText(m_pane->table()->model(), 0).mid(2, 4),
             (QStringList{QStringLiteral("100"), QStringLiteral("150"), QStringLiteral("504"),
                          QStringLiteral("284")}));

    badge->menu()->findChild<QAction *>(QStringLiteral("spaceAutomatic"))->trigger();
    QCOMPARE(changed.last().at(0).value<std::optional<qvd::CoordinateSpace>>(), std::nullopt);
    QCOMPARE(rowText(m_pane->table()->model(), 0)[2], QStringLiteral("99"));
}

void TestInspectorPane::badgeSaysWhenValuesAbove1000ChoseTheSpace()
{
    const QString answer =
        QStringLiteral("```json\n[{\"bbox_2d\": [100, 100, 1008, 700], \"label\": \"wide\"}]\n```");
    m_pane->setAnswer(answer, qvd::GroundingParser().parse(answer),
                      m_models.find(QStringLiteral("qwen3-vl-plus")), {photoTransform()});
    QCOMPARE(m_pane->spaceBadge()->choice().reason, qvd::SpaceReason::ValuesAbove1000);
    QVERIFY(m_pane->spaceBadge()->text().contains(QStringLiteral("values > 1000")));
    QVERIFY(m_pane->spaceBadge()->toolTip().contains(QStringLiteral("values above 1000")));
    QCOMPARE(rowText(m_pane->table()->model(), 0)[4], QStringLiteral("1000"));
}

void TestInspectorPane::exportsHoldTheVisibleDetections()
{
    showQwen25();
    DetectionTableModel *model = m_pane->table()->model();
    model->setRowHidden(1, true); // cat
    QTemporaryDir dir;
    QVERIFY(dir.isValid());

    const QString png = dir.filePath(QStringLiteral("annotated.png"));
    QVERIFY2(m_pane->exportAnnotatedPng(png), qPrintable(m_pane->lastError()));
    const QImage annotated(png);
    QCOMPARE(annotated.size(), QSize(1000, 750));
    // 狗's left edge at x = 99.2 with a 3-px line (BoxPainter's width for 1000×750).
    const QColor dogColour = LabelPalette::colour(QStringLiteral("狗"));
    for (int y = 260; y < 360; y += 20)
        QVERIFY(near(annotated.pixel(99, y), dogColour, 2));
    // The hidden cat box (left edge x = 595.2) is not drawn: the photo shows through.
    for (int y = 260; y < 360; y += 20)
        QCOMPARE(annotated.pixel(595, y), m_image.pixel(595, y));

    const QString coco = dir.filePath(QStringLiteral("coco.json"));
    QVERIFY(m_pane->exportCoco(coco));
    QFile cocoFile(coco);
    QVERIFY(cocoFile.open(QIODevice::ReadOnly));
    const QJsonObject cocoDoc = QJsonDocument::fromJson(cocoFile.readAll()).object();
    const QJsonArray annotations = cocoDoc.value(QStringLiteral("annotations")).toArray();
    QCOMPARE(annotations.size(), 2);
    const QJsonArray bbox = annotations[0].toObject().value(QStringLiteral("bbox")).toArray();
    QVERIFY(std::abs(bbox[0].toDouble() - 99.206) < 0.01);
    QVERIFY(std::abs(bbox[2].toDouble() - (500 - 99.206)) < 0.01);
    QCOMPARE(cocoDoc.value(QStringLiteral("images"))
                 .toArray()[0]
                 .toObject()
                 .value(QStringLiteral("file_name"))
                 .toString(),
             QStringLiteral("photo.png"));
    QCOMPARE(cocoDoc.value(QStringLiteral("categories")).toArray().size(), 1);

    const QString labelMe = dir.filePath(QStringLiteral("photo.json"));
    QVERIFY(m_pane->exportLabelMe(labelMe));
    QFile labelMeFile(labelMe);
    QVERIFY(labelMeFile.open(QIODevice::ReadOnly));
    const QJsonArray shapes = QJsonDocument::fromJson(labelMeFile.readAll())
                                  .object()
                                  .value(QStringLiteral("shapes"))
                                  .toArray();
    QCOMPARE(shapes.size(), 2);
    QCOMPARE(shapes[1].toObject().value(QStringLiteral("shape_type")).toString(),
             QStringLiteral("point"));

    const QString yolo = dir.filePath(QStringLiteral("photo.txt"));
    QVERIFY(m_pane->exportYolo(yolo));
    QFile yoloFile(yolo);
    QVERIFY(yoloFile.open(QIODevice::ReadOnly | QIODevice::Text));
    const QStringList lines =
        QString::fromUtf8(yoloFile.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QVERIFY(lines[0].startsWith(QStringLiteral("0 0.29960")));
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("classes.txt"))));

    QVERIFY(!m_pane->exportCoco(dir.filePath(QStringLiteral("missing/dir/coco.json"))));
    QVERIFY(m_pane->lastError().contains(QStringLiteral("coco.json")));
}

void TestInspectorPane::inspectOnlyShowsThePastedAnswer()
{
    qvd::InspectOnlyWindow *window = m_pane->openInspectOnly();
    QVERIFY(window);
    QVERIFY(QTest::qWaitForWindowExposed(window));
    window->setImage(m_image, QStringLiteral("elsewhere.png"));
    window->setModelId(QStringLiteral("qwen3-vl-plus"));
    QApplication::clipboard()->setText(qwen25Answer);
    window->answerEdit()->setFocus();
    window->answerEdit()->paste();
    QCOMPARE(window->answerEdit()->toPlainText(), qwen25Answer);
    // Read as Qwen3-VL (0..1000): 100 → 100, 200 → 150.
    const DetectionTableModel *model = window->inspector()->table()->model();
    QCOMPARE(model->rowCount(), 3);
    QCOMPARE(rowText(model, 0).mid(2, 2),
             (QStringList{QStringLiteral("100"), QStringLiteral("150")}));
    // Picking the model that wrote it re-reads the numbers (absolute, 1008×756 input).
    window->setModelId(QStringLiteral("qwen2.5-vl-72b-instruct"));
    QCOMPARE(rowText(model, 0).mid(2, 2),
             (QStringList{QStringLiteral("99"), QStringLiteral("198")}));
    window->close();
}

void TestInspectorPane::streamingKeepsHiddenRowsAndSelection()
{
    const qvd::ModelInfo model = m_models.find(QStringLiteral("qwen3-vl-plus"));
    const QString first =
        QStringLiteral("```json\n[{\"bbox_2d\": [10, 10, 100, 100], \"label\": \"a\"},"
                       " {\"bbox_2d\": [200, 200, 300, 300], \"label\": \"b\"}");
    m_pane->setAnswer(first, qvd::GroundingParser(qvd::ParseMode::Streaming).parse(first), model,
                      {photoTransform()});
    DetectionTableModel *table = m_pane->table()->model();
    QCOMPARE(table->rowCount(), 2);
    table->setRowHidden(0, true);
    m_pane->table()->view()->selectRow(1);

    const QString more =
        first + QStringLiteral(", {\"bbox_2d\": [400, 400, 500, 500], \"label\": \"a\"}]");
    m_pane->setAnswer(more, qvd::GroundingParser(qvd::ParseMode::Streaming).parse(more), model,
                      {photoTransform()});
    QCOMPARE(table->rowCount(), 3);
    QVERIFY(table->rows()[0].detection.hidden);
    QVERIFY(!table->rows()[2].detection.hidden);
    QCOMPARE(m_pane->table()->selectedSourceRow(), 1);
    QCOMPARE(m_pane->canvas()->selected(), 1);

    // Another answer starts afresh.
    m_pane->setAnswer(qwen3Answer, qvd::GroundingParser().parse(qwen3Answer), model,
                      {photoTransform()});
    QVERIFY(!table->rows()[0].detection.hidden);
    QCOMPARE(m_pane->table()->selectedSourceRow(), -1);
}

namespace {

// Marks every string it is asked for, so a retranslated text is recognisable.
class MarkingTranslator : public QTranslator
{
public:
    QString translate(const char *, const char *source, const char *, int) const override
    {
        return QStringLiteral("‹%1›").arg(QString::fromUtf8(source));
    }
    bool isEmpty() const override { return false; }
};

} // namespace

void TestInspectorPane::languageChangeRetranslates()
{
    showQwen25();
    auto *region = m_pane->findChild<QAction *>(QStringLiteral("actionRegionTool"));
    QVERIFY(region);
    const QString english = region->text();
    MarkingTranslator marking;
    QVERIFY(QCoreApplication::installTranslator(&marking));
    QTRY_COMPARE(region->text(), QStringLiteral("‹%1›").arg(english));
    QVERIFY(m_pane->spaceBadge()->text().startsWith(QStringLiteral("‹")));
    QVERIFY(m_pane->table()
                ->model()
                ->headerData(0, Qt::Horizontal)
                .toString()
                .startsWith(QStringLiteral("‹")));
    QVERIFY(m_pane->table()->filterEdit()->placeholderText().startsWith(QStringLiteral("‹")));
    QCoreApplication::removeTranslator(&marking);
    QTRY_COMPARE(region->text(), english);
}

void TestInspectorPane::headerSectionsFitTheirLabelsAsDrawn()
{
    QTableView *view = m_pane->table()->view();
    QHeaderView *header = view->horizontalHeader();
    // Qt's own measure, for comparison: in bold, as labels are drawn in a highlighted column.
    QHeaderView plain(Qt::Horizontal);
    plain.setModel(view->model());
    plain.setSortIndicatorShown(header->isSortIndicatorShown());
    QFont bold = header->font();
    bold.setBold(true);
    auto label = [&](int section) {
        return view->model()->headerData(section, Qt::Horizontal).toString();
    };

    // No rows, nothing to select: the labels are drawn, and measured, in the regular font.
    QCOMPARE(view->model()->rowCount(), 0);
    bool narrower = false;
    for (int section = 0; section < header->count(); ++section) {
        QVERIFY(header->sectionSizeHint(section)
                > header->fontMetrics().horizontalAdvance(label(section)));
        QVERIFY(header->sectionSizeHint(section) <= plain.sectionSizeHint(section));
        narrower = narrower || header->sectionSizeHint(section) < plain.sectionSizeHint(section);
    }
    QVERIFY(narrower); // bold is wider

    // With rows a selected one draws every label in bold: sized exactly as Qt sizes them.
    showQwen25();
    view->selectRow(1);
    QVERIFY(view->model()->rowCount() > 0);
    for (int section = 0; section < header->count(); ++section) {
        QCOMPARE(header->sectionSizeHint(section), plain.sectionSizeHint(section));
        QVERIFY(header->sectionSize(section)
                > QFontMetrics(bold).horizontalAdvance(label(section)));
    }
}

QVD_TEST_WIDGETS_MAIN(TestInspectorPane)
#include "tst_InspectorPane.moc"
