#include "ui/settings/FirstRunDialog.h"

#include "core/settings/EndpointEnvironment.h"
#include "core/settings/Settings.h"
#include "ui/AppContext.h"
#include "ui_FirstRunDialog.h"

#include <QEvent>
#include <QIcon>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>

namespace qvd {

FirstRunDialog::FirstRunDialog(AppContext &context, QWidget *parent)
    : QDialog(parent), m_context(context), m_ui(std::make_unique<Ui::FirstRunDialog>())
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("firstRunDialog"));
    m_save = m_ui->buttonBox->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_skip = m_ui->buttonBox->addButton(QString(), QDialogButtonBox::RejectRole);
    m_save->setObjectName(QStringLiteral("saveButton"));
    m_skip->setObjectName(QStringLiteral("skipButton"));
    m_save->setDefault(true);
    m_ui->iconLabel->setPixmap(QIcon(QStringLiteral(":/icons/qwenvl-desk.svg")).pixmap(48, 48));
    QFont title = m_ui->titleLabel->font();
    title.setPointSizeF(title.pointSizeF() * 1.3);
    title.setBold(true);
    m_ui->titleLabel->setFont(title);
    QFont small = m_ui->keyHelpLabel->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_ui->keyHelpLabel->setFont(small);

    m_ui->keyField->setContext(&m_context);
    m_ui->keyField->setTargetProvider([this] {
        return ApiKeyField::Target{selectedProfile(), {}};
    });

    fillProfiles();
    connect(m_ui->profileCombo, &QComboBox::currentIndexChanged, this,
            &FirstRunDialog::showProfile);
    connect(m_ui->keyField, &ApiKeyField::keyEdited, this, &FirstRunDialog::updateButtons);
    connect(m_ui->addressEdit, &QLineEdit::textEdited, m_ui->addressError, &QWidget::hide);
    connect(m_save, &QPushButton::clicked, this, &FirstRunDialog::save);
    connect(m_skip, &QPushButton::clicked, this, &QDialog::reject);
    retranslate();
    showProfile();
    m_ui->keyField->setFocus();
    fitToContents();
}

FirstRunDialog::~FirstRunDialog() = default;

EndpointProfile FirstRunDialog::selectedProfile() const
{
    const int index = m_ui->profileCombo->currentIndex();
    EndpointProfile profile =
        index >= 0 && index < m_profiles.size() ? m_profiles.at(index) : EndpointProfile();
    if (!m_ui->addressEdit->isReadOnly())
        profile.baseUrl = QUrl(m_ui->addressEdit->text().trimmed(), QUrl::StrictMode);
    return profile;
}

void FirstRunDialog::setKeychainNotice(const QString &notice)
{
    m_ui->keychainNotice->setText(notice);
    m_ui->keychainNotice->setVisible(!notice.isEmpty());
    if (!isVisible())
        fitToContents();
}

void FirstRunDialog::fitToContents()
{
    // Its natural size: wide enough for a key and a line of help, and exactly as tall as the
    // wrapped texts then need, so no empty band above the buttons.
    // (In ems of Latin text: a CJK font's average character is half as wide again.)
    const int width =
        std::max(minimumSizeHint().width(), fontMetrics().horizontalAdvance(QLatin1Char('x')) * 84);
    resize(width, heightForWidth(width));
}

bool FirstRunDialog::event(QEvent *event)
{
    const bool handled = QDialog::event(event);
    // Text that appears later (the connection test's result) makes the dialog as much taller
    // as it needs: the layout alone would squeeze the wrapped lines.
    if (event->type() == QEvent::LayoutRequest) {
        const int needed = heightForWidth(width());
        if (needed > height())
            resize(width(), needed);
    }
    return handled;
}

void FirstRunDialog::fillProfiles()
{
    m_profiles = m_context.settings->profiles();
    const QString current = m_context.settings->defaultProfileName();
    m_ui->profileCombo->clear();
    for (const EndpointProfile &profile : std::as_const(m_profiles))
        m_ui->profileCombo->addItem(profile.displayName, profile.name);
    m_ui->profileCombo->setCurrentIndex(std::max(0, m_ui->profileCombo->findData(current)));
}

void FirstRunDialog::showProfile()
{
    const int index = m_ui->profileCombo->currentIndex();
    const EndpointProfile profile =
        index >= 0 && index < m_profiles.size() ? m_profiles.at(index) : EndpointProfile();
    // A region's DashScope address is what it is; a local server's is wherever it listens.
    const bool editable = profile.protocol == EndpointProfile::Protocol::OpenAiCompatible;
    m_ui->addressEdit->setReadOnly(!editable);
    m_ui->addressEdit->setText(withEnvironment(profile).baseUrl.toString());
    m_ui->addressError->hide();
    m_ui->keyField->lineEdit()->setEnabled(profile.keyRequired);
    m_ui->keyField->setPlaceholder(profile.keyRequired ? tr("sk-…")
                                                       : tr("This server needs no key"));
    updateButtons();
}

void FirstRunDialog::updateButtons()
{
    const bool keyNeeded = selectedProfile().keyRequired;
    m_save->setText(keyNeeded ? tr("Save Key") : tr("Save"));
    m_save->setEnabled(!m_saving && (!keyNeeded || !m_ui->keyField->key().isEmpty()));
}

void FirstRunDialog::save()
{
    const EndpointProfile profile = selectedProfile();
    if (const QString error = profile.validationError(); !error.isEmpty()) {
        m_ui->addressError->setText(error);
        m_ui->addressError->show();
        m_ui->addressEdit->setFocus();
        return;
    }
    if (!m_ui->addressEdit->isReadOnly()
        && !(m_context.settings->profile(profile.name).value_or(EndpointProfile()) == profile))
        m_context.settings->saveProfile(profile);
    m_context.settings->setDefaultProfileName(profile.name);
    const QString key = m_ui->keyField->key();
    if (key.isEmpty()) {
        accept();
        return;
    }
    m_saving = true;
    updateButtons();
    m_context.keys->store(profile, key,
                          [self = QPointer(this), name = profile.name](const ApiKeyLookup &stored) {
                              if (!self)
                                  return;
                              self->m_saving = false;
                              self->m_ui->keyField->clear();
                              ApiKeyLookup reported = stored;
                              reported.key.clear(); // listeners need where, never what
                              Q_EMIT self->keyStored(name, reported);
                              self->accept();
                          });
}

void FirstRunDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    }
    QDialog::changeEvent(event);
}

void FirstRunDialog::retranslate()
{
    updateButtons();
    m_skip->setText(tr("Skip for Now"));
    m_skip->setToolTip(tr("You can enter the key later in Settings"));
    // Built-in profiles' names are translated texts of their own.
    const QList<EndpointProfile> fresh = m_context.settings->profiles();
    for (int i = 0; i < fresh.size() && i < m_profiles.size(); ++i) {
        if (fresh.at(i).name == m_profiles.at(i).name) {
            m_profiles[i].displayName = fresh.at(i).displayName;
            m_ui->profileCombo->setItemText(i, fresh.at(i).displayName);
        }
    }
    showProfile();
}

} // namespace qvd
