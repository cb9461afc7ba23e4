#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

namespace qvd {

// A region the person marked in the inspector, waiting in the composer to be sent: a short
// label with the prompt text as tooltip, and a remove button.
class RegionChip : public QFrame
{
    Q_OBJECT
public:
    RegionChip(int id, const QString &promptText, int number, QWidget *parent = nullptr);

    int chipId() const { return m_id; }
    QString promptText() const { return m_prompt; }
    // The model changed: the region goes out in its syntax.
    void setPromptText(const QString &text);

Q_SIGNALS:
    void removeClicked(int id);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QLabel *m_label;
    QToolButton *m_remove;
    QString m_prompt;
    int m_id;
    int m_number;
};

} // namespace qvd
