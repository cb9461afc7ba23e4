#include "ui/chat/Composer.h"

#include "core/models/ModelNames.h"
#include "core/models/ModelRegistry.h"
#include "ui/chat/AttachmentList.h"
#include "ui/chat/AttachmentStrip.h"
#include "ui/chat/ComposerEdit.h"
#include "ui/chat/ParametersPopup.h"
#include "ui/chat/RegionChip.h"

#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QToolButton>
#include <QVBoxLayout>

namespace qvd {
namespace {

// Thumbnail of an image part that was sent as a data: URI (editing a message).
QImage thumbnailOfPart(const Part &part)
{
    if (!part.imageUrl.isData())
        return {};
    return AttachmentList::thumbnailOf(part.imageUrl.data());
}

// The model picker. Sized to its longest model id (AdjustToContents), QComboBox measures every id
// twice, once for each size hint, and gets the same width both times (minimumContentsLength is
// 0): with 32 ids that is 64 text layouts at start where 32 do.
class ModelPicker : public QComboBox
{
public:
    using QComboBox::QComboBox;
    QSize minimumSizeHint() const override { return sizeHint(); }
};

// A family as people write it (proper names, not translated).
QString familyTitle(ModelFamily family)
{
    switch (family) {
    case ModelFamily::QwenVL:
        return QStringLiteral("Qwen-VL");
    case ModelFamily::Qwen2VL:
        return QStringLiteral("Qwen2-VL");
    case ModelFamily::Qwen25VL:
        return QStringLiteral("Qwen2.5-VL");
    case ModelFamily::Qwen3VL:
        return QStringLiteral("Qwen3-VL");
    case ModelFamily::Qwen35:
        return QStringLiteral("Qwen3.5");
    case ModelFamily::QVQ:
        return QStringLiteral("QVQ");
    case ModelFamily::Unknown:
        break;
    }
    return Composer::tr("an unknown family");
}

} // namespace

Composer::Composer(const ModelRegistry *models, QNetworkAccessManager *network, QWidget *parent)
    : QWidget(parent),
      m_models(models),
      m_attachments(new AttachmentList(network, this)),
      m_editBanner(new QLabel(this)),
      m_cancelEdit(new QPushButton(this)),
      m_notice(new QLabel(this)),
      m_strip(new AttachmentStrip(m_attachments, this)),
      m_input(new ComposerEdit(this)),
      m_addImages(new QPushButton(this)),
      m_model(new ModelPicker(this)),
      m_parametersButton(new QToolButton(this)),
      m_family(new QToolButton(this)),
      m_hint(new QLabel(this)),
      m_send(new QPushButton(this)),
      m_askSeveral(new QPushButton(this))
{
    setObjectName(QStringLiteral("composer"));
    // Focusing the composer (Ctrl+L, after sending) puts the keyboard in its text.
    setFocusProxy(m_input);
    m_editBanner->setWordWrap(true);
    m_cancelEdit->setObjectName(QStringLiteral("cancelEdit"));
    m_notice->setObjectName(QStringLiteral("composerNotice"));
    m_notice->setTextFormat(Qt::PlainText); // may quote a server: never markup
    m_notice->setWordWrap(true);
    m_notice->setTextInteractionFlags(Qt::TextSelectableByMouse);
    updateNoticeColour();
    m_notice->hide();
    m_addImages->setObjectName(QStringLiteral("addImages"));
    m_model->setObjectName(QStringLiteral("modelPicker"));
    m_model->setEditable(true); // unknown ids are typed in
    m_model->setInsertPolicy(QComboBox::NoInsert);
    m_model->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    setOfferedModels(models->models());
    m_family->setObjectName(QStringLiteral("modelFamilyButton"));
    m_family->setPopupMode(QToolButton::InstantPopup);
    m_family->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_family->hide();
    m_parametersButton->setObjectName(QStringLiteral("parametersButton"));
    m_parametersButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    // Dimmed, at the window's own size: a smaller size is one more font face to load before the
    // first frame (about 0.9 ms of start-up, bench_Startup).
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    m_hint->setMinimumWidth(0);
    m_send->setObjectName(QStringLiteral("sendButton"));
    m_send->setDefault(true);
    m_askSeveral->setObjectName(QStringLiteral("askSeveralButton"));

    auto *editRow = new QHBoxLayout;
    editRow->addWidget(m_editBanner, 1);
    editRow->addWidget(m_cancelEdit);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_addImages);
    buttons->addWidget(m_model);
    buttons->addWidget(m_family);
    buttons->addWidget(m_parametersButton);
    buttons->addStretch(1);
    buttons->addWidget(m_askSeveral);
    buttons->addWidget(m_send);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(editRow);
    layout->addWidget(m_notice);
    layout->addWidget(m_strip);
    layout->addWidget(m_input);
    layout->addWidget(m_hint, 0, Qt::AlignRight);
    layout->addLayout(buttons);
    m_editBanner->hide();
    m_cancelEdit->hide();

