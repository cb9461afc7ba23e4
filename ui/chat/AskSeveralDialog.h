#pragma once

#include "core/session/AskTarget.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QPushButton;
class QVBoxLayout;

namespace qvd {

class DeskSession;

// "Ask several models": which models (and through which profile, when there are several) one
// question goes to at once, two to four of them. The current model comes first; the answers
// arrive side by side, each with its boxes.
class AskSeveralDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AskSeveralDialog(DeskSession &desk, QWidget *parent = nullptr);

    // The chosen targets, in order; rows without a model are left out.
    QList<AskTarget> targets() const;
    int rowCount() const { return int(m_rows.size()); }
    QComboBox *modelBox(int row) const;
    QComboBox *profileBox(int row) const;
    void addRow(const QString &modelId = {});
    QPushButton *askButton() const { return m_ask; }

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Row
    {
        QWidget *widget = nullptr;
        QComboBox *profile = nullptr;
        QComboBox *model = nullptr;
        QPushButton *remove = nullptr;
    };

    void removeRow(QWidget *row);
    void updateButtons();
    void retranslate();

    DeskSession &m_desk;
    QLabel *m_help;
    QVBoxLayout *m_rowsLayout;
    QList<Row> m_rows;
    QPushButton *m_add;
    QPushButton *m_ask;
    QPushButton *m_cancel;
};

} // namespace qvd
