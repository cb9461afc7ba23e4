#include "ui/conversations/UndoBar.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QPainter>
#include <QToolButton>

namespace qvd {

UndoBar::UndoBar(QWidget *parent)
    : QFrame(parent), m_text(new QLabel(this)), m_undo(new QToolButton(this))
{
    setObjectName(QStringLiteral("undoBar"));
    m_undo->setObjectName(QStringLiteral("undoButton"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::NoTextInteraction);
    m_undo->setFocusPolicy(Qt::TabFocus);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_undo, 0, Qt::AlignVCenter);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    connect(m_undo, &QToolButton::clicked, this, &UndoBar::undoRequested);
    retranslate();
}

void UndoBar::setText(const QString &text)
{
    m_text->setText(text);
    setAccessibleDescription(text);
}

QString UndoBar::text() const
{
    return m_text->text();
}

QColor UndoBar::background(const QPalette &palette)
{
    const QColor window = palette.color(QPalette::Window);
    const QColor tint = palette.color(QPalette::Highlight);
    constexpr qreal kTint = 0.22;
    return QColor::fromRgbF(window.redF() + (tint.redF() - window.redF()) * kTint,
                            window.greenF() + (tint.greenF() - window.greenF()) * kTint,
                            window.blueF() + (tint.blueF() - window.blueF()) * kTint);
}

void UndoBar::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(palette().color(QPalette::Highlight), 1));
    painter.setBrush(background(palette()));
    painter.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 5, 5);
}

void UndoBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QFrame::changeEvent(event);
}

void UndoBar::retranslate()
{
    m_undo->setText(tr("Undo"));
    m_undo->setToolTip(
        tr("Undo (%1)").arg(QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText)));
}

} // namespace qvd
