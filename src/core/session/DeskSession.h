#pragma once

#include "core/conversation/Part.h"
#include "core/grounding/Detection.h"
#include "core/imaging/PreparedImage.h"
#include "core/models/ModelInfo.h"
#include "core/session/AskTarget.h"
#include "core/session/Selection.h"

#include <QObject>

#include <optional>

class QNetworkAccessManager;

namespace qvd {

class ActiveEndpoint;
class AnnotationLayers;
class ApiKeyVault;
class ChatSession;
class ConversationDeleter;
class ConversationIndex;
class ConversationRecorder;
class HistoryStore;
class ImageStore;
class ModelRegistry;
class ScoringRule;
class ServerModelList;
class Settings;

// The state of the desk — what the main window shows and changes — with one owner for each
// piece (docs/architecture.md, "Who owns what"): where requests go and with which key
// (ActiveEndpoint), the open conversation, its model and its running answer (ChatSession), its
// saving (ConversationRecorder), the conversation list and its search (ConversationIndex),
// what the inspector shows and what is hovered or chosen (Selection), the layers kept beside
// the answers — ground truth, corrections — (AnnotationLayers) and how they are scored
// (ScoringRule), and the one notice about why a question cannot go out. Panes show it and ask
// it for changes; no widget here.
class DeskSession : public QObject
{
    Q_OBJECT
public:
    struct Services
    {
        QNetworkAccessManager *network = nullptr;
        Settings *settings = nullptr;
        const ModelRegistry *models = nullptr;
        ApiKeyVault *keys = nullptr;
        HistoryStore *history = nullptr; // null until (or unless) the history opens
        ImageStore *images = nullptr;
    };

    explicit DeskSession(const Services &services, QObject *parent = nullptr);
    ~DeskSession() override;

    ActiveEndpoint *endpoint() const { return m_endpoint; }
    ChatSession *chat() const { return m_chat; }
    ConversationRecorder *recorder() const { return m_recorder; }
    ConversationIndex *conversations() const { return m_index; }
    // Null without a history.
    ConversationDeleter *deleter() const { return m_deleter; }
    Selection *selection() const { return m_selection; }
    AnnotationLayers *annotations() const { return m_annotations; }
    ScoringRule *scoring() const { return m_scoring; }
    const ModelRegistry *models() const { return m_services.models; }
    Settings *settings() const { return m_services.settings; }
    ApiKeyVault *keys() const { return m_services.keys; }
    QNetworkAccessManager *network() const { return m_services.network; }

    // The model of the next question (the picker shows it, the status bar names it, regions
    // are written for it). Changes with chooseModel(), with an opened conversation, and with
    // the endpoint while the conversation is still empty (its profile's default model).
    const ModelInfo &model() const;
    void chooseModel(const QString &id);
    // The models the picker offers: an OpenAI-compatible server's own (GET {base}/models,
    // ServerModelList), else the registry's current models. offeredModelsChanged() follows.
    QList<ModelInfo> offeredModels() const;
    // What the app knows of `id` on this endpoint: the server's entry (with the family the
    // person chose for it) or the registry's.
    ModelInfo modelInfo(const QString &id) const;
    // The person reads a server model as `family` (nullopt: the guess from its id); remembered
    // for the profile.
    void setModelFamily(const QString &id, std::optional<ModelFamily> family);
    // True while the endpoint's models come from the server.
    bool modelsFromServer() const;

    // Sends a question once the endpoint is resolved; `originals` are its images' original
    // files, for the image store. When it cannot go out, notice() says why (one notice, the
    // latest; it is cleared by the next question that goes out).
    void send(const QList<Part> &parts, const QList<PreparedImage> &originals = {});
    // "Ask several models": the question goes to every target at once (at most kMaxAskTargets),
    // each answer its own message after it, all streaming together (ChatSession::sendToSeveral).
    // When a target cannot be reached, nothing is sent and notice() says why.
    void askSeveral(const QList<Part> &parts, const QList<AskTarget> &targets,
                    const QList<PreparedImage> &originals = {});
    // Edit-and-resend of the question with this id.
    void resend(const QString &messageId, const QList<Part> &parts,
                const QList<PreparedImage> &originals = {});
    void retry();
    void stop();
    QString notice() const { return m_notice; }
    void clearNotice();
    // The text a region part will be sent as, for the current model (a preview: the real text is
    // written when it is sent). `draft` holds the images not sent yet.
    QString regionText(const Part &region, const QList<Part> &draft) const;

    // Conversations.
    void newConversation();
    bool open(const QString &conversationId);
    bool rename(const QString &conversationId, const QString &title);
    // Takes the conversation off the list and out of the window at once (to its neighbour in
    // the list, or a new conversation) and keeps it for the deleter's undo time.
    bool deleteConversation(const QString &conversationId);
    // Brings the pending deletion back, and into the window if the window still shows what the
    // deletion moved it to.
    bool undoDelete();
    void restoreLastConversation();
    // The history opened after the session was made (the app opens it after the first frame);
    // `notice` says if something happened to it (e.g. a damaged file kept aside).
    void setHistory(HistoryStore *history, ImageStore *images, const QString &notice = {});

    // The inspector.
    struct Answer
    {
        QString id;
        QString text;
        QList<Detection> detections; // model space, as parsed
        QStringList detectionIds; // one per detection (DetectionId)
        ModelInfo model; // the model that wrote it
        QList<ImageTransform> imagesBefore; // the conversation's images before it, oldest first
        std::optional<CoordinateSpace> spaceOverride;
        bool streaming = false;
    };
    // The answer with this id; an empty one (id "") when there is none.
    Answer answer(const QString &messageId) const;
    void showAnswer(const QString &messageId);
    // An image of the conversation, by its part id.
    void showImage(const QString &imageId);
    // An image still in the composer (not sent): shown at once, so a region can be drawn on it
    // before the first question.
    void showDraftImage(const Selection::Image &image);
    void setSpaceOverride(const QString &messageId, std::optional<CoordinateSpace> space);

    // The app is ending: a running answer stops and is saved as it is.
    void shutdown();

Q_SIGNALS:
    void noticeChanged(const QString &notice);
    // A question (or a retry) went out: the composer's draft is spent.
    void questionSent();
    void offeredModelsChanged();
    // A question went to several models; the ids of its answers, in the targets' order.
    void severalAsked(const QStringList &answerIds);
    // A deletion can be undone now (true), or no longer (false).
    void undoAvailableChanged(bool available);
    // Something to tell the person in passing (the status bar): a save that failed, where a
    // damaged history was kept. Translated.
    void message(const QString &text);

private:
    void onEndpointChanged();
    void onConversationReset();
    void onMessageChanged(int index);
    void setNotice(const QString &notice);
    void startWhenReady(std::function<bool()> start);
    void keepOriginals(const QList<PreparedImage> &originals);
    void showLatestImageBefore(int messageIndex);
    Selection::Image imageAt(int conversationIndex) const;

    Services m_services;
    ActiveEndpoint *m_endpoint;
    ChatSession *m_chat;
    ConversationRecorder *m_recorder;
    ConversationIndex *m_index;
    Selection *m_selection;
    AnnotationLayers *m_annotations;
    ScoringRule *m_scoring;
    ConversationDeleter *m_deleter = nullptr;
    ServerModelList *m_serverModels;
    QString m_serverModelsProfile; // profile and address whose list m_serverModels holds
    QString m_profileName; // the endpoint's profile whose default model was last applied
    QString m_notice;
    // After deleting the open conversation: which one it was, and where the window went.
    QString m_deletedOpen;
    QString m_movedTo;
};

} // namespace qvd
