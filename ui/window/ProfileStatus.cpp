#include "ui/window/ProfileStatus.h"

#include "core/conversation/ChatSession.h"
#include "core/session/ActiveEndpoint.h"
#include "core/session/DeskSession.h"

#include <QEvent>

namespace qvd {

ProfileStatus::ProfileStatus(DeskSession &session, QWidget *parent)
    : QLabel(parent), m_session(session)
{
    setObjectName(QStringLiteral("profileStatus"));
    // Selectable, but made so at the first click: a selectable QLabel lays its text out in a
    // QTextDocument, 1.6 M instructions of the first frame for a status line.
    connect(session.endpoint(), &ActiveEndpoint::changed, this, &ProfileStatus::showText);
    connect(session.chat(), &ChatSession::modelChanged, this, &ProfileStatus::showText);
    showText();
}

QString ProfileStatus::keyText() const
{
    const ActiveEndpoint &endpoint = *m_session.endpoint();
    if (endpoint.state() == ActiveEndpoint::State::Resolving)
        return tr("checking the key…");
    switch (endpoint.keySource()) {
    case ApiKeyLookup::Source::Environment:
        //: %1 is an environment variable, e.g. DASHSCOPE_API_KEY
        return tr("key from %1").arg(endpoint.keyVariable());
    case ApiKeyLookup::Source::Keychain:
        //: %1 is the keychain, e.g. "Secret Service"
        return tr("key in %1").arg(m_session.keys()->keychainBackendName());
    case ApiKeyLookup::Source::Session:
        return tr("key for this session only");
    case ApiKeyLookup::Source::None:
        break;
    }
    return endpoint.profile().keyRequired ? tr("no key") : tr("no key needed");
}

void ProfileStatus::showText()
{
    //: Status bar: endpoint · model · where the API key is
    setText(tr("%1 · %2 · %3")
                .arg(m_session.endpoint()->profile().displayName, m_session.model().id, keyText()));
    setAccessibleName(text());
}

void ProfileStatus::makeSelectable()
{
    if (!(textInteractionFlags() & Qt::TextSelectableByMouse))
        setTextInteractionFlags(Qt::TextSelectableByMouse);
}

void ProfileStatus::mousePressEvent(QMouseEvent *event)
{
    makeSelectable();
    QLabel::mousePressEvent(event);
}

void ProfileStatus::contextMenuEvent(QContextMenuEvent *event)
{
    makeSelectable();
    QLabel::contextMenuEvent(event);
}

void ProfileStatus::changeEvent(QEvent *event)
{
    // Built-in profiles' names are translated: the endpoint reads them again.
    if (event->type() == QEvent::LanguageChange)
        m_session.endpoint()->refresh();
    QLabel::changeEvent(event);
}

} // namespace qvd
