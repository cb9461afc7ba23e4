#pragma once

#include <QList>
#include <QString>
#include <QUrl>

namespace qvd {

// How a profile reaches the network: the system's proxy, none, or one of its own.
struct ProxySettings
{
    enum class Mode { System, None, Http, Socks5 };

    Mode mode = Mode::System;
    QString host;
    quint16 port = 0;
    QString user; // the password lives in the keychain, under EndpointProfile::proxyPasswordKey()

    friend bool operator==(const ProxySettings &a, const ProxySettings &b)
    {
        return a.mode == b.mode && a.host == b.host && a.port == b.port && a.user == b.user;
    }
};

// One place the app can send requests to, with its protocol and defaults. Never holds the key.
struct EndpointProfile
{
    enum class Protocol { DashScope, OpenAiCompatible };

    QString name; // stable id, also part of the keychain entry names
    QString displayName;
    Protocol protocol = Protocol::DashScope;
    QUrl baseUrl; // DashScope: .../api/v1; OpenAI-compatible: .../v1 (before /chat/completions)
    QString defaultModel;
    bool keyRequired = true; // local servers usually take no key
    ProxySettings proxy;

    // DashScope keys are region-bound (a Beijing key is rejected by the Singapore host), so each
    // profile has its own entry.
    QString apiKeyName() const;
    QString proxyPasswordKey() const;

    // Empty when the profile can be used; otherwise why not (translated).
    QString validationError() const;

    // Built-in profiles: DashScope Beijing, Singapore, US, and a local OpenAI-compatible server.
    static QList<EndpointProfile> builtIns();
    static QString defaultProfileName();

    friend bool operator==(const EndpointProfile &a, const EndpointProfile &b)
    {
        return a.name == b.name && a.displayName == b.displayName && a.protocol == b.protocol
            && a.baseUrl == b.baseUrl && a.defaultModel == b.defaultModel
            && a.keyRequired == b.keyRequired && a.proxy == b.proxy;
    }
};

} // namespace qvd
