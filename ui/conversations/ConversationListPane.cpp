#include "ui/conversations/ConversationListPane.h"

#include "core/conversation/ChatSession.h"
#include "core/session/ConversationIndex.h"
#include "core/session/DeskSession.h"
#include "ui/conversations/UndoBar.h"

#include <QAction>
#include <QEvent>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QStandardItemModel>
#include <QVBoxLayout>

#include <algorithm>

namespace qvd {

ConversationListPane::ConversationListPane(QWidget *parent)
    : QWidget(parent),
      m_newButton(new QPushButton(this)),
      m_search(new QLineEdit(this)),
      m_list(new QListView(this)),
      m_empty(new QLabel(this)),
      m_unknown(new QWidget(this)),
      m_model(new QStandardItemModel(this)),
      m_undoBar(new UndoBar(this)),
      m_deleteAction(new QAction(this)),
      m_undoAction(new QAction(this))
{
    setObjectName(QStringLiteral("conversationListPane"));
    m_newButton->setObjectName(QStringLiteral("newConversationButton"));
    m_search->setObjectName(QStringLiteral("conversationSearch"));
    m_list->setObjectName(QStringLiteral("conversationList"));
    m_empty->setObjectName(QStringLiteral("conversationListHint"));
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
    // Until the history is read: the list's place, blank.
    layout->addWidget(m_unknown, 1);
    layout->addWidget(m_undoBar);
    m_undoBar->hide();
    showUnknown();
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
        QAction *remove = menu.addAction(tr("Delete Conversation"));
        remove->setShortcut(m_deleteAction->shortcut());
        const QAction *chosen = menu.exec(m_list->viewport()->mapToGlobal(at));
        if (chosen == rename)
            Q_EMIT renameRequested(index.data(Qt::UserRole).toString(),
                                   index.data(Qt::DisplayRole).toString());
        else if (chosen == remove)
            Q_EMIT deleteRequested(index.data(Qt::UserRole).toString());
    });
    setMinimumWidth(180);

    // Delete needs no confirmation: it can be undone.
    m_deleteAction->setShortcut(QKeySequence::Delete);
    m_deleteAction->setShortcutContext(Qt::WidgetShortcut);
    m_list->addAction(m_deleteAction);
    connect(m_deleteAction, &QAction::triggered, this, [this] {
        const QString id = currentId();
        if (!id.isEmpty())
            Q_EMIT deleteRequested(id);
    });
    // Window-wide, but a focused text field keeps Ctrl+Z for its own text (ShortcutOverride).
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_undoAction->setShortcutContext(Qt::WindowShortcut);
    m_undoAction->setEnabled(false);
    addAction(m_undoAction);
    connect(m_undoAction, &QAction::triggered, this, &ConversationListPane::undoDeleteRequested);
    connect(m_undoBar, &UndoBar::undoRequested, this, &ConversationListPane::undoDeleteRequested);

    connect(m_newButton, &QPushButton::clicked, this,
            &ConversationListPane::newConversationRequested);
    connect(m_search, &QLineEdit::textChanged, this, &ConversationListPane::searchTextChanged);
    retranslate();
}

void ConversationListPane::setSession(DeskSession *session)
{
    ConversationIndex *index = session->conversations();
    ChatSession *chat = session->chat();
    const auto show = [this, index, chat] {
        if (!index->isLoaded()) {
            showUnknown();
            return;
        }
        QList<Entry> entries;
        for (const ConversationIndex::Entry &entry : index->entries())
            entries.append({entry.id, entry.title, entry.updatedAt});
        setEntries(entries, chat->conversation().id);
    };
    connect(index, &ConversationIndex::entriesChanged, this, show);
    connect(chat, &ChatSession::conversationReset, this, show);
    connect(m_search, &QLineEdit::textChanged, index, &ConversationIndex::setFilter);
    connect(index, &ConversationIndex::filterChanged, this, [this](const QString &text) {
        if (m_search->text() != text)
            m_search->setText(text);
    });
    connect(this, &ConversationListPane::conversationActivated, session, &DeskSession::open);
    connect(this, &ConversationListPane::deleteRequested, session,
            &DeskSession::deleteConversation);
    connect(this, &ConversationListPane::undoDeleteRequested, session, &DeskSession::undoDelete);
    connect(this, &ConversationListPane::renameRequested, this,
            [this, session](const QString &id, const QString &current) {
                bool ok = false;
                const QString title = QInputDialog::getText(
                    this, tr("Rename Conversation"), tr("Title:"), QLineEdit::Normal, current, &ok);
                if (ok)
                    session->rename(id, title);
            });
    connect(session, &DeskSession::undoAvailableChanged, this, [this](bool available) {
        if (available)
            showUndo();
        else
            hideUndo();
    });
    show();
}

void ConversationListPane::setEntries(const QList<Entry> &entries, const QString &current)
{
    if (!m_list->isHidden() && entries == m_shown) {
        const auto at =
            std::find_if(entries.cbegin(), entries.cend(),
                         [&current](const Entry &entry) { return entry.id == current; });
        if (at == entries.cend())
            m_list->selectionModel()->clear();
        else
            m_list->setCurrentIndex(m_model->index(int(at - entries.cbegin()), 0));
        return;
    }
    m_model->clear();
    m_shown = entries;
    for (const Entry &entry : entries) {
        auto *item = new QStandardItem;
        item->setData(entry.id, Qt::UserRole);
        showTexts(item, entry);
        m_model->appendRow(item);
        if (entry.id == current)
            m_list->setCurrentIndex(item->index());
    }
    const bool empty = entries.isEmpty();
    m_unknown->hide();
    m_list->setVisible(!empty);
    m_empty->setVisible(empty);
}

void ConversationListPane::showTexts(QStandardItem *item, const Entry &entry) const
{
    item->setText(entry.title.isEmpty() ? tr("(untitled)") : entry.title);
    item->setToolTip(QLocale().toString(entry.updatedAt.toLocalTime(), QLocale::ShortFormat));
}

void ConversationListPane::showUnknown()
{
    m_model->clear();
    m_shown.clear();
    m_list->hide();
    m_empty->hide();
    m_unknown->show();
}

int ConversationListPane::entryCount() const
{
    return m_model->rowCount();
}

QStringList ConversationListPane::entryIds() const
{
    QStringList ids;
    for (int row = 0; row < m_model->rowCount(); ++row)
        ids.append(m_model->index(row, 0).data(Qt::UserRole).toString());
    return ids;
}

QString ConversationListPane::currentId() const
{
    return m_list->currentIndex().data(Qt::UserRole).toString();
}

void ConversationListPane::showUndo()
{
    m_undoBar->show();
    m_undoAction->setEnabled(true);
}

void ConversationListPane::hideUndo()
{
    m_undoBar->hide();
    m_undoAction->setEnabled(false);
}

bool ConversationListPane::isUndoShown() const
{
    return m_undoAction->isEnabled();
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
    m_undoBar->setText(tr("Conversation deleted."));
    m_deleteAction->setText(tr("Delete Conversation"));
    m_undoAction->setText(tr("Undo Delete"));
    // The rows stay when the same entries come again: their texts follow the language here.
    for (int row = 0; row < m_model->rowCount() && row < m_shown.size(); ++row)
        showTexts(m_model->item(row), m_shown.at(row));
}

} // namespace qvd
