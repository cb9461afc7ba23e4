#include "ui/ConversationListPane.h"

#include <QEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QStandardItemModel>
#include <QVBoxLayout>

namespace qvd {

ConversationListPane::ConversationListPane(QWidget *parent)
    : QWidget(parent),
      m_newButton(new QPushButton(this)),
      m_search(new QLineEdit(this)),
      m_list(new QListView(this)),
      m_empty(new QLabel(this)),
      m_model(new QStandardItemModel(this))
{
    setObjectName(QStringLiteral("conversationListPane"));
    m_newButton->setObjectName(QStringLiteral("newConversationButton"));
    m_search->setObjectName(QStringLiteral("conversationSearch"));
    m_list->setObjectName(QStringLiteral("conversationList"));
    m_search->setClearButtonEnabled(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setEnabled(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_newButton);
    layout->addWidget(m_search);
    // Until the first conversation exists, the hint takes the list's place.
    layout->addWidget(m_empty, 1);
    layout->addWidget(m_list, 1);
    m_list->hide();
    m_list->setModel(m_model);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_list, &QListView::clicked, this, [this](const QModelIndex &index) {
        Q_EMIT conversationActivated(index.data(Qt::UserRole).toString());
    });
    connect(m_list, &QListView::customContextMenuRequested, this, [this](const QPoint &at) {
        const QModelIndex index = m_list->indexAt(at);
        if (!index.isValid())
            return;
        QMenu menu;
        const QAction *rename = menu.addAction(tr("Rename…"));
        const QAction *remove = menu.addAction(tr("Delete Conversation"));
        const QAction *chosen = menu.exec(m_list->viewport()->mapToGlobal(at));
        if (chosen == rename)
            Q_EMIT renameRequested(index.data(Qt::UserRole).toString(),
                                   index.data(Qt::DisplayRole).toString());
        else if (chosen == remove)
            Q_EMIT deleteRequested(index.data(Qt::UserRole).toString());
    });
    setMinimumWidth(180);

    connect(m_newButton, &QPushButton::clicked, this,
            &ConversationListPane::newConversationRequested);
    connect(m_search, &QLineEdit::textChanged, this, &ConversationListPane::searchTextChanged);
    retranslate();
}

void ConversationListPane::setEntries(const QList<Entry> &entries, const QString &current)
{
    m_model->clear();
    for (const Entry &entry : entries) {
        auto *item = new QStandardItem(entry.title.isEmpty() ? tr("(untitled)") : entry.title);
        item->setData(entry.id, Qt::UserRole);
        item->setToolTip(QLocale().toString(entry.updatedAt.toLocalTime(), QLocale::ShortFormat));
        m_model->appendRow(item);
        if (entry.id == current)
            m_list->setCurrentIndex(item->index());
    }
    const bool empty = entries.isEmpty();
    m_list->setVisible(!empty);
    m_empty->setVisible(empty);
}

int ConversationListPane::entryCount() const
{
    return m_model->rowCount();
}

void ConversationListPane::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void ConversationListPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ConversationListPane::retranslate()
{
    m_newButton->setText(tr("New Conversation"));
    m_search->setPlaceholderText(tr("Search conversations"));
    m_empty->setText(tr("No conversations yet."));
    m_search->setAccessibleName(tr("Search conversations"));
    m_list->setAccessibleName(tr("Conversations"));
}

} // namespace qvd
