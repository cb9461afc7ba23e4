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

ComparePanel::ComparePanel(QWidget *parent) : QWidget(parent), m_model(new PairTableModel(this))
{
    setObjectName(QStringLiteral("comparePanel"));
    m_model->retranslate();
}

void ComparePanel::build()
{
    if (m_table)
        return;
    // One child holds the rest: made while hidden, it is shown and laid out in one go with all it
    // holds (children made for a visible widget would show a turn of the event loop later).
    auto *content = new QWidget(this);
    m_label = new QLabel(content);
    m_answers = new QComboBox(content);
    m_sideBySide = new QPushButton(content);
    m_summary = new QLabel(content);
    m_table = new QTableView(content);
    m_answers->setObjectName(QStringLiteral("compareCombo"));
    m_sideBySide->setObjectName(QStringLiteral("sideBySideButton"));
    m_summary->setObjectName(QStringLiteral("compareSummary"));
    m_table->setObjectName(QStringLiteral("compareTable"));
    m_label->setBuddy(m_answers);
    m_answers->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_answers->setMinimumContentsLength(16);
    m_summary->setWordWrap(true);
    m_summary->setText(m_summaryText);
    m_table->setModel(m_model);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_sideBySide->setEnabled(m_sideBySideEnabled);
    fillAnswers();
    connect(m_answers, &QComboBox::currentIndexChanged, this, [this] {
        m_chosen = m_answers->currentData().toString();
        Q_EMIT chosenChanged(m_chosen);
    });
    connect(m_sideBySide, &QPushButton::clicked, this, &ComparePanel::sideBySideRequested);

    auto *top = new QHBoxLayout;
    top->addWidget(m_label);
    top->addWidget(m_answers, 1);
    top->addWidget(m_sideBySide);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(content);
    retranslate();
    // Shown and laid out now: the frame that shows the tab shows it filled.
    content->show();
    outer->activate();
}

void ComparePanel::showEvent(QShowEvent *event)
{
    build();
    QWidget::showEvent(event);
}

QTableView *ComparePanel::table()
{
    build();
    return m_table;
}

void ComparePanel::fillAnswers()
{
    if (!m_answers)
        return;
    const QSignalBlocker block(m_answers);
    m_answers->clear();
    m_answers->addItem(tr("Nothing"), QString());
    for (const auto &answer : std::as_const(m_candidates))
        m_answers->addItem(answer.second, answer.first);
    m_answers->setCurrentIndex(std::max(0, m_answers->findData(m_chosen)));
}

void ComparePanel::setCandidates(const QList<QPair<QString, QString>> &answers,
                                 const QString &preferred)
{
    const QString current = m_chosen;
    const auto offered = [&answers](const QString &id) {
        return !id.isEmpty()
            && std::any_of(
                answers.cbegin(), answers.cend(),
                [&id](const QPair<QString, QString> &answer) { return answer.first == id; });
    };
    m_candidates = answers;
    m_chosen = offered(current) ? current : offered(preferred) ? preferred : QString();
    fillAnswers();
    if (m_chosen != current)
        Q_EMIT chosenChanged(m_chosen);
}

QString ComparePanel::chosen() const
{
    return m_chosen;
}

void ComparePanel::choose(const QString &answerId)
{
    const bool offered = answerId.isEmpty()
        || std::any_of(m_candidates.cbegin(), m_candidates.cend(),
                       [&answerId](const QPair<QString, QString> &answer) {
                           return answer.first == answerId;
                       });
    if (!offered || answerId == m_chosen)
        return;
    m_chosen = answerId;
    fillAnswers();
    Q_EMIT chosenChanged(m_chosen);
}

void ComparePanel::setSummary(const QString &text)
{
    m_summaryText = text;
    if (m_summary)
        m_summary->setText(text);
}

void ComparePanel::setSideBySideEnabled(bool enabled)
{
    m_sideBySideEnabled = enabled;
    if (m_sideBySide)
        m_sideBySide->setEnabled(enabled);
}

void ComparePanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_model->retranslate();
        retranslate();
    }
    QWidget::changeEvent(event);
}

void ComparePanel::retranslate()
{
    if (!m_table)
        return;
    m_label->setText(tr("Compare with"));
    if (m_answers->count() > 0)
        m_answers->setItemText(0, tr("Nothing"));
    m_sideBySide->setText(tr("Side by side…"));
    m_sideBySide->setToolTip(tr("The answers to this question next to each other, each with its "
                                "boxes"));
    m_table->setAccessibleName(tr("Boxes of the two answers, paired by IoU"));
}

} // namespace qvd
