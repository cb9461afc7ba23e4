#include "ui/inspector/InspectorPane.h"

#include "core/grounding/RegionPrompt.h"
#include "core/session/DeskSession.h"
#include "ui/inspector/BoxEditTool.h"
#include "ui/inspector/ComparePanel.h"
#include "ui/inspector/DetectionExporter.h"
#include "ui/inspector/DetectionTable.h"
#include "ui/inspector/DetectionTableModel.h"
#include "ui/inspector/ImageCanvas.h"
#include "ui/inspector/InspectOnlyWindow.h"
#include "ui/inspector/InspectorLayers.h"
#include "ui/inspector/SpaceBadge.h"
#include "ui/inspector/TruthPanel.h"

#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <utility>

namespace qvd {

InspectorPane::InspectorPane(QWidget *parent)
    : QWidget(parent),
      m_toolBar(new QToolBar(this)),
      m_canvas(new ImageCanvas(this)),
      m_table(new DetectionTable(this)),
      m_tabs(new QTabWidget(this)),
      m_badge(new SpaceBadge(this)),
      m_zoomLabel(new QLabel(this)),
      m_exportButton(new QToolButton(this))
{
    setObjectName(QStringLiteral("inspectorPane"));
    m_canvas->setMinimumHeight(200);
    createActions();

    auto *split = new QSplitter(Qt::Vertical, this);
    split->setChildrenCollapsible(false);
    m_tabs->setObjectName(QStringLiteral("inspectorTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_table, QString());
    m_tabs->tabBar()->hide(); // one tab until a session brings the layers
    split->addWidget(m_canvas);
    split->addWidget(m_tabs);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_badge, 0, Qt::AlignLeft);
    layout->addWidget(split, 1);
    setMinimumWidth(260);

    DetectionTableModel *model = m_table->model();
    connect(model, &DetectionTableModel::modelReset, this, &InspectorPane::updateCanvasDetections);
    connect(model, &DetectionTableModel::visibilityChanged, this,
            &InspectorPane::updateCanvasDetections);
    connect(m_table, &DetectionTable::filterChanged, this, &InspectorPane::updateCanvasDetections);

    // Box ↔ row, both ways; the chat hears about both through the answer index.
    connect(m_canvas, &ImageCanvas::detectionHovered, this, [this](int row) {
        m_table->model()->setHoveredRow(row);
        Q_EMIT detectionHovered(answerIndexOfRow(row));
    });
    connect(m_canvas, &ImageCanvas::detectionClicked, this, [this](int row) {
        m_table->selectSourceRow(row);
        if (row >= 0)
            Q_EMIT detectionActivated(answerIndexOfRow(row));
    });
    connect(m_table, &DetectionTable::rowHovered, this, [this](int row) {
        m_canvas->setHovered(row);
        m_table->model()->setHoveredRow(row);
        Q_EMIT detectionHovered(answerIndexOfRow(row));
    });
    connect(m_table, &DetectionTable::rowSelected, this, [this](int row) {
        m_canvas->setSelected(row);
        m_canvas->reveal(row);
        if (m_layers)
            m_layers->editTool()->select(m_rowIds.value(row));
        if (row >= 0)
            Q_EMIT detectionActivated(answerIndexOfRow(row));
    });

    // Right-click on a box: the same menu as on its row (hide it, its label, show only…).
    m_canvas->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_canvas, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const int row = m_canvas->detectionAt(pos);
        if (row < 0)
            return;
        QMenu *menu = m_table->createContextMenu(row, this);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(m_canvas->viewport()->mapToGlobal(pos));
    });
    connect(m_canvas, &ImageCanvas::regionDrawn, this,
            [this](const QRectF &rect) { emitRegion(&rect, {}); });
    connect(m_canvas, &ImageCanvas::pointPicked, this,
            [this](QPointF point) { emitRegion(nullptr, point); });
    connect(m_canvas, &ImageCanvas::zoomChanged, this,
            [this](qreal zoom) { m_zoomLabel->setText(tr("%1 %").arg(qRound(zoom * 100))); });
    connect(m_badge, &SpaceBadge::overrideChosen, this,
            [this](std::optional<CoordinateSpace> space) {
                setSpaceOverride(space);
                Q_EMIT spaceOverrideChanged(space);
            });
    retranslate();
    clearImage();
}

