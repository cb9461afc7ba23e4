#pragma once

#include "ui/chat/Attachment.h"

#include <QFrame>

class QLabel;
class QProgressBar;
class QToolButton;

namespace qvd {

// One composer image: its thumbnail with a remove button, and under it the size the model will
// see and the image tokens it costs; a busy bar while it is prepared.
class AttachmentTile : public QFrame
{
    Q_OBJECT
public:
    explicit AttachmentTile(QWidget *parent = nullptr);

    void display(const Attachment &attachment);
    int attachmentId() const { return m_id; }
    bool isBusy() const;

    static constexpr int kImageSize = 72;

Q_SIGNALS:
    void removeClicked(int id);
    // The picture was clicked: show it (in the inspector).
    void activated(int id);

protected:
    void changeEvent(QEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    void retranslate();

    QLabel *m_image;
    QLabel *m_caption;
    QProgressBar *m_busy;
    QToolButton *m_remove;
    Attachment m_attachment;
    int m_id = 0;
};

} // namespace qvd