    connect(m_input, &ComposerEdit::submitRequested, this, &Composer::submit);
    connect(m_input, &ComposerEdit::stopRequested, this, &Composer::stopRequested);
    connect(m_input, &ComposerEdit::imagesOffered, this, &Composer::addImages);
    connect(m_input, &QPlainTextEdit::textChanged, this, &Composer::updateSendButton);
    connect(m_attachments, &AttachmentList::added, this, &Composer::updateSendButton);
    connect(m_attachments, &AttachmentList::changed, this, &Composer::updateSendButton);
    connect(m_attachments, &AttachmentList::removed, this, &Composer::updateSendButton);
    connect(m_attachments, &AttachmentList::refused, this, &Composer::showNotice);
    connect(m_attachments, &AttachmentList::changed, this, [this](int id) {
        const Attachment *attachment = m_attachments->find(id);
        if (!attachment || attachment->state != Attachment::State::Ready)
            return;
        const bool first = !m_announced.contains(id);
        m_announced.insert(id);
        Q_EMIT attachmentReady(*attachment, first);
    });
    connect(m_strip, &AttachmentStrip::tileActivated, this, [this](int id) {
        if (const Attachment *attachment = m_attachments->find(id))
            Q_EMIT attachmentActivated(*attachment);
    });
    connect(m_strip, &AttachmentStrip::chipRemoveClicked, this, [this](int id) {
        m_regions.removeIf([id](const QPair<int, Part> &region) { return region.first == id; });
        m_strip->removeChip(id);
        updateSendButton();
    });
    connect(m_addImages, &QPushButton::clicked, this, &Composer::chooseImages);
    connect(m_cancelEdit, &QPushButton::clicked, this, &Composer::cancelEdit);
    connect(m_send, &QPushButton::clicked, this, [this] {
        if (m_busy)
            Q_EMIT stopRequested();
        else
            submit();
    });
    connect(m_askSeveral, &QPushButton::clicked, this, [this] {
        if (!m_busy && m_editing < 0 && m_askSeveral->isEnabled())
            Q_EMIT askSeveralRequested();
    });
    connect(m_model, &QComboBox::activated, this, &Composer::commitModelText);
    connect(m_model->lineEdit(), &QLineEdit::editingFinished, this, &Composer::commitModelText);
    connect(m_parametersButton, &QToolButton::clicked, this,
            [this] { parametersPopup()->popupAbove(m_parametersButton); });
    retranslate();
    updateSendButton();
}

Composer::~Composer() = default;

ParametersPopup *Composer::parametersPopup()
{
    if (!m_parameters) {
        m_parameters = new ParametersPopup(this);
        m_parameters->setModel(m_modelInfo);
        connect(m_parameters, &ParametersPopup::changed, this, [this] {
            updatePreparer();
            Q_EMIT settingsChanged();
        });
    }
    return m_parameters;
}

QString Composer::notice() const
{
    return m_notice->isVisible() ? m_notice->text() : QString();
}

void Composer::updateRegionTexts(const std::function<QString(const Part &)> &textOf)
{
    for (auto &[id, region] : m_regions) {
        const QString text = textOf(region);
        if (text.isEmpty() || text == region.text)
            continue;
        region.text = text;
        if (RegionChip *chip = m_strip->chip(id))
            chip->setPromptText(text);
    }
}

QString Composer::modelId() const
{
    return m_model->currentText().trimmed();
}

void Composer::setModelId(const QString &id)
{
    setModel(m_models->find(id));
}

void Composer::setModel(const ModelInfo &model)
{
    const int index = m_model->findText(model.id, Qt::MatchFixedString);
    if (index >= 0)
        m_model->setCurrentIndex(index);
    else
        m_model->setEditText(model.id);
    m_modelInfo = model;
    if (m_parameters)
        m_parameters->setModel(m_modelInfo);
    updateFamilyButton();
    updatePreparer();
}

void Composer::setOfferedModels(const QList<ModelInfo> &models)
{
    const QString current = modelId();
    const QSignalBlocker quiet(m_model);
    m_model->clear();
    for (const ModelInfo &model : models) {
        m_model->addItem(model.id);
        m_model->setItemData(m_model->count() - 1, ParametersPopup::modelSummary(model),
                             Qt::ToolTipRole);
    }
    const int index = m_model->findText(current, Qt::MatchFixedString);
    if (index >= 0)
        m_model->setCurrentIndex(index);
    else
        m_model->setEditText(current);
}

