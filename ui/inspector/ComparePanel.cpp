#include "ui/inspector/ComparePanel.h"

#include "ui/compare/PairTableModel.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace qvd {

ComparePanel::ComparePanel(QWidget *parent)
    : QWidget(parent),
      m_label(new QLabel(this)),
      m_answers(new QComboBox(this)),
      m_sideBySide(new QPushButton(this)),
      m_summary(new QLabel(this)),
      m_table(new QTableView(this)),
      m_model(new PairTableModel(this))
{
    setObjectName(QStringLiteral("comparePanel"));
    m_answers->setObjectName(QStringLiteral("compareCombo"));
    m_sideBySide->setObjectName(QStringLiteral("sideBySideButton"));
    m_summary->setObjectName(QStringLiteral("compareSummary"));
    m_table->setObjectName(QStringLiteral("compareTable"));
    m_label->setBuddy(m_answers);
    m_answers->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_answers->setMinimumContentsLength(16);
    m_summary->setWordWrap(true);
    m_table->setModel(m_model);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    connect(m_answers, &QComboBox::currentIndexChanged, this,
            [this] { Q_EMIT chosenChanged(chosen()); });
    connect(m_sideBySide, &QPushButton::clicked, this, &ComparePanel::sideBySideRequested);

    auto *top = new QHBoxLayout;
    top->addWidget(m_label);
    top->addWidget(m_answers, 1);
    top->addWidget(m_sideBySide);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    retranslate();
    setSideBySideEnabled(false);
}

void ComparePanel::setCandidates(const QList<QPair<QString, QString>> &answers,
                                 const QString &preferred)
{
    const QString current = chosen();
    {
        const QSignalBlocker block(m_answers);
        m_answers->clear();
        m_answers->addItem(tr("Nothing"), QString());
        for (const auto &answer : answers)
            m_answers->addItem(answer.second, answer.first);
        int index = current.isEmpty() ? -1 : m_answers->findData(current);
        if (index < 0)
            index = std::max(0, m_answers->findData(preferred));
        m_answers->setCurrentIndex(index);
    }
    if (chosen() != current)
        Q_EMIT chosenChanged(chosen());
}

QString ComparePanel::chosen() const
{
    return m_answers->currentData().toString();
}

void ComparePanel::choose(const QString &answerId)
{
    const int index = m_answers->findData(answerId);
    if (index >= 0)
        m_answers->setCurrentIndex(index);
}

void ComparePanel::setSummary(const QString &text)
{
    m_summary->setText(text);
}

void ComparePanel::setSideBySideEnabled(bool enabled)
{
    m_sideBySide->setEnabled(enabled);
}

void ComparePanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ComparePanel::retranslate()
{
    m_label->setText(tr("Compare with"));
    if (m_answers->count() > 0)
        m_answers->setItemText(0, tr("Nothing"));
    m_sideBySide->setText(tr("Side by side…"));
    m_sideBySide->setToolTip(tr("The answers to this question next to each other, each with its "
                                "boxes"));
    m_table->setAccessibleName(tr("Boxes of the two answers, paired by IoU"));
    m_model->retranslate();
}

} // namespace qvd
