#include "ui/inspector/TruthPanel.h"

#include "core/session/ScoringRule.h"
#include "ui/inspector/SynonymDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace qvd {

namespace {

const char *const kFigureKeys[] = {"tp", "fp", "fn", "precision", "recall", "f1", "mean_iou"};
constexpr int kFigures = 7;

QString percent(const std::optional<double> &value)
{
    return value ? QStringLiteral("%1 %").arg(*value * 100, 0, 'f', 1) : QStringLiteral("—");
}

} // namespace

TruthPanel::TruthPanel(ScoringRule *scoring, QWidget *parent)
    : QWidget(parent),
      m_scoring(scoring),
      m_loadFile(new QAction(this)),
      m_loadFolder(new QAction(this))
{
    setObjectName(QStringLiteral("truthPanel"));
    m_loadFile->setObjectName(QStringLiteral("actionLoadTruthFile"));
    m_loadFolder->setObjectName(QStringLiteral("actionLoadTruthFolder"));
    connect(m_loadFile, &QAction::triggered, this, &TruthPanel::loadFileRequested);
    connect(m_loadFolder, &QAction::triggered, this, &TruthPanel::loadFolderRequested);
    connect(m_scoring, &ScoringRule::changed, this, &TruthPanel::showRule);
    retranslate();
}

void TruthPanel::build()
{
    if (m_table)
        return;
    // One child holds the rest: made while hidden, it is shown and laid out in one go with all it
    // holds (children made for a visible widget would show a turn of the event loop later).
    auto *content = new QWidget(this);
    m_load = new QToolButton(content);
    m_remove = new QPushButton(content);
    m_promote = new QPushButton(content);
    m_source = new QLabel(content);
    m_show = new QCheckBox(content);
    m_iouLabel = new QLabel(content);
    m_iou = new QDoubleSpinBox(content);
    m_matchLabel = new QLabel(content);
    m_match = new QComboBox(content);
    m_synonyms = new QPushButton(content);
    m_note = new QLabel(content);
    m_table = new QTableWidget(content);
    m_load->setObjectName(QStringLiteral("truthLoadButton"));
    m_remove->setObjectName(QStringLiteral("truthRemoveButton"));
    m_promote->setObjectName(QStringLiteral("truthPromoteButton"));
    m_source->setObjectName(QStringLiteral("truthSource"));
    m_show->setObjectName(QStringLiteral("truthShowCheck"));
    m_iou->setObjectName(QStringLiteral("iouSpin"));
    m_match->setObjectName(QStringLiteral("labelMatchCombo"));
    m_synonyms->setObjectName(QStringLiteral("synonymsButton"));
    m_table->setObjectName(QStringLiteral("truthTable"));

    auto *menu = new QMenu(this);
    menu->addAction(m_loadFile);
    menu->addAction(m_loadFolder);
    m_load->setMenu(menu);
    m_load->setPopupMode(QToolButton::InstantPopup);
    connect(m_remove, &QPushButton::clicked, this, &TruthPanel::removeRequested);
    connect(m_promote, &QPushButton::clicked, this, &TruthPanel::promoteRequested);
    m_show->setChecked(m_showTruth);
    connect(m_show, &QCheckBox::toggled, this, [this](bool show) {
        m_showTruth = show;
        Q_EMIT showTruthChanged(show);
    });
    m_source->setWordWrap(true);
    m_source->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_iou->setRange(0.05, 1.0);
    m_iou->setSingleStep(0.05);
    m_iou->setDecimals(2);
    m_match->addItem(QString(), int(LabelRule::Match::Loose));
    m_match->addItem(QString(), int(LabelRule::Match::Exact));
    connect(m_iou, &QDoubleSpinBox::valueChanged, m_scoring, &ScoringRule::setIouThreshold);
    connect(m_match, &QComboBox::currentIndexChanged, this,
            [this] { m_scoring->setMatch(LabelRule::Match(m_match->currentData().toInt())); });
    connect(m_synonyms, &QPushButton::clicked, this, &TruthPanel::editSynonyms);
    showRule();

    auto *top = new QHBoxLayout;
    top->addWidget(m_load);
    top->addWidget(m_remove);
    top->addWidget(m_show);
    top->addStretch(1);
    auto *rule = new QHBoxLayout;
    rule->addWidget(m_iouLabel);
    rule->addWidget(m_iou);
    rule->addWidget(m_matchLabel);
    rule->addWidget(m_match);
    rule->addWidget(m_synonyms);
    rule->addStretch(1);
    auto *figures = new QGridLayout;
    figures->setHorizontalSpacing(12);
    for (int i = 0; i < kFigures; ++i) {
        auto *name = new QLabel(content);
        auto *value = new QLabel(content);
        value->setObjectName(QStringLiteral("score_%1").arg(QLatin1String(kFigureKeys[i])));
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        QFont bold = value->font();
        bold.setBold(true);
        value->setFont(bold);
        figures->addWidget(name, 0, i);
        figures->addWidget(value, 1, i);
        m_names.append(name);
        m_values.append(value);
    }
    m_note->setWordWrap(true);
    m_note->setEnabled(false);

    m_table->setColumnCount(3);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_promote);
    bottom->addStretch(1);

    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(m_source);
    layout->addLayout(rule);
    layout->addLayout(figures);
    layout->addWidget(m_note);
    layout->addWidget(m_table, 1);
    layout->addLayout(bottom);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(content);
    m_remove->setEnabled(!m_sourceText.isEmpty());
    m_show->setEnabled(!m_sourceText.isEmpty());
    m_promote->setEnabled(m_canPromote);
    showCounts();
    retranslate();
    // Shown and laid out now: the frame that shows the tab shows it filled.
    content->show();
    outer->activate();
}

