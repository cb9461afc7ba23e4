#pragma once

#include <QMainWindow>

#include <memory>

namespace Ui {
class MainWindow;
}

namespace qvd {

struct AppContext;
class BatchWindow;
class ChatPane;
class ConversationListPane;
class DeskSession;
class HistoryTransferController;
class InspectorPane;
class ProfileStatus;

// The three-pane window: conversations | chat | image inspector, over one DeskSession that
// owns what they show (docs/architecture.md). Owns the menus and shortcuts, opens the settings
// and first-run dialogs, and remembers its geometry.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(AppContext &context, QWidget *parent = nullptr);
    ~MainWindow() override;

    ConversationListPane *conversationList() const { return m_conversations; }
    ChatPane *chat() const { return m_chat; }
    InspectorPane *inspector() const { return m_inspector; }
    ProfileStatus *profileStatus() const { return m_status; }
    DeskSession &session() const { return *m_session; }

    // Actions whose work belongs to the chat pane: connect to the signals below.
    QAction *newConversationAction() const; // Ctrl+N → newConversationRequested()
    QAction *focusComposerAction() const; // Ctrl+L → focusComposerRequested()
    QAction *stopAction() const; // Esc → stopRequested(); enabled by setAnswerRunning(true)
    QAction *copyLastAnswerAction() const; // Ctrl+Shift+C → copyLastAnswerRequested()

    // Image files to add to the composer (command line, "Open with"), as absolute paths
    // (localImagePaths, core/imaging/ImageArgument.h): existing files are passed on through
    // imagesAttached(); missing ones are reported.
    void attachImages(const QStringList &paths);
    // While an answer streams, Esc stops it; otherwise Esc is left to the focused widget.
    void setAnswerRunning(bool running);

    void openSettings();
    // File → Batch Jobs…: one window for the whole session, kept while hidden so its runs go on.
    BatchWindow *openBatchWindow();
    // Opens the first-run dialog when the default profile needs a key and has none.
    void openFirstRunIfNeeded();
    // The history the app opened after the window was made: listed, saved into, and the last
    // conversation opened again.
    void historyOpened();

Q_SIGNALS:
    void imagesAttached(const QStringList &paths);
    void newConversationRequested();
    void focusComposerRequested();
    void stopRequested();
    void copyLastAnswerRequested();

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void connectActions();
    void connectSession();
    void openFirstRun(const QString &keychainNotice);
    void showNotices(const QStringList &notices);
    void restoreLayout();
    void saveLayout();
    void showAbout();

    AppContext &m_context;
    std::unique_ptr<Ui::MainWindow> m_ui;
    DeskSession *m_session = nullptr;
    ConversationListPane *m_conversations = nullptr;
    ChatPane *m_chat = nullptr;
    InspectorPane *m_inspector = nullptr;
    ProfileStatus *m_status = nullptr;
    HistoryTransferController *m_historyTransfer = nullptr; // File → Export…/Import…
    QAction *m_inspectOnly = nullptr;
    BatchWindow *m_batchWindow = nullptr;
};

} // namespace qvd
