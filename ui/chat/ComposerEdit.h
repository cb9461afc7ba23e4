#pragma once

#include "ui/chat/AttachmentSource.h"

#include <QPlainTextEdit>

namespace qvd {

// The composer's text input. Enter and Ctrl+Enter submit, Shift+Enter starts a new line, Esc
// asks to stop the running answer. Images pasted or dropped onto it (files, browser URLs,
// screenshot data) are handed on instead of being inserted as text (Chatterino's way: override
// canInsertFromMimeData/insertFromMimeData, so Ctrl+V, the context menu and drops all agree).
class ComposerEdit : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit ComposerEdit(QWidget *parent = nullptr);

    QSize sizeHint() const override;

Q_SIGNALS:
    void submitRequested();
    void stopRequested();
    void imagesOffered(const QList<qvd::AttachmentSource> &sources);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    bool canInsertFromMimeData(const QMimeData *source) const override;
    void insertFromMimeData(const QMimeData *source) override;

private:
    void fitHeight();
};

} // namespace qvd
