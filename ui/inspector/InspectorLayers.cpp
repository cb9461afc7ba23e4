#include "ui/inspector/InspectorLayers.h"

#include "core/conversation/ChatSession.h"
#include "core/dataset/TruthForImage.h"
#include "core/eval/BoxMatching.h"
#include "core/session/AnnotationLayers.h"
#include "core/session/AnswerBoxes.h"
#include "core/session/BoxEditor.h"
#include "core/session/DeskSession.h"
#include "core/session/ScoringRule.h"
#include "core/storage/ConversationRecorder.h"
#include "ui/compare/PairTableModel.h"
#include "ui/compare/SideBySideWindow.h"
#include "ui/inspector/BoxEditTool.h"
#include "ui/inspector/ComparePanel.h"
#include "ui/inspector/ImageCanvas.h"
#include "ui/inspector/TruthPanel.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMessageBox>
#include <QStandardPaths>
#include <QUndoStack>

namespace qvd {

namespace {

QString ofLabels(const QList<LayerBox> &boxes, const QString &preferred)
{
    if (!preferred.isEmpty())
        return preferred;
    QHash<QString, int> counts;
    QString best;
    for (const LayerBox &box : boxes) {
        const int n = ++counts[box.detection.label];
        if (n > counts.value(best))
            best = box.detection.label;
    }
    return best;
}

} // namespace

InspectorLayers::InspectorLayers(DeskSession *session, ImageCanvas *canvas, QWidget *owner,
                                 QObject *parent)
    : QObject(parent),
      m_session(session),
      m_canvas(canvas),
      m_owner(owner),
      m_truthPanel(new TruthPanel(session->scoring(), owner)),
      m_comparePanel(new ComparePanel(owner)),
      m_tool(new BoxEditTool(canvas, &m_overlay, this)),
      m_editor(new BoxEditor(session->annotations(), this)),
      m_edit(new QAction(this)),
      m_undo(m_editor->undoStack()->createUndoAction(this, tr("Undo"))),
      m_redo(m_editor->undoStack()->createRedoAction(this, tr("Redo"))),
      m_revert(new QAction(this))
{
    canvas->addLayer(&m_overlay);
    m_edit->setObjectName(QStringLiteral("actionEditBoxes"));
    m_edit->setCheckable(true);
    m_undo->setObjectName(QStringLiteral("actionUndoBoxEdit"));
    m_redo->setObjectName(QStringLiteral("actionRedoBoxEdit"));
    m_revert->setObjectName(QStringLiteral("actionRevertCorrections"));
    m_undo->setShortcut(QKeySequence::Undo);
    m_redo->setShortcut(QKeySequence::Redo);
    for (QAction *action : {m_undo, m_redo})
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_edit, &QAction::toggled, m_tool, &BoxEditTool::setActive);
    connect(m_revert, &QAction::triggered, m_editor, &BoxEditor::revert);
    connect(m_editor->undoStack(), &QUndoStack::indexChanged, this,
            &InspectorLayers::updateActions);

    connect(m_tool, &BoxEditTool::rectChanged, m_editor, &BoxEditor::setRect);
    connect(m_tool, &BoxEditTool::boxDrawn, this, &InspectorLayers::addBox);
    connect(m_tool, &BoxEditTool::deleteRequested, m_editor, &BoxEditor::remove);
    connect(m_tool, &BoxEditTool::relabelRequested, this, &InspectorLayers::relabel);
    connect(m_tool, &BoxEditTool::selectionChanged, this,
            [this](const QString &id) { Q_EMIT boxChosen(int(m_shown.ids.indexOf(id))); });

    AnnotationLayers *layers = session->annotations();
    connect(layers, &AnnotationLayers::layerChanged, this,
            [this](const QString &imageId, const QString &answerId) {
                if (imageId != m_shown.imageId)
                    return;
                if (!answerId.isEmpty() && answerId == m_shown.answerId)
                    Q_EMIT correctionsChanged(); // the inspector maps again, then setShown
                else if (answerId.isEmpty())
                    rescore();
                else if (answerId == m_comparePanel->chosen())
                    updateComparison();
            });
    connect(layers, &AnnotationLayers::reset, this, [this] {
        Q_EMIT correctionsChanged();
        rescore();
    });
    connect(session->scoring(), &ScoringRule::changed, this, [this] {
        rescore();
        updateComparison();
    });
    connect(session->chat(), &ChatSession::messageChanged, this, [this](int index) {
        const auto &messages = m_session->chat()->conversation().messages;
        if (index >= 0 && index < messages.size() && messages[index].id == m_comparePanel->chosen())
            updateComparison();
    });
    connect(session, &DeskSession::severalAsked, this,
            [this](const QStringList &answers) { openSideBySide(answers); });

