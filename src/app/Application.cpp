#include "app/Application.h"

#include "app/FirstPaintHook.h"
#include "app/LazyIconStyle.h"
#include "app/ProxyInstaller.h"
#include "app/SingleInstance.h"
#include "app/StartupProbe.h"
#include "core/AppInfo.h"
#include "core/api/ProfileProxyFactory.h"
#include "core/imaging/DecodeLimit.h"
#include "core/models/ModelRegistry.h"
#include "core/secrets/ApiKeyVault.h"
#include "core/secrets/KeychainSecretStore.h"
#include "core/settings/Settings.h"
#include "core/storage/ConversationDeleter.h"
#include "core/storage/HistoryLocation.h"
#include "core/storage/HistoryStore.h"
#include "core/storage/ImageStore.h"
#include "ui/LanguageManager.h"
#include "ui/ThemeManager.h"
#include "ui/window/MainWindow.h"

#include <QApplication>
#include <QDir>
#include <QFuture>
#include <QIcon>
#include <QNetworkAccessManager>
#include <QStandardPaths>
#include <QThreadPool>

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
    explicit Services(const Options &options) : keychain(options.keychainService) { }

    QNetworkAccessManager network;
    ProfileProxyFactory *proxyFactory = installProxyFactory(network);
    Settings settings;
    // The user's own model list, next to the settings file, is merged over the built-in one
    // (resources/models.json); the command line reads the same file.
    ModelRegistry models{settings.modelsFilePath()};
    KeychainSecretStore keychain;
    ApiKeyVault keys{&keychain};
    ProxyInstaller proxies{&settings, &keychain, proxyFactory};
    LanguageManager language;
    ThemeManager theme;
    // ~/.local/share/qwenvl-desk on Linux: history.sqlite and images/ (by content hash).
    HistoryLocation location = HistoryLocation::standard();
    HistoryStore history;
    ImageStore images{location.imagesPath()};
    // Start-up's clean-up of the image store, off the UI thread (it lists every original).
    QThreadPool cleanupThread;
    QFuture<ImageStore::GarbageReport> cleanup;
};

void Application::applyIdentity()
{
    QApplication::setApplicationName(QString::fromLatin1(appinfo::kAppName));
    QApplication::setApplicationVersion(QString::fromLatin1(appinfo::kVersion));
    QApplication::setOrganizationName(QString::fromLatin1(appinfo::kOrganization));
    QApplication::setOrganizationDomain(QString::fromLatin1(appinfo::kOrganizationDomain));
    QApplication::setDesktopFileName(QString::fromLatin1(appinfo::kAppId));
}

Application::Application() : Application(Options{QString::fromLatin1(appinfo::kAppId)}) { }

Application::Application(const Options &options) : m_services(std::make_unique<Services>(options))
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
    const auto theme = ThemeManager::fromName(settings.theme());
    if (theme != ThemeManager::Theme::System)
        m_services->theme.setTheme(theme);
    // Before the first widget: the window asks for icons it does not show yet. A later change
    // of theme sets a plain style again, when that no longer matters.
    QApplication::setStyle(new LazyIconStyle(QApplication::style()));
    // Lookups queue up until finishStartup(): QtKeychain loads libsecret and talks D-Bus.
    m_services->keychain.hold();
    m_services->proxies.refresh();
}

bool Application::handOverToRunningInstance(const QStringList &images)
{
    // One instance per data folder: what it means to be the same user's app.
    m_instance = std::make_unique<SingleInstance>(
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
    if (m_instance->handOver(images))
        return true;
    m_instance->listen();
    return false;
}

void Application::start(const QStringList &images)
{
    MainWindow &window = mainWindow();
    const StartupProbe::Mode probe = StartupProbe::mode();
    // The window shows first, its conversation list not yet read; the history, the keychain
    // and the images to attach follow in the next turn of the event loop. The first-frame probe
    // quits at that frame: the work would only keep the CPU from the process timing it.
    if (probe != StartupProbe::Mode::FirstPaint) {
        FirstPaintHook::install(&window, [this, &window, images, probe] {
            finishStartup();
            window.attachImages(images);
            if (probe == StartupProbe::Mode::Off)
                window.openFirstRunIfNeeded();
        });
    }
    // Event filters run newest first: the probe reports the painted frame before that work.
    if (probe != StartupProbe::Mode::Off)
        StartupProbe::watch(&window, probe);
    if (m_instance) {
        QObject::connect(m_instance.get(), &SingleInstance::argumentsReceived, &window,
                         [&window](const QStringList &paths) {
                             window.attachImages(paths);
                             window.raise();
                             window.activateWindow();
                         });
    }
    window.show();
}

void Application::finishStartup()
{
    m_services->keychain.release();
    openHistory();
    if (m_window)
        m_window->historyOpened();
    // An SVG: the first QIcon of that kind loads Qt's SVG icon engine.
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/qwenvl-desk.svg")));
    m_started = true;
}

void Application::openHistory()
{
    const HistoryStore::OpenResult opened =
        m_services->location.open(m_services->history, m_services->images);
    m_context.historyNotice = opened.message; // e.g. where a damaged file was kept aside
    if (!opened.ok())
        return;
    m_context.history = &m_services->history;
    m_context.images = &m_services->images;
    // Deletions the last run could not finish (it was killed while they could be undone).
    ConversationDeleter::purgeLeftovers(m_services->history, &m_services->images);
    // Originals no saved message refers to any more (deleted conversations, crashed writes):
    // a walk over every file of the store, so on a thread of its own.
    StorageError error;
    const auto referenced = m_services->history.referencedImages(&error);
    if (!error.isError()) {
        m_services->cleanupThread.setMaxThreadCount(1);
        m_services->cleanup =
            m_services->images.collectGarbageOn(&m_services->cleanupThread, referenced);
    }
}

Application::~Application()
{
    m_window.reset(); // widgets go before the services they use
    m_services->cleanup.cancel(); // stops between two files
    m_services->cleanup.waitForFinished();
}

MainWindow &Application::mainWindow()
{
    if (!m_window)
        m_window = std::make_unique<MainWindow>(m_context);
    return *m_window;
}

} // namespace qvd
