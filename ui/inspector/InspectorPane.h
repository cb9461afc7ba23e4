#pragma once

#include "core/conversation/Part.h"
#include "core/grounding/AnswerMapping.h"
#include "core/grounding/LayerBox.h"
#include "core/imaging/ImageTransform.h"
#include "core/models/ModelInfo.h"

#include <QImage>
#include <QWidget>

#include <optional>

class QAction;
class QLabel;
class QTabWidget;
class QToolBar;
class QToolButton;

namespace qvd {

class DeskSession;
class DetectionTable;
class ImageCanvas;
class InspectOnlyWindow;
class InspectorLayers;
class ModelRegistry;
class SpaceBadge;

// Right pane, the image inspector: the selected image at full resolution with the selected
// answer's boxes and points drawn over it (zoom, pan), the coordinate-space badge with its
// override menu, the detection table (filter, show/hide per row and label), the region tool to
// ask about part of the image, and exports. Detections are named by their index in the list
// given to setAnswer() ("answer index"), which is what the chat view knows.
// With a session it also shows the layers beside the answer (InspectorLayers): ground truth
// and scores, another answer to compare with, and the edit tool; when the person corrected the
// answer's boxes, the table, the canvas and the exports show the corrections.
class InspectorPane : public QWidget
{
    Q_OBJECT
public:
    explicit InspectorPane(QWidget *parent = nullptr);
    ~InspectorPane() override;

    // For the inspect-only window's model picker; without it the built-in list is used.
    void setModelRegistry(const ModelRegistry *models) { m_models = models; }
    // Shows what the session's selection points at (its image, its answer, the detection
    // hovered or chosen anywhere) and hands it what the person does here (hover, click, a
    // space override, a region). Detections are named by id between panes.
    void setSession(DeskSession *session);

    // The upright original image (kept, never rescaled), its transform, and its 0-based index
    // among the conversation's images — the index detections' img_idx and regions refer to.
    // `fileName` names the image in COCO/LabelMe exports (default "image-<index + 1>.png").
    void setImage(const QImage &original, const ImageTransform &transform, int imageIndex,
                  const QString &fileName = {});
    void clearImage();
    int imageIndex() const { return m_imageIndex; }

    // The answer to show (call again as it streams): its detections as parsed, the model that
    // wrote it, and the transforms of the conversation's images before it, oldest first. Only
    // the detections that land on the shown image are listed and drawn. A new answer (not a
    // continuation of the last one) clears hidden rows and the space override.
    void setAnswer(const QString &answerText, const QList<Detection> &detections,
                   const ModelInfo &model, const QList<ImageTransform> &imagesBeforeAnswer);
    void clearAnswer();
    const MappedAnswer &mappedAnswer() const { return m_mapped; }

    // Re-reads the answer in `space` (nullopt: automatic). Does not emit spaceOverrideChanged.
    void setSpaceOverride(std::optional<CoordinateSpace> space);
    std::optional<CoordinateSpace> spaceOverride() const { return m_override; }

    // What the exports write: the image, and the table's detections with `hidden` set for the
    // unchecked and filtered-out rows (what the canvas draws).
    QList<MappedDetection> shownDetections() const;
    bool exportAnnotatedPng(const QString &path);
    bool exportCoco(const QString &path);
    bool exportLabelMe(const QString &path);
    bool exportYolo(const QString &path);
    QString lastError() const { return m_lastError; }

    ImageCanvas *canvas() const { return m_canvas; }
    DetectionTable *table() const { return m_table; }
    QTabWidget *tabs() const { return m_tabs; }
    // Null until setSession().
    InspectorLayers *layers() const { return m_layers; }
    SpaceBadge *spaceBadge() const { return m_badge; }

public Q_SLOTS:
    // Selects the detection in the table and on the image (from the chat); emits nothing.
    void highlightDetection(int answerIndex);
    // A window to open any image, paste an answer from elsewhere and see its boxes.
    InspectOnlyWindow *openInspectOnly();

Q_SIGNALS:
    // A region drawn (or a point clicked) with the region tool, as a region Part on the shown
    // image (Part::imageId); its text is written for the model when it is sent.
    void regionRequested(const qvd::Part &regionPart);
    void detectionHovered(int answerIndex); // -1 when nothing is hovered any more
    void detectionActivated(int answerIndex);
    void spaceOverrideChanged(std::optional<qvd::CoordinateSpace> space);

protected:
    void changeEvent(QEvent *event) override;

private:
    void createActions();
    void remap(bool keepHidden = true);
    void updateCanvasDetections();
    void updateBadge();
    void emitRegion(const QRectF *rect, QPointF point);
    int answerIndexOfRow(int row) const;
    int rowOfDetectionId(const QString &id) const;
    void showSessionAnswer();
    // Tells the layers what is shown now (after the rows or their visibility changed).
    void updateLayers();
    bool exportTo(int format, const QString &path); // format: DetectionExporter::Format
    void exportAs(int format);
    void retranslate();

    const ModelRegistry *m_models = nullptr;
    QImage m_original;
    ImageTransform m_transform;
    int m_imageIndex = -1;
    QString m_fileName;
    QString m_answerText;
    QList<Detection> m_detections;
    ModelInfo m_answerModel;
    DeskSession *m_session = nullptr;
    QString m_imageId;
    QStringList m_detectionIds; // of m_detections, when shown from the session
    QList<LayerBox> m_answered; // the answer's own boxes on the shown image
    QStringList m_rowIds; // the box id of each table row (a detection id, or a drawn box's)
    QList<ImageTransform> m_imagesBeforeAnswer;
    std::optional<CoordinateSpace> m_override;
    MappedAnswer m_mapped;
    QString m_lastError;

    QToolBar *m_toolBar = nullptr;
    ImageCanvas *m_canvas = nullptr;
    DetectionTable *m_table = nullptr;
    QTabWidget *m_tabs = nullptr;
    InspectorLayers *m_layers = nullptr;
    SpaceBadge *m_badge = nullptr;
    QLabel *m_zoomLabel = nullptr;
    QToolButton *m_exportButton = nullptr;
    QAction *m_fit = nullptr;
    QAction *m_actual = nullptr;
    QAction *m_zoomIn = nullptr;
    QAction *m_zoomOut = nullptr;
    QAction *m_region = nullptr;
    QAction *m_exportPng = nullptr;
    QAction *m_exportCoco = nullptr;
    QAction *m_exportLabelMe = nullptr;
    QAction *m_exportYolo = nullptr;
};

} // namespace qvd
