#include "ui/chat/AttachmentStrip.h"

#include "ui/chat/AttachmentList.h"
#include "ui/chat/AttachmentTile.h"
#include "ui/chat/RegionChip.h"

#include <QHBoxLayout>

namespace qvd {

AttachmentStrip::AttachmentStrip(AttachmentList *list, QWidget *parent)
    : QScrollArea(parent), m_list(list), m_content(new QWidget(this)), m_row(new QHBoxLayout)
{
    setObjectName(QStringLiteral("attachmentStrip"));
    setFrameShape(QFrame::NoFrame);
    setWidgetResizable(true);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_row->setContentsMargins(0, 0, 0, 0);
    m_row->setSpacing(6);
    m_row->addStretch(1);
    m_content->setLayout(m_row);
    setWidget(m_content);
    setFixedHeight(AttachmentTile::kImageSize + 56);

    connect(list, &AttachmentList::added, this, &AttachmentStrip::addTile);
    connect(list, &AttachmentList::changed, this, &AttachmentStrip::updateTile);
    connect(list, &AttachmentList::removed, this, &AttachmentStrip::removeTile);
    updateVisibility();
}

QList<AttachmentTile *> AttachmentStrip::tiles() const
{
    return m_tiles.values();
}

QList<RegionChip *> AttachmentStrip::chips() const
{
    return m_chips.values();
}

void AttachmentStrip::addChip(int id, const QString &promptText, int number)
{
    auto *chip = new RegionChip(id, promptText, number, m_content);
    connect(chip, &RegionChip::removeClicked, this, &AttachmentStrip::chipRemoveClicked);
    m_row->insertWidget(m_row->count() - 1, chip, 0, Qt::AlignVCenter);
    m_chips.insert(id, chip);
    updateVisibility();
}

void AttachmentStrip::removeChip(int id)
{
    if (RegionChip *chip = m_chips.take(id)) {
        m_row->removeWidget(chip);
        chip->deleteLater();
    }
    updateVisibility();
}

void AttachmentStrip::addTile(int id)
{
    auto *tile = new AttachmentTile(m_content);
    connect(tile, &AttachmentTile::removeClicked, m_list, &AttachmentList::remove);
    connect(tile, &AttachmentTile::activated, this, &AttachmentStrip::tileActivated);
    // Images go before the chips, in the order they were added.
    m_row->insertWidget(int(m_tiles.size()), tile);
    m_tiles.insert(id, tile);
    updateTile(id);
    updateVisibility();
}

void AttachmentStrip::updateTile(int id)
{
    AttachmentTile *tile = m_tiles.value(id);
    const Attachment *attachment = m_list->find(id);
    if (tile && attachment)
        tile->display(*attachment);
}

void AttachmentStrip::removeTile(int id)
{
    if (AttachmentTile *tile = m_tiles.take(id)) {
        m_row->removeWidget(tile);
        tile->deleteLater();
    }
    updateVisibility();
}

void AttachmentStrip::updateVisibility()
{
    setVisible(!m_tiles.isEmpty() || !m_chips.isEmpty());
}

} // namespace qvd
