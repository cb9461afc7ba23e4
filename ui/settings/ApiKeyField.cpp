#include "ui/settings/ApiKeyField.h"

#include "core/api/ConnectionTester.h"
#include "core/secrets/ApiKeyVault.h"
#include "ui/AppContext.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace qvd {

ApiKeyField::ApiKeyField(QWidget *parent)
    : QWidget(parent),
      m_edit(new QLineEdit(this)),
      m_reveal(new QToolButton(this)),
      m_test(new QPushButton(this)),
      m_result(new QLabel(this))
{
    m_edit->setObjectName(QStringLiteral("apiKeyEdit"));
    m_edit->setEchoMode(QLineEdit::Password);
    m_edit->setClearButtonEnabled(true);
    // No input method or autocompletion may see or keep the key.
    m_edit->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    m_reveal->setObjectName(QStringLiteral("revealKeyButton"));
    m_reveal->setCheckable(true);
    m_test->setObjectName(QStringLiteral("testConnectionButton"));
    m_result->setObjectName(QStringLiteral("connectionResult"));
    m_result->setTextFormat(Qt::PlainText); // may hold a server's message: never markup
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->hide();

    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_edit, 1);
    row->addWidget(m_reveal);
    row->addWidget(m_test);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_result);
    setFocusProxy(m_edit);

    connect(m_reveal, &QToolButton::toggled, this, &ApiKeyField::setRevealed);
    connect(m_edit, &QLineEdit::textEdited, this, &ApiKeyField::keyEdited);
    connect(m_test, &QPushButton::clicked, this, &ApiKeyField::testConnection);
    retranslate();
}

ApiKeyField::~ApiKeyField() = default;

void ApiKeyField::setContext(AppContext *context)
{
    m_context = context;
}

void ApiKeyField::setTargetProvider(std::function<Target()> provider)
{
    m_target = std::move(provider);
}

QString ApiKeyField::key() const
{
    return m_edit->text().trimmed();
}

void ApiKeyField::clear()
{
    m_edit->clear();
    setRevealed(false);
    m_report.reset();
    m_result->hide();
}

void ApiKeyField::setPlaceholder(const QString &text)
{
    m_edit->setPlaceholderText(text);
}

bool ApiKeyField::isRevealed() const
{
    return m_edit->echoMode() == QLineEdit::Normal;
}

void ApiKeyField::setRevealed(bool revealed)
{
    m_edit->setEchoMode(revealed ? QLineEdit::Normal : QLineEdit::Password);
    if (m_reveal->isChecked() != revealed)
        m_reveal->setChecked(revealed);
    retranslate();
}

QString ApiKeyField::resultText() const
{
    return m_result->isHidden() ? QString() : m_result->text();
}

void ApiKeyField::hideEvent(QHideEvent *event)
{
    // A revealed key does not stay on screen when the dialog comes back.
    setRevealed(false);
    QWidget::hideEvent(event);
}

void ApiKeyField::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ApiKeyField::retranslate()
{
    m_edit->setAccessibleName(tr("API key"));
    m_reveal->setText(isRevealed() ? tr("Hide") : tr("Show"));
    m_reveal->setToolTip(isRevealed() ? tr("Hide the key") : tr("Show the key"));
    m_reveal->setAccessibleName(m_reveal->toolTip());
    m_test->setText(tr("Test Connection"));
    m_test->setToolTip(tr("Send one small request that costs no tokens and show the answer"));
    showResult();
}

void ApiKeyField::testConnection()
{
    if (m_testing || !m_context || !m_target)
        return;
    const Target target = m_target();
    const QString typed = key();
    if (!typed.isEmpty() || !target.profile.keyRequired || !m_context->keys) {
        runTest(target, typed);
        return;
    }
    // Nothing typed: test the key already stored for this profile.
    m_testing = true;
    m_test->setEnabled(false);
    m_context->keys->lookup(target.profile,
                            [self = QPointer(this), target](const ApiKeyLookup &found) {
                                if (!self)
                                    return;
                                self->m_testing = false;
                                self->runTest(target, found.key);
                            });
}

void ApiKeyField::runTest(const Target &target, const QString &key)
{
    if (m_tester)
        m_tester->deleteLater();
    m_tester = new ConnectionTester(m_context->network, this);
    connect(m_tester, &ConnectionTester::finished, this, &ApiKeyField::showReport);
    m_testing = true;
    m_testedKey = key;
    m_report.reset();
    m_test->setEnabled(false);
    showResult();
    // A profile being edited is tested with its own, unsaved proxy; the app's other requests
    // keep the saved profiles' proxies.
    if (target.proxyPassword)
        m_tester->startWithProxy(target.profile, key, *target.proxyPassword);
    else
        m_tester->start(target.profile, key);
}

void ApiKeyField::showReport(const ConnectionReport &report)
{
    m_testing = false;
    m_test->setEnabled(true);
    // A server that echoes the request must not put the key on screen.
    ConnectionReport shown = report;
    if (m_testedKey.size() >= 4) {
        shown.serverMessage.replace(m_testedKey, QStringLiteral("••••"));
        shown.detail.replace(m_testedKey, QStringLiteral("••••"));
    }
    m_testedKey.clear();
    m_report = shown;
    showResult();
    Q_EMIT testFinished(shown);
}

void ApiKeyField::showResult()
{
    if (m_testing && !m_report) {
        m_result->setText(tr("Testing the connection…"));
        m_result->show();
        return;
    }
    if (!m_report) {
        m_result->hide();
        return;
    }
    const QString text = m_report->summary();
    const bool good = m_report->outcome == ConnectionReport::Outcome::KeyAccepted
        || m_report->outcome == ConnectionReport::Outcome::NoKeyNeeded;
    m_result->setText((good ? QStringLiteral("✔ ") : QStringLiteral("✘ ")) + text);
    m_result->setAccessibleName(tr("Connection test result"));
    m_result->show();
}

} // namespace qvd