InspectorPane::~InspectorPane()
{
    // The layers draw on and filter the canvas: they go first, while it is still there (Qt
    // deletes children in the order they were made, and the canvas was made before them).
    delete std::exchange(m_layers, nullptr);
}

void InspectorPane::createActions()
{
    m_toolBar->setObjectName(QStringLiteral("inspectorToolBar"));
    m_toolBar->setIconSize(QSize(16, 16));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto add = [this](QAction *&action, const char *name, auto slot) {
        action = m_toolBar->addAction(QString());
        action->setObjectName(QString::fromLatin1(name));
        connect(action, &QAction::triggered, m_canvas, slot);
    };
    add(m_fit, "actionZoomFit", &ImageCanvas::zoomToFit);
    add(m_actual, "actionZoomActual", &ImageCanvas::zoomToActualSize);
    add(m_zoomOut, "actionZoomOut", &ImageCanvas::zoomOut);
    add(m_zoomIn, "actionZoomIn", &ImageCanvas::zoomIn);
    m_zoomIn->setShortcut(QKeySequence::ZoomIn);
    m_zoomOut->setShortcut(QKeySequence::ZoomOut);
    for (QAction *action : {m_fit, m_actual, m_zoomIn, m_zoomOut})
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_toolBar->addWidget(m_zoomLabel);
    m_toolBar->addSeparator();

    m_region = m_toolBar->addAction(QString());
    m_region->setObjectName(QStringLiteral("actionRegionTool"));
    m_region->setCheckable(true);
    connect(m_region, &QAction::toggled, this, [this](bool on) {
        m_canvas->setTool(on ? ImageCanvas::Tool::Region : ImageCanvas::Tool::Select);
    });

    auto *exportMenu = new QMenu(this);
    auto addExport = [this, exportMenu](DetectionExporter::Format format) {
        QAction *action = exportMenu->addAction(QString());
        connect(action, &QAction::triggered, this, [this, format] { exportAs(int(format)); });
        return action;
    };
    m_exportPng = addExport(DetectionExporter::Format::AnnotatedPng);
    m_exportCoco = addExport(DetectionExporter::Format::Coco);
    m_exportLabelMe = addExport(DetectionExporter::Format::LabelMe);
    m_exportYolo = addExport(DetectionExporter::Format::Yolo);
    m_exportPng->setObjectName(QStringLiteral("actionExportPng"));
    m_exportCoco->setObjectName(QStringLiteral("actionExportCoco"));
    m_exportLabelMe->setObjectName(QStringLiteral("actionExportLabelMe"));
    m_exportYolo->setObjectName(QStringLiteral("actionExportYolo"));
    m_exportButton->setObjectName(QStringLiteral("exportButton"));
    m_exportButton->setMenu(exportMenu);
    m_exportButton->setPopupMode(QToolButton::InstantPopup);
    m_exportButton->setAutoRaise(true);
    m_toolBar->addWidget(m_exportButton);
}

void InspectorPane::setImage(const QImage &original, const ImageTransform &transform,
                             int imageIndex, const QString &fileName)
{
    m_original = original;
    m_transform = transform;
    m_imageIndex = imageIndex;
    m_fileName = fileName.isEmpty() ? QStringLiteral("image-%1.png").arg(imageIndex + 1) : fileName;
    m_canvas->setImage(original);
    for (QWidget *w : {static_cast<QWidget *>(m_toolBar), static_cast<QWidget *>(m_table)})
        w->setEnabled(!original.isNull());
    remap();
}

void InspectorPane::clearImage()
{
    setImage(QImage(), ImageTransform(), -1, QStringLiteral("image.png"));
}

void InspectorPane::setAnswer(const QString &answerText, const QList<Detection> &detections,
                              const ModelInfo &model,
                              const QList<ImageTransform> &imagesBeforeAnswer)
{
    // Streaming: the same answer grows; anything else is a new answer.
    const bool sameAnswer = !m_answerText.isEmpty() && answerText.startsWith(m_answerText)
        && model.id == m_answerModel.id;
    if (!sameAnswer)
        m_override.reset();
    m_answerText = answerText;
    m_detections = detections;
    m_answerModel = model;
    m_imagesBeforeAnswer = imagesBeforeAnswer;
    // The conversation's record of the shown image may be newer: what the server's reply said
    // about its size (ServerSizeCheck).
    if (m_imageIndex >= 0 && m_imageIndex < imagesBeforeAnswer.size()
        && imagesBeforeAnswer[m_imageIndex].isValid())
        m_transform = imagesBeforeAnswer[m_imageIndex];
    remap(sameAnswer);
}

