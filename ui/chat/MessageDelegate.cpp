#include "ui/chat/MessageDelegate.h"

#include "ui/chat/MessageListModel.h"
#include "ui/chat/TextBody.h"

#include <QAbstractScrollArea>
#include <QPainter>

#include <algorithm>

namespace qvd {

MessageDelegate::MessageDelegate(MessageListModel *model, ThumbnailCache *thumbnails, QWidget *view)
    : QStyledItemDelegate(view), m_model(model), m_thumbnails(thumbnails), m_view(view)
{
    // Rows are only added or removed at the end (ChatSession appends and truncates).
    connect(model, &QAbstractItemModel::rowsRemoved, this,
            [this](const QModelIndex &, int first, int) {
                if (first < m_entries.size())
                    m_entries.resize(first);
                if (m_hoveredRow >= first)
                    m_hoveredRow = -1;
                if (m_selection.row >= first)
                    m_selection = {};
            });
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        m_entries.clear();
        m_recent.clear();
        m_hoveredRow = -1;
        m_selection = {};
    });
}

MessageDelegate::Entry &MessageDelegate::entry(int row) const
{
    if (m_entries.size() < m_model->rowCount())
        m_entries.resize(m_model->rowCount());
    Entry &item = m_entries[row];
    const quint64 revision = m_model->revision(row);
    if (item.revision != revision || item.width != m_width || !item.layout) {
        const bool wasEstimate =
            item.revision == revision && item.width == m_width && !item.measured;
        const int estimated = item.size.height();
        // The row's old layout lends the new one whatever did not change (a streamed answer's
        // finished blocks).
        const MessageLayout *previous = item.width == m_width ? item.layout.get() : nullptr;
        item.layout =
            std::make_shared<MessageLayout>(m_model->message(row), m_model->context(row),
                                            m_view->font(), m_view->palette(), m_width, previous);
        ++m_built;
        item.revision = revision;
        item.width = m_width;
        item.size = item.layout->size();
        item.measured = true;
        keepRecent(row);
        // Shown before it was measured: the view must place the rows again.
        if (wasEstimate && estimated != item.size.height())
            Q_EMIT const_cast<MessageDelegate *>(this)->sizeHintChanged(m_model->index(row));
    }
    return item;
}

void MessageDelegate::keepRecent(int row) const
{
    m_recent.push_back(row);
    while (m_recent.size() > kMaxLayouts) {
        const int old = m_recent.front();
        m_recent.pop_front();
        // Drop the old layout unless that row was used again since (it is later in the queue).
        if (old < m_entries.size()
            && std::find(m_recent.begin(), m_recent.end(), old) == m_recent.end())
            m_entries[old].layout.reset();
    }
}

QSize MessageDelegate::sizeHint(const QStyleOptionViewItem &, const QModelIndex &index) const
{
    const int row = index.row();
    if (row < m_entries.size()) {
        const Entry &item = m_entries.at(row);
        if (item.revision == m_model->revision(row) && item.width == m_width)
            return item.size; // known, even if its layout was evicted
    }
    if (row < m_model->rowCount() - kMeasuredTail) {
        if (m_entries.size() < m_model->rowCount())
            m_entries.resize(m_model->rowCount());
        Entry &item = m_entries[row];
        item.revision = m_model->revision(row);
        item.width = m_width;
        item.measured = false;
        item.layout.reset();
        item.size = QSize(
            m_width, MessageLayout::estimateHeight(m_model->message(row), m_view->font(), m_width));
        return item.size;
    }
    return entry(row).size;
}

bool MessageDelegate::isMeasured(int row) const
{
    return row < m_entries.size() && m_entries.at(row).measured
        && m_entries.at(row).revision == m_model->revision(row)
        && m_entries.at(row).width == m_width;
}

bool MessageDelegate::measure(int row)
{
    if (isMeasured(row))
        return false;
    const int before = row < m_entries.size() ? m_entries.at(row).size.height() : -1;
    const QSignalBlocker quiet(this); // the caller relayouts once for a batch
    return entry(row).size.height() != before;
}

void MessageDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                            const QModelIndex &index) const
{
    const int row = index.row();
    const Entry &item = entry(row);
    MessageLayout::PaintState state;
    state.hovered = m_hoveredRow == row ? m_hovered : MessageLayout::Hit{};
    state.thumbnails = m_thumbnails;
    state.busy = m_model->isBusy();
    state.emphasizedDetection = m_emphasized.first == row ? m_emphasized.second : -1;
    // Only the part of a tall row that is in view is drawn.
    if (const auto *area = qobject_cast<const QAbstractScrollArea *>(m_view))
        state.visible = area->viewport()->rect().translated(-option.rect.topLeft());
    if (m_selection.row == row) {
        state.selectionStart = m_selection.start();
        state.selectionEnd = m_selection.end();
    }
    item.layout->paint(painter, option.rect.topLeft(), state);
}

const MessageLayout *MessageDelegate::layout(int row) const
{
    return entry(row).layout.get();
}

bool MessageDelegate::refresh(int row)
{
    const int before = row < m_entries.size() ? m_entries.at(row).size.height() : -1;
    return entry(row).size.height() != before;
}

void MessageDelegate::setHovered(int row, MessageLayout::Hit hit)
{
    m_hoveredRow = row;
    m_hovered = hit;
}

void MessageDelegate::setSelection(int row, int anchor, int position)
{
    m_selection = {row, anchor, position};
}

QString MessageDelegate::selectedText() const
{
    if (m_selection.row < 0 || m_selection.row >= m_model->rowCount()
        || m_selection.anchor == m_selection.position)
        return {};
    const TextBody *body = layout(m_selection.row)->body();
    return body ? body->text(m_selection.start(), m_selection.end()) : QString();
}

void MessageDelegate::setWidth(int width)
{
    m_width = width;
}

void MessageDelegate::invalidateAll()
{
    m_entries.clear();
    m_recent.clear();
}

} // namespace qvd
