#include "ui/inspector/DetectionTableModel.h"

#include "core/grounding/LabelPalette.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace qvd {

DetectionTableModel::DetectionTableModel(QObject *parent) : QAbstractTableModel(parent) { }

void DetectionTableModel::setRows(const QList<Row> &rows, bool sameAnswer)
{
    beginResetModel();
    m_rows = rows;
    if (!sameAnswer) {
        m_hiddenAnswerIndices.clear();
        m_hiddenLabels.clear();
    }
    m_hoveredRow = -1;
    for (Row &row : m_rows) {
        row.detection.hidden = m_hiddenAnswerIndices.contains(row.answerIndex)
            || m_hiddenLabels.contains(row.detection.label);
    }
    endResetModel();
}

QList<MappedDetection> DetectionTableModel::detections() const
{
    QList<MappedDetection> list;
    list.reserve(m_rows.size());
    for (const Row &row : m_rows)
        list.append(row.detection);
    return list;
}

int DetectionTableModel::rowOfAnswerIndex(int answerIndex) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].answerIndex == answerIndex)
            return i;
    }
    return -1;
}

void DetectionTableModel::rowsChanged(int first, int last)
{
    for (Row &row : m_rows) {
        row.detection.hidden = m_hiddenAnswerIndices.contains(row.answerIndex)
            || m_hiddenLabels.contains(row.detection.label);
    }
    if (first <= last)
        Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1));
    Q_EMIT visibilityChanged();
}

void DetectionTableModel::setRowHidden(int row, bool hidden)
{
    if (row < 0 || row >= m_rows.size())
        return;
    const QString label = m_rows[row].detection.label;
    if (hidden) {
        m_hiddenAnswerIndices.insert(m_rows[row].answerIndex);
    } else {
        // Showing one row of a hidden label: the label is no longer hidden as a whole, its
        // other rows stay hidden one by one.
        if (m_hiddenLabels.remove(label)) {
            for (const Row &other : std::as_const(m_rows)) {
                if (other.detection.label == label)
                    m_hiddenAnswerIndices.insert(other.answerIndex);
            }
        }
        m_hiddenAnswerIndices.remove(m_rows[row].answerIndex);
    }
    rowsChanged(0, int(m_rows.size()) - 1);
}

void DetectionTableModel::setLabelHidden(const QString &label, bool hidden)
{
    if (hidden) {
        m_hiddenLabels.insert(label);
    } else {
        m_hiddenLabels.remove(label);
        for (const Row &row : std::as_const(m_rows)) {
            if (row.detection.label == label)
                m_hiddenAnswerIndices.remove(row.answerIndex);
        }
    }
    rowsChanged(0, int(m_rows.size()) - 1);
}

void DetectionTableModel::showAll()
{
    m_hiddenLabels.clear();
    m_hiddenAnswerIndices.clear();
    rowsChanged(0, int(m_rows.size()) - 1);
}

QStringList DetectionTableModel::labels() const
{
    QStringList list;
    for (const Row &row : m_rows) {
        if (!list.contains(row.detection.label))
            list.append(row.detection.label);
    }
    return list;
}

void DetectionTableModel::setHoveredRow(int row)
{
    if (row == m_hoveredRow)
        return;
    const int old = m_hoveredRow;
    m_hoveredRow = row;
    for (const int changed : {old, row}) {
        if (changed >= 0 && changed < m_rows.size())
            Q_EMIT dataChanged(index(changed, 0), index(changed, ColumnCount - 1),
                               {Qt::BackgroundRole});
    }
}

void DetectionTableModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

int DetectionTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DetectionTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DetectionTableModel::coordinate(const Row &row, int column) const
{
    const QRectF &r = row.detection.rect;
    switch (column) {
    case X1Column:
        return r.left();
    case Y1Column:
        return r.top();
    case X2Column:
        return r.right();
    case Y2Column:
        return r.bottom();
    }
    return {};
}

