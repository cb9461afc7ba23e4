#pragma once

#include "core/conversation/Conversation.h"

#include <QWidget>

class QLabel;

namespace qvd {

class ChatSession;
class ChatView;
class Composer;
class DeskSession;
class ThumbnailCache;
struct Attachment;

// Middle pane: the messages of the open conversation (ChatView) and the composer, over the
// desk's session. It shows what the session holds (messages, model, the notice about why a
// question cannot go out) and hands it what the person does (send, stop, edit, regenerate, the
// model chosen, an image in the composer to look at); it keeps no state of its own.
class ChatPane : public QWidget
{
    Q_OBJECT
public:
    explicit ChatPane(DeskSession &session, QWidget *parent = nullptr);
    ~ChatPane() override;

    DeskSession &desk() const { return m_desk; }
    ChatSession *session() const;
    ChatView *view() const { return m_view; }
    Composer *composer() const { return m_composer; }

public Q_SLOTS:
    void newConversation();
    // A region drawn in the inspector ("ask about a region"): a removable chip in the composer;
    // its text is written for the model when the message goes out.
    void addRegion(const qvd::Part &region);
    void stop();

Q_SIGNALS:
    void imageActivated(const QString &imageId);

protected:
    void changeEvent(QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void retranslate();
    void send(const QList<Part> &parts);
    void resend(int userIndex, const QList<Part> &parts);
    // "Ask several models": which ones, then the draft goes to all of them.
    void askSeveral();
    void copyMessage(int row);
    void editMessage(int row);
    void regenerate(int row);
    void syncComposer();
    void updateEmptyState();
    void updateRegionTexts();
    void showDraft(const Attachment &attachment);
    // Before a send: the composer's thumbnails for the chat view, and the originals it carries.
    QList<PreparedImage> prepareToSend();

    DeskSession &m_desk;
    ThumbnailCache *m_thumbnails;
    QLabel *m_empty;
    ChatView *m_view;
    Composer *m_composer;
    bool m_awaitingSend = false; // the composer's draft goes once the session sends it
};

} // namespace qvd
