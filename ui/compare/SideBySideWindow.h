#pragma once

#include "core/session/Selection.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QTableView;

namespace qvd {

class DeskSession;
class ImageCanvas;
class PairTableModel;

// The answers to one question side by side ("Ask several models", or two answers picked to
// compare): a column per answer with the model that wrote it, its text as it arrives and the
// image with its boxes; under them one table pairing the first answer's boxes with another's by
// IoU, the boxes only one of them found highlighted. It follows the answers as they stream and
// as they are corrected; it changes nothing.
class SideBySideWindow : public QWidget
{
    Q_OBJECT
public:
    SideBySideWindow(DeskSession *session, const QStringList &answerIds, QWidget *parent = nullptr);
    ~SideBySideWindow() override;

    QStringList answerIds() const { return m_ids; }
    int columnCount() const { return int(m_columns.size()); }
    QString columnTitle(int column) const;
    QString columnText(int column) const;
    ImageCanvas *columnCanvas(int column) const;
    PairTableModel *pairs() const { return m_pairs; }
    QComboBox *otherPicker() const { return m_other; }

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Column
    {
        QLabel *title = nullptr;
        QPlainTextEdit *text = nullptr;
        ImageCanvas *canvas = nullptr;
    };

    void updateColumn(int column);
    void updatePairs();
    void retranslate();

    DeskSession *m_session;
    QStringList m_ids;
    Selection::Image m_image;
    QList<Column> m_columns;
    QLabel *m_compareLabel;
    QComboBox *m_other;
    QLabel *m_summary;
    QTableView *m_table;
    PairTableModel *m_pairs;
};

} // namespace qvd
