#include "ui/inspector/DetectionTable.h"

#include "core/grounding/LabelPalette.h"
#include "ui/inspector/DetectionTableModel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QMenu>
#include <QPixmap>
#include <QSortFilterProxyModel>
#include <QStyleOptionHeader>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace qvd {

namespace {

// The column headers. Qt sizes a section for its label in bold, the way the label is drawn when
// a selected row highlights the columns. With no rows nothing can be selected: an empty table is
// measured in the font its labels are painted with, and the app's first frame loads no bold
// font face for nothing (a fontconfig match and a FreeType face, ~0.8 ms).
class DetectionHeader : public QHeaderView
{
public:
    using QHeaderView::QHeaderView;

protected:
    QSize sectionSizeFromContents(int logicalIndex) const override
    {
        if (!model() || model()->rowCount() > 0)
            return QHeaderView::sectionSizeFromContents(logicalIndex);
        QStyleOptionHeader option;
        initStyleOption(&option);
        option.section = logicalIndex;
        option.text = model()->headerData(logicalIndex, orientation()).toString();
        if (isSortIndicatorShown())
            option.sortIndicator = QStyleOptionHeader::SortDown;
        return style()->sizeFromContents(QStyle::CT_HeaderSection, &option, QSize(), this);
    }
};

QIcon swatch(const QString &label)
{
    QPixmap pixmap(12, 12);
    pixmap.fill(LabelPalette::colour(label));
    return QIcon(pixmap);
}

} // namespace

DetectionTable::DetectionTable(QWidget *parent)
    : QWidget(parent),
      m_model(new DetectionTableModel(this)),
      m_proxy(new QSortFilterProxyModel(this)),
      m_filter(new QLineEdit(this)),
      m_labels(new QToolButton(this)),
      m_labelsMenu(new QMenu(this)),
      m_view(new QTableView(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterKeyColumn(DetectionTableModel::LabelColumn);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortRole(DetectionTableModel::SortRole);
    m_filter->setObjectName(QStringLiteral("detectionFilter"));
    m_filter->setClearButtonEnabled(true);
    m_labels->setObjectName(QStringLiteral("labelsButton"));
    m_labels->setPopupMode(QToolButton::InstantPopup);
    m_labels->setMenu(m_labelsMenu);
    connect(m_labelsMenu, &QMenu::aboutToShow, this, &DetectionTable::fillLabelsMenu);

    m_view->setHorizontalHeader(new DetectionHeader(Qt::Horizontal, m_view));
    m_view->setObjectName(QStringLiteral("detectionTable"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder); // the answer's order until a header is clicked
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setMouseTracking(true);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(DetectionTableModel::LabelColumn,
                                                     QHeaderView::Stretch);
    m_view->viewport()->installEventFilter(this);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text);
        Q_EMIT filterChanged();
    });
    connect(m_view, &QTableView::entered, this, [this](const QModelIndex &index) {
        Q_EMIT rowHovered(m_proxy->mapToSource(index).row());
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (!m_selecting)
                    Q_EMIT rowSelected(current.isValid() ? m_proxy->mapToSource(current).row()
                                                         : -1);
            });
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex index = m_view->indexAt(pos);
        if (!index.isValid())
            return;
        QMenu *menu = createContextMenu(m_proxy->mapToSource(index).row(), this);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(m_view->viewport()->mapToGlobal(pos));
    });

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_labels);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_view);
    retranslate();
}

bool DetectionTable::passesFilter(int sourceRow) const
{
    return m_proxy->mapFromSource(m_model->index(sourceRow, 0)).isValid();
}

void DetectionTable::selectSourceRow(int sourceRow)
{
    m_selecting = true;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(sourceRow, 0));
    if (index.isValid()) {
        m_view->selectionModel()->setCurrentIndex(
            index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_view->scrollTo(index);
    } else {
        m_view->selectionModel()->clear();
    }
    m_selecting = false;
}

int DetectionTable::selectedSourceRow() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : m_proxy->mapToSource(rows.first()).row();
}

QMenu *DetectionTable::createContextMenu(int sourceRow, QWidget *parent)
{
    auto *menu = new QMenu(parent);
    menu->setObjectName(QStringLiteral("detectionContextMenu"));
    if (sourceRow < 0 || sourceRow >= m_model->rowCount())
        return menu;
    const QString label = m_model->rows()[sourceRow].detection.label;
    const QString shown = DetectionTableModel::displayLabel(label);
    QAction *hideRow = menu->addAction(tr("Hide this detection"));
    hideRow->setObjectName(QStringLiteral("hideRow"));
    connect(hideRow, &QAction::triggered, this,
            [this, sourceRow] { m_model->setRowHidden(sourceRow, true); });
    QAction *hideLabel = menu->addAction(tr("Hide all «%1»").arg(shown));
    hideLabel->setObjectName(QStringLiteral("hideLabel"));
    connect(hideLabel, &QAction::triggered, this,
            [this, label] { m_model->setLabelHidden(label, true); });
    QAction *only = menu->addAction(tr("Show only «%1»").arg(shown));
    only->setObjectName(QStringLiteral("showOnlyLabel"));
    connect(only, &QAction::triggered, this, [this, label] {
        m_model->showAll();
        for (const QString &other : m_model->labels()) {
            if (other != label)
                m_model->setLabelHidden(other, true);
        }
    });
    menu->addSeparator();
    QAction *all = menu->addAction(tr("Show all"));
    all->setObjectName(QStringLiteral("showAll"));
    connect(all, &QAction::triggered, m_model, &DetectionTableModel::showAll);
    return menu;
}

void DetectionTable::fillLabelsMenu()
{
    m_labelsMenu->clear();
    const QStringList labels = m_model->labels();
    if (labels.isEmpty()) {
        m_labelsMenu->addAction(tr("No detections"))->setEnabled(false);
        return;
    }
    for (const QString &label : labels) {
        QAction *action =
            m_labelsMenu->addAction(swatch(label), DetectionTableModel::displayLabel(label));
        action->setCheckable(true);
        action->setChecked(!m_model->isLabelHidden(label));
        connect(action, &QAction::toggled, this,
                [this, label](bool on) { m_model->setLabelHidden(label, !on); });
    }
    m_labelsMenu->addSeparator();
    connect(m_labelsMenu->addAction(tr("Show all")), &QAction::triggered, m_model,
            &DetectionTableModel::showAll);
}

bool DetectionTable::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Leave)
        Q_EMIT rowHovered(-1);
    return QWidget::eventFilter(watched, event);
}

void DetectionTable::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void DetectionTable::retranslate()
{
    m_filter->setPlaceholderText(tr("Filter by label"));
    m_filter->setAccessibleName(tr("Filter detections by label"));
    //: Button with a menu that shows or hides the boxes of each label
    m_labels->setText(tr("Labels"));
    m_labels->setAccessibleName(tr("Show or hide labels"));
    m_view->setAccessibleName(tr("Detections"));
    m_model->retranslate();
}

} // namespace qvd
