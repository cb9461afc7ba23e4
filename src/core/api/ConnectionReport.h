#pragma once

#include <QMetaType>
#include <QString>

namespace qvd {

// What "test connection" found out about an endpoint profile.
struct ConnectionReport
{
    enum class Outcome {
        KeyAccepted, // reachable, TLS verified (if https), the key was accepted
        NoKeyNeeded, // reachable and answering without a key (local servers)
        KeyRejected, // reachable, but the server refused the key (401)
        InvalidProfile, // nothing was sent: the profile itself is not usable
        Unreachable, // DNS, refused or reset connection
        TlsFailed, // the server's certificate could not be verified; never ignored
        ProxyFailed, // the proxy refused, failed or wants other credentials
        TimedOut,
        ServerError, // reachable, but an answer that says nothing about the key (5xx, odd reply)
        Redirected, // the server pointed elsewhere (3xx); never followed, `detail` names where
    };

    Outcome outcome = Outcome::Unreachable;
    int httpStatus = 0;
    QString serverCode; // e.g. "InvalidApiKey"
    QString serverMessage; // the server's own words
    QString detail; // the network layer's explanation (Qt's error string, TLS errors)

    bool reachable() const
    {
        return outcome == Outcome::KeyAccepted || outcome == Outcome::NoKeyNeeded
            || outcome == Outcome::KeyRejected || outcome == Outcome::ServerError;
    }
    // One or two translated sentences for the settings dialog and the CLI.
    QString summary() const;
};

} // namespace qvd
Q_DECLARE_METATYPE(qvd::ConnectionReport)
