#include "ui/compare/PairTableModel.h"

#include "ui/inspector/LayerOverlay.h"

#include <QBrush>
#include <QColor>

#include <algorithm>

namespace qvd {

namespace {

QRectF shapeOf(const MappedDetection &d)
{
    return (d.kind == DetectionKind::Quad && !d.quad.isEmpty() ? d.quad.boundingRect() : d.rect)
        .normalized();
}

QString boxText(const QRectF &r, bool present)
{
    if (!present)
        return QString();
    return QStringLiteral("%1, %2 – %3, %4")
        .arg(qRound(r.left()))
        .arg(qRound(r.top()))
        .arg(qRound(r.right()))
        .arg(qRound(r.bottom()));
}

} // namespace

PairTableModel::PairTableModel(QObject *parent) : QAbstractTableModel(parent) { }

void PairTableModel::setComparison(const QList<MappedDetection> &a, const QList<MappedDetection> &b,
                                   const ImageEvaluation &matching)
{
    beginResetModel();
    m_rows.clear();
    for (const EvalMatch &match : matching.matches) {
        Row row;
        row.kind = Kind::Pair;
        row.a = match.truth;
        row.b = match.prediction;
        row.labelA = a.value(row.a).label;
        row.labelB = b.value(row.b).label;
        if (!match.point)
            row.iou = match.iou;
        row.boxA = shapeOf(a.value(row.a));
        row.boxB = shapeOf(b.value(row.b));
        m_rows.append(row);
    }
    std::sort(m_rows.begin(), m_rows.end(), [](const Row &x, const Row &y) { return x.a < y.a; });
    for (const int i : matching.missedTruth)
        m_rows.append({Kind::OnlyA, i, -1, a.value(i).label, QString(), std::nullopt,
                       shapeOf(a.value(i)), QRectF()});
    for (const int i : matching.falsePredictions)
        m_rows.append({Kind::OnlyB, -1, i, QString(), b.value(i).label, std::nullopt, QRectF(),
                       shapeOf(b.value(i))});
    endResetModel();
}

void PairTableModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

int PairTableModel::count(Kind kind) const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(),
                             [kind](const Row &row) { return row.kind == kind; }));
}

void PairTableModel::setNames(const QString &a, const QString &b)
{
    m_nameA = a;
    m_nameB = b;
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

void PairTableModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int PairTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PairTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PairTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows[index.row()];
    if (role == KindRole)
        return int(row.kind);
    if (role == Qt::BackgroundRole && row.kind != Kind::Pair) {
        QColor halo = QColor::fromRgba(LayerOverlay::kOnlyOneColour);
        halo.setAlpha(90);
        return QBrush(halo);
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case KindColumn:
        switch (row.kind) {
        case Kind::Pair:
            //: Comparison table: a box both answers found
            return tr("Both");
        case Kind::OnlyA:
            return tr("Only %1").arg(m_nameA.isEmpty() ? QStringLiteral("A") : m_nameA);
        case Kind::OnlyB:
            return tr("Only %1").arg(m_nameB.isEmpty() ? QStringLiteral("B") : m_nameB);
        }
        return {};
    case LabelAColumn:
        return row.labelA;
    case LabelBColumn:
        return row.labelB;
    case IouColumn:
        if (row.kind != Kind::Pair)
            return {};
        return row.iou ? QString::number(*row.iou, 'f', 2) : tr("point in box");
    case BoxAColumn:
        return boxText(row.boxA, row.a >= 0);
    case BoxBColumn:
        return boxText(row.boxB, row.b >= 0);
    default:
        return {};
    }
}

QVariant PairTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    const QString a = m_nameA.isEmpty() ? QStringLiteral("A") : m_nameA;
    const QString b = m_nameB.isEmpty() ? QStringLiteral("B") : m_nameB;
    switch (section) {
    case KindColumn:
        //: Comparison table column: found by both answers, or by one of them
        return tr("Found by");
    case LabelAColumn:
        return tr("Label in %1").arg(a);
    case LabelBColumn:
        return tr("Label in %1").arg(b);
    case IouColumn:
        return tr("IoU");
    case BoxAColumn:
        return tr("Box in %1").arg(a);
    case BoxBColumn:
        return tr("Box in %1").arg(b);
    default:
        return {};
    }
}

} // namespace qvd
