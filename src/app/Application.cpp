#include "app/Application.h"

#include "app/LazyIconStyle.h"
#include "app/ProxyInstaller.h"
#include "core/AppInfo.h"
#include "core/api/ProfileProxyFactory.h"
#include "core/imaging/DecodeLimit.h"
#include "core/models/ModelRegistry.h"
#include "core/secrets/ApiKeyVault.h"
#include "core/secrets/KeychainSecretStore.h"
#include "core/settings/Settings.h"
#include "core/storage/ConversationDeleter.h"
#include "core/storage/HistoryStore.h"
#include "core/storage/ImageStore.h"
#include "ui/LanguageManager.h"
#include "ui/ThemeManager.h"
#include "ui/window/MainWindow.h"
#include "ui/window/Workspace.h"

#include <QApplication>
#include <QDir>
#include <QIcon>
#include <QNetworkAccessManager>
#include <QStandardPaths>

namespace qvd {
namespace {

ProfileProxyFactory *installProxyFactory(QNetworkAccessManager &network)
{
    auto *factory = new ProfileProxyFactory; // owned by the network manager
    network.setProxyFactory(factory);
    return factory;
}

} // namespace

struct Application::Services
{
    QNetworkAccessManager network;
    ProfileProxyFactory *proxyFactory = installProxyFactory(network);
    Settings settings;
    // The user's own model list extends the built-in one (resources/models.json).
    ModelRegistry models{QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation))
                             .filePath(QStringLiteral("models.json"))};
    KeychainSecretStore keychain{QString::fromLatin1(appinfo::kAppId)};
    ApiKeyVault keys{&keychain};
    ProxyInstaller proxies{&settings, &keychain, proxyFactory};
    LanguageManager language;
    ThemeManager theme;
    // ~/.local/share/qwenvl-desk on Linux: history.sqlite and images/ (by content hash).
    QString dataDir = QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
                          .filePath(QString::fromLatin1(appinfo::kSettingsName));
    HistoryStore history;
    ImageStore images{QDir(dataDir).filePath(QStringLiteral("images"))};
};

Application::Application() : m_services(std::make_unique<Services>())
{
    installImageDecodeLimit(); // once, on the UI thread, before any image is decoded
    m_context.network = &m_services->network;
    m_context.settings = &m_services->settings;
    m_context.models = &m_services->models;
    m_context.keychain = &m_services->keychain;
    m_context.keys = &m_services->keys;
    m_context.language = &m_services->language;
    m_context.theme = &m_services->theme;

    Settings &settings = m_services->settings;
    m_services->language.setLanguage(settings.language());
    const auto theme = ThemeManager::fromName(settings.uiValue(QStringLiteral("theme")).toString());
    if (theme != ThemeManager::Theme::System)
        m_services->theme.setTheme(theme);
    // Before the first widget: the window asks for icons it does not show yet. A later change
    // of theme sets a plain style again, when that no longer matters.
    QApplication::setStyle(new LazyIconStyle(QApplication::style()));
    // Lookups queue up until finishStartup(): QtKeychain loads libsecret and talks D-Bus.
    m_services->keychain.hold();
    m_services->proxies.refresh();
}

void Application::finishStartup()
{
    m_services->keychain.release();
    openHistory();
    if (m_window) {
        m_window->workspace()->historyOpened();
        m_window->workspace()->restoreLastConversation();
    }
    // An SVG: the first QIcon of that kind loads Qt's SVG icon engine.
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/qwenvl-desk.svg")));
}

void Application::openHistory()
{
    QDir().mkpath(m_services->dataDir);
    const HistoryStore::OpenResult opened = m_services->history.open(
        QDir(m_services->dataDir).filePath(QStringLiteral("history.sqlite")));
    m_context.historyNotice = opened.message; // e.g. where a damaged file was kept aside
    if (!opened.ok())
        return;
    m_context.history = &m_services->history;
    m_context.images = &m_services->images;
    // Deletions the last run could not finish (it was killed while they could be undone).
    ConversationDeleter::purgeLeftovers(m_services->history, &m_services->images);
    // Originals no saved message refers to any more (deleted conversations, crashed writes).
    StorageError error;
    const auto referenced = m_services->history.referencedImages(&error);
    if (!error.isError())
        m_services->images.collectGarbage(referenced);
}

Application::~Application()
{
    m_window.reset(); // widgets go before the services they use
}

MainWindow &Application::mainWindow()
{
    if (!m_window)
        m_window = std::make_unique<MainWindow>(m_context);
    return *m_window;
}

} // namespace qvd
