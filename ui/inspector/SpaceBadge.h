#pragma once

#include "core/grounding/SpaceChoice.h"
#include "core/imaging/ImageTransform.h"

#include <QSize>
#include <QToolButton>

#include <optional>

class QActionGroup;

namespace qvd {

// Says how the model's numbers were read — 0..1000, pixels of the resized input W×H, or
// original pixels — and why (the model, the syntax, values above 1000, the person's choice),
// and what the server's reply said about the image's size: "confirmed by the server" or
// "server resized to W×H" (ServerSizeCheck). Its menu re-reads them in another space with one
// click, for boxes that look off.
class SpaceBadge : public QToolButton
{
    Q_OBJECT
public:
    explicit SpaceBadge(QWidget *parent = nullptr);

    // `inputSize`: the model input the image was resized to (for "pixels of W×H").
    void setChoice(const SpaceChoice &choice, const QString &modelName, QSize inputSize);
    // What the reply's image tokens said (call after setChoice): the size the server used, and
    // the size the app sent.
    void setServerCheck(SizeCheck check, QSize serverSize, QSize sentSize);
    void clear();
    SizeCheck serverCheck() const { return m_check; }
    // The short note on the badge: "confirmed by the server", "server resized to W×H", or "".
    QString serverCheckText() const;
    SpaceChoice choice() const { return m_choice; }

    static QString spaceName(CoordinateSpace space, QSize inputSize);
    static QString reasonText(SpaceReason reason, const QString &modelName);

Q_SIGNALS:
    // nullopt: back to the automatic choice.
    void overrideChosen(std::optional<qvd::CoordinateSpace> space);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    QString shortSpaceName() const;
    QString shortReason() const;

    SpaceChoice m_choice;
    QString m_modelName;
    QSize m_inputSize;
    SizeCheck m_check = SizeCheck::Unknown;
    QSize m_serverSize;
    QSize m_sentSize;
    bool m_empty = true;
    QActionGroup *m_group = nullptr;
    QAction *m_automatic = nullptr;
    QAction *m_norm1000 = nullptr;
    QAction *m_absResized = nullptr;
    QAction *m_absolute = nullptr;
};

} // namespace qvd
