#pragma once

#include <QString>

class QNetworkAccessManager;

namespace qvd {

class ApiKeyVault;
class HistoryStore;
class ImageStore;
class LanguageManager;
class ModelRegistry;
class SecretStore;
class Settings;
class ThemeManager;

// The long-lived services the windows use, owned by the application object (src/app) and
// handed down; no widget creates its own. Tests build one from test doubles and temp files.
struct AppContext
{
    QNetworkAccessManager *network = nullptr; // one per process (docs/architecture.md step 4)
    Settings *settings = nullptr;
    const ModelRegistry *models = nullptr;
    SecretStore *keychain = nullptr;
    ApiKeyVault *keys = nullptr;
    // Process-wide look and language; null in tests that do not switch them.
    LanguageManager *language = nullptr;
    ThemeManager *theme = nullptr;
    // Saved conversations and their original images; null when the history cannot be opened
    // (then historyNotice says why, and chats still work, unsaved).
    HistoryStore *history = nullptr;
    ImageStore *images = nullptr;
    QString historyNotice;
};

} // namespace qvd
