#include "core/session/DeskSession.h"

#include "core/api/ServerModelList.h"
#include "core/conversation/ChatSession.h"
#include "core/imaging/ModelInput.h"
#include "core/models/ModelRegistry.h"
#include "core/session/ActiveEndpoint.h"
#include "core/session/AnnotationLayers.h"
#include "core/session/ConversationIndex.h"
#include "core/session/DetectionId.h"
#include "core/session/ScoringRule.h"
#include "core/settings/Settings.h"
#include "core/storage/ConversationDeleter.h"
#include "core/storage/ConversationRecorder.h"
#include "core/storage/HistoryStore.h"

#include <QPointer>

namespace qvd {

DeskSession::DeskSession(const Services &services, QObject *parent)
    : QObject(parent),
      m_services(services),
      m_endpoint(new ActiveEndpoint(services.settings, services.keys, this)),
      m_chat(new ChatSession(services.network, this)),
      m_recorder(new ConversationRecorder(m_chat, services.history, services.images, this)),
      m_index(new ConversationIndex(this)),
      m_selection(new Selection(this)),
      m_annotations(new AnnotationLayers(m_chat, this)),
      m_scoring(new ScoringRule(services.settings, this)),
      m_serverModels(new ServerModelList(services.network, services.models, this))
{
    connect(m_serverModels, &ServerModelList::finished, this, [this] {
        Q_EMIT offeredModelsChanged();
        // A server that does not serve the model asked for: its first one, for a fresh chat.
        const QStringList ids = m_serverModels->ids();
        if (!ids.isEmpty() && !ids.contains(model().id)
            && m_chat->conversation().messages.isEmpty())
            chooseModel(ids.first());
    });
    connect(m_serverModels, &ServerModelList::failed, this, [this](const ApiError &error) {
        Q_EMIT message(tr("Could not list the server's models: %1").arg(error.userMessage()));
        Q_EMIT offeredModelsChanged();
    });
    connect(m_serverModels, &ServerModelList::changed, this, [this] {
        Q_EMIT offeredModelsChanged();
        m_chat->setModel(modelInfo(model().id)); // the same id, read as the chosen family
    });
    connect(m_endpoint, &ActiveEndpoint::changed, this, &DeskSession::onEndpointChanged);
    connect(m_chat, &ChatSession::conversationReset, this, &DeskSession::onConversationReset);
    connect(m_chat, &ChatSession::messageChanged, this, &DeskSession::onMessageChanged);
    connect(m_chat, &ChatSession::messageAdded, this, &DeskSession::onMessageChanged);
    connect(m_chat, &ChatSession::messagesRemoved, this, [this](int from) {
        const int shown = m_chat->indexOf(m_selection->answerId());
        if (shown < 0 || shown >= from)
            m_selection->setAnswer({});
    });
    connect(m_recorder, &ConversationRecorder::saved, this, [this](const QString &id) {
        m_annotations->conversationSaved(id);
        m_services.settings->setLastConversation(id);
        m_index->refresh();
    });
    connect(m_recorder, &ConversationRecorder::saveFailed, this, &DeskSession::message);
    connect(m_annotations, &AnnotationLayers::saveFailed, this, &DeskSession::message);
    onEndpointChanged();
    // Without one yet, the history comes with setHistory(): until then the list is unknown.
    if (services.history)
        setHistory(services.history, services.images);
}

DeskSession::~DeskSession() = default;

const ModelInfo &DeskSession::model() const
{
    return m_chat->model();
}

void DeskSession::chooseModel(const QString &id)
{
    const QString trimmed = id.trimmed();
    if (!trimmed.isEmpty() && trimmed != m_chat->model().id)
        m_chat->setModel(modelInfo(trimmed));
}

bool DeskSession::modelsFromServer() const
{
    return m_endpoint->profile().protocol == EndpointProfile::Protocol::OpenAiCompatible;
}

QList<ModelInfo> DeskSession::offeredModels() const
{
    return modelsFromServer() ? m_serverModels->models() : m_services.models->models();
}

ModelInfo DeskSession::modelInfo(const QString &id) const
{
    return modelsFromServer() ? m_serverModels->find(id) : m_services.models->find(id);
}

void DeskSession::setModelFamily(const QString &id, std::optional<ModelFamily> family)
{
    m_services.settings->setModelFamily(m_endpoint->profile().name, id, family);
    m_serverModels->setFamily(id, family);
}

void DeskSession::onEndpointChanged()
{
    m_chat->setBackend(m_endpoint->backend());
    const EndpointProfile &profile = m_endpoint->profile();
    // A local server's own models, once it can be asked (with its key, if it takes one).
    const bool ready = m_endpoint->state() == ActiveEndpoint::State::Ready;
    const QString server = profile.name + u' ' + profile.baseUrl.toString();
    if (modelsFromServer() && ready && m_serverModelsProfile != server) {
        m_serverModelsProfile = server;
        m_serverModels->fetch(profile, m_endpoint->apiKey(),
                              m_services.settings->modelFamilies(profile.name));
    } else if (!modelsFromServer() && !m_serverModelsProfile.isEmpty()) {
        m_serverModelsProfile.clear();
        m_serverModels->abort();
        Q_EMIT offeredModelsChanged();
    }
    // Another endpoint: its default model, unless the open conversation already has its own.
    if (profile.name != m_profileName) {
        m_profileName = profile.name;
        const bool fresh = m_chat->conversation().messages.isEmpty();
        if ((fresh || m_chat->model().id.isEmpty()) && !profile.defaultModel.isEmpty())
            chooseModel(profile.defaultModel);
    }
    // A notice about the endpoint is stale once it can be used.
    if (ready)
        clearNotice();
}

void DeskSession::setNotice(const QString &notice)
{
    if (notice == m_notice)
        return;
    m_notice = notice;
    Q_EMIT noticeChanged(notice);
}

void DeskSession::clearNotice()
{
    setNotice({});
}

void DeskSession::keepOriginals(const QList<PreparedImage> &originals)
{
    for (const PreparedImage &image : originals)
        m_recorder->addOriginal(image);
}

void DeskSession::startWhenReady(std::function<bool()> start)
{
    if (m_chat->isBusy())
        return;
    m_endpoint->whenResolved([self = QPointer(this), start = std::move(start)](bool ready) {
        if (!self)
            return;
        if (!ready) {
            self->setNotice(self->m_endpoint->problem());
            return;
        }
        self->m_chat->setBackend(self->m_endpoint->backend());
        // Read for every request, so a change in the settings counts from the next one.
        self->m_chat->setReplyLimits(self->m_services.settings->replyLimits());
        if (start()) {
            self->clearNotice();
            Q_EMIT self->questionSent();
        }
    });
}

void DeskSession::send(const QList<Part> &parts, const QList<PreparedImage> &originals)
{
    keepOriginals(originals);
    startWhenReady([this, parts] { return m_chat->send(parts); });
}

void DeskSession::askSeveral(const QList<Part> &parts, const QList<AskTarget> &targets,
                             const QList<PreparedImage> &originals)
{
    if (m_chat->isBusy())
        return;
    keepOriginals(originals);
    resolveAskTargets(
        targets.mid(0, kMaxAskTargets), m_endpoint, m_services.keys, m_services.settings,
        [this](const AskTarget &target) {
            const QString id = target.modelId.trimmed();
            const bool active =
                target.profileName.isEmpty() || target.profileName == m_endpoint->profile().name;
            return active ? modelInfo(id) : m_services.models->find(id);
        },
        this,
        [this, parts](const QList<ChatSession::AnswerTarget> &resolved, const QString &problem) {
            if (!problem.isEmpty()) {
                setNotice(problem);
                return;
            }
            if (!m_chat->sendToSeveral(parts, resolved))
                return;
            clearNotice();
            Q_EMIT questionSent();
            QStringList answers;
            const auto &messages = m_chat->conversation().messages;
            for (qsizetype i = messages.size() - resolved.size(); i < messages.size(); ++i)
                answers.append(messages[i].id);
            Q_EMIT severalAsked(answers);
        });
}

void DeskSession::resend(const QString &messageId, const QList<Part> &parts,
                         const QList<PreparedImage> &originals)
{
    keepOriginals(originals);
    startWhenReady(
        [this, messageId, parts] { return m_chat->resend(m_chat->indexOf(messageId), parts); });
}

void DeskSession::retry()
{
    startWhenReady([this] { return m_chat->retry(); });
}

void DeskSession::stop()
{
    m_chat->stop();
}

QString DeskSession::regionText(const Part &region, const QList<Part> &draft) const
{
    return m_chat->regionText(region, draft);
}

void DeskSession::newConversation()
{
    Conversation empty;
    empty.modelId = model().id;
    m_chat->setConversation(empty);
}

bool DeskSession::open(const QString &conversationId)
{
    if (m_chat->conversation().id == conversationId)
        return true;
    if (!m_recorder->open(conversationId))
        return false;
    m_services.settings->setLastConversation(conversationId);
    return true;
}

bool DeskSession::rename(const QString &conversationId, const QString &title)
{
    const QString trimmed = title.simplified();
    if (!m_services.history || trimmed.isEmpty())
        return false;
    auto record = m_services.history->conversation(conversationId);
    if (!record)
        return false;
    record->header.title = trimmed;
    if (const StorageError error = m_services.history->saveConversation(record->header)) {
        Q_EMIT message(error.userMessage());
        return false;
    }
    if (m_chat->conversation().id == conversationId)
        m_chat->setTitle(trimmed);
    m_index->refresh();
    return true;
}

bool DeskSession::deleteConversation(const QString &conversationId)
{
    if (!m_deleter)
        return false;
    const bool wasOpen = m_chat->conversation().id == conversationId;
    // An answer being written is kept, interrupted, with the conversation: undo brings it back.
    if (wasOpen)
        shutdown();
    if (const StorageError error = m_deleter->remove(conversationId)) {
        Q_EMIT message(error.userMessage());
        return false;
    }
    const QString next = m_index->remove(conversationId);
    m_deletedOpen.clear();
    if (!wasOpen)
        return true;
    if (next.isEmpty() || !open(next))
        newConversation();
    m_deletedOpen = conversationId;
    m_movedTo = m_chat->conversation().id;
    return true;
}

bool DeskSession::undoDelete()
{
    if (!m_deleter || !m_deleter->hasPending())
        return false;
    const QString id = m_deleter->pendingId();
    if (const StorageError error = m_deleter->undo()) {
        Q_EMIT message(error.userMessage());
        m_index->refresh();
        return false;
    }
    // Back into the window only if the person has not moved on since (another conversation,
    // a new question, an answer being written).
    const bool untouched = m_chat->conversation().id == m_movedTo && !m_chat->isBusy()
        && (!m_movedTo.isEmpty() || m_chat->conversation().messages.isEmpty());
    if (m_deletedOpen == id && untouched)
        open(id);
    m_deletedOpen.clear();
    m_index->refresh();
    return true;
}

void DeskSession::restoreLastConversation()
{
    const QString id = m_services.settings->lastConversation();
    if (!id.isEmpty() && m_services.history && m_services.history->contains(id))
        open(id);
}

void DeskSession::setHistory(HistoryStore *history, ImageStore *images, const QString &notice)
{
    m_services.history = history;
    m_services.images = images;
    m_recorder->setStores(history, images);
    if (history && !m_deleter) {
        m_deleter = new ConversationDeleter(history, images, this);
        connect(m_deleter, &ConversationDeleter::removed, this,
                [this] { Q_EMIT undoAvailableChanged(true); });
        connect(m_deleter, &ConversationDeleter::restored, this,
                [this] { Q_EMIT undoAvailableChanged(false); });
        connect(m_deleter, &ConversationDeleter::purged, this,
                [this] { Q_EMIT undoAvailableChanged(false); });
        connect(m_deleter, &ConversationDeleter::purgeFailed, this,
                [this](const QString &, const QString &text) {
                    Q_EMIT undoAvailableChanged(false);
                    Q_EMIT message(text);
                });
    }
    m_index->setHistory(history);
    m_annotations->setHistory(history);
    if (!notice.isEmpty())
        Q_EMIT message(notice);
}

DeskSession::Answer DeskSession::answer(const QString &messageId) const
{
    const int index = m_chat->indexOf(messageId);
    const auto &messages = m_chat->conversation().messages;
    if (index < 0 || messages[index].role != Message::Role::Assistant)
        return {};
    const Message &message = messages[index];
    Answer answer;
    answer.id = message.id;
    answer.text = message.text;
    answer.detections = m_chat->detections(index);
    answer.detectionIds = detectionIds(message.id, answer.detections);
    answer.model =
        m_services.models->find(message.modelId.isEmpty() ? m_chat->model().id : message.modelId);
    // An image prepared for another model (one question put to several) was resized again by
    // this model's server (core/imaging/ModelInput).
    for (int m = 0; m < index; ++m) {
        for (const Part &part : messages[m].parts) {
            if (part.kind == Part::Kind::Image)
                answer.imagesBefore.append(
                    inputForFactor(part.transform, answer.model.budget.factor));
        }
    }
    answer.spaceOverride = message.spaceOverride;
    answer.streaming = m_chat->isStreaming(index);
    return answer;
}

void DeskSession::showAnswer(const QString &messageId)
{
    const int index = m_chat->indexOf(messageId);
    if (index < 0 || m_chat->conversation().messages[index].role != Message::Role::Assistant)
        return;
    // The latest image before the answer is where its boxes go unless they name another.
    if (m_selection->answerId() != messageId || m_selection->image().id.isEmpty()
        || m_selection->image().conversationIndex < 0)
        showLatestImageBefore(index);
    m_selection->setAnswer(messageId);
}

void DeskSession::showLatestImageBefore(int messageIndex)
{
    int count = 0;
    const auto &messages = m_chat->conversation().messages;
    for (int m = 0; m < messageIndex; ++m) {
        for (const Part &part : messages[m].parts)
            count += part.kind == Part::Kind::Image ? 1 : 0;
    }
    if (count > 0)
        m_selection->setImage(imageAt(count - 1));
}

Selection::Image DeskSession::imageAt(int conversationIndex) const
{
    int n = 0;
    for (const Message &message : m_chat->conversation().messages) {
        for (const Part &part : message.parts) {
            if (part.kind != Part::Kind::Image)
                continue;
            if (n == conversationIndex) {
                // Exports name it, and ground truth is paired with it, by its own file name.
                QString name = m_recorder->originalName(part.imageHash);
                if (name.isEmpty())
                    name = QStringLiteral("image-%1.png").arg(n + 1);
                return {part.id, m_recorder->originalImage(part.imageHash), part.transform,
                        conversationIndex, name};
            }
            ++n;
        }
    }
    return {};
}

void DeskSession::showImage(const QString &imageId)
{
    int n = 0;
    for (const Message &message : m_chat->conversation().messages) {
        for (const Part &part : message.parts) {
            if (part.kind != Part::Kind::Image)
                continue;
            if (part.id == imageId) {
                m_selection->setImage(imageAt(n));
                return;
            }
            ++n;
        }
    }
}

void DeskSession::showDraftImage(const Selection::Image &image)
{
    Selection::Image draft = image;
    draft.conversationIndex = -1;
    m_selection->setImage(draft);
}

void DeskSession::setSpaceOverride(const QString &messageId, std::optional<CoordinateSpace> space)
{
    m_chat->setSpaceOverride(messageId, space);
}

void DeskSession::onConversationReset()
{
    const Conversation &conversation = m_chat->conversation();
    if (!conversation.modelId.isEmpty())
        chooseModel(conversation.modelId);
    m_selection->setHoveredDetection({});
    m_selection->setSelectedDetection({});
    m_selection->clearImage();
    m_selection->setAnswer({});
    for (auto it = conversation.messages.crbegin(); it != conversation.messages.crend(); ++it) {
        if (it->role == Message::Role::Assistant) {
            showAnswer(it->id);
            break;
        }
    }
}

void DeskSession::onMessageChanged(int index)
{
    // The answer being streamed is followed live; boxes appear as their syntax closes. Of
    // several streaming at once (one question to several models), the one shown stays.
    const Message &message = m_chat->conversation().messages.at(index);
    const bool shown = message.id == m_selection->answerId();
    const bool follow = m_chat->isStreaming(index)
        && !m_chat->isStreaming(m_chat->indexOf(m_selection->answerId()));
    if (message.role == Message::Role::Assistant && (shown || follow))
        showAnswer(message.id);
}

void DeskSession::shutdown()
{
    m_chat->stop();
    // A turn that ends only later is saved now, as the interrupted answer it is.
    if (m_chat->isBusy())
        m_recorder->flush();
}

} // namespace qvd
