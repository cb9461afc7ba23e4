#pragma once

#include <QDialog>
#include <QStringList>

class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;

namespace qvd {

// The synonym table the scores compare labels with: one group of names per line, separated by
// commas, the first naming the class ("dog, 狗, 犬") — the same text a label table file holds
// (`qwenvl-desk-cli eval --labels`).
class SynonymDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SynonymDialog(const QList<QStringList> &groups, QWidget *parent = nullptr);

    QList<QStringList> groups() const { return m_groups; }
    QPlainTextEdit *editor() const { return m_edit; }

    void accept() override;

private:
    QLabel *m_help;
    QPlainTextEdit *m_edit;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
    QList<QStringList> m_groups;
};

} // namespace qvd
