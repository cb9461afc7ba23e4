#pragma once

#include "ui/chat/MessageLayout.h"

#include <QListView>

class QTimer;

namespace qvd {

class ChatSession;
class MessageDelegate;
class MessageListModel;
class ThumbnailCache;

// The messages of the open conversation: a QListView over MessageListModel with
// MessageDelegate (sizes cached per row, non-uniform). Follows the newest text while the view
// is scrolled to the bottom, and turns clicks on a row's actions into signals.
class ChatView : public QListView
{
    Q_OBJECT
public:
    ChatView(ChatSession *session, ThumbnailCache *thumbnails, QWidget *parent = nullptr);

    MessageListModel *messageModel() const { return m_model; }
    MessageDelegate *messageDelegate() const { return m_delegate; }
    // Where an action of a row is drawn, in viewport coordinates (empty when it has none).
    QRect actionRect(int row, MessageLayout::Action action, int imageIndex = -1) const;
    // Runs a pending relayout now (tests and the bench).
    void flushLayout() { executeDelayedItemsLayout(); }
    bool isAtBottom() const;
    // True once every row has been measured (sizes are no longer estimates).
    bool isFullyMeasured() const { return m_measureNext < 0; }
    // Text selected with the mouse in one message (empty when none); Ctrl+C copies it.
    QString selectedText() const;
    void clearSelection();
    // Outlines the ref of detection `detection` of row `row` (-1: none): what is hovered or
    // chosen in the table or on the image.
    void setEmphasizedDetection(int row, int detection);
    QPair<int, int> emphasizedDetection() const;

Q_SIGNALS:
    void copyRequested(int row);
    void regenerateRequested(int row);
    void retryRequested(int row);
    void editRequested(int row);
    void imageActivated(int row, int imageIndex);
    void answerSelected(int row);
    void detectionHovered(int row, int detectionIndex); // -1, -1 when none
    void stopRequested();

protected:
    void dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                     const QList<int> &roles) override;
    void rowsInserted(const QModelIndex &parent, int start, int end) override;
    void resizeEvent(QResizeEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void activate(int row, MessageLayout::Hit hit);
    void followBottom();
    void updateHover(QPoint position);
    void startMeasuring();
    void measureSome();
    // The body position of `row` nearest to `point` (viewport coordinates): 0 above the
    // body, its end below it.
    int nearestBodyPosition(int row, QPoint point) const;
    void select(int row, int anchor, int position);
    void extendSelection();
    // Selects the whole text of `row`.
    void selectWholeText(int row);
    void copySelection();

    MessageListModel *m_model;
    MessageDelegate *m_delegate;
    QTimer *m_measureTimer;
    int m_measureNext = -1; // rows from here up still have estimated sizes
    bool m_stickToBottom = true;
    int m_hoverDetectionRow = -1;
    int m_hoverDetection = -1;
    // The left button went down on text (m_pressRow, m_pressPosition) ...
    bool m_pressedOnText = false;
    QPoint m_pressPoint;
    int m_pressRow = -1;
    int m_pressPosition = 0;
    bool m_selecting = false; // ... and has moved far enough to select
    QPoint m_dragPoint; // where the mouse is while selecting, in viewport coordinates
    QTimer *m_dragScroll; // scrolls while a selection is dragged past the top or bottom
};

} // namespace qvd