    connect(m_truthPanel, &TruthPanel::loadFileRequested, this, &InspectorLayers::chooseFile);
    connect(m_truthPanel, &TruthPanel::loadFolderRequested, this, &InspectorLayers::chooseFolder);
    connect(m_truthPanel, &TruthPanel::removeRequested, this,
            [this] { m_session->annotations()->removeTruth(m_shown.imageId); });
    connect(m_truthPanel, &TruthPanel::showTruthChanged, this, [this](bool show) {
        m_overlay.setShowTruth(show);
        m_canvas->viewport()->update();
    });
    connect(m_truthPanel, &TruthPanel::promoteRequested, this, [this] {
        m_editor->promoteToTruth(tr("the boxes of %1").arg(answerName(m_shown.answerId)));
    });
    connect(m_comparePanel, &ComparePanel::chosenChanged, this, &InspectorLayers::updateComparison);
    connect(m_comparePanel, &ComparePanel::sideBySideRequested, this, [this] {
        QStringList group = siblingsOfShown();
        if (group.size() < 2 && !m_comparePanel->chosen().isEmpty())
            group = {m_shown.answerId, m_comparePanel->chosen()};
        openSideBySide(group);
    });
    retranslate();
    updateActions();
}

InspectorLayers::~InspectorLayers()
{
    m_canvas->removeLayer(&m_overlay);
}

SideBySideWindow *InspectorLayers::sideBySide() const
{
    return m_sideBySide;
}

std::optional<QList<LayerBox>> InspectorLayers::corrections(const QString &answerId,
                                                            const QString &imageId) const
{
    return m_session->annotations()->corrections(answerId, imageId);
}

void InspectorLayers::setShown(const Shown &shown)
{
    const bool otherAnswer = shown.answerId != m_shown.answerId || shown.imageId != m_shown.imageId;
    m_shown = shown;
    m_overlay.setPredictions(shown.detections);
    m_tool->setBoxes(shown.ids, shown.detections);
    if (!shown.answerId.isEmpty() && !shown.imageId.isEmpty())
        m_editor->setTarget(shown.answerId, shown.imageId, shown.answered);
    else
        m_editor->setTarget({}, {}, {});
    // Nothing to compare with yet: the other answers of one question asked of several models
    // are added, and get their boxes, while the first one is already shown.
    if (otherAnswer || m_comparePanel->chosen().isEmpty())
        updateCompareCandidates();
    rescore();
    updateComparison();
    updateActions();
}

void InspectorLayers::updateActions()
{
    const bool editable = m_editor->hasTarget();
    m_edit->setEnabled(editable);
    if (!editable && m_edit->isChecked())
        m_edit->setChecked(false);
    m_revert->setEnabled(editable && m_editor->isCorrected());
    m_truthPanel->setCanPromote(editable);
    m_truthPanel->setEnabled(!m_shown.imageId.isEmpty());
}

void InspectorLayers::rescore()
{
    const auto truth =
        m_shown.imageId.isEmpty() ? std::nullopt : m_session->annotations()->truth(m_shown.imageId);
    if (!truth) {
        m_overlay.setTruth({});
        m_overlay.setMarks({}, {});
        m_truthPanel->setSource({});
        m_truthPanel->setCounts(std::nullopt);
        m_truthPanel->setTruth({}, {});
        m_canvas->viewport()->update();
        return;
    }
    const QList<MappedDetection> boxes = layerDetections(truth->boxes);
    m_overlay.setTruth(boxes);
    const QFileInfo file(truth->source);
    m_truthPanel->setSource(file.isAbsolute() ? file.fileName() : truth->source);
    m_truthPanel->setToolTip(QDir::toNativeSeparators(truth->source));
    if (m_shown.answerId.isEmpty()) {
        // Nothing to score yet: the ground truth alone.
        m_overlay.setMarks({}, {});
        m_truthPanel->setCounts(std::nullopt);
        m_truthPanel->setTruth(boxes, {});
    } else {
        const ImageEvaluation result =
            matchBoxes(boxes, m_shown.detections, m_session->scoring()->evaluator());
        const QSet<int> missed(result.missedTruth.cbegin(), result.missedTruth.cend());
        const QSet<int> unmatched(result.falsePredictions.cbegin(), result.falsePredictions.cend());
        m_overlay.setMarks(missed, unmatched);
        m_truthPanel->setCounts(result.counts);
        m_truthPanel->setTruth(boxes, missed);
    }
    m_canvas->viewport()->update();
}

QList<LayerBox> InspectorLayers::boxesOf(const QString &answerId) const
{
    return shownBoxes(*m_session, answerId, m_shown.imageId, m_shown.imageIndex);
}

