#include "ui/batch/NewJobDialog.h"

#include "core/batch/BatchSupport.h"
#include "core/batch/JobTarget.h"
#include "core/batch/PriceTable.h"
#include "core/models/ModelRegistry.h"
#include "core/settings/Settings.h"
#include "ui/AppContext.h"
#include "ui_NewJobDialog.h"

#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QPointer>
#include <QRegularExpression>
#include <QtConcurrent>

namespace qvd {

namespace {
enum Page { FormPage, EstimatePage };
} // namespace

NewJobDialog::NewJobDialog(AppContext &context, const QString &profileName, const QString &modelId,
                           QWidget *parent)
    : QDialog(parent), m_context(context), m_ui(std::make_unique<Ui::NewJobDialog>())
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("newJobDialog"));
    m_scanPool.setMaxThreadCount(1);
    for (const EndpointProfile &profile : m_context.settings->profiles())
        m_ui->profileCombo->addItem(
            profile.displayName.isEmpty() ? profile.name : profile.displayName, profile.name);
    m_ui->profileCombo->setCurrentIndex(qMax(0, m_ui->profileCombo->findData(profileName)));
    for (const ModelInfo &model : m_context.models->models())
        m_ui->modelCombo->addItem(model.id);
    m_ui->modelCombo->setCurrentText(modelId);
    m_ui->modeCombo->addItem(QString(), QStringLiteral("batch"));
    m_ui->modeCombo->addItem(QString(), QStringLiteral("direct"));
    m_ui->extensionsEdit->setPlaceholderText(JobSpec::defaultExtensions().join(u' '));
    retranslate();
    profileChosen();
    showPage(FormPage);

    connect(m_ui->browseButton, &QPushButton::clicked, this, &NewJobDialog::chooseFolder);
    connect(m_ui->profileCombo, &QComboBox::currentIndexChanged, this,
            &NewJobDialog::profileChosen);
    // Requests at a time only mean something in direct mode.
    const auto modeChosen = [this] {
        m_ui->concurrencySpin->setEnabled(m_ui->modeCombo->currentData().toString()
                                          == jobModeName(JobMode::Direct));
    };
    connect(m_ui->modeCombo, &QComboBox::currentIndexChanged, this, modeChosen);
    modeChosen();
    connect(m_ui->cancelButton, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_ui->estimateButton, &QPushButton::clicked, this, &NewJobDialog::estimate);
    connect(m_ui->backButton, &QPushButton::clicked, this, [this] {
        m_plan.reset();
        showPage(FormPage);
    });
    connect(m_ui->confirmButton, &QPushButton::clicked, this, [this] {
        if (m_plan)
            accept();
    });
    connect(&m_watcher, &QFutureWatcher<std::optional<JobPlan>>::finished, this,
            &NewJobDialog::estimated);
}

NewJobDialog::~NewJobDialog()
{
    m_cancelScan = true;
    m_watcher.waitForFinished();
}

void NewJobDialog::chooseFolder()
{
    const QString folder =
        QFileDialog::getExistingDirectory(this, tr("Folder of images"), m_ui->folderEdit->text());
    if (!folder.isEmpty())
        m_ui->folderEdit->setText(QDir::toNativeSeparators(folder));
}

// Batch for DashScope's own hosts, direct for any other server (BatchSupport::defaultMode).
void NewJobDialog::profileChosen()
{
    const QString name = m_ui->profileCombo->currentData().toString();
    for (const EndpointProfile &profile : m_context.settings->profiles()) {
        if (profile.name == name) {
            const JobMode mode = BatchSupport::defaultMode(profile);
            m_ui->modeCombo->setCurrentIndex(m_ui->modeCombo->findData(jobModeName(mode)));
        }
    }
}

