#include "ui/ChatPane.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace qvd {

ChatPane::ChatPane(QWidget *parent)
    : QWidget(parent),
      m_empty(new QLabel(this)),
      m_input(new QPlainTextEdit(this)),
      m_attach(new QPushButton(this)),
      m_send(new QPushButton(this)),
      m_hint(new QLabel(this))
{
    setObjectName(QStringLiteral("chatPane"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setEnabled(false);
    m_input->setMaximumHeight(120);
    m_send->setDefault(true);
    m_send->setEnabled(false);
    m_hint->setEnabled(false);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_attach);
    buttons->addWidget(m_hint, 1);
    buttons->addWidget(m_send);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_empty, 1);
    layout->addWidget(m_input);
    layout->addLayout(buttons);
    setMinimumWidth(320);
    retranslate();
}

void ChatPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ChatPane::retranslate()
{
    m_empty->setText(tr("Drop or paste images here, then ask about them in any language."));
    m_input->setPlaceholderText(tr("Ask about your images…"));
    m_attach->setText(tr("Add Images…"));
    m_send->setText(tr("Send"));
    m_hint->setText(tr("Enter sends, Shift+Enter starts a new line"));
}

} // namespace qvd
