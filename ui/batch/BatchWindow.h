#pragma once

#include <QTimer>
#include <QWidget>

#include <memory>

namespace Ui {
class BatchWindow;
}

namespace qvd {

struct AppContext;
class BatchJobs;
class DeskSession;
class JobBrowser;
class JobListModel;

// File → Batch Jobs…: the jobs of the job store the command line uses too, newest first, with
// progress, state and counts, read again every second while the window shows (so a job started
// or advanced by the command line shows up); New Job… (with the estimate to confirm), Resume,
// Cancel Job, Retry Failed and Export… for the selected job, whose error or last note shows
// under the list; below, the selected job's images in the inspector (JobBrowser).
class BatchWindow : public QWidget
{
    Q_OBJECT

public:
    BatchWindow(AppContext &context, DeskSession &session, QWidget *parent = nullptr);
    ~BatchWindow() override;

    BatchJobs *jobs() const { return m_jobs; }
    JobBrowser *browser() const { return m_browser; }
    QString selectedJob() const;
    void selectJob(const QString &jobId);

protected:
    bool event(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void reload();
    void showJobsOrHint();
    void selectionChanged();
    void updateActions();
    void newJob();
    void exportJob();

    AppContext &m_context;
    DeskSession &m_session;
    std::unique_ptr<Ui::BatchWindow> m_ui;
    BatchJobs *m_jobs = nullptr;
    JobListModel *m_model = nullptr;
    JobBrowser *m_browser = nullptr;
    QTimer m_refresh; // while shown
    QTimer m_soon; // coalesces the runs' progress
    QString m_storeError;
    QString m_exportNote; // the last export's outcome, for the selected job
    QString m_shownCounts; // the selected job's counts the browser last read
};

} // namespace qvd
