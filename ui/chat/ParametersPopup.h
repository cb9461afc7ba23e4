#pragma once

#include "core/conversation/GenerationParameters.h"

#include <QFrame>

class QCheckBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QPlainTextEdit;
class QSpinBox;

namespace qvd {

// The conversation's settings in a popover under the composer's "Parameters" button: system
// prompt, sampling (temperature, top_p, max tokens, seed) and the switches for high-resolution
// images and thinking. Each number starts at "Default", which sends nothing (the server's own).
class ParametersPopup : public QFrame
{
    Q_OBJECT
public:
    explicit ParametersPopup(QWidget *parent = nullptr);

    void setValues(const GenerationParameters &parameters, const QString &systemPrompt);
    GenerationParameters parameters() const;
    QString systemPrompt() const;
    void setThinkingAvailable(bool available);

    // Opens above `anchor` (the composer sits at the bottom of the window).
    void popupAbove(QWidget *anchor);

Q_SIGNALS:
    void changed();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QFormLayout *m_form;
    QPlainTextEdit *m_systemPrompt;
    QDoubleSpinBox *m_temperature;
    QDoubleSpinBox *m_topP;
    QSpinBox *m_maxTokens;
    QSpinBox *m_seed;
    QCheckBox *m_highResolution;
    QCheckBox *m_thinking;
    QLabel *m_note;
};

} // namespace qvd
