#include "ui/chat/ChatView.h"

#include "core/conversation/ChatSession.h"
#include "ui/chat/MessageDelegate.h"
#include "ui/chat/MessageListModel.h"
#include "ui/chat/TextBody.h"
#include "ui/chat/ThumbnailCache.h"

#include <QApplication>
#include <QClipboard>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QScrollBar>
#include <QTimer>

#include <utility>

namespace qvd {

ChatView::ChatView(ChatSession *session, ThumbnailCache *thumbnails, QWidget *parent)
    : QListView(parent),
      m_model(new MessageListModel(session, this)),
      m_delegate(new MessageDelegate(m_model, thumbnails, this)),
      m_measureTimer(new QTimer(this)),
      m_dragScroll(new QTimer(this))
{
    setObjectName(QStringLiteral("chatView"));
    setItemDelegate(m_delegate);
    setModel(m_model);
    setUniformItemSizes(false);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // A scroll bar that came and went would change the width, and so every row's layout.
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    setSelectionMode(QAbstractItemView::NoSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setFrameShape(QFrame::NoFrame);
    setMouseTracking(true);
    setResizeMode(QListView::Adjust);
    verticalScrollBar()->setSingleStep(24);
    viewport()->setBackgroundRole(QPalette::Base);
    m_delegate->setWidth(viewport()->width());

    // Stays at the bottom while the person has not scrolled up, as new text arrives.
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this,
            [this](int value) { m_stickToBottom = value >= verticalScrollBar()->maximum() - 4; });
    connect(verticalScrollBar(), &QScrollBar::rangeChanged, this, [this] {
        if (m_stickToBottom)
            followBottom();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_stickToBottom = true;
        startMeasuring();
    });
    // Rows far from view open with estimated heights; the exact ones are measured a few
    // milliseconds at a time while the event loop is idle.
    m_measureTimer->setSingleShot(true);
    m_measureTimer->setInterval(0);
    connect(m_measureTimer, &QTimer::timeout, this, &ChatView::measureSome);
    m_dragScroll->setInterval(30);
    connect(m_dragScroll, &QTimer::timeout, this, [this] {
        const int above = -m_dragPoint.y();
        const int below = m_dragPoint.y() - viewport()->height();
        const int step = above > 0 ? -qMin(above, 60) : below > 0 ? qMin(below, 60) : 0;
        if (step == 0 || !m_selecting) {
            m_dragScroll->stop();
            return;
        }
        verticalScrollBar()->setValue(verticalScrollBar()->value() + step);
        extendSelection();
    });
    connect(thumbnails, &ThumbnailCache::ready, viewport(), qOverload<>(&QWidget::update));
}

bool ChatView::isAtBottom() const
{
    return verticalScrollBar()->value() >= verticalScrollBar()->maximum() - 4;
}

QRect ChatView::actionRect(int row, MessageLayout::Action action, int imageIndex) const
{
    const QRect rowRect = visualRect(m_model->index(row));
    const MessageLayout *layout = m_delegate->layout(row);
    if (action == MessageLayout::Action::Image)
        return layout->imageRect(imageIndex).translated(rowRect.topLeft());
    const auto buttons = layout->buttons();
    for (const auto &button : buttons) {
        if (button.first == action)
            return button.second.translated(rowRect.topLeft());
    }
    return {};
}

void ChatView::startMeasuring()
{
    m_measureNext = m_model->rowCount() - 1;
    m_measureTimer->start();
}

void ChatView::measureSome()
{
    constexpr qint64 kSliceNs = 4'000'000;
    QElapsedTimer clock;
    clock.start();
    bool changed = false;
    while (m_measureNext >= 0 && clock.nsecsElapsed() < kSliceNs)
        changed = m_delegate->measure(m_measureNext--) || changed;
    if (changed) {
        // Keep what the person looks at in place while rows above it change height.
        const QModelIndex top = indexAt(QPoint(4, 0));
        const int before = top.isValid() ? visualRect(top).top() : 0;
        executeDelayedItemsLayout();
        doItemsLayout();
        if (m_stickToBottom)
            followBottom();
        else if (top.isValid())
            verticalScrollBar()->setValue(verticalScrollBar()->value() + visualRect(top).top()
                                          - before);
    }
    if (m_measureNext >= 0)
        m_measureTimer->start();
}

void ChatView::dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                           const QList<int> &roles)
{
    // A delta changes one row: lay out that row again, and the others only move when its
    // height changed (their sizes are cached, their text is not laid out again).
    bool resized = false;
    for (int row = topLeft.row(); row <= bottomRight.row(); ++row)
        resized = m_delegate->refresh(row) || resized;
    if (resized)
        scheduleDelayedItemsLayout();
    else
        QListView::dataChanged(topLeft, bottomRight, roles);
}

void ChatView::rowsInserted(const QModelIndex &parent, int start, int end)
{
    QListView::rowsInserted(parent, start, end);
    if (m_stickToBottom)
        followBottom();
}

