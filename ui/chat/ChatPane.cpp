#include "ui/chat/ChatPane.h"

#include "core/conversation/ChatSession.h"
#include "core/session/ActiveEndpoint.h"
#include "core/session/DeskSession.h"
#include "core/session/DetectionId.h"
#include "ui/chat/AskSeveralDialog.h"
#include "ui/chat/AttachmentList.h"
#include "ui/chat/AttachmentSource.h"
#include "ui/chat/ChatView.h"
#include "ui/chat/Composer.h"
#include "ui/chat/ComposerEdit.h"
#include "ui/chat/ThumbnailCache.h"

#include <QBuffer>
#include <QClipboard>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QEvent>
#include <QGuiApplication>
#include <QImageReader>
#include <QLabel>
#include <QMimeData>
#include <QVBoxLayout>

namespace qvd {
namespace {

QImage uprightImage(const QByteArray &bytes)
{
    QBuffer buffer;
    buffer.setData(bytes);
    QImageReader reader(&buffer);
    reader.setAutoTransform(true);
    return reader.read();
}

} // namespace

ChatPane::ChatPane(DeskSession &desk, QWidget *parent)
    : QWidget(parent),
      m_desk(desk),
      m_thumbnails(new ThumbnailCache(this)),
      m_empty(new QLabel(this)),
      m_view(new ChatView(desk.chat(), m_thumbnails, this)),
      m_composer(new Composer(desk.models(), desk.network(), this))
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

    ChatSession *chat = desk.chat();
    connect(m_composer, &Composer::submitted, this, &ChatPane::send);
    connect(m_composer, &Composer::resendRequested, this, &ChatPane::resend);
    connect(m_composer, &Composer::askSeveralRequested, this, &ChatPane::askSeveral);
    connect(m_composer, &Composer::stopRequested, this, &ChatPane::stop);
    connect(m_composer, &Composer::modelChanged, &m_desk, &DeskSession::chooseModel);
    connect(m_composer, &Composer::settingsChanged, this, [this] {
        session()->setParameters(m_composer->parameters());
        session()->setSystemPrompt(m_composer->systemPrompt());
    });
    // A new image opens in the inspector at once, to mark a region on it before asking; one
    // prepared again (another model) is shown again only if it is the one shown.
    connect(m_composer, &Composer::attachmentReady, this,
            [this](const Attachment &attachment, bool first) {
                if (first || m_desk.selection()->image().id == attachment.part.id)
                    showDraft(attachment);
            });
    connect(m_composer, &Composer::attachmentActivated, this, &ChatPane::showDraft);
    connect(chat, &ChatSession::modelChanged, this, [this] {
        m_composer->setModel(m_desk.model());
        updateRegionTexts();
    });
    const auto offerModels = [this] {
        m_composer->setOfferedModels(m_desk.offeredModels());
        m_composer->setFamilyChoice(m_desk.modelsFromServer());
    };
    connect(&m_desk, &DeskSession::offeredModelsChanged, this, offerModels);
    connect(m_desk.endpoint(), &ActiveEndpoint::changed, this, offerModels);
    connect(m_composer, &Composer::familyChosen, &m_desk, &DeskSession::setModelFamily);
    connect(&m_desk, &DeskSession::noticeChanged, m_composer, &Composer::setSessionNotice);
    connect(&m_desk, &DeskSession::questionSent, this, [this] {
        if (std::exchange(m_awaitingSend, false))
            m_composer->clear();
    });
    connect(chat, &ChatSession::busyChanged, m_composer, &Composer::setBusy);
    connect(chat, &ChatSession::busyChanged, m_view->viewport(), qOverload<>(&QWidget::update));
    connect(chat, &ChatSession::conversationReset, this, [this] {
        syncComposer();
        updateEmptyState();
    });
    connect(chat, &ChatSession::messageAdded, this, &ChatPane::updateEmptyState);
    connect(chat, &ChatSession::messagesRemoved, this, &ChatPane::updateEmptyState);
    connect(m_view, &ChatView::stopRequested, this, &ChatPane::stop);
    connect(m_view, &ChatView::copyRequested, this, &ChatPane::copyMessage);
    connect(m_view, &ChatView::editRequested, this, &ChatPane::editMessage);
    connect(m_view, &ChatView::regenerateRequested, this, &ChatPane::regenerate);
    connect(m_view, &ChatView::retryRequested, this, &ChatPane::regenerate);
    connect(m_view, &ChatView::imageActivated, this, [this](int row, int imageIndex) {
        int n = 0;
        for (const Part &part : session()->conversation().messages.at(row).parts) {
            if (part.kind == Part::Kind::Image && n++ == imageIndex) {
                m_desk.showImage(part.id);
                Q_EMIT imageActivated(part.id);
            }
        }
    });
    connect(m_view, &ChatView::answerSelected, this,
            [this](int row) { m_desk.showAnswer(session()->conversation().messages.at(row).id); });
    // A ref's text ↔ its row and box: by detection id, through the session's selection.
    connect(m_view, &ChatView::detectionHovered, this, [this](int row, int detection) {
        const QString id = row < 0 ? QString()
                                   : detectionIds(session()->conversation().messages.at(row).id,
                                                  session()->detections(row))
                                         .value(detection);
        m_desk.selection()->setHoveredDetection(id);
    });
    connect(
        m_desk.selection(), &Selection::hoveredDetectionChanged, this, [this](const QString &id) {
            const int row = session()->indexOf(messageOfDetection(id));
            const int detection = row < 0
                ? -1
                : int(detectionIds(messageOfDetection(id), session()->detections(row)).indexOf(id));
            m_view->setEmphasizedDetection(detection < 0 ? -1 : row, detection);
        });

