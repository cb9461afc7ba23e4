#include "ui/history/HistoryTransferController.h"

#include "core/storage/HistoryStore.h"
#include "core/storage/HistoryTransfer.h"
#include "core/storage/ImageStore.h"
#include "core/storage/SafeFileName.h"
#include "ui/AppContext.h"

#include <QAction>
#include <QDate>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPromise>
#include <QStandardPaths>
#include <QtConcurrent>

namespace qvd {

namespace {

constexpr int kProgressSteps = 1000;
constexpr int kShowProgressAfterMs = 300;

HistoryTransferController::FileChoice askWithDialog(QWidget *parent,
                                                    const HistoryTransferController::FileRequest &r)
{
    QString selected;
    const QString filters = r.filters.join(QStringLiteral(";;"));
    const QString path = r.mode == HistoryTransferController::FileRequest::Mode::Save
        ? QFileDialog::getSaveFileName(parent, r.title, r.suggestedPath, filters, &selected)
        : QFileDialog::getOpenFileName(parent, r.title, r.suggestedPath, filters, &selected);
    return {path, int(qMax<qsizetype>(0, r.filters.indexOf(selected)))};
}

QString documentsFolder()
{
    // A fresh account may have no Documents folder yet: the file dialog would then open in the
    // process's working directory, wherever the app was started from.
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return !documents.isEmpty() && QDir(documents).exists() ? documents : QDir::homePath();
}

QString withSuffix(const QString &path, const QString &suffix)
{
    return QFileInfo(path).suffix().compare(suffix, Qt::CaseInsensitive) == 0
        ? path
        : path + u'.' + suffix;
}

} // namespace

HistoryTransferController::HistoryTransferController(AppContext &context, QWidget *window,
                                                     std::function<QString()> openConversation)
    : QObject(window),
      m_context(context),
      m_window(window),
      m_openConversation(std::move(openConversation)),
      m_chooser(askWithDialog)
{
    setObjectName(QStringLiteral("historyTransfer"));
    m_pool.setMaxThreadCount(1);
}

HistoryTransferController::~HistoryTransferController()
{
    // A transfer still running is stopped (an import then changes nothing) and waited for.
    if (m_stop)
        *m_stop = true;
    m_pool.waitForDone();
}

void HistoryTransferController::setFileChooser(FileChooser chooser)
{
    m_chooser = chooser ? std::move(chooser) : FileChooser(askWithDialog);
}

void HistoryTransferController::setActions(QAction *exportConversation, QAction *exportAll,
                                           QAction *import)
{
    m_actions = {exportConversation, exportAll, import};
    connect(exportConversation, &QAction::triggered, this,
            &HistoryTransferController::exportConversation);
    connect(exportAll, &QAction::triggered, this, &HistoryTransferController::exportAll);
    connect(import, &QAction::triggered, this, &HistoryTransferController::importBundle);
}

void HistoryTransferController::setRunning(bool running)
{
    m_running = running;
    for (QAction *action : std::as_const(m_actions))
        action->setEnabled(!running);
}

bool HistoryTransferController::historyAvailable()
{
    if (m_context.history && m_context.images)
        return true;
    showReport(false,
               m_context.historyNotice.isEmpty()
                   ? tr("The history is not open yet; try again in a moment.")
                   : tr("The history is not available: %1").arg(m_context.historyNotice));
    return false;
}

HistoryTransferController::FileChoice HistoryTransferController::choose(const FileRequest &request)
{
    return m_chooser(m_window, request);
}

void HistoryTransferController::exportConversation()
{
    if (m_running || !historyAvailable())
        return;
    const QString id = m_openConversation ? m_openConversation() : QString();
    QString title;
    for (const ConversationSummary &summary : m_context.history->conversations()) {
        if (summary.id == id)
            title = summary.title;
    }
    if (id.isEmpty() || !m_context.history->contains(id)) {
        showReport(false,
                   tr("This conversation is not saved yet: it is saved when its first "
                      "answer ends."));
        return;
    }
    FileRequest request;
    request.title = tr("Export Conversation");
    request.filters = {tr("QwenVL Desk history with images (*.json)"),
                       tr("Markdown with an images folder (*.md)")};
    request.suggestedPath =
        QDir(documentsFolder())
            .filePath(storage::safeFileName(title, QStringLiteral("conversation"))
                      + QStringLiteral(".json"));
    const FileChoice choice = choose(request);
    if (choice.path.isEmpty())
        return;
    const bool markdown = choice.filter == 1
        || QFileInfo(choice.path).suffix().compare(QStringLiteral("md"), Qt::CaseInsensitive) == 0;
    const QString path =
        withSuffix(choice.path, markdown ? QStringLiteral("md") : QStringLiteral("json"));
    run(tr("Exporting the conversation…"),
        [id, path, markdown](HistoryTransfer &transfer, const auto &progress) {
            const ExportReport report = markdown ? transfer.exportMarkdown(id, path)
                                                 : transfer.exportBundle({id}, path, progress);
            return Outcome{report.ok(), report.summary(path), {}};
        });
}

void HistoryTransferController::exportAll()
{
    if (m_running || !historyAvailable())
        return;
    FileRequest request;
    request.title = tr("Export All Conversations");
    request.filters = {tr("QwenVL Desk history with images (*.json)")};
    request.suggestedPath = QDir(documentsFolder())
                                .filePath(QStringLiteral("qwenvl-desk-history-%1.json")
                                              .arg(QDate::currentDate().toString(Qt::ISODate)));
    const FileChoice choice = choose(request);
    if (choice.path.isEmpty())
        return;
    const QString path = withSuffix(choice.path, QStringLiteral("json"));
    run(tr("Exporting all conversations…"),
        [path](HistoryTransfer &transfer, const auto &progress) {
            const ExportReport report = transfer.exportBundle({}, path, progress);
            return Outcome{report.ok(), report.summary(path), {}};
        });
}

void HistoryTransferController::importBundle()
{
    if (m_running || !historyAvailable())
        return;
    FileRequest request;
    request.mode = FileRequest::Mode::Open;
    request.title = tr("Import Conversations");
    request.filters = {tr("QwenVL Desk history (*.json)"), tr("All files (*)")};
    request.suggestedPath = documentsFolder();
    const FileChoice choice = choose(request);
    if (choice.path.isEmpty())
        return;
    const QString path = choice.path;
    run(tr("Importing conversations…"), [path](HistoryTransfer &transfer, const auto &progress) {
        const ImportReport report = transfer.importBundle(path, progress);
        return Outcome{report.ok(), report.summary(), report.conversationIds};
    });
}

void HistoryTransferController::run(const QString &label, Work work)
{
    setRunning(true);
    auto stop = std::make_shared<std::atomic_bool>(false);
    m_stop = stop;
    const QString databasePath = m_context.history->path();
    const QString imagesRoot = m_context.images->root();

    m_progress = new QProgressDialog(label, tr("Stop"), 0, kProgressSteps, m_window);
    m_progress->setObjectName(QStringLiteral("historyTransferProgress"));
    m_progress->setAttribute(Qt::WA_DeleteOnClose);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    m_progress->setMinimumDuration(kShowProgressAfterMs);
    m_progress->setValue(0);
    connect(m_progress, &QProgressDialog::canceled, this, [this, stop] {
        *stop = true;
        if (m_progress)
            m_progress->setLabelText(tr("Stopping…"));
    });

    // Qt SQL connections belong to the thread that opened them: the worker opens its own.
    QFuture<Outcome> future = QtConcurrent::run(
        &m_pool, [databasePath, imagesRoot, work, stop](QPromise<Outcome> &promise) {
            HistoryStore history;
            ImageStore images(imagesRoot);
            const HistoryStore::OpenResult opened = history.open(databasePath);
            if (!opened.ok()) {
                promise.addResult(Outcome{false, opened.message, {}});
                return;
            }
            HistoryTransfer transfer(history, images);
            promise.setProgressRange(0, kProgressSteps);
            promise.addResult(work(transfer, [&promise, stop](qint64 done, qint64 total) {
                promise.setProgressValue(total > 0 ? int(done * kProgressSteps / total) : 0);
                return !*stop;
            }));
        });
    auto *watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcherBase::progressValueChanged, this, [this](int value) {
        if (m_progress)
            m_progress->setValue(value);
    });
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        const QFuture<Outcome> ended = watcher->future();
        done(ended.resultCount() > 0 ? ended.result() : Outcome{});
    });
    watcher->setFuture(future);
}

void HistoryTransferController::done(const Outcome &outcome)
{
    if (m_progress) {
        m_progress->close();
        m_progress = nullptr;
    }
    m_stop.reset();
    setRunning(false);
    // The list shows what came in before the report is read.
    if (!outcome.imported.isEmpty())
        Q_EMIT imported(outcome.imported);
    showReport(outcome.ok, outcome.report);
    Q_EMIT finished(outcome.ok, outcome.report);
}

void HistoryTransferController::showReport(bool ok, const QString &text)
{
    auto *box = new QMessageBox(ok ? QMessageBox::Information : QMessageBox::Warning,
                                ok ? tr("History Transfer") : tr("History Transfer Failed"), text,
                                QMessageBox::Ok, m_window);
    box->setObjectName(QStringLiteral("historyTransferReport"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace qvd