QString DetectionTableModel::toolTip(const Row &row) const
{
    QStringList lines;
    lines << displayLabel(row.detection.label);
    if (!row.detection.attributes.isEmpty()) {
        lines << QString::fromUtf8(
            QJsonDocument(QJsonObject::fromVariantMap(row.detection.attributes))
                .toJson(QJsonDocument::Compact));
    }
    if (!row.source.isEmpty())
        lines << tr("From the answer: %1").arg(row.source.left(200));
    return lines.join(QLatin1Char('\n'));
}

QVariant DetectionTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows[index.row()];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        if (column == LabelColumn)
            return displayLabel(row.detection.label);
        if (column == KindColumn)
            return kindName(row.detection.kind);
        if (column == SyntaxColumn)
            return syntaxName(row.syntax);
        return QString::number(qRound(coordinate(row, column).toReal()));
    case SortRole:
        if (column >= X1Column && column <= Y2Column)
            return coordinate(row, column);
        return data(index, Qt::DisplayRole);
    case Qt::CheckStateRole:
        if (column == LabelColumn)
            return row.detection.hidden ? Qt::Unchecked : Qt::Checked;
        return {};
    case Qt::DecorationRole:
        if (column == LabelColumn)
            return LabelPalette::colour(row.detection.label);
        return {};
    case Qt::TextAlignmentRole:
        if (column >= X1Column && column <= Y2Column)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::BackgroundRole:
        if (index.row() == m_hoveredRow) {
            QColor colour = LabelPalette::colour(row.detection.label);
            colour.setAlpha(60);
            return colour;
        }
        return {};
    case Qt::ToolTipRole:
        return toolTip(row);
    case AnswerIndexRole:
        return row.answerIndex;
    case LabelRole:
        return row.detection.label;
    }
    return {};
}

bool DetectionTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || index.column() != LabelColumn || role != Qt::CheckStateRole)
        return false;
    setRowHidden(index.row(), value.value<Qt::CheckState>() != Qt::Checked);
    return true;
}

Qt::ItemFlags DetectionTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == LabelColumn)
        flags |= Qt::ItemIsUserCheckable;
    return flags;
}

QVariant DetectionTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case LabelColumn:
        return tr("Label");
    case KindColumn:
        //: Detection kind column: box, point or quad
        return tr("Kind");
    case X1Column:
        return QStringLiteral("x1");
    case Y1Column:
        return QStringLiteral("y1");
    case X2Column:
        return QStringLiteral("x2");
    case Y2Column:
        return QStringLiteral("y2");
    case SyntaxColumn:
        //: Column: the format the model wrote the box in (JSON, tags…)
        return tr("Syntax");
    }
    return {};
}

QString DetectionTableModel::kindName(DetectionKind kind)
{
    switch (kind) {
    case DetectionKind::Box:
        //: Detection kind
        return tr("box");
    case DetectionKind::Point:
        //: Detection kind
        return tr("point");
    case DetectionKind::Quad:
        //: Detection kind: a four-cornered polygon
        return tr("quad");
    }
    return {};
}

QString DetectionTableModel::syntaxName(GroundingSyntax syntax)
{
    switch (syntax) {
    case GroundingSyntax::QwenVlTags:
        return tr("Qwen-VL tags");
    case GroundingSyntax::Qwen2Tokens:
        return tr("Qwen2 tokens");
    case GroundingSyntax::XmlPoints:
        return tr("XML points");
    case GroundingSyntax::HtmlDataBbox:
        return tr("HTML data-bbox");
    case GroundingSyntax::Json:
        return QStringLiteral("JSON");
    case GroundingSyntax::BarePairs:
        return tr("bare pairs");
    case GroundingSyntax::PlainLines:
        return tr("plain lines");
    case GroundingSyntax::BareArrays:
        //: an answer that is only [x1, y1, x2, y2] arrays, without keys or labels
        return tr("bare arrays");
    }
    return {};
}

QString DetectionTableModel::displayLabel(const QString &label)
{
    //: Shown for a box the model gave no label
    return label.isEmpty() ? tr("(no label)") : label;
}

} // namespace qvd
