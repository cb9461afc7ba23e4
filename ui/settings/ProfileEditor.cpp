#include "ui/settings/ProfileEditor.h"

#include "core/models/ModelRegistry.h"
#include "core/secrets/ApiKeyVault.h"
#include "core/settings/EndpointEnvironment.h"
#include "ui/AppContext.h"
#include "ui_ProfileEditor.h"

#include <QEvent>
#include <QPointer>

namespace qvd {

ProfileEditor::ProfileEditor(QWidget *parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::ProfileEditor>())
{
    m_ui->setupUi(this);
    m_ui->keyField->setTargetProvider([this] {
        ProfileDraft draft = m_draft;
        store(draft);
        // Saved proxy settings are installed on the app's network; edited ones are tested alone.
        const bool proxyAsSaved = draft.proxyPassword.isEmpty()
            && draft.profile.proxy == draft.saved.proxy
            && draft.profile.baseUrl == draft.saved.baseUrl;
        std::optional<QString> password;
        if (!proxyAsSaved)
            password = draft.proxyPassword;
        return ApiKeyField::Target{draft.profile, password};
    });
    const auto changed = [this] {
        if (!m_loading)
            Q_EMIT edited();
        updateEnabled();
    };
    for (QLineEdit *edit : {m_ui->nameEdit, m_ui->displayNameEdit, m_ui->baseUrlEdit,
                            m_ui->proxyHostEdit, m_ui->proxyUserEdit, m_ui->proxyPasswordEdit})
        connect(edit, &QLineEdit::textEdited, this, changed);
    connect(m_ui->protocolCombo, &QComboBox::currentIndexChanged, this, changed);
    connect(m_ui->modelCombo, &QComboBox::currentTextChanged, this, changed);
    connect(m_ui->keyRequiredCheck, &QCheckBox::toggled, this, changed);
    connect(m_ui->proxyModeCombo, &QComboBox::currentIndexChanged, this, changed);
    connect(m_ui->proxyPortSpin, &QSpinBox::valueChanged, this, changed);
    connect(m_ui->keyField, &ApiKeyField::keyEdited, this, changed);
    connect(m_ui->forgetKeyButton, &QPushButton::clicked, this, [this] {
        m_draft.forgetKey = true;
        m_ui->keyField->clear();
        showKeyStatus();
        Q_EMIT edited();
    });
    retranslate();
}

ProfileEditor::~ProfileEditor() = default;

void ProfileEditor::setContext(AppContext *context)
{
    m_context = context;
    m_ui->keyField->setContext(context);
    if (m_context && m_context->models) {
        const QList<ModelInfo> models = m_context->models->models();
        for (const ModelInfo &model : models)
            m_ui->modelCombo->addItem(model.id);
    }
}

ApiKeyField *ProfileEditor::keyField() const
{
    return m_ui->keyField;
}

void ProfileEditor::load(const ProfileDraft &draft)
{
    m_loading = true;
    m_draft = draft;
    const EndpointProfile &profile = draft.profile;
    m_ui->nameEdit->setText(profile.name);
    m_ui->nameEdit->setReadOnly(!draft.isNew());
    m_ui->displayNameEdit->setText(profile.displayName);
    m_ui->protocolCombo->setCurrentIndex(int(profile.protocol));
    m_ui->baseUrlEdit->setText(profile.baseUrl.toString());
    m_ui->modelCombo->setCurrentText(profile.defaultModel);
    m_ui->keyRequiredCheck->setChecked(profile.keyRequired);
    m_ui->keyField->clear();
    m_ui->keyField->lineEdit()->setText(draft.key);
    m_ui->proxyModeCombo->setCurrentIndex(int(profile.proxy.mode));
    m_ui->proxyHostEdit->setText(profile.proxy.host);
    m_ui->proxyPortSpin->setValue(profile.proxy.port);
    m_ui->proxyUserEdit->setText(profile.proxy.user);
    m_ui->proxyPasswordEdit->setText(draft.proxyPassword);
    m_loading = false;
    updateEnabled();
    lookupKeyStatus();
}

EndpointProfile ProfileEditor::editedProfile() const
{
    EndpointProfile profile = m_draft.profile;
    profile.name = m_ui->nameEdit->text().trimmed();
    profile.displayName = m_ui->displayNameEdit->text().trimmed();
    if (profile.displayName.isEmpty())
        profile.displayName = profile.name;
    profile.protocol = EndpointProfile::Protocol(m_ui->protocolCombo->currentIndex());
    profile.baseUrl = QUrl(m_ui->baseUrlEdit->text().trimmed(), QUrl::StrictMode);
    profile.defaultModel = m_ui->modelCombo->currentText().trimmed();
    profile.keyRequired = m_ui->keyRequiredCheck->isChecked();
    profile.proxy.mode = ProxySettings::Mode(m_ui->proxyModeCombo->currentIndex());
    const bool ownProxy = profile.proxy.mode == ProxySettings::Mode::Http
        || profile.proxy.mode == ProxySettings::Mode::Socks5;
    profile.proxy.host = ownProxy ? m_ui->proxyHostEdit->text().trimmed() : QString();
    profile.proxy.port = ownProxy ? quint16(m_ui->proxyPortSpin->value()) : 0;
    profile.proxy.user = ownProxy ? m_ui->proxyUserEdit->text().trimmed() : QString();
    return profile;
}

void ProfileEditor::store(ProfileDraft &draft) const
{
    draft.profile = editedProfile();
    draft.key = m_ui->keyField->key();
    draft.proxyPassword = m_ui->proxyPasswordEdit->text();
    draft.forgetKey = m_draft.forgetKey && draft.key.isEmpty();
}

void ProfileEditor::updateEnabled()
{
    const auto mode = ProxySettings::Mode(m_ui->proxyModeCombo->currentIndex());
    const bool ownProxy = mode == ProxySettings::Mode::Http || mode == ProxySettings::Mode::Socks5;
    for (QWidget *field : std::initializer_list<QWidget *>{
             m_ui->proxyHostEdit, m_ui->proxyPortSpin, m_ui->proxyUserEdit, m_ui->proxyPasswordEdit,
             m_ui->proxyHostLabel, m_ui->proxyPortLabel, m_ui->proxyUserLabel,
             m_ui->proxyPasswordLabel})
        field->setEnabled(ownProxy);
    m_ui->keyField->lineEdit()->setEnabled(m_ui->keyRequiredCheck->isChecked());
}

void ProfileEditor::lookupKeyStatus()
{
    m_keySource = -1;
    showKeyStatus();
    if (!m_context || !m_context->keys || m_draft.isNew())
        return;
    const quint64 generation = ++m_lookupGeneration;
    // Where requests find the key: the profile as the app uses it, the environment applied.
    m_context->keys->lookup(withEnvironment(m_draft.saved),
                            [self = QPointer(this), generation](const ApiKeyLookup &found) {
                                if (!self || generation != self->m_lookupGeneration)
                                    return;
                                self->m_keySource = int(found.source);
                                self->m_keyVariable = found.variable;
                                self->showKeyStatus();
                            });
}

void ProfileEditor::showKeyStatus()
{
    using Source = ApiKeyLookup::Source;
    QString status;
    bool stored = false;
    if (m_draft.forgetKey) {
        status = tr("The stored key will be removed when you press OK.");
    } else if (m_draft.isNew() || m_keySource == int(Source::None)) {
        status = tr("No key stored.");
    } else if (m_keySource == int(Source::Keychain)) {
        status = tr("A key is stored in %1.").arg(m_context->keys->keychainBackendName());
        stored = true;
    } else if (m_keySource == int(Source::Session)) {
        status = tr("A key is kept for this session only.");
        stored = true;
    } else if (m_keySource == int(Source::Environment)) {
        //: %1 is an environment variable, e.g. DASHSCOPE_API_KEY
        status = tr("The key comes from the %1 environment variable.").arg(m_keyVariable);
    }
    m_ui->keyStatusLabel->setText(status);
    m_ui->forgetKeyButton->setVisible(stored && !m_draft.forgetKey);
    m_ui->keyField->setPlaceholder(stored ? tr("Leave empty to keep the stored key")
                                          : tr("Paste the API key"));
    m_ui->proxyPasswordEdit->setPlaceholderText(
        m_draft.isNew() ? QString() : tr("Leave empty to keep the saved password"));
}

void ProfileEditor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        const bool loading = m_loading;
        m_loading = true; // retranslateUi resets combo texts, not what the user chose
        m_ui->retranslateUi(this);
        m_loading = loading;
        retranslate();
    }
    QWidget::changeEvent(event);
}

void ProfileEditor::retranslate()
{
    showKeyStatus();
}

} // namespace qvd
