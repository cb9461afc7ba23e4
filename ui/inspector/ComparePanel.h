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
// Its widgets are made when the tab is first shown (or table() is asked for): the main window's
// first frame shows only the tab's title. Until then it keeps what it is told, and the choice.
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
    QTableView *table();
    void setSummary(const QString &text);
    void setSideBySideEnabled(bool enabled);

Q_SIGNALS:
    void chosenChanged(const QString &answerId);
    void sideBySideRequested();

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void build();
    void fillAnswers();
    void retranslate();

    PairTableModel *m_model;
    QList<QPair<QString, QString>> m_candidates; // (answer id, what the list shows)
    QString m_chosen; // empty: nothing
    QString m_summaryText;
    bool m_sideBySideEnabled = false;
    // Made by build().
    QLabel *m_label = nullptr;
    QComboBox *m_answers = nullptr;
    QPushButton *m_sideBySide = nullptr;
    QLabel *m_summary = nullptr;
    QTableView *m_table = nullptr;
};

} // namespace qvd
