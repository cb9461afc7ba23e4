#pragma once

#include "core/grounding/Detection.h"
#include "core/grounding/MappedDetection.h"

#include <QAbstractTableModel>
#include <QSet>

namespace qvd {

// The detections of the shown image, one row each: label (with a check box to show or hide it),
// kind, x1, y1, x2, y2 in original pixels, and the syntax the model wrote it in. Rows remember
// which detection of the answer they are (AnswerIndexRole), so the chat can find its text.
// Hidden rows and labels survive setRows() for the same answer (streaming adds rows).
class DetectionTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { LabelColumn, KindColumn, X1Column, Y1Column, X2Column, Y2Column, SyntaxColumn };
    static constexpr int ColumnCount = SyntaxColumn + 1;
    enum Role {
        AnswerIndexRole = Qt::UserRole + 1,
        SortRole, // numbers as numbers
        LabelRole, // the raw label (the display shows a placeholder for an empty one)
    };

    struct Row
    {
        MappedDetection detection;
        int answerIndex = -1;
        GroundingSyntax syntax = GroundingSyntax::Json;
        QString source; // the answer text the detection was read from
    };

    explicit DetectionTableModel(QObject *parent = nullptr);

    // `sameAnswer`: keep what the person hid (an answer still streaming); otherwise start over.
    void setRows(const QList<Row> &rows, bool sameAnswer);
    const QList<Row> &rows() const { return m_rows; }
    // Every detection of the table, hidden ones flagged (`filter` rows flagged too when given).
    QList<MappedDetection> detections() const;
    int rowOfAnswerIndex(int answerIndex) const;

    void setRowHidden(int row, bool hidden);
    void setLabelHidden(const QString &label, bool hidden);
    void showAll();
    bool isLabelHidden(const QString &label) const { return m_hiddenLabels.contains(label); }
    // Distinct labels in order of first appearance.
    QStringList labels() const;

    void setHoveredRow(int row);
    int hoveredRow() const { return m_hoveredRow; }
    void retranslate();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static QString kindName(DetectionKind kind);
    static QString syntaxName(GroundingSyntax syntax);
    static QString displayLabel(const QString &label);

Q_SIGNALS:
    // A row was shown or hidden (by its check box, its label, or showAll()).
    void visibilityChanged();

private:
    QVariant coordinate(const Row &row, int column) const;
    QString toolTip(const Row &row) const;
    void rowsChanged(int first, int last);

    QList<Row> m_rows;
    QSet<int> m_hiddenAnswerIndices;
    QSet<QString> m_hiddenLabels;
    int m_hoveredRow = -1;
};

} // namespace qvd
