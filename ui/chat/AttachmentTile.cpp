#include "ui/chat/AttachmentTile.h"

#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QPixmap>
#include <QProgressBar>
#include <QToolButton>

namespace qvd {

AttachmentTile::AttachmentTile(QWidget *parent)
    : QFrame(parent),
      m_image(new QLabel(this)),
      m_caption(new QLabel(this)),
      m_busy(new QProgressBar(this)),
      m_remove(new QToolButton(this))
{
    setObjectName(QStringLiteral("attachmentTile"));
    setFrameShape(QFrame::StyledPanel);
    m_image->setFixedSize(kImageSize + 24, kImageSize);
    m_image->setAlignment(Qt::AlignCenter);
    m_busy->setRange(0, 0); // indeterminate while the worker prepares the image
    m_busy->setTextVisible(false);
    m_busy->setFixedHeight(6);
    m_caption->setAlignment(Qt::AlignCenter);
    QFont small = m_caption->font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    m_caption->setFont(small);
    m_caption->setForegroundRole(QPalette::PlaceholderText);
    m_remove->setObjectName(QStringLiteral("removeAttachment"));
    m_remove->setText(QStringLiteral("✕"));
    m_remove->setAutoRaise(true);
    m_remove->setFixedSize(20, 20);
    connect(m_remove, &QToolButton::clicked, this, [this] { Q_EMIT removeClicked(m_id); });

    // The remove button sits over the thumbnail's top-right corner (same grid cell).
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(2);
    layout->addWidget(m_image, 0, 0, Qt::AlignHCenter);
    layout->addWidget(m_remove, 0, 0, Qt::AlignTop | Qt::AlignRight);
    layout->addWidget(m_busy, 1, 0);
    layout->addWidget(m_caption, 2, 0);
    retranslate();
}

void AttachmentTile::display(const Attachment &attachment)
{
    m_attachment = attachment;
    m_id = attachment.id;
    const bool ready = attachment.state == Attachment::State::Ready;
    m_busy->setVisible(!ready);
    if (ready && !attachment.thumbnail.isNull()) {
        const QImage scaled = attachment.thumbnail.scaled(
            m_image->size() * devicePixelRatioF(), Qt::KeepAspectRatio, Qt::SmoothTransformation);
        QPixmap pixmap = QPixmap::fromImage(scaled);
        pixmap.setDevicePixelRatio(devicePixelRatioF());
        m_image->setPixmap(pixmap);
    } else {
        m_image->clear();
    }
    retranslate();
}

bool AttachmentTile::isBusy() const
{
    return m_attachment.state == Attachment::State::Preparing;
}

void AttachmentTile::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && rect().contains(event->position().toPoint()))
        Q_EMIT activated(m_id);
    QFrame::mouseReleaseEvent(event);
}

void AttachmentTile::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QFrame::changeEvent(event);
}

void AttachmentTile::retranslate()
{
    const QString name =
        m_attachment.source.name.isEmpty() ? tr("image") : m_attachment.source.name;
    m_remove->setToolTip(tr("Remove this image"));
    m_remove->setAccessibleName(tr("Remove %1").arg(name));
    if (m_attachment.state == Attachment::State::Preparing) {
        m_caption->setText(tr("Preparing…"));
        setToolTip(name);
        setAccessibleName(tr("%1, being prepared").arg(name));
        return;
    }
    const QSize sent = m_attachment.part.transform.sentSize;
    const QSize original = m_attachment.part.transform.originalSize;
    //: W×H the model sees, and the image tokens it costs; shown under a thumbnail
    m_caption->setText(tr("%1×%2 · %n token(s)", "", m_attachment.estimatedTokens)
                           .arg(sent.width())
                           .arg(sent.height()));
    setToolTip(tr("%1\nOriginal %2×%3, sent as %4×%5 (about %n image token(s))", "",
                  m_attachment.estimatedTokens)
                   .arg(name)
                   .arg(original.width())
                   .arg(original.height())
                   .arg(sent.width())
                   .arg(sent.height()));
    //: accessible name of a composer image: its file name, then its size and tokens
    setAccessibleName(tr("%1: %2").arg(name, m_caption->text()));
}

} // namespace qvd