void ChatView::followBottom()
{
    verticalScrollBar()->setValue(verticalScrollBar()->maximum());
    m_stickToBottom = true;
}

void ChatView::resizeEvent(QResizeEvent *event)
{
    const bool widthChanged = m_delegate->width() != viewport()->width();
    m_delegate->setWidth(viewport()->width());
    QListView::resizeEvent(event);
    if (widthChanged)
        startMeasuring();
    if (m_stickToBottom)
        followBottom();
}

void ChatView::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint point = event->position().toPoint();
    // A selection starts once the mouse moved on from where it went down on text: a click
    // that wobbles a pixel is still a click.
    if (m_pressedOnText && !m_selecting && (event->buttons() & Qt::LeftButton)
        && (point - m_pressPoint).manhattanLength() >= QApplication::startDragDistance()) {
        m_selecting = true;
        select(m_pressRow, m_pressPosition, m_pressPosition);
    }
    if (m_selecting && (event->buttons() & Qt::LeftButton)) {
        m_dragPoint = point;
        extendSelection();
        if (!viewport()->rect().contains(QPoint(0, point.y())))
            m_dragScroll->start();
        return;
    }
    updateHover(point);
    QListView::mouseMoveEvent(event);
}

void ChatView::updateHover(QPoint position)
{
    const QModelIndex index = indexAt(position);
    const int row = index.isValid() ? index.row() : -1;
    MessageLayout::Hit hit;
    int detection = -1;
    if (row >= 0) {
        const QPoint local = position - visualRect(index).topLeft();
        const MessageLayout *layout = m_delegate->layout(row);
        hit = layout->hitAt(local);
        detection = layout->detectionAt(local);
    }
    const int oldRow = m_delegate->hoveredRow();
    m_delegate->setHovered(row, hit);
    if (oldRow >= 0 && oldRow != row)
        update(m_model->index(oldRow));
    if (row >= 0)
        update(index);
    const bool overText = row >= 0 && hit.action == MessageLayout::Action::None
        && m_delegate->layout(row)->bodyRect().contains(position - visualRect(index).topLeft());
    viewport()->setCursor(hit.action != MessageLayout::Action::None ? Qt::PointingHandCursor
                              : overText                            ? Qt::IBeamCursor
                                                                    : Qt::ArrowCursor);
    const int detectionRow = detection >= 0 ? row : -1;
    if (detectionRow != m_hoverDetectionRow || detection != m_hoverDetection) {
        m_hoverDetectionRow = detectionRow;
        m_hoverDetection = detection;
        Q_EMIT detectionHovered(detectionRow, detection);
    }
}

void ChatView::leaveEvent(QEvent *event)
{
    updateHover(QPoint(-1, -1));
    QListView::leaveEvent(event);
}

void ChatView::mousePressEvent(QMouseEvent *event)
{
    event->accept(); // no item selection, no drag: actions fire on release
    const QPoint point = event->position().toPoint();
    const QModelIndex index = indexAt(point);
    m_selecting = false;
    m_pressedOnText = false;
    if (event->button() != Qt::LeftButton || !index.isValid())
        return;
    const QPoint local = point - visualRect(index).topLeft();
    const MessageLayout *layout = m_delegate->layout(index.row());
    if (layout->hitAt(local).action != MessageLayout::Action::None)
        return;
    clearSelection();
    const int position = layout->bodyPositionAt(local, Qt::FuzzyHit);
    if (position < 0)
        return;
    m_pressedOnText = true;
    m_pressPoint = point;
    m_pressRow = index.row();
    m_pressPosition = position;
}

void ChatView::mouseReleaseEvent(QMouseEvent *event)
{
    const bool selecting = std::exchange(m_selecting, false);
    m_pressedOnText = false;
    m_dragScroll->stop();
    const QPoint point = event->position().toPoint();
    if (const QString text = selecting ? selectedText() : QString(); !text.isEmpty()) {
        if (QGuiApplication::clipboard()->supportsSelection())
            QGuiApplication::clipboard()->setText(text, QClipboard::Selection);
        return;
    }
    const QModelIndex index = indexAt(point);
    if (event->button() != Qt::LeftButton || !index.isValid())
        return;
    const QPoint local = point - visualRect(index).topLeft();
    const MessageLayout::Hit hit = m_delegate->layout(index.row())->hitAt(local);
    if (hit.action != MessageLayout::Action::None)
        activate(index.row(), hit);
    else if (m_model->isAnswer(index.row()))
        Q_EMIT answerSelected(index.row());
}

