#include "ui/window/MainWindow.h"

#include "core/AppInfo.h"
#include "core/conversation/ChatSession.h"
#include "core/models/ModelRegistry.h"
#include "core/secrets/ApiKeyVault.h"
#include "core/session/ActiveEndpoint.h"
#include "core/session/ConversationIndex.h"
#include "core/session/DeskSession.h"
#include "core/settings/Settings.h"
#include "ui/AppContext.h"
#include "ui/batch/BatchWindow.h"
#include "ui/chat/AttachmentSource.h"
#include "ui/chat/ChatPane.h"
#include "ui/chat/Composer.h"
#include "ui/conversations/ConversationListPane.h"
#include "ui/history/HistoryTransferController.h"
#include "ui/inspector/InspectorPane.h"
#include "ui/settings/FirstRunDialog.h"
#include "ui/settings/SettingsDialog.h"
#include "ui/window/ProfileStatus.h"
#include "ui_MainWindow.h"

#include <QClipboard>
#include <QCloseEvent>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QMessageBox>
#include <QPointer>
#include <QStatusBar>

namespace qvd {
namespace {

const QString kGeometry = QStringLiteral("mainWindow/geometry");
const QString kSplitter = QStringLiteral("mainWindow/splitter");
const QString kShowConversations = QStringLiteral("mainWindow/showConversations");
const QString kShowInspector = QStringLiteral("mainWindow/showInspector");
constexpr int kNoticeMs = 15000;

} // namespace

MainWindow::MainWindow(AppContext &context, QWidget *parent)
    : QMainWindow(parent), m_context(context), m_ui(std::make_unique<Ui::MainWindow>())
{
    m_ui->setupUi(this);
    setWindowTitle(QString::fromLatin1(appinfo::kAppName));

    m_session = new DeskSession({context.network, context.settings, context.models, context.keys,
                                 context.history, context.images},
                                this);
    m_conversations = new ConversationListPane(m_ui->splitter);
    m_chat = new ChatPane(*m_session, m_ui->splitter);
    m_inspector = new InspectorPane(m_ui->splitter);
    m_ui->splitter->addWidget(m_conversations);
    m_ui->splitter->addWidget(m_chat);
    m_ui->splitter->addWidget(m_inspector);
    m_ui->splitter->setStretchFactor(0, 0);
    m_ui->splitter->setStretchFactor(1, 3);
    m_ui->splitter->setStretchFactor(2, 2);
    m_ui->splitter->setSizes({240, 600, 440});

    m_conversations->setSession(m_session);
    m_inspector->setSession(m_session);
    m_inspector->setModelRegistry(context.models);
    m_historyTransfer = new HistoryTransferController(
        m_context, this, [this] { return m_session->chat()->conversation().id; });
    m_historyTransfer->setActions(m_ui->actionExportConversation, m_ui->actionExportAll,
                                  m_ui->actionImportHistory);
    connect(m_historyTransfer, &HistoryTransferController::imported, this,
            [this] { m_session->conversations()->refresh(); });
    m_inspectOnly = new QAction(this);
    m_inspectOnly->setObjectName(QStringLiteral("actionInspectOnly"));
    m_ui->menuFile->insertAction(m_ui->menuFile->actions().value(1), m_inspectOnly);
    connect(m_inspectOnly, &QAction::triggered, m_inspector, &InspectorPane::openInspectOnly);
    m_inspectOnly->setText(tr("&Inspect an Answer…"));

    m_status = new ProfileStatus(*m_session, this);
    statusBar()->addPermanentWidget(m_status);
    connectActions();
    connectSession();
    restoreLayout();
    // The keyboard starts where a person writes: in the composer (else the first button in
    // the tab order has it, and Enter would press it).
    m_chat->composer()->setFocus(Qt::OtherFocusReason);
}

MainWindow::~MainWindow() = default;

QAction *MainWindow::newConversationAction() const
{
    return m_ui->actionNewConversation;
}

QAction *MainWindow::focusComposerAction() const
{
    return m_ui->actionFocusComposer;
}

QAction *MainWindow::stopAction() const
{
    return m_ui->actionStop;
}

QAction *MainWindow::copyLastAnswerAction() const
{
    return m_ui->actionCopyLastAnswer;
}

void MainWindow::connectActions()
{
    connect(m_ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->actionAbout, &QAction::triggered, this, &MainWindow::showAbout);
    connect(m_ui->actionSettings, &QAction::triggered, this, &MainWindow::openSettings);
    connect(m_ui->actionBatchJobs, &QAction::triggered, this, &MainWindow::openBatchWindow);
    connect(m_ui->actionShowConversations, &QAction::toggled, m_conversations,
            &QWidget::setVisible);
    connect(m_ui->actionShowInspector, &QAction::toggled, m_inspector, &QWidget::setVisible);
    connect(m_ui->actionSearch, &QAction::triggered, this, [this] {
        m_ui->actionShowConversations->setChecked(true);
        m_conversations->focusSearch();
    });
    connect(m_ui->actionNewConversation, &QAction::triggered, this,
            &MainWindow::newConversationRequested);
    connect(m_conversations, &ConversationListPane::newConversationRequested, this,
            &MainWindow::newConversationRequested);
    connect(m_ui->actionFocusComposer, &QAction::triggered, this,
            &MainWindow::focusComposerRequested);
    connect(m_ui->actionStop, &QAction::triggered, this, &MainWindow::stopRequested);
    connect(m_ui->actionCopyLastAnswer, &QAction::triggered, this,
            &MainWindow::copyLastAnswerRequested);
}

void MainWindow::connectSession()
{
    connect(this, &MainWindow::imagesAttached, this, [this](const QStringList &paths) {
        QList<AttachmentSource> sources;
        for (const QString &path : paths)
            sources.append(AttachmentSource::fromFile(path));
        m_chat->composer()->addImages(sources);
    });
    connect(this, &MainWindow::newConversationRequested, m_chat, &ChatPane::newConversation);
    connect(this, &MainWindow::stopRequested, m_chat, &ChatPane::stop);
    connect(this, &MainWindow::focusComposerRequested, this,
            [this] { m_chat->composer()->setFocus(Qt::ShortcutFocusReason); });
    connect(this, &MainWindow::copyLastAnswerRequested, this, [this] {
        const auto &messages = m_session->chat()->conversation().messages;
        for (auto it = messages.crbegin(); it != messages.crend(); ++it) {
            if (it->role == Message::Role::Assistant) {
                QGuiApplication::clipboard()->setText(it->plainText());
                return;
            }
        }
    });
    connect(m_inspector, &InspectorPane::regionRequested, m_chat, &ChatPane::addRegion);
    connect(m_session->chat(), &ChatSession::busyChanged, this, &MainWindow::setAnswerRunning);
    connect(m_session, &DeskSession::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, kNoticeMs); });
    if (!m_context.historyNotice.isEmpty())
        statusBar()->showMessage(m_context.historyNotice, kNoticeMs);
    // A mistake in the person's own models file: its entries were skipped, and why.
    if (m_context.models && !m_context.models->errors().isEmpty())
        statusBar()->showMessage(tr("Some entries of your models file were skipped: %1")
                                     .arg(m_context.models->errors().join(QStringLiteral("; "))),
                                 kNoticeMs);
}