void InspectorPane::clearAnswer()
{
    m_answerText.clear();
    m_detections.clear();
    m_imagesBeforeAnswer.clear();
    m_override.reset();
    remap(false);
}

void InspectorPane::setSpaceOverride(std::optional<CoordinateSpace> space)
{
    m_override = space;
    remap();
}

void InspectorPane::remap(bool keepHidden)
{
    const int selected = answerIndexOfRow(m_table->selectedSourceRow());
    m_mapped = mapAnswer(m_detections, m_answerModel, m_imagesBeforeAnswer, m_override);
    // The answer's own boxes on this image, named by id.
    m_answered.clear();
    for (int i = 0; i < m_mapped.detections.size(); ++i) {
        const MappedDetection &d = m_mapped.detections[i];
        if (m_original.isNull() || d.image != m_imageIndex)
            continue;
        m_answered.append({m_detectionIds.value(i, QString::number(i)), d});
    }
    // The person's corrections of them, when there are any, are what is shown and exported.
    const QString answerId = m_session ? m_session->selection()->answerId() : QString();
    const std::optional<QList<LayerBox>> corrected =
        m_layers ? m_layers->corrections(answerId, m_imageId) : std::nullopt;
    const QList<LayerBox> &boxes = corrected ? *corrected : m_answered;
    QList<DetectionTableModel::Row> rows;
    m_rowIds.clear();
    int drawn = 0;
    for (const LayerBox &box : boxes) {
        const qsizetype own =
            m_detectionIds.isEmpty() ? box.id.toInt() : m_detectionIds.indexOf(box.id);
        DetectionTableModel::Row row;
        row.detection = box.detection;
        row.detection.hidden = false;
        if (own >= 0 && own < m_detections.size()) {
            const Detection &source = m_detections[own];
            row.answerIndex = int(own);
            row.syntax = source.syntax;
            row.source = m_answerText.mid(source.sourceStart, source.sourceLength);
        } else {
            // A box the person drew: past the answer's own, so hiding it hides nothing else.
            row.answerIndex = int(m_detections.size()) + drawn++;
            row.source = tr("(drawn by you)");
        }
        row.detection.image = m_imageIndex;
        rows.append(row);
        m_rowIds.append(box.id);
    }
    // Hidden rows and the selection survive a re-read (override) and a growing answer.
    m_table->model()->setRows(rows, keepHidden);
    if (keepHidden && selected >= 0)
        highlightDetection(selected);
    updateBadge();
}

void InspectorPane::updateCanvasDetections()
{
    QList<MappedDetection> shown = m_table->model()->detections();
    for (int row = 0; row < shown.size(); ++row) {
        if (!m_table->passesFilter(row))
            shown[row].hidden = true;
    }
    m_canvas->setDetections(shown);
    m_canvas->setSelected(m_table->selectedSourceRow());
    updateLayers();
}

void InspectorPane::updateLayers()
{
    if (!m_layers)
        return;
    InspectorLayers::Shown shown;
    shown.imageId = m_original.isNull() ? QString() : m_imageId;
    shown.imageIndex = m_imageIndex;
    shown.imageSize = m_original.size();
    shown.fileName = m_fileName;
    shown.answerId = m_session->selection()->answerId();
    // An image not sent yet has no answer about it.
    if (m_imageIndex < 0)
        shown.answerId.clear();
    shown.answered = m_answered;
    shown.ids = m_rowIds;
    shown.detections = m_canvas->detections();
    m_layers->setShown(shown);
}

QList<MappedDetection> InspectorPane::shownDetections() const
{
    return m_canvas->detections();
}

