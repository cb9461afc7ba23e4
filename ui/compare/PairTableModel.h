#pragma once

#include "core/eval/Evaluation.h"
#include "core/grounding/MappedDetection.h"

#include <QAbstractTableModel>

namespace qvd {

// Two answers' boxes on one image side by side (model against model): first the pairs matched
// by IoU (label in A, label in B, their IoU), then the boxes only A found, then those only B
// found, each with its box. The rows of boxes only one answer found are highlighted.
class PairTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { KindColumn, LabelAColumn, LabelBColumn, IouColumn, BoxAColumn, BoxBColumn };
    static constexpr int ColumnCount = BoxBColumn + 1;
    enum class Kind { Pair, OnlyA, OnlyB };
    enum Role { KindRole = Qt::UserRole + 1 };

    struct Row
    {
        Kind kind = Kind::Pair;
        int a = -1; // position in A's boxes
        int b = -1; // position in B's boxes
        QString labelA;
        QString labelB;
        std::optional<double> iou;
        QRectF boxA;
        QRectF boxB;
    };

    explicit PairTableModel(QObject *parent = nullptr);

    // `matching`: B matched against A (A as the reference, core/eval/BoxMatching).
    void setComparison(const QList<MappedDetection> &a, const QList<MappedDetection> &b,
                       const ImageEvaluation &matching);
    void clear();
    const QList<Row> &rows() const { return m_rows; }
    int count(Kind kind) const;
    void setNames(const QString &a, const QString &b);
    void retranslate();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<Row> m_rows;
    QString m_nameA;
    QString m_nameB;
};

} // namespace qvd