void Composer::setFamilyChoice(bool offered)
{
    m_family->setVisible(offered);
    updateFamilyButton();
}

void Composer::updateFamilyButton()
{
    if (m_family->isHidden())
        return;
    //: The model picker's neighbour for a local server's model: how its boxes are read
    m_family->setText(tr("Read as %1").arg(familyTitle(m_modelInfo.family)));
    m_family->setToolTip(tr("The family decides how this model's boxes are read and how its "
                            "images are sized. It is guessed from the model's name; choose "
                            "another if its boxes look off."));
    auto *menu = new QMenu(m_family);
    const QString id = m_modelInfo.id;
    QAction *guess = menu->addAction(tr("Guess from the name"));
    connect(guess, &QAction::triggered, this,
            [this, id] { Q_EMIT familyChosen(id, std::nullopt); });
    for (const ModelFamily family : knownFamilies()) {
        QAction *action = menu->addAction(familyTitle(family));
        action->setObjectName(QStringLiteral("family-") + familyName(family));
        action->setCheckable(true);
        action->setChecked(family == m_modelInfo.family);
        connect(action, &QAction::triggered, this,
                [this, id, family] { Q_EMIT familyChosen(id, family); });
    }
    delete m_family->menu();
    m_family->setMenu(menu);
}

void Composer::setConversationSettings(const GenerationParameters &parameters,
                                       const QString &systemPrompt)
{
    // A popup not made yet shows the defaults: only other values need it now.
    if (m_parameters || parameters != GenerationParameters() || !systemPrompt.isEmpty())
        parametersPopup()->setValues(parameters, systemPrompt);
    updatePreparer();
}

void Composer::setBusy(bool busy)
{
    m_busy = busy;
    retranslate();
    updateSendButton();
}

GenerationParameters Composer::parameters() const
{
    return m_parameters ? m_parameters->parameters() : GenerationParameters();
}

QString Composer::systemPrompt() const
{
    return m_parameters ? m_parameters->systemPrompt() : QString();
}

QList<Part> Composer::draft() const
{
    QList<Part> parts = m_attachments->parts();
    for (const auto &region : m_regions)
        parts.append(region.second);
    const QString text = m_input->toPlainText().trimmed();
    if (!text.isEmpty())
        parts.append(Part::fromText(text));
    return parts;
}

void Composer::clear()
{
    m_input->clear();
    m_attachments->clear();
    for (const auto &region : std::as_const(m_regions))
        m_strip->removeChip(region.first);
    m_regions.clear();
    m_notices.clear();
    showNotices();
    cancelEdit();
}

void Composer::beginEdit(int userIndex, const Message &message, int laterCount)
{
    clear();
    m_editing = userIndex;
    m_editLaterCount = laterCount;
    QStringList texts;
    for (const Part &part : message.parts) {
        if (part.kind == Part::Kind::Image)
            m_attachments->addReady(part, thumbnailOfPart(part));
        else if (part.kind == Part::Kind::Region)
            addRegion(part);
        else
            texts.append(part.text);
    }
    m_input->setPlainText(texts.join(QLatin1Char('\n')));
    m_input->moveCursor(QTextCursor::End);
    m_input->setFocus();
    m_editBanner->show();
    m_cancelEdit->show();
    retranslate();
    updateSendButton();
}

void Composer::cancelEdit()
{
    if (m_editing < 0)
        return;
    m_editing = -1;
    m_editBanner->hide();
    m_cancelEdit->hide();
    retranslate();
    updateSendButton();
}

void Composer::addImages(const QList<AttachmentSource> &sources)
{
    m_notices.clear();
    showNotices();
    for (const AttachmentSource &source : sources)
        m_attachments->add(source);
}

void Composer::addRegion(const Part &region)
{
    const int id = m_nextRegionId++;
    m_regions.append({id, region});
    m_strip->addChip(id, region.text, int(m_regions.size()));
    updateSendButton();
}

void Composer::chooseImages()
{
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, tr("Add Images"), QStandardPaths::writableLocation(QStandardPaths::PicturesLocation),
        tr("Images (*.jpg *.jpeg *.png *.webp *.bmp *.gif *.tif *.tiff);;All files (*)"));
    QList<AttachmentSource> sources;
    for (const QString &path : paths)
        sources.append(AttachmentSource::fromFile(path));
    addImages(sources);
}

void Composer::submit()
{
    if (m_busy || !m_send->isEnabled())
        return;
    const QList<Part> parts = draft();
    if (m_editing >= 0)
        confirmResend(parts);
    else
        Q_EMIT submitted(parts);
}

