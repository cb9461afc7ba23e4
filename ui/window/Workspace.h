#pragma once

#include <QObject>

namespace qvd {

struct AppContext;
class ChatPane;
class ConversationDeleter;
class ConversationListPane;
class ConversationRecorder;
class InspectorPane;
class MainWindow;

// Connects the three panes and the history (architecture.md steps 5–7): the chat's answers
// and images go to the inspector, regions drawn in the inspector go to the composer, each
// answer is saved as it ends, and the conversation list opens, searches and deletes saved
// conversations (with time to undo, ConversationDeleter). The last conversation is opened
// again at start.
class Workspace : public QObject
{
    Q_OBJECT
public:
    Workspace(AppContext &context, MainWindow *window, ChatPane *chat, InspectorPane *inspector,
              ConversationListPane *list);
    ~Workspace() override;

    ConversationRecorder *recorder() const { return m_recorder; }
    // Null without a history.
    ConversationDeleter *deleter() const { return m_deleter; }
    int shownAnswer() const { return m_shownAnswer; }

    // Shows answer `messageIndex` and its image in the inspector.
    void showAnswer(int messageIndex);
    // Shows image `imageIndex` (counted within message `messageIndex`) in the inspector.
    void showImage(int messageIndex, int imageIndex);
    void refreshList(const QString &search = {});
    // Gives a saved conversation a new title (and the open one, if it is that one).
    bool renameConversation(const QString &id, const QString &title);
    // Takes the conversation off the list and out of the window at once (the window moves to
    // its neighbour in the list, or to a new conversation) and offers Undo until the
    // deleter's undo time has passed.
    bool deleteConversation(const QString &id);
    // Brings the pending deletion back, and into the window if it was open and the window
    // still shows what the deletion moved it to.
    bool undoDelete();
    void restoreLastConversation();
    // For a history the context got after the window was made (the app opens it after the
    // first frame): the recorder saves into it, the list shows it, and its notice is shown.
    void historyOpened();

private:
    void connectChat();
    void connectWindow();
    void connectList();
    void openConversation(const QString &id);
    void showGlobalImage(int globalIndex);
    void notify(const QString &message);

    AppContext &m_context;
    MainWindow *m_window;
    ChatPane *m_chat;
    InspectorPane *m_inspector;
    ConversationListPane *m_list;
    ConversationRecorder *m_recorder;
    ConversationDeleter *m_deleter = nullptr;
    // After deleting the open conversation: which one it was, and where the window went.
    QString m_deletedOpen;
    QString m_movedTo;
    int m_shownAnswer = -1;
    int m_shownImage = -1; // conversation-wide index of the image in the inspector
};

} // namespace qvd