std::optional<JobSpec> NewJobDialog::specFromForm(QString *error) const
{
    JobSpec spec;
    const QString folder = m_ui->folderEdit->text().trimmed();
    if (folder.isEmpty() || !QDir(folder).exists()) {
        *error = folder.isEmpty() ? tr("Choose the folder of images.")
                                  : tr("The folder “%1” does not exist.").arg(folder);
        return std::nullopt;
    }
    spec.folder = QDir(QDir::fromNativeSeparators(folder)).absolutePath();
    spec.recursive = m_ui->recursiveCheck->isChecked();
    static const QRegularExpression separators(QStringLiteral("[\\s,;]+"));
    for (QString extension : m_ui->extensionsEdit->text().split(separators, Qt::SkipEmptyParts)) {
        while (extension.startsWith(u'.') || extension.startsWith(u'*'))
            extension.remove(0, 1);
        if (!extension.isEmpty())
            spec.extensions.append(extension.toLower());
    }
    spec.prompt = m_ui->promptEdit->toPlainText().trimmed();
    if (spec.prompt.isEmpty()) {
        *error = tr("Write the prompt every image is asked with.");
        return std::nullopt;
    }
    spec.profileName = m_ui->profileCombo->currentData().toString();
    spec.modelId = m_ui->modelCombo->currentText().trimmed();
    spec.mode = jobModeFromName(m_ui->modeCombo->currentData().toString()).value_or(JobMode::Batch);
    spec.concurrency = m_ui->concurrencySpin->value();
    if (m_ui->cocoCheck->isChecked())
        spec.formats |= DatasetFormat::Coco;
    if (m_ui->labelMeCheck->isChecked())
        spec.formats |= DatasetFormat::LabelMe;
    if (m_ui->yoloCheck->isChecked())
        spec.formats |= DatasetFormat::Yolo;
    return spec;
}

void NewJobDialog::estimate()
{
    if (m_watcher.isRunning())
        return;
    QString error;
    std::optional<JobSpec> spec = specFromForm(&error);
    if (!spec) {
        m_ui->formMessage->setText(error);
        return;
    }
    // The endpoint and model as the job will use them, then what the Batch API documentation
    // rules out, before anything is read or uploaded (the same rules as the command line).
    const std::optional<JobTarget> target =
        JobTarget::resolve(*m_context.settings, *m_context.models, *spec, &error);
    if (!target) {
        m_ui->formMessage->setText(error);
        return;
    }
    spec->modelId = target->model.id;
    m_warning.clear();
    if (spec->mode == JobMode::Batch) {
        const BatchSupport support = BatchSupport::check(target->batchBaseUrl, target->model);
        if (support.verdict == BatchSupport::Verdict::Refused) {
            m_ui->formMessage->setText(support.message);
            return;
        }
        m_warning = support.message;
    }
    const PriceTable prices =
        PriceTable::load(PriceTable::standardPath(*m_context.settings), &error);
    if (!error.isEmpty())
        m_warning = (m_warning.isEmpty() ? QString() : m_warning + u'\n') + error;
    const std::optional<ModelPrice> price = prices.price(target->model.id);
    const ModelInfo model = target->model;
    const JobSpec wanted = *spec;
    m_cancelScan = false;
    m_ui->formMessage->setText(tr("Reading the images…"));
    // The estimate is of what the form says now: nothing on it changes until it is back.
    setFormEnabled(false);
    QPointer<NewJobDialog> self(this);
    m_watcher.setFuture(QtConcurrent::run(&m_scanPool, [this, self, wanted, model, price] {
        QString scanError;
        std::optional<JobPlan> plan = JobPlan::make(
            wanted, model, price, &scanError, nullptr,
            [self](int done, int total) {
                QMetaObject::invokeMethod(
                    self,
                    [self, done, total] {
                        if (self)
                            self->m_ui->formMessage->setText(
                                tr("Reading the images: %1 of %2").arg(done).arg(total));
                    },
                    Qt::QueuedConnection);
            },
            &m_cancelScan);
        m_scanError = scanError;
        return plan;
    }));
}

void NewJobDialog::setFormEnabled(bool enabled)
{
    m_ui->pages->widget(FormPage)->setEnabled(enabled);
    m_ui->estimateButton->setEnabled(enabled);
}

void NewJobDialog::estimated()
{
    setFormEnabled(true);
    m_plan = m_watcher.result();
    if (!m_plan) {
        m_ui->formMessage->setText(m_scanError);
        return;
    }
    m_ui->formMessage->clear();
    m_ui->estimateText->setText(m_plan->estimate.describe().join(u'\n'));
    m_ui->warningText->setText(m_warning);
    m_ui->warningText->setVisible(!m_warning.isEmpty());
    showPage(EstimatePage);
}

void NewJobDialog::showPage(int page)
{
    m_ui->pages->setCurrentIndex(page);
    m_ui->backButton->setVisible(page == EstimatePage);
    m_ui->estimateButton->setVisible(page == FormPage);
    m_ui->confirmButton->setVisible(page == EstimatePage);
    (page == FormPage ? m_ui->estimateButton : m_ui->confirmButton)->setDefault(true);
}

void NewJobDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void NewJobDialog::retranslate()
{
    m_ui->retranslateUi(this);
    m_ui->modeCombo->setItemText(0, tr("Batch API (half price, runs on the server's side)"));
    m_ui->modeCombo->setItemText(1, tr("Direct (one request per image, real time)"));
}

} // namespace qvd