void InspectorPane::updateBadge()
{
    if (m_detections.isEmpty() || m_original.isNull()) {
        m_badge->clear();
        return;
    }
    const QString name =
        m_answerModel.displayName.isEmpty() ? m_answerModel.id : m_answerModel.displayName;
    QSize input = m_transform.modelInputSize();
    if (input.isEmpty() && m_transform.originalSize.isValid())
        input = smartResize(m_transform.originalSize, m_transform.budget).value_or(QSize());
    m_badge->setChoice(m_mapped.space, name, input);
    m_badge->setServerCheck(m_transform.sizeCheck, m_transform.serverSize, m_transform.sentSize);
}

void InspectorPane::setSession(DeskSession *session)
{
    m_session = session;
    Selection *selection = session->selection();
    m_layers = new InspectorLayers(session, m_canvas, this, this);
    m_tabs->addTab(m_layers->truthPanel(), QString());
    m_tabs->addTab(m_layers->comparePanel(), QString());
    m_tabs->tabBar()->show();
    m_toolBar->addSeparator();
    for (QAction *action : {m_layers->editAction(), m_layers->undoAction(), m_layers->redoAction(),
                            m_layers->revertAction()})
        m_toolBar->addAction(action);
    connect(m_layers->editAction(), &QAction::toggled, this, [this](bool on) {
        if (on && m_region->isChecked())
            m_region->setChecked(false);
    });
    connect(m_region, &QAction::toggled, this, [this](bool on) {
        if (on && m_layers->editAction()->isChecked())
            m_layers->editAction()->setChecked(false);
    });
    connect(m_layers, &InspectorLayers::correctionsChanged, this, [this] { remap(); });
    connect(m_layers, &InspectorLayers::boxChosen, this, [this](int row) {
        m_table->selectSourceRow(row);
        m_canvas->setSelected(row);
        if (row >= 0)
            Q_EMIT detectionActivated(answerIndexOfRow(row));
    });
    retranslate();
    connect(selection, &Selection::imageChanged, this, [this, selection] {
        const Selection::Image &image = selection->image();
        m_imageId = image.id;
        setImage(image.original, image.transform, image.conversationIndex, image.fileName);
    });
    connect(selection, &Selection::answerChanged, this, &InspectorPane::showSessionAnswer);
    connect(this, &InspectorPane::spaceOverrideChanged, this,
            [this, selection](std::optional<CoordinateSpace> space) {
                m_session->setSpaceOverride(selection->answerId(), space);
            });
    connect(this, &InspectorPane::detectionHovered, selection, [this, selection](int index) {
        selection->setHoveredDetection(m_detectionIds.value(index));
    });
    connect(this, &InspectorPane::detectionActivated, selection, [this, selection](int index) {
        selection->setSelectedDetection(m_detectionIds.value(index));
    });
    connect(selection, &Selection::hoveredDetectionChanged, this, [this](const QString &id) {
        const int row = rowOfDetectionId(id);
        m_table->model()->setHoveredRow(row);
        m_canvas->setHovered(row);
    });
    connect(selection, &Selection::selectedDetectionChanged, this, [this](const QString &id) {
        const int row = rowOfDetectionId(id);
        if (row >= 0)
            highlightDetection(m_table->model()->rows().at(row).answerIndex);
    });
}

void InspectorPane::showSessionAnswer()
{
    const DeskSession::Answer answer = m_session->answer(m_session->selection()->answerId());
    if (answer.id.isEmpty()) {
        m_detectionIds.clear();
        clearAnswer();
        return;
    }
    m_detectionIds = answer.detectionIds;
    setAnswer(answer.text, answer.detections, answer.model, answer.imagesBefore);
    if (m_override != answer.spaceOverride)
        setSpaceOverride(answer.spaceOverride);
}

int InspectorPane::rowOfDetectionId(const QString &id) const
{
    const qsizetype index = id.isEmpty() ? -1 : m_detectionIds.indexOf(id);
    return index < 0 ? -1 : m_table->model()->rowOfAnswerIndex(int(index));
}

int InspectorPane::answerIndexOfRow(int row) const
{
    const auto &rows = m_table->model()->rows();
    return row >= 0 && row < rows.size() ? rows[row].answerIndex : -1;
}

