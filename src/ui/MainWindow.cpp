#include "ui/MainWindow.h"

#include "core/AppInfo.h"
#include "ui/AppContext.h"
#include "ui/ChatPane.h"
#include "ui/ConversationListPane.h"
#include "ui/InspectorPane.h"
#include "ui_MainWindow.h"

#include <QEvent>
#include <QMessageBox>
#include <QStatusBar>

namespace qvd {

MainWindow::MainWindow(AppContext &context, QWidget *parent)
    : QMainWindow(parent), m_context(context), m_ui(std::make_unique<Ui::MainWindow>())
{
    m_ui->setupUi(this);
    setWindowTitle(QString::fromLatin1(appinfo::kAppName));

    m_conversations = new ConversationListPane(m_ui->splitter);
    m_chat = new ChatPane(m_context, m_ui->splitter);
    m_inspector = new InspectorPane(m_ui->splitter);
    m_ui->splitter->addWidget(m_conversations);
    m_ui->splitter->addWidget(m_chat);
    m_ui->splitter->addWidget(m_inspector);
    m_ui->splitter->setStretchFactor(0, 0);
    m_ui->splitter->setStretchFactor(1, 3);
    m_ui->splitter->setStretchFactor(2, 2);
    m_ui->splitter->setSizes({240, 600, 440});

    connect(m_ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->actionAbout, &QAction::triggered, this, &MainWindow::showAbout);
    connect(m_ui->actionShowConversations, &QAction::toggled, m_conversations,
            &QWidget::setVisible);
    connect(m_ui->actionShowInspector, &QAction::toggled, m_inspector, &QWidget::setVisible);

    statusBar()->showMessage(tr("Ready"));
}

MainWindow::~MainWindow() = default;

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        m_ui->retranslateUi(this);
    QMainWindow::changeEvent(event);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About QwenVL Desk"),
                       tr("<h3>QwenVL Desk %1</h3>"
                          "<p>A desktop client for the Qwen-VL vision-language models.</p>")
                           .arg(QString::fromLatin1(appinfo::kVersion)));
}

} // namespace qvd
