#include "ui/chat/RegionChip.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace qvd {

RegionChip::RegionChip(int id, const QString &promptText, int number, QWidget *parent)
    : QFrame(parent),
      m_label(new QLabel(this)),
      m_remove(new QToolButton(this)),
      m_prompt(promptText),
      m_id(id),
      m_number(number)
{
    setObjectName(QStringLiteral("regionChip"));
    setFrameShape(QFrame::StyledPanel);
    setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
    m_remove->setObjectName(QStringLiteral("removeRegion"));
    m_remove->setText(QStringLiteral("✕"));
    m_remove->setAutoRaise(true);
    m_remove->setFixedSize(18, 18);
    connect(m_remove, &QToolButton::clicked, this, [this] { Q_EMIT removeClicked(m_id); });
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 2, 2, 2);
    layout->setSpacing(2);
    layout->addWidget(m_label);
    layout->addWidget(m_remove);
    retranslate();
}

void RegionChip::setPromptText(const QString &text)
{
    m_prompt = text;
    retranslate();
}

void RegionChip::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QFrame::changeEvent(event);
}

void RegionChip::retranslate()
{
    //: a chip in the composer for a region marked on an image; %1 numbers them
    m_label->setText(tr("▭ Region %1").arg(m_number));
    setToolTip(tr("Sent with your message as: %1").arg(m_prompt));
    setAccessibleName(tr("Region %1: %2").arg(m_number).arg(m_prompt));
    m_remove->setToolTip(tr("Remove this region"));
    m_remove->setAccessibleName(tr("Remove region %1").arg(m_number));
}

} // namespace qvd
