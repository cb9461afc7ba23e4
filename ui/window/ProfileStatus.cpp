#include "ui/window/ProfileStatus.h"

#include "core/settings/Settings.h"
#include "ui/AppContext.h"

#include <QEvent>
#include <QPointer>

namespace qvd {

ProfileStatus::ProfileStatus(AppContext &context, QWidget *parent)
    : QLabel(parent), m_context(context)
{
    setObjectName(QStringLiteral("profileStatus"));
    // Selectable, but made so at the first click: a selectable QLabel lays its text out in a
    // QTextDocument, 1.6 M instructions of the first frame for a status line.
    connect(m_context.settings, &Settings::profilesChanged, this, &ProfileStatus::refresh);
    refresh();
}

void ProfileStatus::refresh()
{
    const QString name = m_context.settings->defaultProfileName();
    m_profile = m_context.settings->profile(name).value_or(EndpointProfile());
    m_source.reset();
    showText();
    const quint64 generation = ++m_generation;
    m_context.keys->lookup(m_profile,
                           [self = QPointer(this), generation](const ApiKeyLookup &found) {
                               if (!self || generation != self->m_generation)
                                   return;
                               self->m_source = found.source;
                               self->m_variable = found.variable;
                               self->showText();
                           });
}

void ProfileStatus::setModel(const QString &model)
{
    m_model = model;
    showText();
}

QString ProfileStatus::keyText() const
{
    if (!m_source)
        return tr("checking the key…");
    switch (*m_source) {
    case ApiKeyLookup::Source::Environment:
        //: %1 is an environment variable, e.g. DASHSCOPE_API_KEY
        return tr("key from %1").arg(m_variable);
    case ApiKeyLookup::Source::Keychain:
        //: %1 is the keychain, e.g. "Secret Service"
        return tr("key in %1").arg(m_context.keys->keychainBackendName());
    case ApiKeyLookup::Source::Session:
        return tr("key for this session only");
    case ApiKeyLookup::Source::None:
        break;
    }
    return m_profile.keyRequired ? tr("no key") : tr("no key needed");
}

void ProfileStatus::showText()
{
    const QString model = m_model.isEmpty() ? m_profile.defaultModel : m_model;
    //: Status bar: endpoint · model · where the API key is
    setText(tr("%1 · %2 · %3").arg(m_profile.displayName, model, keyText()));
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
    if (event->type() == QEvent::LanguageChange) {
        // Built-in profiles' names are translated.
        m_profile = m_context.settings->profile(m_profile.name).value_or(m_profile);
        showText();
    }
    QLabel::changeEvent(event);
}

} // namespace qvd
