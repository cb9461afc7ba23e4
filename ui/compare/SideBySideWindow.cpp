#include "ui/compare/SideBySideWindow.h"

#include "core/conversation/ChatSession.h"
#include "core/eval/BoxMatching.h"
#include "core/session/AnnotationLayers.h"
#include "core/session/AnswerBoxes.h"
#include "core/session/DeskSession.h"
#include "core/session/ScoringRule.h"
#include "ui/compare/PairTableModel.h"
#include "ui/inspector/ImageCanvas.h"

#include <QComboBox>
#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace qvd {

SideBySideWindow::SideBySideWindow(DeskSession *session, const QStringList &answerIds,
                                   QWidget *parent)
    : QWidget(parent, Qt::Window),
      m_session(session),
      m_ids(answerIds),
      m_image(session->selection()->image()),
      m_compareLabel(new QLabel(this)),
      m_other(new QComboBox(this)),
      m_summary(new QLabel(this)),
      m_table(new QTableView(this)),
      m_pairs(new PairTableModel(this))
{
    setObjectName(QStringLiteral("sideBySideWindow"));
    if (m_image.conversationIndex < 0)
        m_image = {};

    auto *columns = new QSplitter(Qt::Horizontal, this);
    columns->setChildrenCollapsible(false);
    for (int i = 0; i < m_ids.size(); ++i) {
        auto *frame = new QFrame(columns);
        frame->setObjectName(QStringLiteral("answerColumn"));
        frame->setProperty("answerId", m_ids[i]);
        frame->setFrameShape(QFrame::StyledPanel);
        Column column;
        column.title = new QLabel(frame);
        column.title->setObjectName(QStringLiteral("columnTitle"));
        QFont bold = column.title->font();
        bold.setBold(true);
        column.title->setFont(bold);
        column.text = new QPlainTextEdit(frame);
        column.text->setObjectName(QStringLiteral("columnText"));
        column.text->setReadOnly(true);
        column.canvas = new ImageCanvas(frame);
        column.canvas->setObjectName(QStringLiteral("columnCanvas"));
        column.canvas->setMinimumSize(200, 160);
        column.canvas->setImage(m_image.original);
        auto *layout = new QVBoxLayout(frame);
        layout->setContentsMargins(4, 4, 4, 4);
        layout->addWidget(column.title);
        auto *split = new QSplitter(Qt::Vertical, frame);
        split->addWidget(column.canvas);
        split->addWidget(column.text);
        split->setStretchFactor(0, 3);
        split->setStretchFactor(1, 2);
        layout->addWidget(split, 1);
        columns->addWidget(frame);
        m_columns.append(column);
        if (i > 0)
            m_other->addItem(QString(), m_ids[i]);
    }

    m_other->setObjectName(QStringLiteral("sideBySideOther"));
    m_summary->setObjectName(QStringLiteral("sideBySideSummary"));
    m_table->setObjectName(QStringLiteral("sideBySideTable"));
    m_table->setModel(m_pairs);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    connect(m_other, &QComboBox::currentIndexChanged, this, &SideBySideWindow::updatePairs);

    auto *bottom = new QWidget(this);
    auto *compareRow = new QHBoxLayout;
    compareRow->addWidget(m_compareLabel);
    compareRow->addWidget(m_other);
    compareRow->addWidget(m_summary, 1);
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->addLayout(compareRow);
    bottomLayout->addWidget(m_table, 1);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(columns);
    split->addWidget(bottom);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split);
    m_other->setVisible(m_ids.size() > 2);

    ChatSession *chat = session->chat();
    connect(chat, &ChatSession::messageChanged, this, [this, chat](int index) {
        const auto &messages = chat->conversation().messages;
        if (index < 0 || index >= messages.size())
            return;
        const qsizetype column = m_ids.indexOf(messages[index].id);
        if (column >= 0) {
            updateColumn(int(column));
            updatePairs();
        }
    });
    connect(session->annotations(), &AnnotationLayers::layerChanged, this,
            [this](const QString &imageId, const QString &answerId) {
                const qsizetype column = m_ids.indexOf(answerId);
                if (imageId == m_image.id && column >= 0) {
                    updateColumn(int(column));
                    updatePairs();
                }
            });
    connect(session->scoring(), &ScoringRule::changed, this, &SideBySideWindow::updatePairs);
    // Another conversation: these answers are gone from the window's reach.
    connect(chat, &ChatSession::conversationReset, this, &QWidget::close);

    retranslate();
    resize(std::min(1600, 420 * int(std::max<qsizetype>(2, m_ids.size()))), 760);
}

