#pragma once

#include <QWidget>

class QLineEdit;
class QMenu;
class QSortFilterProxyModel;
class QTableView;
class QToolButton;

namespace qvd {

class DetectionTableModel;

// The detection list under the image: a filter field, a menu to show or hide whole labels, and
// the table (sortable, a check box per row). Rows are reported as rows of the source model.
class DetectionTable : public QWidget
{
    Q_OBJECT
public:
    explicit DetectionTable(QWidget *parent = nullptr);

    DetectionTableModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filter; }

    // Whether the filter lets the source row through.
    bool passesFilter(int sourceRow) const;
    // Selects (and scrolls to) the source row, or clears the selection for -1; emits nothing.
    void selectSourceRow(int sourceRow);
    int selectedSourceRow() const;
    // The menu for a row: hide it, hide or show only its label, show all.
    QMenu *createContextMenu(int sourceRow, QWidget *parent);

Q_SIGNALS:
    void rowHovered(int sourceRow); // -1 when the pointer leaves the rows
    void rowSelected(int sourceRow); // by the person; -1 when the selection is cleared
    void filterChanged();

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslate();
    void fillLabelsMenu();

    DetectionTableModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QLineEdit *m_filter = nullptr;
    QToolButton *m_labels = nullptr;
    QMenu *m_labelsMenu = nullptr;
    QTableView *m_view = nullptr;
    bool m_selecting = false;
};

} // namespace qvd
