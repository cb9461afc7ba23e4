#include "ui/chat/ParametersPopup.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScreen>
#include <QSpinBox>

#include <limits>

namespace qvd {
namespace {

// Spin boxes show "Default" at their minimum, one step below the first real value.
constexpr double kTemperatureDefault = -0.1;
constexpr int kSeedDefault = -1;

} // namespace

ParametersPopup::ParametersPopup(QWidget *parent)
    : QFrame(parent, Qt::Popup),
      m_form(new QFormLayout(this)),
      m_systemPrompt(new QPlainTextEdit(this)),
      m_temperature(new QDoubleSpinBox(this)),
      m_topP(new QDoubleSpinBox(this)),
      m_maxTokens(new QSpinBox(this)),
      m_seed(new QSpinBox(this)),
      m_highResolution(new QCheckBox(this)),
      m_thinking(new QCheckBox(this)),
      m_note(new QLabel(this))
{
    setObjectName(QStringLiteral("parametersPopup"));
    setFrameShape(QFrame::StyledPanel);
    m_systemPrompt->setObjectName(QStringLiteral("systemPrompt"));
    m_systemPrompt->setFixedHeight(fontMetrics().lineSpacing() * 4 + 12);
    m_systemPrompt->setTabChangesFocus(true);
    m_temperature->setRange(kTemperatureDefault, 1.99);
    m_temperature->setSingleStep(0.1);
    m_temperature->setDecimals(2);
    m_topP->setRange(0.0, 1.0);
    m_topP->setSingleStep(0.05);
    m_topP->setDecimals(2);
    m_maxTokens->setRange(0, 131072);
    m_maxTokens->setSingleStep(256);
    m_seed->setRange(kSeedDefault, std::numeric_limits<int>::max());
    m_note->setWordWrap(true);
    m_note->setForegroundRole(QPalette::PlaceholderText);

    const QList<QWidget *> labelled{m_systemPrompt, m_temperature, m_topP, m_maxTokens, m_seed};
    for (QWidget *field : labelled) {
        auto *label = new QLabel(this);
        label->setBuddy(field);
        m_form->addRow(label, field);
    }
    m_form->addRow(m_highResolution);
    m_form->addRow(m_thinking);
    m_form->addRow(m_note);
    setMinimumWidth(360);

    connect(m_systemPrompt, &QPlainTextEdit::textChanged, this, &ParametersPopup::changed);
    connect(m_temperature, &QDoubleSpinBox::valueChanged, this, &ParametersPopup::changed);
    connect(m_topP, &QDoubleSpinBox::valueChanged, this, &ParametersPopup::changed);
    connect(m_maxTokens, &QSpinBox::valueChanged, this, &ParametersPopup::changed);
    connect(m_seed, &QSpinBox::valueChanged, this, &ParametersPopup::changed);
    connect(m_highResolution, &QCheckBox::toggled, this, &ParametersPopup::changed);
    connect(m_thinking, &QCheckBox::toggled, this, &ParametersPopup::changed);
    retranslate();
    // A spin box starts at 0, which is a real temperature and seed: start at "Default".
    setValues({}, {});
}

void ParametersPopup::setValues(const GenerationParameters &parameters, const QString &systemPrompt)
{
    const QSignalBlocker blocker(this);
    m_systemPrompt->setPlainText(systemPrompt);
    m_temperature->setValue(parameters.temperature.value_or(kTemperatureDefault));
    m_topP->setValue(parameters.topP.value_or(0.0));
    m_maxTokens->setValue(parameters.maxTokens.value_or(0));
    m_seed->setValue(int(parameters.seed.value_or(kSeedDefault)));
    m_highResolution->setChecked(parameters.highResolutionImages.value_or(false));
    m_thinking->setChecked(parameters.enableThinking.value_or(false));
}

GenerationParameters ParametersPopup::parameters() const
{
    GenerationParameters parameters;
    if (m_temperature->value() > kTemperatureDefault)
        parameters.temperature = m_temperature->value();
    if (m_topP->value() > 0.0)
        parameters.topP = m_topP->value();
    if (m_maxTokens->value() > 0)
        parameters.maxTokens = m_maxTokens->value();
    if (m_seed->value() > kSeedDefault)
        parameters.seed = m_seed->value();
    if (m_highResolution->isChecked())
        parameters.highResolutionImages = true;
    if (m_thinking->isEnabled() && m_thinking->isChecked())
        parameters.enableThinking = true;
    return parameters;
}

QString ParametersPopup::systemPrompt() const
{
    return m_systemPrompt->toPlainText().trimmed();
}

void ParametersPopup::setThinkingAvailable(bool available)
{
    m_thinking->setEnabled(available);
}

void ParametersPopup::popupAbove(QWidget *anchor)
{
    adjustSize();
    QPoint at = anchor->mapToGlobal(QPoint(0, -height() - 4));
    if (const QScreen *screen = anchor->screen()) {
        const QRect area = screen->availableGeometry();
        at.setX(qBound(area.left(), at.x(), area.right() - width()));
        at.setY(qMax(area.top(), at.y()));
    }
    move(at);
    show();
    m_temperature->setFocus();
}

void ParametersPopup::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QFrame::changeEvent(event);
}

void ParametersPopup::retranslate()
{
    auto label = [this](QWidget *field, const QString &text) {
        if (auto *item = qobject_cast<QLabel *>(m_form->labelForField(field)))
            item->setText(text);
        field->setAccessibleName(QString(text).remove(QLatin1Char('&')).remove(QLatin1Char(':')));
    };
    label(m_systemPrompt, tr("S&ystem prompt:"));
    label(m_temperature, tr("&Temperature:"));
    label(m_topP, tr("Top &p:"));
    label(m_maxTokens, tr("&Max tokens:"));
    label(m_seed, tr("S&eed:"));
    m_systemPrompt->setPlaceholderText(tr("Instructions for the whole conversation (optional)"));
    //: shown in a number field when nothing is sent and the server's default applies
    const QString serverDefault = tr("Default");
    m_temperature->setSpecialValueText(serverDefault);
    m_topP->setSpecialValueText(serverDefault);
    m_maxTokens->setSpecialValueText(serverDefault);
    m_seed->setSpecialValueText(serverDefault);
    m_highResolution->setText(tr("&High-resolution images (up to 16,384 tokens each)"));
    m_highResolution->setAccessibleName(tr("High-resolution images"));
    m_thinking->setText(tr("T&hinking (the model reasons before answering)"));
    m_thinking->setAccessibleName(tr("Thinking"));
    m_note->setText(tr("These settings belong to this conversation and apply to the next "
                       "message."));
}

} // namespace qvd
