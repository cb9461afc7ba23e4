#pragma once

#include "core/api/ApiError.h"
#include "core/conversation/Conversation.h"
#include "core/grounding/Detection.h"
#include "core/grounding/StreamingGrounder.h"
#include "core/models/ModelInfo.h"
#include "core/settings/EndpointProfile.h"
#include "core/settings/ReplyLimits.h"

#include <QHash>
#include <QObject>

#include <chrono>
#include <memory>

class QNetworkAccessManager;

namespace qvd {

class ChatBackend;
class ChatTurn;
struct ChatRequest;

// The open conversation and its running answers (docs/architecture.md steps 3–6): appends the
// person's message, streams the answer into an assistant message, grounds the text after every
// delta, and keeps failures and interruptions with their partial text. One question may be put
// to several models at once (sendToSeveral): each answer is its own assistant message after the
// question, with its own model (Message::modelId) and its own turn, all streaming together.
// Widgets show it and call it; they never talk to the network themselves.
class ChatSession : public QObject
{
    Q_OBJECT
public:
    explicit ChatSession(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~ChatSession() override;

    // Where the next request goes. A running answer keeps the backend it started with; the new
    // one applies from the next request. Null: requests cannot be sent (send() refuses).
    void setBackend(std::shared_ptr<const ChatBackend> backend);
    bool hasBackend() const { return m_backend != nullptr; }
    // The same, built for `profile` with `apiKey` (BackendFactory).
    void setEndpoint(const EndpointProfile &profile, const QString &apiKey);
    // The model of the next request (and of the conversation); emits modelChanged() when it
    // changes. Answers keep the model that wrote them (Message::modelId).
    void setModel(const ModelInfo &model);
    const ModelInfo &model() const { return m_model; }
    void setStallTimeout(std::chrono::milliseconds timeout) { m_stallTimeout = timeout; }
    void setMaxAttempts(int attempts) { m_maxAttempts = attempts; }
    // How large a reply may grow and how long a request may take (Settings::replyLimits()).
    void setReplyLimits(const ReplyLimits &limits) { m_limits = limits; }

    // Replaces the whole conversation (opening one from history); stops a running answer.
    void setConversation(const Conversation &conversation);
    const Conversation &conversation() const { return m_conversation; }
    // The conversation's own settings (composer's parameters popover); they apply from the next
    // request on and change no message, so nothing is emitted.
    void setParameters(const GenerationParameters &parameters)
    {
        m_conversation.parameters = parameters;
    }
    void setSystemPrompt(const QString &prompt) { m_conversation.systemPrompt = prompt; }
    void setTitle(const QString &title) { m_conversation.title = title; }

    // The position of the message with this id, or -1.
    int indexOf(const QString &messageId) const;
    // The boxes and points of an assistant message, in model space, as parsed from its text
    // (the streaming rule while it is still arriving).
    QList<Detection> detections(int messageIndex) const;
    // How much of the (last) streaming answer's text its detections are from: grounding runs
    // off this thread and catches up (StreamingGrounder). 0 when none streams.
    qsizetype groundedLength() const;
    // The text `region` is sent as to the current model: its box or point in the model's syntax
    // and space, for the image it is on (in `parts` or the conversation). Empty when that image
    // or its size is unknown.
    QString regionText(const Part &region, const QList<Part> &parts) const;
    // Reads the answer's boxes in `space` from now on (nullopt: the model's own); the choice is
    // part of the message (Message::spaceOverride) and saved with it.
    void setSpaceOverride(const QString &messageId, std::optional<CoordinateSpace> space);
    // The error that ended an assistant message, if it failed.
    std::optional<ApiError> error(int messageIndex) const;

    // One model (and where to reach it) a question is put to.
    struct AnswerTarget
    {
        ModelInfo model;
        std::shared_ptr<const ChatBackend> backend;
    };

    bool isBusy() const { return !m_running.isEmpty(); }
    // Whether the message at `index` is an answer still arriving.
    bool isStreaming(int messageIndex) const;
    struct Upload
    {
        qint64 sent = 0;
        qint64 total = 0; // 0: nothing being sent
    };
    // How much of the running request (its images, mostly) is sent; empty once the server
    // answers or a retry waits. Changes are announced with uploadChanged(), in 1 % steps.
    Upload upload() const { return m_upload; }
    // Index of the (last) assistant message being streamed, or -1.
    int streamingIndex() const;
    // The answers to the question the answer `messageIndex` answers, in order (itself too): the
    // assistant messages between that question and the next one. Empty for other messages.
    QList<int> answerGroup(int messageIndex) const;

    // Sends a user message (text, prepared images, regions) and starts the answer. Parts and
    // the message get ids where they have none; each region's text is written for the current
    // model and the image it is on (RegionPrompt). Returns false (and changes nothing) while
    // an answer is running or without an endpoint.
    bool send(const QList<Part> &parts);
    // Sends the question to every target at once: one answer per target, in this order, each
    // streamed by its own turn from its own backend; the conversation's model is the first
    // one's. False (and nothing changes) while an answer is running, without targets, or when a
    // target has no backend.
    bool sendToSeveral(const QList<Part> &parts, const QList<AnswerTarget> &targets);
    // Stops the running answers; each keeps its partial text, marked interrupted.
    void stop();
    // Asks again for the answer at `assistantIndex` (the last message): after a failure, an
    // interruption, or to regenerate.
    bool retry();
    // Replaces the user message at `userIndex` with `parts`, drops every later message and asks
    // again. The caller confirms with the person first.
    bool resend(int userIndex, const QList<Part> &parts);

Q_SIGNALS:
    void modelChanged();
    void conversationReset();
    void messageAdded(int index);
    void messageChanged(int index); // text, reasoning, state or detections changed
    void uploadChanged();
    void messagesRemoved(int from); // messages from `from` on were dropped
    void busyChanged(bool busy);
    void answerFinished(int index); // complete or interrupted: ready to be saved
    void answerFailed(int index, const qvd::ApiError &error);

private:
    struct Running
    {
        QString messageId;
        ChatTurn *turn = nullptr;
        StreamingGrounder *grounder = nullptr; // its answer's, child of this session
    };

    void startAnswer();
    // Appends the answer's message and starts its turn (the request was built before).
    void startTurn(const ChatRequest &request, const AnswerTarget &target);
    void onDelta(const QString &messageId, const QString &text, const QString &reasoning);
    void onUploadProgress(qint64 sent, qint64 total);
    void endTurn(const QString &messageId, const Message &answer, Message::State state);
    void reground(int index, bool streaming);
    void truncate(int from);
    // The parts with ids, and region texts for the current model.
    QList<Part> readyToSend(QList<Part> parts) const;
    // The image part with this id in `parts` or an earlier message; null if none.
    const Part *findImage(const QString &imageId, const QList<Part> &parts) const;

    QNetworkAccessManager *m_network;
    std::shared_ptr<const ChatBackend> m_backend;
    ModelInfo m_model;
    Conversation m_conversation;
    QHash<int, QList<Detection>> m_detections;
    QHash<int, ApiError> m_errors;
    QList<Running> m_running; // in the order they started
    Upload m_upload;
    std::chrono::milliseconds m_stallTimeout{90000};
    int m_maxAttempts = 4;
    ReplyLimits m_limits;
};

} // namespace qvd
