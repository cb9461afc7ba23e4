#include "ui/batch/JobListModel.h"

#include "core/batch/JobStore.h"
#include "ui/batch/BatchJobs.h"
#include "ui/batch/BatchText.h"

#include <QDir>
#include <QLocale>

namespace qvd {

JobListModel::JobListModel(BatchJobs &jobs, QObject *parent)
    : QAbstractTableModel(parent), m_jobs(jobs)
{ }

void JobListModel::reload()
{
    QList<Row> rows;
    for (const BatchJob &job : m_jobs.store().jobs())
        rows.append({job, m_jobs.store().summary(job.id)});
    bool sameJobs = rows.size() == m_rows.size();
    for (int i = 0; sameJobs && i < rows.size(); ++i)
        sameJobs = rows[i].job.id == m_rows[i].job.id;
    if (sameJobs) {
        m_rows = rows;
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, Count - 1));
        return;
    }
    // Jobs came or went: the view keeps its selection by id (BatchWindow).
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

int JobListModel::rowOf(const QString &jobId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows[row].job.id == jobId)
            return row;
    }
    return -1;
}

QString JobListModel::jobIdAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row].job.id : QString();
}

QString JobListModel::messageOf(const QString &jobId) const
{
    const int row = rowOf(jobId);
    if (row < 0)
        return {};
    const Row &r = m_rows[row];
    if (!r.job.errorMessage.isEmpty() || !r.job.errorCode.isEmpty())
        return BatchText::error(r.job.errorCode, r.job.errorMessage);
    const QString own = m_jobs.message(jobId);
    return own.isEmpty() ? r.summary.lastError : own;
}

const JobSummary *JobListModel::summaryOf(const QString &jobId) const
{
    const int row = rowOf(jobId);
    return row < 0 ? nullptr : &m_rows[row].summary;
}

int JobListModel::percent(const Row &row)
{
    const ItemCounts &c = row.summary.counts;
    return c.total > 0 ? int(qint64(c.finished()) * 100 / c.total) : 0;
}

int JobListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int JobListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : Count;
}

QVariant JobListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows[index.row()];
    const ItemCounts &c = row.summary.counts;
    if (role == Qt::UserRole)
        return row.job.id;
    if (role == kPercentRole)
        return percent(row);
    if (role == Qt::ToolTipRole)
        return messageOf(row.job.id);
    if (role == Qt::TextAlignmentRole && index.column() >= Progress && index.column() <= Waiting)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Created:
        return QLocale().toString(row.job.createdAt.toLocalTime(), QLocale::ShortFormat);
    case State:
        return BatchText::phase(row.summary.phase);
    case Progress:
        return tr("%1%").arg(percent(row));
    case Done:
        return c.done;
    case Failed:
        return c.failed;
    case Waiting:
        return c.pending + c.queued + c.submitted;
    case Mode:
        return BatchText::mode(row.job.spec.mode);
    case Model:
        return row.job.spec.modelId;
    case Folder:
        return QDir::toNativeSeparators(row.job.spec.folder);
    default:
        return {};
    }
}

QVariant JobListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Created:
        return tr("Created");
    case State:
        return tr("State");
    case Progress:
        return tr("Progress");
    case Done:
        return tr("Done");
    case Failed:
        return tr("Failed");
    case Waiting:
        return tr("Waiting");
    case Mode:
        return tr("Mode");
    case Model:
        return tr("Model");
    case Folder:
        return tr("Folder");
    default:
        return {};
    }
}

void JobListModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, Count - 1);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, Count - 1));
}

} // namespace qvd
