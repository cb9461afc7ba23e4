#include "ui/settings/SettingsDialog.h"

#include "core/settings/Settings.h"
#include "ui/AppContext.h"
#include "ui/LanguageManager.h"
#include "ui/ThemeManager.h"
#include "ui/settings/ProfilesPage.h"
#include "ui_SettingsDialog.h"

#include <QEvent>
#include <QPointer>
#include <QPushButton>

namespace qvd {

SettingsDialog::SettingsDialog(AppContext &context, QWidget *parent)
    : QDialog(parent), m_context(context), m_ui(std::make_unique<Ui::SettingsDialog>())
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("settingsDialog"));
    m_ui->profilesPage->setContext(&m_context);
    fillGeneral();

    connect(m_ui->profilesPage, &ProfilesPage::profilesEdited, this,
            &SettingsDialog::fillDefaultProfiles);
    connect(m_ui->buttonBox->button(QDialogButtonBox::Ok), &QPushButton::clicked, this,
            [this] { apply([this] { accept(); }); });
    connect(m_ui->buttonBox->button(QDialogButtonBox::Apply), &QPushButton::clicked, this,
            [this] { apply(); });
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    retranslate();
}

SettingsDialog::~SettingsDialog() = default;

ProfilesPage *SettingsDialog::profilesPage() const
{
    return m_ui->profilesPage;
}

void SettingsDialog::fillGeneral()
{
    m_ui->languageCombo->addItem(QString(), QString());
    const QStringList codes = LanguageManager::codes();
    for (const QString &code : codes)
        m_ui->languageCombo->addItem(LanguageManager::nativeName(code), code);
    m_ui->languageCombo->setCurrentIndex(
        std::max(0, m_ui->languageCombo->findData(m_context.settings->language())));
    const auto theme = ThemeManager::fromName(m_context.settings->theme());
    m_ui->themeCombo->setCurrentIndex(int(theme));
    fillDefaultProfiles();
}

void SettingsDialog::fillDefaultProfiles()
{
    const QString current = m_ui->defaultProfileCombo->count() > 0
        ? m_ui->defaultProfileCombo->currentData().toString()
        : m_context.settings->defaultProfileName();
    const QSignalBlocker blocker(m_ui->defaultProfileCombo);
    m_ui->defaultProfileCombo->clear();
    const QList<EndpointProfile> profiles = m_ui->profilesPage->profiles();
    for (const EndpointProfile &profile : profiles)
        m_ui->defaultProfileCombo->addItem(profile.displayName, profile.name);
    m_ui->defaultProfileCombo->setCurrentIndex(
        std::max(0, m_ui->defaultProfileCombo->findData(current)));
}

void SettingsDialog::apply(std::function<void()> then)
{
    if (m_saving)
        return;
    const QString error = m_ui->profilesPage->validate();
    if (!error.isEmpty()) {
        m_ui->tabs->setCurrentWidget(m_ui->profilesPage);
        showError(error);
        return;
    }
    showError({});
    m_saving = true;
    m_ui->buttonBox->setEnabled(false);
    m_ui->profilesPage->save(
        [self = QPointer(this), then = std::move(then)](const QStringList &notices) {
            if (!self)
                return;
            self->m_saving = false;
            self->m_ui->buttonBox->setEnabled(true);
            self->fillDefaultProfiles();
            self->applyGeneral();
            self->showError(notices.join(QLatin1Char('\n')));
            Q_EMIT self->applied(notices);
            if (then)
                then();
        });
}

void SettingsDialog::applyGeneral()
{
    Settings &settings = *m_context.settings;
    settings.setDefaultProfileName(m_ui->defaultProfileCombo->currentData().toString());
    const auto theme = ThemeManager::Theme(m_ui->themeCombo->currentIndex());
    settings.setTheme(ThemeManager::name(theme));
    const QString language = m_ui->languageCombo->currentData().toString();
    const bool languageChanged = language != settings.language();
    settings.setLanguage(language);
    settings.sync();
    if (m_context.theme && m_context.theme->theme() != theme)
        m_context.theme->setTheme(theme);
    // Last: every window, this one included, retranslates on the change.
    if (m_context.language && (languageChanged || m_context.language->language() != language))
        m_context.language->setLanguage(language);
}

void SettingsDialog::showError(const QString &error)
{
    m_ui->errorLabel->setText(error);
    m_ui->errorLabel->setVisible(!error.isEmpty());
}

void SettingsDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        const int theme = m_ui->themeCombo->currentIndex();
        m_ui->retranslateUi(this);
        m_ui->themeCombo->setCurrentIndex(theme);
        retranslate();
    }
    QDialog::changeEvent(event);
}

void SettingsDialog::retranslate()
{
    //: Language choice: follow the operating system's language
    m_ui->languageCombo->setItemText(0, tr("Same as the system"));
}

} // namespace qvd
