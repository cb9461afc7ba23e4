#pragma once

#include "core/models/ModelRegistry.h"
#include "core/secrets/ApiKeyVault.h"
#include "core/secrets/MemorySecretStore.h"
#include "core/settings/Settings.h"
#include "ui/AppContext.h"

#include <QDir>
#include <QNetworkAccessManager>
#include <QStandardPaths>

namespace qvd::test {

// The application's services for GUI tests: a real network manager, settings in the test's
// temporary config dir, the built-in model registry, and an in-memory keychain.
class TestAppContext
{
public:
    TestAppContext()
        : m_settings(QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation))
                         .filePath(QStringLiteral("test-settings.ini")))
    {
        m_context.network = &m_network;
        m_context.settings = &m_settings;
        m_context.models = &m_models;
        m_context.keychain = &m_keychain;
        m_context.keys = &m_keys;
    }

    AppContext &context() { return m_context; }
    Settings &settings() { return m_settings; }
    MemorySecretStore &keychain() { return m_keychain; }

private:
    QNetworkAccessManager m_network;
    Settings m_settings;
    ModelRegistry m_models;
    MemorySecretStore m_keychain;
    ApiKeyVault m_keys{&m_keychain};
    AppContext m_context;
};

} // namespace qvd::test
