#include "ui/chat/ChatPane.h"

#include "core/conversation/ChatSession.h"
#include "core/models/ModelRegistry.h"
#include "core/secrets/ApiKeyVault.h"
#include "core/settings/Settings.h"
#include "ui/AppContext.h"
#include "ui/chat/AttachmentList.h"
#include "ui/chat/AttachmentSource.h"
#include "ui/chat/ChatView.h"
#include "ui/chat/Composer.h"
#include "ui/chat/ComposerEdit.h"
#include "ui/chat/ThumbnailCache.h"

#include <QClipboard>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QEvent>
#include <QGuiApplication>
#include <QLabel>
#include <QMimeData>
#include <QPointer>
#include <QVBoxLayout>

namespace qvd {

ChatPane::ChatPane(AppContext &context, QWidget *parent)
    : QWidget(parent),
      m_context(context),
      m_session(new ChatSession(context.network, this)),
      m_thumbnails(new ThumbnailCache(this)),
      m_empty(new QLabel(this)),
      m_view(new ChatView(m_session, m_thumbnails, this)),
      m_composer(new Composer(context.models, context.network, this))
{
    setObjectName(QStringLiteral("chatPane"));
    setAcceptDrops(true); // drops anywhere on the pane, the messages included
    m_empty->setObjectName(QStringLiteral("emptyState"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setEnabled(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_empty, 1);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_composer);
    setMinimumWidth(320);

    connect(m_composer, &Composer::submitted, this, &ChatPane::send);
    connect(m_composer, &Composer::resendRequested, this, &ChatPane::resend);
    connect(m_composer, &Composer::stopRequested, this, &ChatPane::stop);
    connect(m_composer, &Composer::modelChanged, this,
            [this](const QString &id) { m_session->setModel(m_context.models->find(id)); });
    connect(m_composer, &Composer::settingsChanged, this, [this] {
        m_session->setParameters(m_composer->parameters());
        m_session->setSystemPrompt(m_composer->systemPrompt());
    });
    connect(m_session, &ChatSession::busyChanged, m_composer, &Composer::setBusy);
    connect(m_session, &ChatSession::busyChanged, m_view->viewport(),
            qOverload<>(&QWidget::update));
    connect(m_session, &ChatSession::conversationReset, this, [this] {
        syncComposer();
        updateEmptyState();
    });
    connect(m_session, &ChatSession::messageAdded, this, &ChatPane::updateEmptyState);
    connect(m_session, &ChatSession::messagesRemoved, this, &ChatPane::updateEmptyState);
    connect(m_view, &ChatView::stopRequested, this, &ChatPane::stop);
    connect(m_view, &ChatView::copyRequested, this, &ChatPane::copyMessage);
    connect(m_view, &ChatView::editRequested, this, &ChatPane::editMessage);
    connect(m_view, &ChatView::regenerateRequested, this, &ChatPane::regenerate);
    connect(m_view, &ChatView::retryRequested, this, &ChatPane::regenerate);
    connect(m_view, &ChatView::imageActivated, this, &ChatPane::imageActivated);
    connect(m_view, &ChatView::answerSelected, this, &ChatPane::answerSelected);
    connect(m_view, &ChatView::detectionHovered, this, &ChatPane::detectionHovered);

    if (context.settings) {
        m_session->setReplyLimits(context.settings->replyLimits());
        useProfile(context.settings->defaultProfileName());
    }
    updateEmptyState();
    retranslate();
}

ChatPane::~ChatPane() = default;

void ChatPane::setEndpoint(const EndpointProfile &profile, const QString &apiKey)
{
    ++m_endpointGeneration; // a vault lookup still running must not replace this
    m_missingKeyProfile.clear();
    m_session->setEndpoint(profile, apiKey);
    if (m_session->model().id.isEmpty() && !profile.defaultModel.isEmpty()) {
        m_session->setModel(m_context.models->find(profile.defaultModel));
        m_composer->setModelId(profile.defaultModel);
    }
}

void ChatPane::useProfile(const QString &profileName)
{
    if (!m_context.settings || !m_context.keys)
        return;
    const std::optional<EndpointProfile> profile = m_context.settings->profile(profileName);
    if (!profile)
        return;
    if (m_session->model().id.isEmpty() && !profile->defaultModel.isEmpty()) {
        m_session->setModel(m_context.models->find(profile->defaultModel));
        m_composer->setModelId(profile->defaultModel);
    }
    const int generation = ++m_endpointGeneration;
    // The vault may answer after this pane is gone (or from its own destructor).
    m_context.keys->lookup(
        *profile,
        [self = QPointer(this), generation, profile = *profile](const ApiKeyLookup &found) {
            if (!self || generation != self->m_endpointGeneration)
                return;
            if (found.key.isEmpty() && profile.keyRequired) {
                self->m_missingKeyProfile = profile.displayName;
                return;
            }
            self->setEndpoint(profile, found.key);
        });
}

void ChatPane::setConversation(const Conversation &conversation)
{
    m_composer->clear();
    if (!conversation.modelId.isEmpty())
        m_session->setModel(m_context.models->find(conversation.modelId));
    m_session->setConversation(conversation); // resets the view, then syncComposer()
}

void ChatPane::newConversation()
{
    Conversation empty;
    empty.modelId = m_session->model().id;
    setConversation(empty);
}

void ChatPane::addRegion(const Part &region)
{
    m_composer->addRegion(region);
    m_composer->input()->setFocus();
}

void ChatPane::stop()
{
    m_session->stop();
}

void ChatPane::send(const QList<Part> &parts)
{
    prepareToSend();
    if (m_session->send(parts)) {
        m_composer->clear();
        return;
    }
    if (!m_missingKeyProfile.isEmpty())
        m_composer->showNotice(tr("Cannot send: there is no API key for “%1”. Add one in Settings.")
                                   .arg(m_missingKeyProfile));
    else
        m_composer->showNotice(tr("Cannot send yet: no model server is set up."));
}

void ChatPane::resend(int userIndex, const QList<Part> &parts)
{
    prepareToSend();
    if (m_session->resend(userIndex, parts))
        m_composer->clear();
}

void ChatPane::prepareToSend()
{
    if (m_session->model().id != m_composer->modelId())
        m_session->setModel(m_context.models->find(m_composer->modelId()));
    // The composer already made small pictures of what is sent; the chat view reuses them.
    QList<PreparedImage> sent;
    for (const Attachment &attachment : m_composer->attachments()->attachments()) {
        if (attachment.state == Attachment::State::Ready && !attachment.thumbnail.isNull())
            m_thumbnails->insert(ThumbnailCache::keyOf(attachment.part), attachment.thumbnail);
        if (attachment.state == Attachment::State::Ready
            && !attachment.prepared.sourceSha256.isEmpty())
            sent.append(attachment.prepared);
    }
    if (!sent.isEmpty())
        Q_EMIT imagesSent(sent);
}

void ChatPane::copyMessage(int row)
{
    const Message &message = m_session->conversation().messages.at(row);
    QGuiApplication::clipboard()->setText(message.plainText());
}

void ChatPane::editMessage(int row)
{
    const int later = int(m_session->conversation().messages.size()) - 1 - row;
    m_composer->beginEdit(row, m_session->conversation().messages.at(row), later);
}

void ChatPane::regenerate(int row)
{
    if (row == m_session->conversation().messages.size() - 1)
        m_session->retry();
}

void ChatPane::syncComposer()
{
    const Conversation &conversation = m_session->conversation();
    if (!conversation.modelId.isEmpty())
        m_composer->setModelId(conversation.modelId);
    m_composer->setConversationSettings(conversation.parameters, conversation.systemPrompt);
}

void ChatPane::updateEmptyState()
{
    const bool empty = m_session->conversation().messages.isEmpty();
    m_empty->setVisible(empty);
    m_view->setVisible(!empty);
}

void ChatPane::dragEnterEvent(QDragEnterEvent *event)
{
    if (AttachmentSource::offeredBy(event->mimeData()))
        event->acceptProposedAction();
}

void ChatPane::dropEvent(QDropEvent *event)
{
    const QList<AttachmentSource> sources = AttachmentSource::fromMimeData(event->mimeData());
    if (sources.isEmpty())
        return;
    m_composer->addImages(sources);
    event->acceptProposedAction();
}

void ChatPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ChatPane::retranslate()
{
    m_empty->setText(tr("Drop or paste images here, then ask about them in any language."));
    m_view->setAccessibleName(tr("Messages"));
}

} // namespace qvd
