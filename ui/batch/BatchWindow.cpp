#include "ui/batch/BatchWindow.h"

#include "core/batch/JobExport.h"
#include "core/batch/JobPlan.h"
#include "core/session/ActiveEndpoint.h"
#include "core/session/DeskSession.h"
#include "ui/batch/BatchJobs.h"
#include "ui/batch/ExportJobDialog.h"
#include "ui/batch/JobBrowser.h"
#include "ui/batch/JobListModel.h"
#include "ui/batch/NewJobDialog.h"
#include "ui_BatchWindow.h"

#include <QApplication>
#include <QDir>
#include <QEvent>
#include <QHeaderView>
#include <QPainter>
#include <QStyledItemDelegate>

namespace qvd {

namespace {

constexpr int kRefreshMs = 1000;

// The Progress column as a progress bar.
class ProgressDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        QStyleOptionViewItem background = option;
        initStyleOption(&background, index);
        background.text.clear();
        const QWidget *widget = option.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);
        QStyleOptionProgressBar bar;
        bar.rect = option.rect.adjusted(2, 2, -2, -2);
        bar.minimum = 0;
        bar.maximum = 100;
        bar.progress = index.data(JobListModel::kPercentRole).toInt();
        bar.text = index.data().toString();
        bar.textVisible = true;
        bar.state = option.state | QStyle::State_Horizontal;
        style->drawControl(QStyle::CE_ProgressBar, &bar, painter, widget);
    }
};

} // namespace

BatchWindow::BatchWindow(AppContext &context, DeskSession &session, QWidget *parent)
    : QWidget(parent, Qt::Window),
      m_context(context),
      m_session(session),
      m_ui(std::make_unique<Ui::BatchWindow>())
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("batchWindow"));
    m_jobs = new BatchJobs(context, this);
    m_model = new JobListModel(*m_jobs, this);
    m_browser = new JobBrowser(*m_jobs, m_ui->splitter);
    m_ui->splitter->addWidget(m_browser);
    m_ui->splitter->setStretchFactor(0, 1);
    m_ui->splitter->setStretchFactor(1, 3);
    m_ui->splitter->setSizes({220, 580});
    m_ui->jobList->setModel(m_model);
    m_ui->jobList->setItemDelegateForColumn(JobListModel::Progress,
                                            new ProgressDelegate(m_ui->jobList));
    m_ui->jobList->header()->setStretchLastSection(true);
    m_ui->jobList->setColumnWidth(JobListModel::Created, 140);
    m_ui->jobList->setColumnWidth(JobListModel::State, 110);
    m_ui->jobList->setColumnWidth(JobListModel::Progress, 120);

    if (!m_jobs->open(&m_storeError))
        m_ui->jobMessage->setText(m_storeError);

    m_refresh.setInterval(kRefreshMs);
    m_soon.setSingleShot(true);
    m_soon.setInterval(200);
    connect(&m_refresh, &QTimer::timeout, this, &BatchWindow::reload);
    connect(&m_soon, &QTimer::timeout, this, &BatchWindow::reload);
    connect(m_jobs, &BatchJobs::changed, this, [this] {
        if (!m_soon.isActive())
            m_soon.start();
    });
    // Jobs come and go only by a reset (JobListModel::reload).
    connect(m_model, &QAbstractItemModel::modelReset, this, &BatchWindow::showJobsOrHint);
    connect(m_ui->jobList->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &BatchWindow::selectionChanged);
    connect(m_ui->jobList, &QTreeView::activated, this, &BatchWindow::selectionChanged);
    connect(m_ui->newJobButton, &QPushButton::clicked, this, &BatchWindow::newJob);
    connect(m_ui->resumeJobButton, &QPushButton::clicked, this,
            [this] { m_jobs->run(selectedJob()); });
    connect(m_ui->cancelJobButton, &QPushButton::clicked, this,
            [this] { m_jobs->cancel(selectedJob()); });
    connect(m_ui->retryJobButton, &QPushButton::clicked, this,
            [this] { m_jobs->retryFailed(selectedJob()); });
    connect(m_ui->exportJobButton, &QPushButton::clicked, this, &BatchWindow::exportJob);
    reload();
    showJobsOrHint();
}

BatchWindow::~BatchWindow()
{
    // The runs stop when the jobs object goes, after this window's members: what they say
    // then reaches nobody.
    m_refresh.stop();
    m_jobs->disconnect(this);
}

QString BatchWindow::selectedJob() const
{
    return m_model->jobIdAt(m_ui->jobList->currentIndex().row());
}

void BatchWindow::selectJob(const QString &jobId)
{
    const int row = m_model->rowOf(jobId);
    if (row >= 0)
        m_ui->jobList->setCurrentIndex(m_model->index(row, 0));
}

