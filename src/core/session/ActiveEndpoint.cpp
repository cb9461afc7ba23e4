#include "core/session/ActiveEndpoint.h"

#include "core/api/BackendFactory.h"
#include "core/settings/EndpointEnvironment.h"
#include "core/settings/Settings.h"

#include <QCoreApplication>
#include <QPointer>

namespace qvd {

ActiveEndpoint::ActiveEndpoint(Settings *settings, ApiKeyVault *keys, QObject *parent)
    : QObject(parent), m_settings(settings), m_keys(keys)
{
    connect(m_settings, &Settings::profilesChanged, this, &ActiveEndpoint::refresh);
    connect(m_settings, &Settings::defaultProfileChanged, this, &ActiveEndpoint::refresh);
    connect(m_keys, &ApiKeyVault::keyChanged, this, [this](const QString &profileName) {
        if (profileName == m_profile.name)
            refresh();
    });
    refresh();
}

ActiveEndpoint::~ActiveEndpoint() = default;

QString ActiveEndpoint::problem() const
{
    switch (m_state) {
    case State::Resolving:
    case State::Ready:
        return {};
    case State::MissingKey:
        return tr("Cannot send: there is no API key for “%1”. Add one in Settings.")
            .arg(m_profile.displayName);
    case State::Invalid:
        break;
    }
    const QString why = m_profile.validationError();
    return why.isEmpty() ? tr("Cannot send yet: no model server is set up.")
                         : tr("Cannot send: %1").arg(why);
}

void ActiveEndpoint::refresh()
{
    const auto stored = m_settings->profile(m_settings->defaultProfileName());
    m_profile = withEnvironment(stored.value_or(EndpointProfile()));
    m_backend.reset();
    m_key.clear();
    m_source = ApiKeyLookup::Source::None;
    m_keyVariable.clear();
    m_keychainNotice.clear();
    ++m_generation; // an older lookup still running must not overwrite this one
    if (!stored || !m_profile.validationError().isEmpty()) {
        setState(State::Invalid);
        return;
    }
    m_state = State::Resolving;
    Q_EMIT changed();
    lookup();
}

void ActiveEndpoint::lookup()
{
    const quint64 generation = m_generation;
    m_keys->lookup(m_profile, [self = QPointer(this), generation](const ApiKeyLookup &found) {
        if (!self || generation != self->m_generation)
            return;
        self->m_source = found.source;
        self->m_keyVariable = found.variable;
        self->m_keychainNotice = found.notice;
        if (found.key.isEmpty() && self->m_profile.keyRequired) {
            self->setState(State::MissingKey);
            return;
        }
        self->m_key = found.key;
        self->m_backend = makeBackend(self->m_profile, found.key);
        self->setState(State::Ready);
    });
}

void ActiveEndpoint::setState(State state)
{
    m_state = state;
    Q_EMIT changed();
    if (state == State::Resolving)
        return;
    const auto waiting = std::exchange(m_waiting, {});
    for (const auto &done : waiting)
        done(state == State::Ready);
}

void ActiveEndpoint::whenResolved(std::function<void(bool ready)> done)
{
    switch (m_state) {
    case State::Ready:
        done(true);
        return;
    case State::Invalid:
        done(false);
        return;
    case State::Resolving:
        m_waiting.append(std::move(done));
        return;
    case State::MissingKey:
        m_waiting.append(std::move(done));
        ++m_generation;
        m_state = State::Resolving;
        lookup();
        return;
    }
}

} // namespace qvd