void TruthPanel::showEvent(QShowEvent *event)
{
    build();
    QWidget::showEvent(event);
}

QTableWidget *TruthPanel::truthTable()
{
    build();
    return m_table;
}

bool TruthPanel::showsTruth() const
{
    return m_showTruth;
}

void TruthPanel::showRule()
{
    if (!m_iou)
        return;
    const QSignalBlocker a(m_iou);
    const QSignalBlocker b(m_match);
    m_iou->setValue(m_scoring->iouThreshold());
    m_match->setCurrentIndex(m_match->findData(int(m_scoring->match())));
    m_synonyms->setToolTip(LabelRule::synonymsText(m_scoring->synonyms()));
}

void TruthPanel::editSynonyms()
{
    SynonymDialog dialog(m_scoring->synonyms(), this);
    if (dialog.exec() == QDialog::Accepted)
        m_scoring->setSynonyms(dialog.groups());
}

void TruthPanel::setSource(const QString &source)
{
    m_sourceText = source;
    if (m_remove) {
        m_remove->setEnabled(!source.isEmpty());
        m_show->setEnabled(!source.isEmpty());
    }
    retranslate();
}

void TruthPanel::setTruth(const QList<MappedDetection> &truth, const QSet<int> &missed)
{
    m_truth = truth;
    m_missed = missed;
    retranslate();
}

void TruthPanel::setCounts(const std::optional<Counts> &counts)
{
    m_counts = counts;
    showCounts();
}

void TruthPanel::showCounts()
{
    for (int i = 0; i < m_values.size(); ++i)
        m_values[i]->setText(figure(QLatin1String(kFigureKeys[i])));
}

