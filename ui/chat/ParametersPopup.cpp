#include "ui/chat/ParametersPopup.h"

#include "core/api/ChatRequest.h"

#include <QCheckBox>
#include <QComboBox>
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

// The thinking choices, in the combo box's order.
enum ThinkingChoice { ThinkingDefault, ThinkingOn, ThinkingOff };

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
      m_thinking(new QComboBox(this)),
      m_thinkingBudget(new QSpinBox(this)),
      m_thinkingNote(new QLabel(this)),
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
    m_thinking->setObjectName(QStringLiteral("thinking"));
    for (int i = 0; i < 3; ++i)
        m_thinking->addItem(QString());
    m_thinkingBudget->setObjectName(QStringLiteral("thinkingBudget"));
    m_thinkingBudget->setRange(0, 262144);
    m_thinkingBudget->setSingleStep(1024);
    m_thinkingNote->setObjectName(QStringLiteral("thinkingNote"));
    for (QLabel *note : {m_thinkingNote, m_note}) {
        note->setWordWrap(true);
        note->setForegroundRole(QPalette::PlaceholderText);
    }

    const QList<QWidget *> labelled{m_systemPrompt, m_temperature, m_topP, m_maxTokens, m_seed};
    for (QWidget *field : labelled) {
        auto *label = new QLabel(this);
        label->setBuddy(field);
        m_form->addRow(label, field);
    }
    m_form->addRow(m_highResolution);
    for (QWidget *field :
         {static_cast<QWidget *>(m_thinking), static_cast<QWidget *>(m_thinkingBudget)}) {
        auto *label = new QLabel(this);
        label->setBuddy(field);
        m_form->addRow(label, field);
    }
    m_form->addRow(m_thinkingNote);
    m_form->addRow(m_note);
    setMinimumWidth(360);

    connect(m_systemPrompt, &QPlainTextEdit::textChanged, this, &ParametersPopup::changed);
    connect(m_temperature, &QDoubleSpinBox::valueChanged, this, &ParametersPopup::changed);
    connect(m_topP, &QDoubleSpinBox::valueChanged, this, &ParametersPopup::changed);
    connect(m_maxTokens, &QSpinBox::valueChanged, this, &ParametersPopup::changed);
    connect(m_seed, &QSpinBox::valueChanged, this, &ParametersPopup::changed);
    connect(m_highResolution, &QCheckBox::toggled, this, &ParametersPopup::changed);
    connect(m_thinking, &QComboBox::currentIndexChanged, this, [this] {
        updateThinking();
        Q_EMIT changed();
    });
    connect(m_thinkingBudget, &QSpinBox::valueChanged, this, &ParametersPopup::changed);
    retranslate();
    updateThinking();
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
    m_thinking->setCurrentIndex(!parameters.enableThinking       ? ThinkingDefault
                                    : *parameters.enableThinking ? ThinkingOn
                                                                 : ThinkingOff);
    m_thinkingBudget->setValue(parameters.thinkingBudget.value_or(0));
    updateThinking();
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
    // Only what the model takes: an always-thinking or non-thinking model gets no switch.
    if (m_model.thinkingSwitchable() && m_thinking->currentIndex() != ThinkingDefault)
        parameters.enableThinking = m_thinking->currentIndex() == ThinkingOn;
    if (m_thinkingBudget->isEnabled() && m_thinkingBudget->value() > 0)
        parameters.thinkingBudget = m_thinkingBudget->value();
    return parameters;
}

QString ParametersPopup::systemPrompt() const
{
    return m_systemPrompt->toPlainText().trimmed();
}

void ParametersPopup::setModel(const ModelInfo &model)
{
    m_model = model;
    retranslate();
    updateThinking();
}

QString ParametersPopup::modelSummary(const ModelInfo &model)
{
    const QString name = model.displayName.isEmpty() ? model.id : model.displayName;
    switch (model.thinking) {
    case Thinking::Always:
        //: picker tooltip: %1 = model name
        return tr("%1 — always thinks before it answers").arg(name);
    case Thinking::On:
        return tr("%1 — thinks unless switched off").arg(name);
    case Thinking::Off:
        return tr("%1 — can think when switched on").arg(name);
    case Thinking::NotApplicable:
        break;
    }
    return name;
}

// The switch applies to models that can switch; the budget while the model thinks and takes
// one (ChatRequest::thinks, the rule the request follows).
void ParametersPopup::updateThinking()
{
    m_thinking->setEnabled(m_model.thinkingSwitchable());
    GenerationParameters asked;
    if (m_model.thinkingSwitchable() && m_thinking->currentIndex() != ThinkingDefault)
        asked.enableThinking = m_thinking->currentIndex() == ThinkingOn;
    m_thinkingBudget->setEnabled(m_model.thinkingBudget && ChatRequest::thinks(m_model, asked));
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
    label(m_thinking, tr("T&hinking:"));
    label(m_thinkingBudget, tr("Thinking &budget:"));
    m_thinkingBudget->setSpecialValueText(serverDefault);
    m_thinkingBudget->setSuffix(tr(" tokens"));
    m_thinking->setItemText(ThinkingOn, tr("On: reason before answering"));
    m_thinking->setItemText(ThinkingOff, tr("Off"));
    switch (m_model.thinking) {
    case Thinking::Always:
        m_thinking->setItemText(ThinkingDefault, tr("Always (this model cannot switch it off)"));
        m_thinkingNote->setText(tr("This model thinks before every answer; its answers stream."));
        break;
    case Thinking::On:
        m_thinking->setItemText(ThinkingDefault, tr("Model default (on)"));
        m_thinkingNote->setText(tr("A thinking answer always streams."));
        break;
    case Thinking::Off:
        m_thinking->setItemText(ThinkingDefault, tr("Model default (off)"));
        m_thinkingNote->setText(tr("A thinking answer always streams."));
        break;
    case Thinking::NotApplicable:
        m_thinking->setItemText(ThinkingDefault, tr("Not available for this model"));
        m_thinkingNote->setText(QString());
        break;
    }
    m_thinkingNote->setVisible(!m_thinkingNote->text().isEmpty());
    m_note->setText(tr("These settings belong to this conversation and apply to the next "
                       "message."));
}

} // namespace qvd
