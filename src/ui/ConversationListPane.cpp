#include "ui/ConversationListPane.h"

#include <QEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QVBoxLayout>

namespace qvd {

ConversationListPane::ConversationListPane(QWidget *parent)
    : QWidget(parent),
      m_newButton(new QPushButton(this)),
      m_search(new QLineEdit(this)),
      m_list(new QListView(this)),
      m_empty(new QLabel(this))
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
    setMinimumWidth(180);

    connect(m_newButton, &QPushButton::clicked, this,
            &ConversationListPane::newConversationRequested);
    connect(m_search, &QLineEdit::textChanged, this, &ConversationListPane::searchTextChanged);
    retranslate();
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