QString TruthPanel::figure(const QString &key) const
{
    if (!m_counts) {
        const auto known =
            std::find_if(std::cbegin(kFigureKeys), std::cend(kFigureKeys),
                         [&key](const char *name) { return key == QLatin1String(name); });
        return known == std::cend(kFigureKeys) ? QString() : QStringLiteral("—");
    }
    const Counts &counts = *m_counts;
    if (key == QLatin1String("tp"))
        return QString::number(counts.tp);
    if (key == QLatin1String("fp"))
        return QString::number(counts.fp);
    if (key == QLatin1String("fn"))
        return QString::number(counts.fn);
    if (key == QLatin1String("precision"))
        return percent(counts.precision());
    if (key == QLatin1String("recall"))
        return percent(counts.recall());
    if (key == QLatin1String("f1"))
        return percent(counts.f1());
    if (key == QLatin1String("mean_iou")) {
        const auto iou = counts.meanIou();
        return iou ? QString::number(*iou, 'f', 3) : QStringLiteral("—");
    }
    return {};
}

void TruthPanel::setCanPromote(bool can)
{
    m_canPromote = can;
    if (m_promote)
        m_promote->setEnabled(can);
}

void TruthPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void TruthPanel::retranslate()
{
    m_loadFile->setText(tr("From a file…"));
    m_loadFolder->setText(tr("From a folder…"));
    if (!m_table)
        return;
    m_load->setText(tr("Load ground truth"));
    m_load->setToolTip(tr("Read ground truth for this image: COCO or LabelMe JSON, YOLO labels "
                          "or Pascal VOC XML"));
    m_remove->setText(tr("Remove"));
    m_remove->setToolTip(tr("Remove the ground truth of this image"));
    m_show->setText(tr("Show"));
    m_show->setToolTip(tr("Draw the ground truth over the image"));
    m_promote->setText(tr("Use the boxes shown as ground truth"));
    m_promote->setToolTip(tr("The answer's boxes as shown (with your corrections) become the "
                             "ground truth of this image"));
    //: Scoring: a prediction and a ground-truth box match at this overlap or more
    m_iouLabel->setText(tr("IoU at least"));
    m_matchLabel->setText(tr("Labels"));
    m_match->setItemText(0, tr("Ignore case and spaces"));
    m_match->setItemText(1, tr("Exactly as written"));
    m_synonyms->setText(tr("Synonyms…"));
    m_synonyms->setToolTip(LabelRule::synonymsText(m_scoring->synonyms()));
    const QStringList names{tr("TP"),     tr("FP"), tr("FN"),      tr("Precision"),
                            tr("Recall"), tr("F1"), tr("Mean IoU")};
    const QStringList tips{tr("True positives: boxes shown that match a ground-truth object"),
                           tr("False positives: boxes shown that match none"),
                           tr("False negatives: ground-truth objects no box matches"),
                           QString(),
                           QString(),
                           QString(),
                           tr("The mean IoU of the matched boxes")};
    for (int i = 0; i < kFigures; ++i) {
        m_names[i]->setText(names[i]);
        m_names[i]->setToolTip(tips[i]);
        m_values[i]->setToolTip(tips[i]);
    }
    if (m_sourceText.isEmpty()) {
        m_source->setText(tr("No ground truth for this image."));
        m_note->setText(QString());
    } else {
        m_source->setText(tr("Ground truth from %1").arg(m_sourceText));
        m_note->setText(tr("The scores compare the boxes shown (with your corrections) with the "
                           "ground truth. Unmatched boxes are framed in red on the image."));
    }
    m_table->setHorizontalHeaderLabels({tr("Label"), tr("Box"), tr("Matched")});
    m_table->setRowCount(int(m_truth.size()));
    for (int row = 0; row < m_truth.size(); ++row) {
        const MappedDetection &d = m_truth[row];
        const QRectF r = d.rect.normalized();
        const auto set = [&](int column, const QString &text) {
            auto *item = new QTableWidgetItem(text);
            m_table->setItem(row, column, item);
        };
        set(0, d.label);
        set(1,
            QStringLiteral("%1, %2 – %3, %4")
                .arg(qRound(r.left()))
                .arg(qRound(r.top()))
                .arg(qRound(r.right()))
                .arg(qRound(r.bottom())));
        //: Ground-truth list: whether a box shown matched this object
        set(2, !m_counts ? QString() : m_missed.contains(row) ? tr("missed") : tr("yes"));
    }
}

} // namespace qvd
