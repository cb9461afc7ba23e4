#pragma once

#include "ui/chat/MessageLayout.h"

#include <QStyledItemDelegate>

#include <deque>
#include <memory>

namespace qvd {

class MessageListModel;
class ThumbnailCache;

// Paints a row with its MessageLayout. Layouts are cached per row and rebuilt only when the
// row's revision or the width changes; a row's size survives when its layout is evicted (at
// most kMaxLayouts live), so other rows' streaming or a scroll never lays out text again.
class MessageDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    MessageDelegate(MessageListModel *model, ThumbnailCache *thumbnails, QWidget *view);

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

    // The row's layout at the current width (built now if needed).
    const MessageLayout *layout(int row) const;
    // Rebuilds the row's layout if it changed; true when its height changed with it.
    bool refresh(int row);
    // Measures the row if its size is still an estimate; true when the height changed.
    bool measure(int row);
    bool isMeasured(int row) const;
    void setHovered(int row, MessageLayout::Hit hit);
    int hoveredRow() const { return m_hoveredRow; }
    // The detection to outline (row -1: none).
    void setEmphasized(int row, int detection) { m_emphasized = {row, detection}; }
    QPair<int, int> emphasized() const { return m_emphasized; }
    // Selected text of one row's body, positions as in TextBody (row -1: none).
    void setSelection(int row, int anchor, int position);
    int selectionRow() const { return m_selection.row; }
    // Anchor and position of the selection.
    QPair<int, int> selection() const { return {m_selection.anchor, m_selection.position}; }
    QString selectedText() const;
    void setWidth(int width);
    // Fonts, palette or language changed: every row is laid out again when next shown.
    void invalidateAll();
    int width() const { return m_width; }
    // How many layouts were built since construction (tests and the bench check laziness).
    int layoutsBuilt() const { return m_built; }

    static constexpr int kMaxLayouts = 300;
    // The last rows are measured at once (the view opens at the bottom); the rest start with
    // an estimate.
    static constexpr int kMeasuredTail = 40;

private:
    struct Entry
    {
        quint64 revision = 0;
        int width = -1;
        QSize size;
        bool measured = false; // size comes from a layout, not an estimate
        std::shared_ptr<MessageLayout> layout;
    };

    Entry &entry(int row) const;
    void keepRecent(int row) const;

    MessageListModel *m_model;
    ThumbnailCache *m_thumbnails;
    QWidget *m_view;
    mutable QList<Entry> m_entries;
    mutable std::deque<int> m_recent;
    mutable int m_built = 0;
    int m_width = 600;
    int m_hoveredRow = -1;
    MessageLayout::Hit m_hovered;
    QPair<int, int> m_emphasized{-1, -1};
    struct Selection
    {
        int row = -1;
        int anchor = 0;
        int position = 0;
        int start() const { return qMin(anchor, position); }
        int end() const { return qMax(anchor, position); }
    } m_selection;
};

} // namespace qvd