QString InspectorLayers::answerName(const QString &answerId) const
{
    const DeskSession::Answer answer = m_session->answer(answerId);
    const QString model =
        answer.model.displayName.isEmpty() ? answer.model.id : answer.model.displayName;
    return model.isEmpty() ? tr("the answer") : model;
}

QStringList InspectorLayers::siblingsOfShown() const
{
    ChatSession *chat = m_session->chat();
    QStringList ids;
    for (const int index : chat->answerGroup(chat->indexOf(m_shown.answerId)))
        ids.append(chat->conversation().messages[index].id);
    return ids;
}

void InspectorLayers::updateCompareCandidates()
{
    QList<QPair<QString, QString>> candidates;
    QString preferred;
    const QStringList siblings = siblingsOfShown();
    if (!m_shown.answerId.isEmpty() && m_shown.imageIndex >= 0) {
        const auto &messages = m_session->chat()->conversation().messages;
        int number = 0;
        for (const Message &message : messages) {
            if (message.role != Message::Role::Assistant)
                continue;
            ++number;
            if (message.id == m_shown.answerId)
                continue;
            // Only answers with something on this image (or still arriving).
            if (boxesOf(message.id).isEmpty() && !siblings.contains(message.id))
                continue;
            //: Compare list: the model that wrote an answer, and the answer's number
            candidates.append(
                {message.id, tr("%1 · answer %2").arg(answerName(message.id)).arg(number)});
            if (preferred.isEmpty() && siblings.contains(message.id))
                preferred = message.id;
        }
    }
    m_comparePanel->setCandidates(candidates, preferred);
    m_comparePanel->setSideBySideEnabled(siblings.size() > 1 || !candidates.isEmpty());
}

void InspectorLayers::updateComparison()
{
    const QString other = m_comparePanel->chosen();
    if (other.isEmpty() || m_shown.answerId.isEmpty()) {
        m_overlay.clearComparison();
        m_comparePanel->model()->clear();
        m_comparePanel->setSummary(QString());
        m_canvas->viewport()->update();
        return;
    }
    const QList<MappedDetection> b = layerDetections(boxesOf(other));
    const ImageEvaluation matching =
        matchBoxes(m_shown.detections, b, m_session->scoring()->evaluator());
    const QString nameA = answerName(m_shown.answerId);
    QString nameB = answerName(other);
    if (nameB == nameA)
        nameB = tr("%1 (other)").arg(nameB);
    m_comparePanel->model()->setNames(nameA, nameB);
    m_comparePanel->model()->setComparison(m_shown.detections, b, matching);
    const QSet<int> onlyA(matching.missedTruth.cbegin(), matching.missedTruth.cend());
    const QSet<int> onlyB(matching.falsePredictions.cbegin(), matching.falsePredictions.cend());
    m_overlay.setComparison(b, onlyA, onlyB, nameB);
    PairTableModel *model = m_comparePanel->model();
    m_comparePanel->setSummary(
        tr("%n pair(s) found by both", nullptr, model->count(PairTableModel::Kind::Pair))
        + QStringLiteral(" · ") + tr("%1 only: %2").arg(nameA).arg(onlyA.size())
        + QStringLiteral(" · ") + tr("%1 only: %2").arg(nameB).arg(onlyB.size()));
    m_canvas->viewport()->update();
}

