#pragma once

#include "core/conversation/GenerationParameters.h"
#include "core/models/ModelInfo.h"

#include <QFrame>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QPlainTextEdit;
class QSpinBox;

namespace qvd {

// The conversation's settings in a popover under the composer's "Parameters" button: system
// prompt, sampling (temperature, top_p, max tokens, seed), high-resolution images, and thinking:
// on, off or the model's default, with a budget, where the model takes them; a model that always
// thinks, or never does, says so and sends nothing. Each number starts at "Default", which sends
// nothing (the server's own).
class ParametersPopup : public QFrame
{
    Q_OBJECT
public:
    explicit ParametersPopup(QWidget *parent = nullptr);

    void setValues(const GenerationParameters &parameters, const QString &systemPrompt);
    GenerationParameters parameters() const;
    QString systemPrompt() const;
    // The model the next message goes to: which thinking controls apply.
    void setModel(const ModelInfo &model);

    // One line about a model for a picker's tooltip: its name, and how it thinks.
    static QString modelSummary(const ModelInfo &model);

    // Opens above `anchor` (the composer sits at the bottom of the window).
    void popupAbove(QWidget *anchor);

Q_SIGNALS:
    void changed();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateThinking();

    QFormLayout *m_form;
    QPlainTextEdit *m_systemPrompt;
    QDoubleSpinBox *m_temperature;
    QDoubleSpinBox *m_topP;
    QSpinBox *m_maxTokens;
    QSpinBox *m_seed;
    QCheckBox *m_highResolution;
    QComboBox *m_thinking;
    QSpinBox *m_thinkingBudget;
    QLabel *m_thinkingNote;
    QLabel *m_note;
    ModelInfo m_model;
};

} // namespace qvd
