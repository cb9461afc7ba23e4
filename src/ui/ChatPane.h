#pragma once

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace qvd {

// Middle pane: the messages of the open conversation and the composer.
class ChatPane : public QWidget
{
    Q_OBJECT
public:
    explicit ChatPane(QWidget *parent = nullptr);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QLabel *m_empty = nullptr;
    QPlainTextEdit *m_input = nullptr;
    QPushButton *m_attach = nullptr;
    QPushButton *m_send = nullptr;
    QLabel *m_hint = nullptr;
};

} // namespace qvd
