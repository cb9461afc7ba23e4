#pragma once

#include "core/batch/BatchRecords.h"

#include <QAbstractTableModel>

namespace qvd {

class BatchJobs;

// The jobs of the store, newest first: when made, state, progress, counts, mode, model and
// folder. Rows are jobs by id (Qt::UserRole of column 0); reload() reads the store again.
class JobListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Created, State, Progress, Done, Failed, Waiting, Mode, Model, Folder, Count };
    static constexpr int kPercentRole = Qt::UserRole + 1; // Progress: 0..100

    explicit JobListModel(BatchJobs &jobs, QObject *parent = nullptr);

    void reload();
    int rowOf(const QString &jobId) const;
    QString jobIdAt(int row) const;
    // The job's error, what this app's run said last, or what its batches said last.
    QString messageOf(const QString &jobId) const;
    // Null when the job is not listed.
    const JobSummary *summaryOf(const QString &jobId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    void retranslate();

private:
    struct Row
    {
        BatchJob job;
        JobSummary summary;
    };
    static int percent(const Row &row);

    BatchJobs &m_jobs;
    QList<Row> m_rows;
};

} // namespace qvd