    offerModels();
    m_composer->setModel(m_desk.model());
    m_composer->setSessionNotice(m_desk.notice());
    updateEmptyState();
    retranslate();
}

ChatPane::~ChatPane() = default;

ChatSession *ChatPane::session() const
{
    return m_desk.chat();
}

void ChatPane::newConversation()
{
    m_composer->clear();
    m_desk.newConversation();
}

void ChatPane::addRegion(const Part &region)
{
    Part chip = region;
    // Shown as it goes out to the current model (when its image is known).
    const QString text = m_desk.regionText(region, m_composer->draft());
    if (!text.isEmpty())
        chip.text = text;
    m_composer->addRegion(chip);
    m_composer->input()->setFocus();
}

void ChatPane::updateRegionTexts()
{
    m_composer->updateRegionTexts(
        [this](const Part &region) { return m_desk.regionText(region, m_composer->draft()); });
}

void ChatPane::stop()
{
    m_desk.stop();
}

void ChatPane::send(const QList<Part> &parts)
{
    m_awaitingSend = true;
    m_desk.send(parts, prepareToSend());
}

void ChatPane::resend(int userIndex, const QList<Part> &parts)
{
    m_awaitingSend = true;
    m_desk.resend(session()->conversation().messages.at(userIndex).id, parts, prepareToSend());
}

void ChatPane::askSeveral()
{
    auto *dialog = new AskSeveralDialog(m_desk, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QList<AskTarget> targets = dialog->targets();
        const QList<Part> parts = m_composer->draft();
        if (targets.isEmpty() || parts.isEmpty())
            return;
        m_awaitingSend = true;
        m_desk.askSeveral(parts, targets, prepareToSend());
    });
    dialog->open();
}

QList<PreparedImage> ChatPane::prepareToSend()
{
    m_desk.chooseModel(m_composer->modelId());
    // The composer already made small pictures of what is sent; the chat view reuses them.
    QList<PreparedImage> originals;
    for (const Attachment &attachment : m_composer->attachments()->attachments()) {
        if (attachment.state != Attachment::State::Ready)
            continue;
        if (!attachment.thumbnail.isNull())
            m_thumbnails->insert(ThumbnailCache::keyOf(attachment.part), attachment.thumbnail);
        if (!attachment.prepared.sourceSha256.isEmpty())
            originals.append(attachment.prepared);
    }
    return originals;
}

void ChatPane::showDraft(const Attachment &attachment)
{
    if (attachment.state != Attachment::State::Ready)
        return;
    const QImage original = uprightImage(attachment.prepared.sourceBytes);
    m_desk.showDraftImage({attachment.part.id, original.isNull() ? attachment.thumbnail : original,
                           attachment.part.transform, -1, attachment.source.name});
}

void ChatPane::copyMessage(int row)
{
    const Message &message = session()->conversation().messages.at(row);
    QGuiApplication::clipboard()->setText(message.plainText());
}

void ChatPane::editMessage(int row)
{
    const int later = int(session()->conversation().messages.size()) - 1 - row;
    m_composer->beginEdit(row, session()->conversation().messages.at(row), later);
}

void ChatPane::regenerate(int row)
{
    if (row == session()->conversation().messages.size() - 1)
        m_desk.retry();
}

void ChatPane::syncComposer()
{
    const Conversation &conversation = session()->conversation();
    m_composer->setModel(m_desk.model());
    m_composer->setConversationSettings(conversation.parameters, conversation.systemPrompt);
}

void ChatPane::updateEmptyState()
{
    const bool empty = session()->conversation().messages.isEmpty();
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