void Composer::confirmResend(const QList<Part> &parts)
{
    if (m_editLaterCount == 0) {
        Q_EMIT resendRequested(m_editing, parts);
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Question, tr("Resend the edited message?"),
                                tr("Sending the edited message drops the %n message(s) after "
                                   "it. This cannot be undone.",
                                   "", m_editLaterCount),
                                QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("confirmResend"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *resend = box->addButton(tr("Resend"), QMessageBox::AcceptRole);
    box->setDefaultButton(resend);
    const int index = m_editing;
    connect(box, &QMessageBox::finished, this, [this, box, resend, index, parts] {
        if (box->clickedButton() == resend && m_editing == index)
            Q_EMIT resendRequested(index, parts);
    });
    box->open();
}

void Composer::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::PaletteChange)
        updateNoticeColour();
    QWidget::changeEvent(event);
}

void Composer::updateNoticeColour()
{
    // A red that keeps a contrast of 4.5:1 or more (WCAG AA) on the window colour: dark red on a
    // light window, a light red on a dark one (on #2d2d30 the dark red gave 2.5:1).
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    QPalette warning = m_notice->palette();
    warning.setColor(QPalette::WindowText,
                     dark ? QColor(0xff, 0x7b, 0x6b) : QColor(0xc0, 0x39, 0x2b));
    m_notice->setPalette(warning);
}

void Composer::retranslate()
{
    m_input->setPlaceholderText(tr("Ask about your images…"));
    m_input->setAccessibleName(tr("Message"));
    m_addImages->setText(tr("Add Images…"));
    m_addImages->setAccessibleName(tr("Add images"));
    m_model->setToolTip(tr("Model (type any model id the endpoint serves)"));
    m_model->setAccessibleName(tr("Model"));
    m_parametersButton->setText(tr("Parameters"));
    m_parametersButton->setToolTip(tr("System prompt, temperature and other settings of this "
                                      "conversation"));
    m_parametersButton->setAccessibleName(tr("Conversation parameters"));
    m_hint->setText(m_busy ? tr("Esc stops the answer")
                           : tr("Enter or Ctrl+Enter sends · Shift+Enter new line"));
    m_send->setText(m_busy ? tr("Stop") : m_editing >= 0 ? tr("Resend") : tr("Send"));
    m_send->setAccessibleName(m_send->text());
    m_askSeveral->setText(tr("Ask Several…"));
    m_askSeveral->setToolTip(tr("Send this question to several models at once and compare "
                                "their answers and boxes side by side"));
    m_cancelEdit->setText(tr("Cancel"));
    m_cancelEdit->setAccessibleName(tr("Cancel editing"));
    m_editBanner->setText(tr("Editing a sent message. Resending it drops the %n message(s) "
                             "after it.",
                             "", m_editLaterCount));
    m_strip->setAccessibleName(tr("Images to send"));
}

void Composer::showNotice(const QString &text)
{
    if (!m_notices.contains(text))
        m_notices.append(text);
    showNotices();
}

void Composer::setSessionNotice(const QString &text)
{
    m_sessionNotice = text;
    showNotices();
}

void Composer::showNotices()
{
    QStringList lines = m_notices;
    if (!m_sessionNotice.isEmpty())
        lines.prepend(m_sessionNotice);
    m_notice->setText(lines.join(QLatin1Char('\n')));
    m_notice->setVisible(!lines.isEmpty());
}

void Composer::updateSendButton()
{
    const bool hasContent = !m_input->toPlainText().trimmed().isEmpty()
        || !m_attachments->parts().isEmpty() || !m_regions.isEmpty();
    m_send->setEnabled(m_busy || (hasContent && !m_attachments->isPreparing()));
    m_askSeveral->setEnabled(!m_busy && m_editing < 0 && hasContent
                             && !m_attachments->isPreparing());
}

void Composer::commitModelText()
{
    const QString id = modelId();
    if (id.isEmpty())
        return;
    m_modelInfo = m_models->find(id);
    if (m_parameters)
        m_parameters->setModel(m_modelInfo);
    updatePreparer();
    Q_EMIT modelChanged(id);
}

void Composer::updatePreparer()
{
    ImagePreparer::Options options;
    options.highResolution = parameters().highResolutionImages.value_or(false);
    const ImagePreparer preparer(m_modelInfo, options);
    const ImagePreparer::Options current = m_attachments->preparer().options();
    if (preparer.budget() == m_attachments->preparer().budget()
        && options.highResolution == current.highResolution)
        return;
    m_attachments->setPreparer(preparer);
}

} // namespace qvd