bool InspectorLayers::loadTruth(const QString &path)
{
    m_lastError.clear();
    if (m_shown.imageId.isEmpty())
        return false;
    QString error;
    QStringList warnings;
    const auto images = TruthForImage::read(path, m_shown.imageSize, &error, &warnings);
    if (!images) {
        m_lastError = error;
        QMessageBox::warning(m_owner, tr("Cannot load ground truth"), error);
        return false;
    }
    int entry = TruthForImage::entryFor(*images, m_shown.fileName);
    if (entry < 0 && !images->isEmpty()) {
        QStringList names;
        for (const DatasetImage &image : *images)
            names.append(image.imageName());
        bool ok = false;
        const QString name = QInputDialog::getItem(
            m_owner, tr("Which image?"),
            tr("“%1” holds %n image(s), none called “%2”. Which one is this image?", nullptr,
               int(images->size()))
                .arg(QFileInfo(path).fileName(), QFileInfo(m_shown.fileName).completeBaseName()),
            names, 0, false, &ok);
        if (!ok)
            return false;
        entry = int(names.indexOf(name));
    }
    if (entry < 0) {
        m_lastError = tr("“%1” holds no annotations.").arg(QDir::toNativeSeparators(path));
        QMessageBox::warning(m_owner, tr("Cannot load ground truth"), m_lastError);
        return false;
    }
    AnnotationLayers *layers = m_session->annotations();
    const auto asLayer = [](const QList<MappedDetection> &detections) {
        QList<LayerBox> boxes;
        for (int i = 0; i < detections.size(); ++i)
            boxes.append({QStringLiteral("truth.%1").arg(i), detections[i]});
        return boxes;
    };
    bool scaled = false;
    layers->setTruth(m_shown.imageId, path,
                     asLayer(TruthForImage::fitted(images->at(entry), m_shown.imageSize, &scaled)));
    QStringList notes;
    if (scaled)
        notes.append(tr("The ground truth was made for a %1×%2 copy of this image; its boxes were "
                        "scaled to it.")
                         .arg(images->at(entry).size.width())
                         .arg(images->at(entry).size.height()));
    // The conversation's other images named in the file or folder get theirs too.
    int others = 0;
    if (images->size() > 1) {
        ConversationRecorder *recorder = m_session->recorder();
        for (const Message &message : m_session->chat()->conversation().messages) {
            for (const Part &part : message.parts) {
                if (part.kind != Part::Kind::Image || part.id == m_shown.imageId)
                    continue;
                const QString name =
                    QFileInfo(recorder->originalName(part.imageHash)).completeBaseName();
                for (const DatasetImage &image : *images) {
                    if (name.isEmpty() || image.imageName() != name)
                        continue;
                    layers->setTruth(
                        part.id, path,
                        asLayer(TruthForImage::fitted(image, part.transform.originalSize)));
                    ++others;
                    break;
                }
            }
        }
    }
    if (others > 0)
        notes.append(tr("%n other image(s) of this conversation got their ground truth too.",
                        nullptr, others));
    if (!warnings.isEmpty())
        notes.append(tr("%n object(s) were skipped: %1", nullptr, int(warnings.size()))
                         .arg(warnings.first()));
    if (!notes.isEmpty())
        showMessage(notes.join(QLatin1Char(' ')));
    return true;
}

void InspectorLayers::chooseFile()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    const QString path =
        QFileDialog::getOpenFileName(m_owner, tr("Load ground truth"), folder,
                                     tr("Annotations (*.json *.xml *.txt);;All files (*)"));
    if (!path.isEmpty())
        loadTruth(path);
}

void InspectorLayers::chooseFolder()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    const QString path =
        QFileDialog::getExistingDirectory(m_owner, tr("Load ground truth from a folder"), folder);
    if (!path.isEmpty())
        loadTruth(path);
}

void InspectorLayers::addBox(const QRectF &rect)
{
    const QList<LayerBox> boxes = m_editor->boxes();
    QString label;
    const qsizetype selected = m_shown.ids.indexOf(m_tool->selectedId());
    if (selected >= 0 && selected < m_shown.detections.size())
        label = m_shown.detections[selected].label;
    label = ofLabels(boxes, label);
    if (label.isEmpty())
        label = tr("object");
    const QString id = m_editor->add(rect, label);
    if (id.isEmpty())
        return;
    m_tool->select(id);
    showMessage(tr("New box “%1”: press F2 to rename it.").arg(label));
}

void InspectorLayers::relabel(const QString &boxId)
{
    const QList<LayerBox> boxes = m_editor->boxes();
    QString current;
    QStringList labels;
    for (const LayerBox &box : boxes) {
        if (box.id == boxId)
            current = box.detection.label;
        if (!labels.contains(box.detection.label))
            labels.append(box.detection.label);
    }
    labels.removeAll(current);
    labels.prepend(current);
    bool ok = false;
    const QString label =
        QInputDialog::getItem(m_owner, tr("Rename box"), tr("Label:"), labels, 0, true, &ok);
    if (ok && !label.trimmed().isEmpty())
        m_editor->relabel(boxId, label.trimmed());
}

SideBySideWindow *InspectorLayers::openSideBySide(const QStringList &answerIds)
{
    if (answerIds.isEmpty())
        return nullptr;
    if (m_sideBySide)
        m_sideBySide->close();
    m_sideBySide = new SideBySideWindow(m_session, answerIds, m_owner);
    m_sideBySide->setAttribute(Qt::WA_DeleteOnClose);
    m_sideBySide->show();
    return m_sideBySide;
}

void InspectorLayers::showMessage(const QString &text)
{
    Q_EMIT m_session->message(text);
}

void InspectorLayers::retranslate()
{
    m_edit->setText(tr("Edit boxes"));
    m_edit->setToolTip(tr("Move and resize boxes by their edges and corners, draw new ones, "
                          "Delete removes, F2 renames. The answer's text is not changed."));
    m_revert->setText(tr("Back to the answer's boxes"));
    m_overlay.setTexts(tr("GT %1"), tr("missed %1"), tr("unmatched"), tr("only %1"));
}

} // namespace qvd
