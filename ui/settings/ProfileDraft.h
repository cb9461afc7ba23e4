#pragma once

#include "core/settings/EndpointProfile.h"

namespace qvd {

// One endpoint profile while the settings dialog is open: the edited values and the secrets
// typed for it, which reach the keychain (never the settings file) only on OK or Apply.
struct ProfileDraft
{
    EndpointProfile profile;
    EndpointProfile saved; // as in the settings file; empty name for a new profile
    bool builtIn = false;
    QString key; // typed API key; empty keeps the stored one
    QString proxyPassword; // typed proxy password; empty keeps the stored one
    bool forgetKey = false;

    bool isNew() const { return saved.name.isEmpty(); }
    bool changed() const
    {
        return isNew() || !(profile == saved) || !key.isEmpty() || !proxyPassword.isEmpty()
            || forgetKey;
    }
};

} // namespace qvd
