#include "core/conversation/ChatSession.h"

#include "core/api/BackendFactory.h"
#include "core/api/ChatTurn.h"
#include "core/conversation/ServerSizes.h"
#include "core/grounding/GroundingParser.h"
#include "core/grounding/RegionPrompt.h"

#include <QUuid>

#include <algorithm>
#include <utility>

namespace qvd {
namespace {

constexpr int kTitleLength = 40;

QString titleFrom(const QList<Part> &parts)
{
    for (const Part &part : parts) {
        if (part.kind == Part::Kind::Text && !part.text.trimmed().isEmpty())
            return part.text.simplified().left(kTitleLength);
    }
    return {};
}

} // namespace

ChatSession::ChatSession(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent), m_network(network)
{ }

ChatSession::~ChatSession() = default;

void ChatSession::setBackend(std::shared_ptr<const ChatBackend> backend)
{
    m_backend = std::move(backend);
}

void ChatSession::setEndpoint(const EndpointProfile &profile, const QString &apiKey)
{
    setBackend(makeBackend(profile, apiKey));
}

void ChatSession::setModel(const ModelInfo &model)
{
    const bool changed = model.id != m_model.id || model.family != m_model.family;
    m_model = model;
    m_conversation.modelId = model.id;
    if (changed)
        Q_EMIT modelChanged();
}

int ChatSession::indexOf(const QString &messageId) const
{
    if (messageId.isEmpty())
        return -1;
    for (int i = 0; i < m_conversation.messages.size(); ++i) {
        if (m_conversation.messages[i].id == messageId)
            return i;
    }
    return -1;
}

void ChatSession::setSpaceOverride(const QString &messageId, std::optional<CoordinateSpace> space)
{
    const int index = indexOf(messageId);
    if (index < 0 || m_conversation.messages[index].spaceOverride == space)
        return;
    m_conversation.messages[index].spaceOverride = space;
    Q_EMIT messageChanged(index);
}

const Part *ChatSession::findImage(const QString &imageId, const QList<Part> &parts) const
{
    for (const Part &part : parts) {
        if (part.kind == Part::Kind::Image && part.id == imageId)
            return &part;
    }
    for (const Message &message : m_conversation.messages) {
        for (const Part &part : message.parts) {
            if (part.kind == Part::Kind::Image && part.id == imageId)
                return &part;
        }
    }
    return nullptr;
}

QList<Part> ChatSession::readyToSend(QList<Part> parts) const
{
    QStringList imageIds; // of this message, in order: what a region's imageIndex counts
    for (Part &part : parts) {
        if (part.kind != Part::Kind::Text && part.id.isEmpty())
            part.id = Part::newId();
        if (part.kind == Part::Kind::Image)
            imageIds.append(part.id);
    }
    for (Part &part : parts) {
        if (part.kind != Part::Kind::Region)
            continue;
        if (part.imageId.isEmpty() && part.imageIndex >= 0)
            part.imageId = imageIds.value(part.imageIndex);
        part.imageIndex = int(imageIds.indexOf(part.imageId));
        // Written now, for the model that gets it: a region drawn before the model was changed
        // is still in the right syntax and space.
        const QString text = regionText(part, parts);
        if (!text.isEmpty())
            part.text = text;
    }
    return parts;
}

QString ChatSession::regionText(const Part &region, const QList<Part> &parts) const
{
    const Part *image = findImage(region.imageId, parts);
    if (!image)
        return {};
    const RegionPrompt prompt(m_model, image->transform);
    return region.isPoint ? prompt.forPoint(region.point) : prompt.forRect(region.rect);
}

void ChatSession::setConversation(const Conversation &conversation)
{
    stop();
    m_conversation = conversation;
    // Everything shown is named by id: a conversation made elsewhere gets ids where it has none.
    for (Message &message : m_conversation.messages) {
        if (message.id.isEmpty())
            message.id = Part::newId();
        for (Part &part : message.parts) {
            if (part.kind != Part::Kind::Text && part.id.isEmpty())
                part.id = Part::newId();
        }
    }
    m_detections.clear();
    m_errors.clear();
    for (int i = 0; i < m_conversation.messages.size(); ++i)
        reground(i, false);
    Q_EMIT conversationReset();
}

QList<Detection> ChatSession::detections(int messageIndex) const
{
    return m_detections.value(messageIndex);
}

std::optional<ApiError> ChatSession::error(int messageIndex) const
{
    const auto it = m_errors.constFind(messageIndex);
    return it == m_errors.constEnd() ? std::nullopt : std::optional<ApiError>(*it);
}

bool ChatSession::send(const QList<Part> &parts)
{
    if (isBusy() || !m_backend || parts.isEmpty())
        return false;
    return sendToSeveral(parts, {AnswerTarget{m_model, m_backend}});
}

bool ChatSession::sendToSeveral(const QList<Part> &parts, const QList<AnswerTarget> &targets)
{
    if (isBusy() || parts.isEmpty() || targets.isEmpty())
        return false;
    for (const AnswerTarget &target : targets) {
        if (!target.backend)
            return false;
    }
    if (m_conversation.id.isEmpty())
        m_conversation.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (m_conversation.title.isEmpty())
        m_conversation.title = titleFrom(parts);
    if (targets.first().model.id != m_model.id)
        setModel(targets.first().model);
    Message question = Message::user(readyToSend(parts));
    question.id = Part::newId();
    m_conversation.messages.append(question);
    Q_EMIT messageAdded(int(m_conversation.messages.size()) - 1);
    // Every request is the conversation up to this question, whatever the other models write.
    QList<ChatRequest> requests;
    for (const AnswerTarget &target : targets)
        requests.append(ChatRequest::fromConversation(m_conversation, target.model));
    for (int i = 0; i < targets.size(); ++i)
        startTurn(requests[i], targets[i]);
    return true;
}

bool ChatSession::retry()
{
    const int last = int(m_conversation.messages.size()) - 1;
    if (isBusy() || !m_backend || last < 1
        || m_conversation.messages[last].role != Message::Role::Assistant)
        return false;
    truncate(last);
    startAnswer();
    return true;
}

bool ChatSession::resend(int userIndex, const QList<Part> &parts)
{
    if (isBusy() || !m_backend || userIndex < 0 || userIndex >= m_conversation.messages.size()
        || m_conversation.messages[userIndex].role != Message::Role::User || parts.isEmpty())
        return false;
    // The edited message keeps its id: it is the same question, asked again.
    Message question = Message::user(readyToSend(parts));
    question.id = m_conversation.messages[userIndex].id;
    truncate(userIndex);
    m_conversation.messages.append(question);
    Q_EMIT messageAdded(userIndex);
    startAnswer();
    return true;
}

void ChatSession::stop()
{
    // Each ends with finished(Interrupted), at once or soon, and leaves m_running then.
    const QList<Running> running = m_running;
    for (const Running &turn : running)
        turn.turn->cancel();
}

bool ChatSession::isStreaming(int messageIndex) const
{
    if (messageIndex < 0 || messageIndex >= m_conversation.messages.size())
        return false;
    const QString &id = m_conversation.messages[messageIndex].id;
    return std::any_of(m_running.cbegin(), m_running.cend(),
                       [&id](const Running &turn) { return turn.messageId == id; });
}

int ChatSession::streamingIndex() const
{
    int last = -1;
    for (const Running &turn : m_running)
        last = std::max(last, indexOf(turn.messageId));
    return last;
}

qsizetype ChatSession::groundedLength() const
{
    const int last = streamingIndex();
    for (const Running &turn : m_running) {
        if (indexOf(turn.messageId) == last)
            return turn.grounder->groundedLength();
    }
    return 0;
}

QList<int> ChatSession::answerGroup(int messageIndex) const
{
    const auto &messages = m_conversation.messages;
    if (messageIndex < 0 || messageIndex >= messages.size()
        || messages[messageIndex].role != Message::Role::Assistant)
        return {};
    int first = messageIndex;
    while (first > 0 && messages[first - 1].role == Message::Role::Assistant)
        --first;
    QList<int> group;
    for (int i = first; i < messages.size() && messages[i].role == Message::Role::Assistant; ++i)
        group.append(i);
    return group;
}

void ChatSession::startAnswer()
{
    startTurn(ChatRequest::fromConversation(m_conversation, m_model),
              AnswerTarget{m_model, m_backend});
}

void ChatSession::startTurn(const ChatRequest &request, const AnswerTarget &target)
{
    Message placeholder = Message::assistant(QString());
    placeholder.id = Part::newId();
    placeholder.modelId = target.model.id;
    m_conversation.messages.append(placeholder);
    const int index = int(m_conversation.messages.size()) - 1;
    const QString id = placeholder.id;

    // Each answer is grounded as it streams by its own grounder, off this thread; results are
    // published only between begin() and finish().
    auto *grounder = new StreamingGrounder(this);
    grounder->begin();
    connect(grounder, &StreamingGrounder::detectionsChanged, this,
            [this, id](const QList<Detection> &found) {
                const int at = indexOf(id);
                if (at < 0)
                    return;
                m_detections.insert(at, found);
                Q_EMIT messageChanged(at);
            });

    auto *turn = new ChatTurn(m_network, target.backend.get(), request, this);
    // The backend lives as long as its turn, whatever setBackend() does meanwhile.
    connect(turn, &QObject::destroyed, this, [keep = target.backend] { Q_UNUSED(keep) });
    ChatTurn::RetryPolicy policy;
    policy.maxAttempts = m_maxAttempts;
    turn->setRetryPolicy(policy);
    turn->setStallTimeout(m_stallTimeout);
    turn->setLimits(m_limits);
    connect(turn, &ChatTurn::delta, this,
            [this, id](const QString &text, const QString &reasoning) {
                onDelta(id, text, reasoning);
            });
    connect(turn, &ChatTurn::uploadProgress, this, &ChatSession::onUploadProgress);
    // The request is in once the server answers; a retry starts over after its wait.
    connect(turn, &ChatTurn::responseStarted, this, [this] { onUploadProgress(0, 0); });
    connect(turn, &ChatTurn::retrying, this, [this] { onUploadProgress(0, 0); });
    connect(turn, &ChatTurn::finished, this,
            [this, id](const Message &answer) { endTurn(id, answer, answer.state); });
    connect(turn, &ChatTurn::failed, this, [this, id, turn](const ApiError &error) {
        const int at = indexOf(id);
        if (at >= 0)
            m_errors.insert(at, error);
        endTurn(id, turn->answer(), Message::State::Failed);
    });
    const bool wasBusy = isBusy();
    m_running.append({id, turn, grounder});
    Q_EMIT messageAdded(index);
    if (!wasBusy)
        Q_EMIT busyChanged(true);
    turn->start();
}

void ChatSession::onDelta(const QString &messageId, const QString &text, const QString &reasoning)
{
    const int index = indexOf(messageId);
    if (index < 0)
        return;
    Message &message = m_conversation.messages[index];
    message.text += text;
    message.reasoning += reasoning;
    for (const Running &turn : std::as_const(m_running)) {
        if (turn.messageId == messageId)
            turn.grounder->append(text);
    }
    Q_EMIT messageChanged(index);
}

void ChatSession::onUploadProgress(qint64 sent, qint64 total)
{
    const Upload next{total > 0 ? sent : 0, qMax<qint64>(0, total)};
    auto percent = [](const Upload &upload) {
        return upload.total > 0 ? upload.sent * 100 / upload.total : -1;
    };
    const bool visible = percent(next) != percent(m_upload);
    m_upload = next;
    if (visible)
        Q_EMIT uploadChanged();
}

void ChatSession::endTurn(const QString &messageId, const Message &answer, Message::State state)
{
    const auto running = std::find_if(m_running.begin(), m_running.end(), [&](const Running &turn) {
        return turn.messageId == messageId;
    });
    if (running == m_running.end())
        return;
    running->turn->deleteLater();
    StreamingGrounder *grounder = running->grounder;
    grounder->deleteLater(); // its results after finish() are dropped
    m_running.erase(running);
    if (m_running.isEmpty())
        onUploadProgress(0, 0);
    const int index = indexOf(messageId);
    if (index < 0) { // the conversation was replaced meanwhile
        if (m_running.isEmpty())
            Q_EMIT busyChanged(false);
        return;
    }
    Message &message = m_conversation.messages[index];
    const Message placeholder = message;
    message = answer;
    message.role = Message::Role::Assistant;
    message.state = state;
    message.id = placeholder.id;
    message.modelId = placeholder.modelId;
    message.spaceOverride = placeholder.spaceOverride;
    m_detections.insert(index, grounder->finish(message.text));
    // The reply's image tokens tell the size the model saw; kept with the question's images.
    const int question = recordServerSizes(m_conversation, index);
    if (question >= 0)
        Q_EMIT messageChanged(question);
    Q_EMIT messageChanged(index);
    if (m_running.isEmpty())
        Q_EMIT busyChanged(false);
    if (state == Message::State::Failed)
        Q_EMIT answerFailed(index, m_errors.value(index));
    else
        Q_EMIT answerFinished(index);
}

void ChatSession::reground(int index, bool streaming)
{
    const Message &message = m_conversation.messages[index];
    if (message.role != Message::Role::Assistant)
        return;
    const GroundingParser parser(streaming ? ParseMode::Streaming : ParseMode::Complete);
    m_detections.insert(index, parser.parse(message.text));
}

void ChatSession::truncate(int from)
{
    for (int i = from; i < m_conversation.messages.size(); ++i) {
        m_detections.remove(i);
        m_errors.remove(i);
    }
    m_conversation.messages.resize(from);
    Q_EMIT messagesRemoved(from);
}

} // namespace qvd
