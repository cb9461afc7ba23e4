#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace qvd {

class PairTableModel;

// The inspector's "Compare" tab: another answer on the same image (another model, a snapshot,
// a regeneration) to compare the shown one with. Its boxes are drawn in their own style; the
// table pairs the two answers' boxes by IoU and lists those only one of them found.
class ComparePanel : public QWidget
{
    Q_OBJECT
public:
    explicit ComparePanel(QWidget *parent = nullptr);

    // The answers that can be compared: (answer id, what the list shows); the current one is
    // kept when it is still among them, else `preferred` (may be empty: none).
    void setCandidates(const QList<QPair<QString, QString>> &answers, const QString &preferred);
    QString chosen() const;
    void choose(const QString &answerId);

    PairTableModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    void setSummary(const QString &text);
    void setSideBySideEnabled(bool enabled);

Q_SIGNALS:
    void chosenChanged(const QString &answerId);
    void sideBySideRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QLabel *m_label;
    QComboBox *m_answers;
    QPushButton *m_sideBySide;
    QLabel *m_summary;
    QTableView *m_table;
    PairTableModel *m_model;
};

} // namespace qvd
