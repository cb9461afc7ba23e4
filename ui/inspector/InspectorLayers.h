#pragma once

#include "core/grounding/LayerBox.h"
#include "ui/inspector/LayerOverlay.h"

#include <QObject>
#include <QPointer>
#include <QSize>

#include <optional>

class QAction;
class QWidget;

namespace qvd {

class BoxEditTool;
class BoxEditor;
class ComparePanel;
class DeskSession;
class ImageCanvas;
class SideBySideWindow;
class TruthPanel;

// The inspector's layers beside the model's boxes, over the desk session (AnnotationLayers,
// ScoringRule): ground truth loaded for the shown image and the scores of the boxes shown
// against it, another answer to compare with, and the edit tool whose corrections become the
// shown answer's correction layer (with undo and redo). It draws through LayerOverlay on the
// canvas and fills the "Ground truth" and "Compare" tabs; the inspector tells it what it shows
// after every change (setShown) and reads the corrections back when it maps an answer.
class InspectorLayers : public QObject
{
    Q_OBJECT
public:
    // What the inspector shows now.
    struct Shown
    {
        QString imageId;
        int imageIndex = -1; // among the conversation's images; -1 for one not sent yet
        QSize imageSize;
        QString fileName;
        QString answerId;
        QList<LayerBox> answered; // the answer's own boxes on the image
        QStringList ids; // of the canvas's detections, in its order
        QList<MappedDetection> detections; // the canvas's (hidden ones flagged)
    };

    // `owner`: the widget dialogs and the side-by-side window open over.
    InspectorLayers(DeskSession *session, ImageCanvas *canvas, QWidget *owner,
                    QObject *parent = nullptr);
    ~InspectorLayers() override;

    DeskSession *session() const { return m_session; }

    TruthPanel *truthPanel() const { return m_truthPanel; }
    ComparePanel *comparePanel() const { return m_comparePanel; }
    BoxEditTool *editTool() const { return m_tool; }
    BoxEditor *editor() const { return m_editor; }
    const LayerOverlay &overlay() const { return m_overlay; }
    QAction *editAction() const { return m_edit; }
    QAction *undoAction() const { return m_undo; }
    QAction *redoAction() const { return m_redo; }
    QAction *revertAction() const { return m_revert; }
    SideBySideWindow *sideBySide() const;

    void setShown(const Shown &shown);
    // The shown answer's corrections on the image, when it has any.
    std::optional<QList<LayerBox>> corrections(const QString &answerId,
                                               const QString &imageId) const;

    // Reads ground truth for the shown image (and for the conversation's other images named in
    // it) from a file or a folder. False, with the reason shown to the person, when it cannot.
    bool loadTruth(const QString &path);
    QString lastError() const { return m_lastError; }
    // The answers to compare side by side, in a window of their own.
    SideBySideWindow *openSideBySide(const QStringList &answerIds);
    void retranslate();

Q_SIGNALS:
    // The shown answer's correction layer changed: the inspector maps the answer again.
    void correctionsChanged();
    // The edit tool chose the box at this position of the canvas's list (-1: none).
    void boxChosen(int index);

private:
    void rescore();
    void updateCompareCandidates();
    void updateComparison();
    void updateActions();
    void chooseFile();
    void chooseFolder();
    void addBox(const QRectF &rect);
    void relabel(const QString &boxId);
    QList<LayerBox> boxesOf(const QString &answerId) const;
    QString answerName(const QString &answerId) const;
    QStringList siblingsOfShown() const;
    void showMessage(const QString &text);

    DeskSession *m_session;
    ImageCanvas *m_canvas;
    QWidget *m_owner;
    LayerOverlay m_overlay;
    TruthPanel *m_truthPanel = nullptr;
    ComparePanel *m_comparePanel = nullptr;
    BoxEditTool *m_tool = nullptr;
    BoxEditor *m_editor = nullptr;
    QAction *m_edit = nullptr;
    QAction *m_undo = nullptr;
    QAction *m_redo = nullptr;
    QAction *m_revert = nullptr;
    QPointer<SideBySideWindow> m_sideBySide;
    Shown m_shown;
    QString m_lastError;
};

} // namespace qvd