void InspectorPane::highlightDetection(int answerIndex)
{
    const int row = m_table->model()->rowOfAnswerIndex(answerIndex);
    m_table->selectSourceRow(row);
    m_canvas->setSelected(row);
    m_canvas->reveal(row);
}

void InspectorPane::emitRegion(const QRectF *rect, QPointF point)
{
    if (m_original.isNull())
        return;
    // Without a session (tests, the inspect-only window), in the answer's model's syntax.
    const RegionPrompt prompt(m_answerModel, m_transform);
    Part region = rect ? Part::fromRegion(*rect, prompt.forRect(*rect), m_imageIndex)
                       : Part::fromPoint(point, prompt.forPoint(point), m_imageIndex);
    region.imageId = m_imageId;
    // imageIndex counts the images of one message; this one may be in an earlier message.
    if (m_session)
        region.imageIndex = -1;
    Q_EMIT regionRequested(region);
}

bool InspectorPane::exportTo(int format, const QString &path)
{
    DetectionExporter exporter(m_original, shownDetections(), m_fileName);
    const bool ok = exporter.write(DetectionExporter::Format(format), path);
    m_lastError = ok ? QString() : exporter.errorString();
    return ok;
}

bool InspectorPane::exportAnnotatedPng(const QString &path)
{
    return exportTo(int(DetectionExporter::Format::AnnotatedPng), path);
}

bool InspectorPane::exportCoco(const QString &path)
{
    return exportTo(int(DetectionExporter::Format::Coco), path);
}

bool InspectorPane::exportLabelMe(const QString &path)
{
    return exportTo(int(DetectionExporter::Format::LabelMe), path);
}

bool InspectorPane::exportYolo(const QString &path)
{
    return exportTo(int(DetectionExporter::Format::Yolo), path);
}

void InspectorPane::exportAs(int format)
{
    if (m_original.isNull())
        return;
    const auto type = DetectionExporter::Format(format);
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export"),
        QDir(folder).filePath(DetectionExporter::suggestedFileName(type, m_fileName)),
        DetectionExporter::fileFilter(type));
    if (!path.isEmpty() && !exportTo(format, path))
        QMessageBox::warning(this, tr("Export failed"), m_lastError);
}

InspectOnlyWindow *InspectorPane::openInspectOnly()
{
    auto *window = new InspectOnlyWindow(m_models, this);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->show();
    return window;
}

void InspectorPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void InspectorPane::retranslate()
{
    //: Zoom so the whole image fits the view
    m_fit->setText(tr("Fit"));
    m_fit->setToolTip(tr("Fit the whole image in the view"));
    //: Zoom to 100 %: one image pixel per screen pixel
    m_actual->setText(tr("1:1"));
    m_actual->setToolTip(tr("Actual size (100 %)"));
    m_zoomIn->setText(QStringLiteral("+"));
    m_zoomIn->setToolTip(tr("Zoom in"));
    m_zoomOut->setText(QStringLiteral("−"));
    m_zoomOut->setToolTip(tr("Zoom out"));
    m_region->setText(tr("Ask about a region"));
    m_region->setToolTip(tr("Drag a rectangle or click a point on the image to ask the model "
                            "about it"));
    m_exportButton->setText(tr("Export"));
    m_exportButton->setAccessibleName(tr("Export the image or the detections"));
    m_exportPng->setText(tr("Annotated image (PNG)…"));
    m_exportCoco->setText(tr("Detections as COCO JSON…"));
    m_exportLabelMe->setText(tr("Detections as LabelMe JSON…"));
    m_exportYolo->setText(tr("Detections as YOLO labels…"));
    m_zoomLabel->setAccessibleName(tr("Zoom level"));
    m_canvas->setAccessibleName(tr("Image with detections"));
    m_canvas->setPlaceholderText(
        tr("No image selected.\nBoxes and points the model names appear here."));
    m_zoomLabel->setText(tr("%1 %").arg(qRound(m_canvas->zoom() * 100)));
    //: Inspector tab: the boxes of the answer shown
    m_tabs->setTabText(0, tr("Detections"));
    if (m_layers) {
        m_tabs->setTabText(1, tr("Ground truth"));
        //: Inspector tab: the answer against another answer
        m_tabs->setTabText(2, tr("Compare"));
        m_layers->retranslate();
    }
}

} // namespace qvd
