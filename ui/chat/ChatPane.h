#pragma once

#include "core/conversation/Conversation.h"
#include "core/imaging/PreparedImage.h"
#include "core/settings/EndpointProfile.h"

#include <QWidget>

class QLabel;

namespace qvd {

struct AppContext;
class ChatSession;
class ChatView;
class Composer;
class ThumbnailCache;

// Middle pane: the messages of the open conversation (ChatView) and the composer, wired to one
// ChatSession that the pane owns. MainWindow reaches the session through session() (to save
// finished answers, to show detections) and connects the signals below.
class ChatPane : public QWidget
{
    Q_OBJECT
public:
    explicit ChatPane(AppContext &context, QWidget *parent = nullptr);
    ~ChatPane() override;

    ChatSession *session() const { return m_session; }
    ChatView *view() const { return m_view; }
    Composer *composer() const { return m_composer; }

public Q_SLOTS:
    // Where requests go; the key as found by ApiKeyVault (empty for keyless local servers).
    void setEndpoint(const qvd::EndpointProfile &profile, const QString &apiKey);
    // Looks the profile's key up in the vault (asynchronously), then uses it.
    void useProfile(const QString &profileName);
    // Opens a conversation (from history); a running answer is stopped.
    void setConversation(const qvd::Conversation &conversation);
    void newConversation();
    // A region drawn in the inspector ("ask about a region"): a removable chip in the
    // composer whose prompt text goes out with the next message.
    void addRegion(const qvd::Part &region);
    void stop();

Q_SIGNALS:
    void imageActivated(int messageIndex, int imageIndex);
    void answerSelected(int messageIndex);
    // The person points at a grounding ref in an answer's text; (-1, -1) when they leave it.
    void detectionHovered(int messageIndex, int detectionIndex);
    // Just before a message goes out: the prepared images it carries, with their originals.
    void imagesSent(const QList<qvd::PreparedImage> &images);

protected:
    void changeEvent(QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void retranslate();
    void send(const QList<Part> &parts);
    void resend(int userIndex, const QList<Part> &parts);
    void copyMessage(int row);
    void editMessage(int row);
    void regenerate(int row);
    void syncComposer();
    void updateEmptyState();
    // Before a send: the composer's model, and its thumbnails for the chat view.
    void prepareToSend();

    AppContext &m_context;
    ChatSession *m_session;
    ThumbnailCache *m_thumbnails;
    QLabel *m_empty;
    ChatView *m_view;
    Composer *m_composer;
    QString m_missingKeyProfile; // display name of a profile whose key was not found
    int m_endpointGeneration = 0;
};

} // namespace qvd
