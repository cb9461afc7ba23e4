#pragma once

#include <QHash>
#include <QScrollArea>

class QHBoxLayout;

namespace qvd {

class AttachmentList;
class AttachmentTile;
class RegionChip;

// The row above the composer's input: a tile per image of an AttachmentList, then the region
// chips. Scrolls sideways when there are many; hidden when there is nothing to show.
class AttachmentStrip : public QScrollArea
{
    Q_OBJECT
public:
    AttachmentStrip(AttachmentList *list, QWidget *parent = nullptr);

    void addChip(int id, const QString &promptText, int number);
    void removeChip(int id);
    RegionChip *chip(int id) const { return m_chips.value(id); }
    AttachmentTile *tile(int attachmentId) const { return m_tiles.value(attachmentId); }
    QList<AttachmentTile *> tiles() const;
    QList<RegionChip *> chips() const;

Q_SIGNALS:
    void chipRemoveClicked(int id);
    void tileActivated(int attachmentId);

private:
    void addTile(int id);
    void updateTile(int id);
    void removeTile(int id);
    void updateVisibility();

    AttachmentList *m_list;
    QWidget *m_content;
    QHBoxLayout *m_row;
    QHash<int, AttachmentTile *> m_tiles;
    QHash<int, RegionChip *> m_chips;
};

} // namespace qvd
