#pragma once

#include "core/eval/Counts.h"
#include "core/grounding/MappedDetection.h"

#include <QWidget>

#include <optional>

class QAction;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QTableWidget;
class QToolButton;

namespace qvd {

class ScoringRule;

// The inspector's "Ground truth" tab: load ground truth for the shown image (a file or a
// folder, COCO / LabelMe / YOLO / Pascal VOC), show or hide it, remove it, make the boxes shown
// the ground truth; the scoring rule (IoU threshold, exact or loose labels, the synonym table);
// and the scores of the boxes shown against the ground truth — TP, FP, FN, precision, recall,
// F1, mean IoU — with the ground-truth objects listed, each matched or missed. It asks; the
// inspector does. Its widgets are made when the tab is first shown (or truthTable() is asked
// for): the main window's first frame shows only the tab's title. Until then it keeps what it
// is told.
class TruthPanel : public QWidget
{
    Q_OBJECT
public:
    explicit TruthPanel(ScoringRule *scoring, QWidget *parent = nullptr);

    // Where the shown ground truth came from; empty: none loaded.
    void setSource(const QString &source);
    // The ground truth of the shown image and which objects nothing matched.
    void setTruth(const QList<MappedDetection> &truth, const QSet<int> &missed);
    // nullopt: nothing to score (no ground truth, or no answer shown).
    void setCounts(const std::optional<Counts> &counts);
    void setCanPromote(bool can);
    bool showsTruth() const;

    QAction *loadFileAction() const { return m_loadFile; }
    QAction *loadFolderAction() const { return m_loadFolder; }
    QTableWidget *truthTable();
    // The figure shown for "tp", "fp", "fn", "precision", "recall", "f1", "mean_iou".
    QString figure(const QString &key) const;

Q_SIGNALS:
    void loadFileRequested();
    void loadFolderRequested();
    void removeRequested();
    void promoteRequested();
    void showTruthChanged(bool show);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void build();
    void retranslate();
    void showCounts();
    void editSynonyms();
    void showRule();

    ScoringRule *m_scoring;
    QAction *m_loadFile;
    QAction *m_loadFolder;
    bool m_showTruth = true;
    bool m_canPromote = false;
    // Made by build().
    QToolButton *m_load = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_promote = nullptr;
    QLabel *m_source = nullptr;
    QCheckBox *m_show = nullptr;
    QLabel *m_iouLabel = nullptr;
    QDoubleSpinBox *m_iou = nullptr;
    QLabel *m_matchLabel = nullptr;
    QComboBox *m_match = nullptr;
    QPushButton *m_synonyms = nullptr;
    QList<QLabel *> m_names; // the figures' names
    QList<QLabel *> m_values;
    QLabel *m_note = nullptr;
    QTableWidget *m_table = nullptr;
    QString m_sourceText;
    std::optional<Counts> m_counts;
    QList<MappedDetection> m_truth;
    QSet<int> m_missed;
};

} // namespace qvd
