#pragma once

#include "core/secrets/ApiKeyVault.h"
#include "core/settings/EndpointProfile.h"

#include <QObject>

#include <functional>
#include <memory>

namespace qvd {

class ChatBackend;
class Settings;

// Where requests go, and with which key: the one owner of the active profile (the settings'
// default profile, with the environment applied), its key as the vault finds it, and the
// backend built from both. Whatever changes one of them — the welcome dialog, Settings, the
// vault storing or forgetting a key, the keychain answering late — it looks again and emits
// changed(); panes show what it says and never keep a copy (docs/architecture.md).
class ActiveEndpoint : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Resolving, // the key is being looked up
        Ready, // requests can be sent
        MissingKey, // the profile needs a key and none was found
        Invalid, // the profile itself cannot be used (bad address, unknown name)
    };

    ActiveEndpoint(Settings *settings, ApiKeyVault *keys, QObject *parent = nullptr);
    ~ActiveEndpoint() override;

    const EndpointProfile &profile() const { return m_profile; }
    State state() const { return m_state; }
    // Where the key came from (None until found, and for keyless servers).
    ApiKeyLookup::Source keySource() const { return m_source; }
    // The environment variable the key came from (Source::Environment), e.g. DASHSCOPE_API_KEY.
    QString keyVariable() const { return m_keyVariable; }
    // The keychain's own notice (e.g. unavailable, key kept for this session only); translated.
    QString keychainNotice() const { return m_keychainNotice; }
    // Why requests cannot be sent now, for people (translated); empty when Ready or Resolving.
    QString problem() const;
    // The backend for the next request; null unless Ready.
    std::shared_ptr<const ChatBackend> backend() const { return m_backend; }
    // The key found (empty for keyless servers): for other requests to this endpoint, such as
    // its model list. Never shown, logged or stored.
    QString apiKey() const { return m_key; }

    // Reads the profile and looks its key up again.
    void refresh();
    // Calls `done(ready)` once the endpoint is resolved. When it is not Ready, the key is looked
    // up once more first: the keychain may have come back, or another program stored the key.
    void whenResolved(std::function<void(bool ready)> done);

Q_SIGNALS:
    void changed();

private:
    void lookup();
    void setState(State state);

    Settings *m_settings;
    ApiKeyVault *m_keys;
    EndpointProfile m_profile;
    State m_state = State::Resolving;
    ApiKeyLookup::Source m_source = ApiKeyLookup::Source::None;
    QString m_keyVariable;
    QString m_keychainNotice;
    std::shared_ptr<const ChatBackend> m_backend;
    QString m_key;
    quint64 m_generation = 0;
    QList<std::function<void(bool)>> m_waiting;
};

} // namespace qvd