void ChatView::mouseDoubleClickEvent(QMouseEvent *event)
{
    event->accept();
    const QModelIndex index = indexAt(event->position().toPoint());
    if (event->button() != Qt::LeftButton || !index.isValid())
        return;
    const MessageLayout *layout = m_delegate->layout(index.row());
    const QPoint local = event->position().toPoint() - visualRect(index).topLeft();
    const int position = layout->bodyPositionAt(local, Qt::ExactHit);
    if (position < 0 || layout->hitAt(local).action != MessageLayout::Action::None)
        return;
    const QPair<int, int> word = layout->body()->wordAt(position);
    select(index.row(), word.first, word.second);
}

int ChatView::nearestBodyPosition(int row, QPoint point) const
{
    const MessageLayout *layout = m_delegate->layout(row);
    if (!layout->body())
        return 0;
    const QPoint local = point - visualRect(m_model->index(row)).topLeft();
    const QRect body = layout->bodyRect();
    if (local.y() < body.top())
        return 0;
    if (local.y() > body.bottom())
        return layout->body()->length();
    const QPoint inside(qBound(body.left(), local.x(), body.right()), local.y());
    return qMax(0, layout->bodyPositionAt(inside, Qt::FuzzyHit));
}

void ChatView::select(int row, int anchor, int position)
{
    const int before = m_delegate->selectionRow();
    m_delegate->setSelection(row, anchor, position);
    if (before >= 0 && before != row && before < m_model->rowCount())
        update(m_model->index(before));
    if (row >= 0)
        update(m_model->index(row));
}

void ChatView::extendSelection()
{
    const int row = m_delegate->selectionRow();
    if (row >= 0 && row < m_model->rowCount())
        select(row, m_delegate->selection().first, nearestBodyPosition(row, m_dragPoint));
}

void ChatView::selectWholeText(int row)
{
    if (const TextBody *body = m_delegate->layout(row)->body())
        select(row, 0, body->length());
}

void ChatView::setEmphasizedDetection(int row, int detection)
{
    if (m_delegate->emphasized() == qMakePair(row, detection))
        return;
    m_delegate->setEmphasized(row, detection);
    viewport()->update();
}

QPair<int, int> ChatView::emphasizedDetection() const
{
    return m_delegate->emphasized();
}

void ChatView::clearSelection()
{
    if (m_delegate->selectionRow() >= 0)
        select(-1, 0, 0);
}

QString ChatView::selectedText() const
{
    return m_delegate->selectedText();
}

void ChatView::copySelection()
{
    const QString text = selectedText();
    if (!text.isEmpty())
        QGuiApplication::clipboard()->setText(text);
}

void ChatView::contextMenuEvent(QContextMenuEvent *event)
{
    const QPersistentModelIndex index = indexAt(event->pos());
    QMenu menu(this);
    QAction *copy = menu.addAction(tr("&Copy"), this, &ChatView::copySelection);
    copy->setShortcut(QKeySequence::Copy);
    copy->setEnabled(!selectedText().isEmpty());
    QAction *all = menu.addAction(tr("Select &All"), this, [this, index] {
        if (index.isValid())
            selectWholeText(index.row());
    });
    all->setShortcut(QKeySequence::SelectAll);
    all->setEnabled(index.isValid() && m_delegate->layout(index.row())->body());
    menu.exec(event->globalPos());
}

void ChatView::activate(int row, MessageLayout::Hit hit)
{
    if (m_model->isBusy() && MessageLayout::startsRequest(hit.action))
        return;
    switch (hit.action) {
    case MessageLayout::Action::Copy:
        Q_EMIT copyRequested(row);
        break;
    case MessageLayout::Action::Regenerate:
        Q_EMIT regenerateRequested(row);
        break;
    case MessageLayout::Action::Retry:
        Q_EMIT retryRequested(row);
        break;
    case MessageLayout::Action::Edit:
        Q_EMIT editRequested(row);
        break;
    case MessageLayout::Action::ToggleReasoning:
        m_model->setReasoningExpanded(row, !m_model->reasoningExpanded(row));
        break;
    case MessageLayout::Action::Image:
        Q_EMIT imageActivated(row, hit.index);
        break;
    case MessageLayout::Action::None:
        break;
    }
}

void ChatView::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        Q_EMIT stopRequested();
        event->accept();
        return;
    }
    if (event->matches(QKeySequence::Copy) && !selectedText().isEmpty()) {
        copySelection();
        event->accept();
        return;
    }
    if (event->matches(QKeySequence::SelectAll) && m_delegate->selectionRow() >= 0) {
        selectWholeText(m_delegate->selectionRow());
        event->accept();
        return;
    }
    QListView::keyPressEvent(event);
}

void ChatView::changeEvent(QEvent *event)
{
    // Fonts, palette (dark/light) and language all change what rows look like.
    if (event->type() == QEvent::FontChange || event->type() == QEvent::PaletteChange
        || event->type() == QEvent::LanguageChange) {
        m_delegate->invalidateAll();
        scheduleDelayedItemsLayout();
        startMeasuring();
    }
    QListView::changeEvent(event);
}

} // namespace qvd