void BatchWindow::reload()
{
    if (!m_jobs->store().isOpen())
        return;
    const QString selected = selectedJob();
    m_model->reload();
    if (!selected.isEmpty() && selectedJob() != selected)
        selectJob(selected);
    if (selectedJob().isEmpty() && m_model->rowCount() > 0 && selected.isEmpty())
        m_ui->jobList->setCurrentIndex(m_model->index(0, 0));
    selectionChanged();
}

// No jobs yet: a line saying how to start one instead of an empty table.
void BatchWindow::showJobsOrHint()
{
    const bool none = m_model->rowCount() == 0;
    m_ui->jobList->setVisible(!none);
    m_ui->noJobsHint->setVisible(none);
}

void BatchWindow::selectionChanged()
{
    const QString job = selectedJob();
    const JobSummary *summary = m_model->summaryOf(job);
    // The images are read again when the job's counts moved (results were stored).
    QString counts;
    if (summary) {
        const ItemCounts &c = summary->counts;
        counts = QStringLiteral("%1 %2 %3 %4 %5 %6")
                     .arg(job)
                     .arg(c.done)
                     .arg(c.failed)
                     .arg(c.cancelled)
                     .arg(c.pending)
                     .arg(int(summary->phase));
    }
    if (job != m_browser->jobId()) {
        m_exportNote.clear();
        m_browser->setJob(job);
    } else if (counts != m_shownCounts) {
        m_browser->reload();
    }
    m_shownCounts = counts;
    updateActions();
}

void BatchWindow::updateActions()
{
    const QString job = selectedJob();
    const JobSummary *summary = m_model->summaryOf(job);
    const bool running = !job.isEmpty() && m_jobs->isRunning(job);
    const bool open = m_jobs->store().isOpen();
    m_ui->newJobButton->setEnabled(open);
    bool ended = true;
    if (summary)
        ended = summary->phase == JobPhase::Completed || summary->phase == JobPhase::Cancelled
            || summary->phase == JobPhase::Failed;
    m_ui->resumeJobButton->setEnabled(summary && !running && !ended);
    m_ui->cancelJobButton->setEnabled(summary && !ended);
    m_ui->retryJobButton->setEnabled(summary && !running
                                     && summary->counts.failed + summary->counts.cancelled > 0);
    m_ui->exportJobButton->setEnabled(summary && summary->counts.done > 0);
    if (!open) {
        m_ui->jobMessage->setText(m_storeError);
        return;
    }
    QString message = m_model->messageOf(job);
    if (!m_exportNote.isEmpty())
        message = message.isEmpty() ? m_exportNote : m_exportNote + u'\n' + message;
    m_ui->jobMessage->setText(message);
}

void BatchWindow::newJob()
{
    auto *dialog = new NewJobDialog(m_context, m_session.endpoint()->profile().name,
                                    m_session.model().id, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        QString error;
        const QString job = dialog->plan()->store(m_jobs->store(), &error);
        if (job.isEmpty()) {
            m_ui->jobMessage->setText(error);
            return;
        }
        m_model->reload();
        selectJob(job);
        m_jobs->run(job);
    });
    dialog->open();
}

void BatchWindow::exportJob()
{
    const QString job = selectedJob();
    const std::optional<BatchJob> record = m_jobs->store().job(job);
    if (!record)
        return;
    const QString suggested = QDir(record->spec.folder).absolutePath() + QStringLiteral("-dataset");
    auto *dialog = new ExportJobDialog(suggested, record->spec.formats, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, job] {
        const QString folder = dialog->folder();
        const JobExport::Result result =
            JobExport::write(m_jobs->store(), job, folder, dialog->formats());
        m_exportNote = result.ok ? tr("Wrote %1 images and %2 annotations to %3.")
                                       .arg(result.images)
                                       .arg(result.annotations)
                                       .arg(QDir::toNativeSeparators(folder))
                                 : result.error;
        updateActions();
    });
    dialog->open();
}

bool BatchWindow::event(QEvent *event)
{
    // Back from another window (or the command line): read the store again.
    if (event->type() == QEvent::WindowActivate)
        reload();
    return QWidget::event(event);
}

void BatchWindow::showEvent(QShowEvent *event)
{
    m_refresh.start();
    reload();
    QWidget::showEvent(event);
}

void BatchWindow::hideEvent(QHideEvent *event)
{
    m_refresh.stop();
    QWidget::hideEvent(event);
}

void BatchWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        m_model->retranslate();
        updateActions();
    }
    QWidget::changeEvent(event);
}

} // namespace qvd
