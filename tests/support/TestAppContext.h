#pragma once

#include "core/models/ModelRegistry.h"
#include "core/secrets/ApiKeyVault.h"
#include "core/secrets/MemorySecretStore.h"
#include "core/session/DeskSession.h"
#include "core/settings/Settings.h"
#include "core/storage/HistoryStore.h"
#include "core/storage/ImageStore.h"
#include "ui/AppContext.h"

#include <QDir>
#include <QFile>
#include <QNetworkAccessManager>
#include <QStandardPaths>

namespace qvd::test {

// The application's services for GUI tests: a real network manager, settings in the test's
// temporary config dir, the built-in model registry, and an in-memory keychain.
class TestAppContext
{
public:
    TestAppContext() : m_settings(settingsPath())
    {
        m_context.network = &m_network;
        m_context.settings = &m_settings;
        m_context.models = &m_models;
        m_context.keychain = &m_keychain;
        m_context.keys = &m_keys;
    }

    AppContext &context() { return m_context; }

    // Every TestAppContext of a test process shares one settings file (so a second window sees
    // what the first saved); a test that must start afresh removes it first, in init().
    static void forgetSettings() { QFile::remove(settingsPath()); }

    // Saved conversations in a real SQLite file and image store under `dir`.
    bool enableHistory(const QString &dir)
    {
        m_history = std::make_unique<HistoryStore>();
        if (!m_history->open(QDir(dir).filePath(QStringLiteral("history.sqlite"))).ok())
            return false;
        m_images = std::make_unique<ImageStore>(QDir(dir).filePath(QStringLiteral("images")));
        m_context.history = m_history.get();
        m_context.images = m_images.get();
        return true;
    }
    Settings &settings() { return m_settings; }
    MemorySecretStore &keychain() { return m_keychain; }

    // A DashScope profile at `baseUrl` (no proxy) made the default, with `key` in the keychain
    // (none: a server that takes no key).
    void useLoopback(const QUrl &baseUrl, const QString &key = QStringLiteral("sk-test"))
    {
        EndpointProfile profile;
        profile.name = QStringLiteral("loopback");
        profile.displayName = QStringLiteral("Loopback");
        profile.baseUrl = baseUrl;
        profile.defaultModel = QStringLiteral("qwen3-vl-plus");
        profile.keyRequired = !key.isEmpty();
        profile.proxy.mode = ProxySettings::Mode::None;
        m_settings.saveProfile(profile);
        m_settings.setDefaultProfileName(profile.name);
        if (!key.isEmpty())
            m_keychain.write(profile.apiKeyName(), key, [](const SecretResult &) {});
    }

    // The session the main window makes, over these services.
    std::unique_ptr<DeskSession> makeSession()
    {
        return std::make_unique<DeskSession>(DeskSession::Services{
            &m_network, &m_settings, &m_models, &m_keys, m_context.history, m_context.images});
    }

private:
    static QString settingsPath()
    {
        return QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation))
            .filePath(QStringLiteral("test-settings.ini"));
    }

    QNetworkAccessManager m_network;
    Settings m_settings;
    ModelRegistry m_models;
    MemorySecretStore m_keychain;
    ApiKeyVault m_keys{&m_keychain};
    std::unique_ptr<HistoryStore> m_history;
    std::unique_ptr<ImageStore> m_images;
    AppContext m_context;
};

} // namespace qvd::test
