#pragma once

#include <QMainWindow>

#include <memory>

namespace Ui {
class MainWindow;
}

namespace qvd {

struct AppContext;
class ChatPane;
class ConversationListPane;
class InspectorPane;

// The three-pane window: conversations | chat | image inspector. Wires the panes together.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(AppContext &context, QWidget *parent = nullptr);
    ~MainWindow() override;

    ConversationListPane *conversationList() const { return m_conversations; }
    ChatPane *chat() const { return m_chat; }
    InspectorPane *inspector() const { return m_inspector; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void showAbout();

    AppContext &m_context;
    std::unique_ptr<Ui::MainWindow> m_ui;
    ConversationListPane *m_conversations = nullptr;
    ChatPane *m_chat = nullptr;
    InspectorPane *m_inspector = nullptr;
};

} // namespace qvd
