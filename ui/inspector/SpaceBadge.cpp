#include "ui/inspector/SpaceBadge.h"

#include <QActionGroup>
#include <QEvent>
#include <QMenu>

namespace qvd {

SpaceBadge::SpaceBadge(QWidget *parent) : QToolButton(parent)
{
    setObjectName(QStringLiteral("spaceBadge"));
    setPopupMode(QToolButton::InstantPopup);
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    setAutoRaise(true);
    auto *menu = new QMenu(this);
    m_group = new QActionGroup(this);
    m_automatic = menu->addAction(QString());
    m_automatic->setObjectName(QStringLiteral("spaceAutomatic"));
    menu->addSeparator();
    m_norm1000 = menu->addAction(QString());
    m_norm1000->setObjectName(QStringLiteral("spaceNorm1000"));
    m_absResized = menu->addAction(QString());
    m_absResized->setObjectName(QStringLiteral("spaceAbsResized"));
    m_absolute = menu->addAction(QString());
    m_absolute->setObjectName(QStringLiteral("spaceAbsolute"));
    for (QAction *action : {m_automatic, m_norm1000, m_absResized, m_absolute}) {
        action->setCheckable(true);
        m_group->addAction(action);
    }
    connect(m_automatic, &QAction::triggered, this,
            [this] { Q_EMIT overrideChosen(std::nullopt); });
    connect(m_norm1000, &QAction::triggered, this,
            [this] { Q_EMIT overrideChosen(CoordinateSpace::Norm1000); });
    connect(m_absResized, &QAction::triggered, this,
            [this] { Q_EMIT overrideChosen(CoordinateSpace::AbsResized); });
    connect(m_absolute, &QAction::triggered, this,
            [this] { Q_EMIT overrideChosen(CoordinateSpace::Absolute); });
    setMenu(menu);
    clear();
}

void SpaceBadge::setChoice(const SpaceChoice &choice, const QString &modelName, QSize inputSize)
{
    m_choice = choice;
    m_modelName = modelName;
    m_inputSize = inputSize;
    m_empty = false;
    setEnabled(true);
    retranslate();
}

void SpaceBadge::setServerCheck(SizeCheck check, QSize serverSize, QSize sentSize)
{
    m_check = check;
    m_serverSize = serverSize;
    m_sentSize = sentSize;
    retranslate();
}

QString SpaceBadge::serverCheckText() const
{
    switch (m_check) {
    case SizeCheck::Confirmed:
        //: on the coordinate badge: the reply's image-token count fits the size sent
        return tr("confirmed by the server");
    case SizeCheck::Corrected:
        //: on the coordinate badge: the server resized the image again, to W×H
        return tr("server resized to %1×%2").arg(m_serverSize.width()).arg(m_serverSize.height());
    case SizeCheck::Unknown:
        break;
    }
    return {};
}

void SpaceBadge::clear()
{
    m_check = SizeCheck::Unknown;
    m_empty = true;
    setEnabled(false);
    retranslate();
}

QString SpaceBadge::spaceName(CoordinateSpace space, QSize inputSize)
{
    switch (space) {
    case CoordinateSpace::Norm1000:
        return tr("0–1000 of the image");
    case CoordinateSpace::AbsResized:
        if (inputSize.isEmpty())
            return tr("pixels of the resized input");
        return tr("pixels of the %1×%2 input").arg(inputSize.width()).arg(inputSize.height());
    case CoordinateSpace::Absolute:
        return tr("original pixels");
    }
    return {};
}

QString SpaceBadge::reasonText(SpaceReason reason, const QString &modelName)
{
    switch (reason) {
    case SpaceReason::ModelFamily:
        return tr("as %1 writes them").arg(modelName);
    case SpaceReason::SyntaxDefault:
        return tr("usual for this format; model not known");
    case SpaceReason::ValuesAbove1000:
        return tr("values above 1000");
    case SpaceReason::UserOverride:
        return tr("your choice");
    }
    return {};
}

QString SpaceBadge::shortSpaceName() const
{
    switch (m_choice.space) {
    case CoordinateSpace::Norm1000:
        //: Short coordinate space name: relative 0..1000
        return tr("0–1000");
    case CoordinateSpace::AbsResized:
        if (m_inputSize.isEmpty())
            return tr("input px");
        //: Short coordinate space name: pixels of the model's W×H input
        return tr("%1×%2 input px").arg(m_inputSize.width()).arg(m_inputSize.height());
    case CoordinateSpace::Absolute:
        //: Short coordinate space name: pixels of the original image
        return tr("original px");
    }
    return {};
}

QString SpaceBadge::shortReason() const
{
    switch (m_choice.reason) {
    case SpaceReason::ModelFamily:
        return m_modelName;
    case SpaceReason::SyntaxDefault:
        //: Short reason: the default of the answer's format
        return tr("format default");
    case SpaceReason::ValuesAbove1000:
        return tr("values > 1000");
    case SpaceReason::UserOverride:
        return tr("set by you");
    }
    return {};
}

void SpaceBadge::retranslate()
{
    m_automatic->setText(tr("Automatic"));
    m_norm1000->setText(tr("Read as 0–1000 of the image"));
    m_absResized->setText(
        tr("Read as %1").arg(spaceName(CoordinateSpace::AbsResized, m_inputSize)));
    m_absolute->setText(tr("Read as original pixels"));
    setAccessibleName(tr("Coordinate space"));
    if (m_empty) {
        setText(tr("Coordinates: —"));
        setToolTip(tr("How the model's numbers are read appears here once an answer has boxes."));
        return;
    }
    const QString space = spaceName(m_choice.space, m_inputSize);
    const QString reason = reasonText(m_choice.reason, m_modelName);
    //: Badge, kept short: %1 = coordinate space, %2 = why it was chosen
    QString text = tr("Coordinates: %1 · %2").arg(shortSpaceName(), shortReason());
    QString tip = tr("The model's numbers are read as %1 (%2).").arg(space, reason);
    const QString check = serverCheckText();
    if (!check.isEmpty())
        text += QStringLiteral(" · ") + check;
    if (m_check == SizeCheck::Confirmed)
        tip += QLatin1Char('\n')
            + tr("The server's image-token count confirms it saw the image at %1×%2, as sent.")
                  .arg(m_sentSize.width())
                  .arg(m_sentSize.height());
    else if (m_check == SizeCheck::Corrected)
        tip += QLatin1Char('\n')
            + tr("The server's image-token count shows it resized the %1×%2 image sent to "
                 "%3×%4; pixel coordinates are mapped with its size.")
                  .arg(m_sentSize.width())
                  .arg(m_sentSize.height())
                  .arg(m_serverSize.width())
                  .arg(m_serverSize.height());
    setText(text);
    setToolTip(tip + QLatin1Char('\n') + tr("If the boxes look off, pick another reading here."));
    const bool manual = m_choice.reason == SpaceReason::UserOverride;
    m_automatic->setChecked(!manual);
    m_norm1000->setChecked(manual && m_choice.space == CoordinateSpace::Norm1000);
    m_absResized->setChecked(manual && m_choice.space == CoordinateSpace::AbsResized);
    m_absolute->setChecked(manual && m_choice.space == CoordinateSpace::Absolute);
}

void SpaceBadge::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QToolButton::changeEvent(event);
}

} // namespace qvd
