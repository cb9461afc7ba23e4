#include "ui/chat/ComposerEdit.h"

#include <QKeyEvent>
#include <QMimeData>
#include <QTextBlock>

namespace qvd {
namespace {

constexpr int kMinLines = 2;
constexpr int kMaxLines = 8;

} // namespace

ComposerEdit::ComposerEdit(QWidget *parent) : QPlainTextEdit(parent)
{
    setObjectName(QStringLiteral("composerInput"));
    setTabChangesFocus(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    // Grows with its text between kMinLines and kMaxLines, then scrolls.
    connect(this, &QPlainTextEdit::blockCountChanged, this, &ComposerEdit::fitHeight);
    connect(document(), &QTextDocument::contentsChanged, this, &ComposerEdit::fitHeight);
    fitHeight();
}

QSize ComposerEdit::sizeHint() const
{
    return {QPlainTextEdit::sizeHint().width(), height()};
}

void ComposerEdit::fitHeight()
{
    int lines = 0;
    for (QTextBlock block = document()->begin(); block.isValid(); block = block.next())
        lines += qMax(1, block.layout() ? block.layout()->lineCount() : 1);
    lines = qBound(kMinLines, lines, kMaxLines);
    const int margins = int(document()->documentMargin() * 2) + frameWidth() * 2
        + contentsMargins().top() + contentsMargins().bottom();
    const int height = fontMetrics().lineSpacing() * lines + margins;
    if (height != this->height()) {
        setFixedHeight(height);
        updateGeometry();
    }
}

void ComposerEdit::keyPressEvent(QKeyEvent *event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && !(event->modifiers() & Qt::ShiftModifier)) {
        event->accept();
        Q_EMIT submitRequested(); // Enter, or Ctrl+Enter
        return;
    }
    if (enter) { // Shift+Enter: a new paragraph, not QPlainTextEdit's line separator
        textCursor().insertText(QStringLiteral("\n"));
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_Escape) {
        Q_EMIT stopRequested();
        event->accept();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

bool ComposerEdit::canInsertFromMimeData(const QMimeData *source) const
{
    return AttachmentSource::offeredBy(source) || QPlainTextEdit::canInsertFromMimeData(source);
}

void ComposerEdit::insertFromMimeData(const QMimeData *source)
{
    const QList<AttachmentSource> images = AttachmentSource::fromMimeData(source);
    if (images.isEmpty()) {
        QPlainTextEdit::insertFromMimeData(source);
        return;
    }
    Q_EMIT imagesOffered(images);
}

} // namespace qvd
