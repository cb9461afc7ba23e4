#include "ui/window/Workspace.h"

#include "core/conversation/ChatSession.h"
#include "core/settings/Settings.h"
#include "core/storage/ConversationDeleter.h"
#include "core/storage/ConversationRecorder.h"
#include "core/storage/HistoryStore.h"
#include "ui/AppContext.h"
#include "ui/chat/AttachmentSource.h"
#include "ui/chat/ChatPane.h"
#include "ui/chat/Composer.h"
#include "ui/conversations/ConversationListPane.h"
#include "ui/inspector/InspectorPane.h"
#include "ui/window/MainWindow.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QInputDialog>
#include <QLineEdit>
#include <QStatusBar>

namespace qvd {
namespace {

const QString kLastConversation = QStringLiteral("history/lastConversation");
constexpr int kNoticeMs = 15000;

struct ImageRef
{
    const Part *part = nullptr;
    int message = -1;
};

// Every image of the conversation before message `end`, oldest first: the numbering that
// img_idx and the inspector use.
QList<ImageRef> imagesBefore(const Conversation &conversation, int end)
{
    QList<ImageRef> images;
    for (int m = 0; m < end && m < conversation.messages.size(); ++m) {
        for (const Part &part : conversation.messages[m].parts) {
            if (part.kind == Part::Kind::Image)
                images.append({&part, m});
        }
    }
    return images;
}

} // namespace

Workspace::Workspace(AppContext &context, MainWindow *window, ChatPane *chat,
                     InspectorPane *inspector, ConversationListPane *list)
    : QObject(window),
      m_context(context),
      m_window(window),
      m_chat(chat),
      m_inspector(inspector),
      m_list(list),
      m_recorder(new ConversationRecorder(chat->session(), context.history, context.images, this))
{
    if (context.history)
        m_deleter = new ConversationDeleter(context.history, context.images, this);
    m_inspector->setModelRegistry(context.models);
    connectChat();
    connectWindow();
    connectList();
    refreshList();
    if (!context.historyNotice.isEmpty())
        notify(context.historyNotice);
}

Workspace::~Workspace() = default;

void Workspace::connectChat()
{
    ChatSession *session = m_chat->session();
    connect(m_chat, &ChatPane::imagesSent, this, [this](const QList<PreparedImage> &images) {
        for (const PreparedImage &image : images)
            m_recorder->addOriginal(image);
    });
    connect(m_chat, &ChatPane::imageActivated, this, &Workspace::showImage);
    connect(m_chat, &ChatPane::answerSelected, this, &Workspace::showAnswer);
    connect(m_chat, &ChatPane::detectionHovered, this, [this](int message, int detection) {
        if (message == m_shownAnswer)
            m_inspector->highlightDetection(detection);
    });
    connect(m_inspector, &InspectorPane::regionRequested, m_chat, &ChatPane::addRegion);
    // The answer being streamed is followed live; boxes appear as their syntax closes.
    connect(session, &ChatSession::messageChanged, this, [this, session](int index) {
        if (index == session->streamingIndex() || index == m_shownAnswer)
            showAnswer(index);
    });
    connect(session, &ChatSession::conversationReset, this, [this, session] {
        m_shownAnswer = -1;
        m_shownImage = -1;
        m_inspector->clearAnswer();
        m_inspector->clearImage();
        const auto &messages = session->conversation().messages;
        for (int i = int(messages.size()) - 1; i >= 0; --i) {
            if (messages[i].role == Message::Role::Assistant) {
                showAnswer(i);
                break;
            }
        }
    });
    connect(session, &ChatSession::messagesRemoved, this, [this](int from) {
        if (m_shownAnswer >= from) {
            m_shownAnswer = -1;
            m_inspector->clearAnswer();
        }
    });
    connect(session, &ChatSession::busyChanged, m_window, &MainWindow::setAnswerRunning);
    connect(m_recorder, &ConversationRecorder::saved, this, [this](const QString &id) {
        m_context.settings->setUiValue(kLastConversation, id);
        refreshList();
    });
    connect(m_recorder, &ConversationRecorder::saveFailed, this, &Workspace::notify);
}

void Workspace::connectWindow()
{
    connect(m_window, &MainWindow::imagesAttached, this, [this](const QStringList &paths) {
        QList<AttachmentSource> sources;
        for (const QString &path : paths)
            sources.append(AttachmentSource::fromFile(path));
        m_chat->composer()->addImages(sources);
    });
    connect(m_window, &MainWindow::newConversationRequested, m_chat, &ChatPane::newConversation);
    connect(m_window, &MainWindow::stopRequested, m_chat, &ChatPane::stop);
    connect(m_window, &MainWindow::focusComposerRequested, this,
            [this] { m_chat->composer()->setFocus(Qt::ShortcutFocusReason); });
    connect(m_window, &MainWindow::copyLastAnswerRequested, this, [this] {
        const auto &messages = m_chat->session()->conversation().messages;
        for (auto it = messages.crbegin(); it != messages.crend(); ++it) {
            if (it->role == Message::Role::Assistant) {
                QGuiApplication::clipboard()->setText(it->plainText());
                return;
            }
        }
    });
}

void Workspace::connectList()
{
    connect(m_list, &ConversationListPane::conversationActivated, this,
            &Workspace::openConversation);
    connect(m_list, &ConversationListPane::searchTextChanged, this, &Workspace::refreshList);
    connect(m_list, &ConversationListPane::renameRequested, this,
            [this](const QString &id, const QString &current) {
                bool ok = false;
                const QString title =
                    QInputDialog::getText(m_window, tr("Rename Conversation"), tr("Title:"),
                                          QLineEdit::Normal, current, &ok);
                if (ok)
                    renameConversation(id, title);
            });
    connect(m_list, &ConversationListPane::deleteRequested, this, &Workspace::deleteConversation);
    connect(m_list, &ConversationListPane::undoDeleteRequested, this, &Workspace::undoDelete);
    if (!m_deleter)
        return;
    connect(m_deleter, &ConversationDeleter::removed, m_list, &ConversationListPane::showUndo);
    connect(m_deleter, &ConversationDeleter::restored, m_list, &ConversationListPane::hideUndo);
    connect(m_deleter, &ConversationDeleter::purged, m_list, &ConversationListPane::hideUndo);
    connect(m_deleter, &ConversationDeleter::purgeFailed, this,
            [this](const QString &, const QString &message) {
                m_list->hideUndo();
                notify(message);
            });
}

bool Workspace::deleteConversation(const QString &id)
{
    if (!m_deleter)
        return false;
    ChatSession *session = m_chat->session();
    const bool wasOpen = session->conversation().id == id;
    // An answer being written is kept, interrupted, with the conversation: undo brings it back.
    if (wasOpen)
        m_chat->stop();
    if (const StorageError error = m_deleter->remove(id)) {
        notify(error.userMessage());
        return false;
    }
    const QString next = m_list->removeEntry(id);
    m_deletedOpen.clear();
    if (!wasOpen)
        return true;
    if (next.isEmpty() || !m_recorder->open(next))
        m_chat->newConversation();
    else
        m_context.settings->setUiValue(kLastConversation, next);
    m_deletedOpen = id;
    m_movedTo = session->conversation().id;
    return true;
}

bool Workspace::undoDelete()
{
    if (!m_deleter || !m_deleter->hasPending())
        return false;
    const QString id = m_deleter->pendingId();
    if (const StorageError error = m_deleter->undo()) {
        notify(error.userMessage());
        refreshList(m_list->searchField()->text());
        return false;
    }
    // Back into the window only if the person has not moved on since (another conversation,
    // a new question, an answer being written).
    const ChatSession *session = m_chat->session();
    const bool untouched = session->conversation().id == m_movedTo && !session->isBusy()
        && (!m_movedTo.isEmpty() || session->conversation().messages.isEmpty());
    if (m_deletedOpen == id && untouched)
        openConversation(id);
    m_deletedOpen.clear();
    refreshList(m_list->searchField()->text());
    return true;
}

bool Workspace::renameConversation(const QString &id, const QString &title)
{
    const QString trimmed = title.simplified();
    if (!m_context.history || trimmed.isEmpty())
        return false;
    auto record = m_context.history->conversation(id);
    if (!record)
        return false;
    record->header.title = trimmed;
    if (const StorageError error = m_context.history->saveConversation(record->header)) {
        notify(error.userMessage());
        return false;
    }
    if (m_chat->session()->conversation().id == id)
        m_chat->session()->setTitle(trimmed);
    refreshList(m_list->searchField()->text());
    return true;
}

void Workspace::refreshList(const QString &search)
{
    if (!m_context.history)
        return;
    QList<ConversationListPane::Entry> entries;
    if (search.trimmed().isEmpty()) {
        for (const ConversationSummary &summary : m_context.history->conversations())
            entries.append({summary.id, summary.title, summary.updatedAt});
    } else {
        QStringList seen;
        for (const SearchHit &hit : m_context.history->search(search.trimmed())) {
            if (seen.contains(hit.conversationId))
                continue;
            seen.append(hit.conversationId);
            entries.append({hit.conversationId, hit.conversationTitle, {}});
        }
    }
    m_list->setEntries(entries, m_chat->session()->conversation().id);
}

void Workspace::restoreLastConversation()
{
    const QString id = m_context.settings->uiValue(kLastConversation).toString();
    if (!id.isEmpty() && m_context.history && m_context.history->contains(id))
        openConversation(id);
}

void Workspace::historyOpened()
{
    m_recorder->setStores(m_context.history, m_context.images);
    refreshList(m_list->searchField()->text());
    if (!m_context.historyNotice.isEmpty())
        notify(m_context.historyNotice);
}

void Workspace::openConversation(const QString &id)
{
    if (m_chat->session()->conversation().id == id)
        return;
    if (m_recorder->open(id))
        m_context.settings->setUiValue(kLastConversation, id);
}

void Workspace::showAnswer(int messageIndex)
{
    const ChatSession *session = m_chat->session();
    const Conversation &conversation = session->conversation();
    if (messageIndex < 0 || messageIndex >= conversation.messages.size()
        || conversation.messages[messageIndex].role != Message::Role::Assistant)
        return;
    const QList<ImageRef> images = imagesBefore(conversation, messageIndex);
    QList<ImageTransform> transforms;
    for (const ImageRef &image : images)
        transforms.append(image.part->transform);
    // The latest image before the answer is where its boxes go unless they name another.
    if (!images.isEmpty() && (m_shownAnswer != messageIndex || m_shownImage < 0))
        showGlobalImage(int(images.size()) - 1);
    m_shownAnswer = messageIndex;
    m_inspector->setActiveModel(session->model());
    m_inspector->setAnswer(conversation.messages[messageIndex].text,
                           session->detections(messageIndex), session->model(), transforms);
}

void Workspace::showImage(int messageIndex, int imageIndex)
{
    const Conversation &conversation = m_chat->session()->conversation();
    const int before = int(imagesBefore(conversation, messageIndex).size());
    showGlobalImage(before + imageIndex);
}

void Workspace::showGlobalImage(int globalIndex)
{
    const Conversation &conversation = m_chat->session()->conversation();
    const QList<ImageRef> images = imagesBefore(conversation, int(conversation.messages.size()));
    if (globalIndex < 0 || globalIndex >= images.size())
        return;
    const Part &part = *images[globalIndex].part;
    m_shownImage = globalIndex;
    m_inspector->setImage(m_recorder->originalImage(part.imageHash), part.transform, globalIndex);
}

void Workspace::notify(const QString &message)
{
    m_window->statusBar()->showMessage(message, kNoticeMs);
}

} // namespace qvd