void MainWindow::historyOpened()
{
    m_session->setHistory(m_context.history, m_context.images, m_context.historyNotice);
    m_session->restoreLastConversation();
}

void MainWindow::attachImages(const QStringList &paths)
{
    QStringList found;
    QStringList missing;
    for (const QString &path : paths) {
        if (QFileInfo(path).isFile())
            found.append(path);
        else
            missing.append(QDir::toNativeSeparators(path));
    }
    if (!missing.isEmpty())
        statusBar()->showMessage(tr("Cannot open %n file(s): %1", "", int(missing.size()))
                                     .arg(missing.join(QStringLiteral(", "))),
                                 kNoticeMs);
    if (!found.isEmpty())
        Q_EMIT imagesAttached(found);
}

void MainWindow::setAnswerRunning(bool running)
{
    m_ui->actionStop->setEnabled(running);
}

void MainWindow::openSettings()
{
    if (auto *open = findChild<SettingsDialog *>()) {
        open->raise();
        open->activateWindow();
        return;
    }
    auto *dialog = new SettingsDialog(m_context, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // What it saves reaches the session by itself (Settings and ApiKeyVault signals).
    connect(dialog, &SettingsDialog::applied, this, &MainWindow::showNotices);
    dialog->open();
}

void MainWindow::openFirstRunIfNeeded()
{
    ActiveEndpoint *endpoint = m_session->endpoint();
    endpoint->whenResolved([self = QPointer(this), endpoint](bool) {
        if (self && endpoint->state() == ActiveEndpoint::State::MissingKey)
            self->openFirstRun(endpoint->keychainNotice());
    });
}

void MainWindow::openFirstRun(const QString &keychainNotice)
{
    if (findChild<FirstRunDialog *>())
        return;
    auto *dialog = new FirstRunDialog(m_context, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setKeychainNotice(keychainNotice);
    connect(dialog, &FirstRunDialog::keyStored, this,
            [this](const QString &, const ApiKeyLookup &stored) {
                showNotices(stored.notice.isEmpty() ? QStringList() : QStringList{stored.notice});
            });
    dialog->open();
}

void MainWindow::showNotices(const QStringList &notices)
{
    if (!notices.isEmpty())
        statusBar()->showMessage(notices.join(QLatin1Char(' ')), kNoticeMs);
}

void MainWindow::restoreLayout()
{
    const Settings &settings = *m_context.settings;
    const QByteArray geometry = settings.uiValue(kGeometry).toByteArray();
    if (!geometry.isEmpty())
        restoreGeometry(geometry);
    const QByteArray splitter = settings.uiValue(kSplitter).toByteArray();
    if (!splitter.isEmpty())
        m_ui->splitter->restoreState(splitter);
    m_ui->actionShowConversations->setChecked(settings.uiValue(kShowConversations, true).toBool());
    m_ui->actionShowInspector->setChecked(settings.uiValue(kShowInspector, true).toBool());
    // restoreState() may have hidden a pane whose action is checked: the actions decide.
    m_conversations->setVisible(m_ui->actionShowConversations->isChecked());
    m_inspector->setVisible(m_ui->actionShowInspector->isChecked());
}

void MainWindow::saveLayout()
{
    Settings &settings = *m_context.settings;
    settings.setUiValue(kGeometry, saveGeometry());
    settings.setUiValue(kSplitter, m_ui->splitter->saveState());
    settings.setUiValue(kShowConversations, m_ui->actionShowConversations->isChecked());
    settings.setUiValue(kShowInspector, m_ui->actionShowInspector->isChecked());
    settings.sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // An answer being written stops and is saved as it is.
    m_session->shutdown();
    saveLayout();
    QMainWindow::closeEvent(event);
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        m_inspectOnly->setText(tr("&Inspect an Answer…"));
    }
    QMainWindow::changeEvent(event);
}

BatchWindow *MainWindow::openBatchWindow()
{
    if (!m_batchWindow)
        m_batchWindow = new BatchWindow(m_context, *m_session, this);
    m_batchWindow->show();
    m_batchWindow->raise();
    m_batchWindow->activateWindow();
    return m_batchWindow;
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About QwenVL Desk"),
                       tr("<h3>QwenVL Desk %1</h3>"
                          "<p>A desktop client for the Qwen-VL vision-language models.</p>")
                           .arg(QString::fromLatin1(appinfo::kVersion)));
}

} // namespace qvd