SideBySideWindow::~SideBySideWindow() = default;

QString SideBySideWindow::columnTitle(int column) const
{
    return m_columns.value(column).title ? m_columns[column].title->text() : QString();
}

QString SideBySideWindow::columnText(int column) const
{
    return m_columns.value(column).text ? m_columns[column].text->toPlainText() : QString();
}

ImageCanvas *SideBySideWindow::columnCanvas(int column) const
{
    return m_columns.value(column).canvas;
}

void SideBySideWindow::updateColumn(int column)
{
    const DeskSession::Answer answer = m_session->answer(m_ids[column]);
    Column &c = m_columns[column];
    const QString model =
        answer.model.displayName.isEmpty() ? answer.model.id : answer.model.displayName;
    if (answer.id.isEmpty()) {
        c.title->setText(tr("(answer removed)"));
        c.text->clear();
        c.canvas->setDetections({});
        return;
    }
    const int index = m_session->chat()->indexOf(answer.id);
    const Message &message = m_session->chat()->conversation().messages.at(index);
    QString state;
    if (answer.streaming)
        state = tr("writing…");
    else if (message.state == Message::State::Failed)
        state = tr("failed");
    else if (message.state == Message::State::Interrupted)
        state = tr("stopped");
    const QList<LayerBox> boxes =
        shownBoxes(*m_session, answer.id, m_image.id, m_image.conversationIndex);
    const QString count = tr("%n box(es)", nullptr, int(boxes.size()));
    c.title->setText(state.isEmpty() ? tr("%1 — %2").arg(model, count)
                                     : tr("%1 — %2, %3").arg(model, count, state));
    if (c.text->toPlainText() != answer.text)
        c.text->setPlainText(answer.text);
    c.canvas->setDetections(layerDetections(boxes));
}

void SideBySideWindow::updatePairs()
{
    const QString other = m_ids.size() > 2 ? m_other->currentData().toString() : m_ids.value(1);
    if (m_ids.size() < 2 || other.isEmpty() || m_image.id.isEmpty()) {
        m_pairs->clear();
        return;
    }
    const auto boxesOf = [this](const QString &id) {
        return layerDetections(shownBoxes(*m_session, id, m_image.id, m_image.conversationIndex));
    };
    const QList<MappedDetection> a = boxesOf(m_ids.first());
    const QList<MappedDetection> b = boxesOf(other);
    const ImageEvaluation matching = matchBoxes(a, b, m_session->scoring()->evaluator());
    const auto nameOf = [this](const QString &id) {
        const ModelInfo model = m_session->answer(id).model;
        return model.displayName.isEmpty() ? model.id : model.displayName;
    };
    QString nameA = nameOf(m_ids.first());
    QString nameB = nameOf(other);
    if (nameA == nameB) {
        nameA = tr("%1 (1)").arg(nameA);
        nameB = tr("%1 (%2)").arg(nameB).arg(m_ids.indexOf(other) + 1);
    }
    m_pairs->setNames(nameA, nameB);
    m_pairs->setComparison(a, b, matching);
    m_summary->setText(
        tr("%n pair(s) found by both", nullptr, m_pairs->count(PairTableModel::Kind::Pair))
        + QStringLiteral(" · ") + tr("%1 only: %2").arg(nameA).arg(matching.missedTruth.size())
        + QStringLiteral(" · ")
        + tr("%1 only: %2").arg(nameB).arg(matching.falsePredictions.size()));
}

void SideBySideWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void SideBySideWindow::retranslate()
{
    setWindowTitle(tr("Answers side by side"));
    m_compareLabel->setText(tr("Boxes of the first answer against"));
    for (int i = 1; i < m_ids.size(); ++i) {
        const ModelInfo model = m_session->answer(m_ids[i]).model;
        m_other->setItemText(i - 1, model.displayName.isEmpty() ? model.id : model.displayName);
    }
    m_table->setAccessibleName(tr("Boxes of two answers, paired by IoU"));
    for (int i = 0; i < m_columns.size(); ++i) {
        m_columns[i].text->setAccessibleName(tr("Answer text"));
        m_columns[i].canvas->setAccessibleName(tr("Image with the answer's boxes"));
        updateColumn(i);
    }
    m_pairs->retranslate();
    updatePairs();
}

} // namespace qvd
