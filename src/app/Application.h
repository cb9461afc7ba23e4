#pragma once

#include "ui/AppContext.h"

#include <memory>

namespace qvd {

class MainWindow;
class SingleInstance;

// Owns the process's services (network with its per-profile proxies, settings, model registry,
// keychain, language and theme, history) and the main window; the one place where they are
// created. Construct after QApplication: the language and theme saved in the settings apply at
// once. What the first frame does not need waits for finishStartup().
class Application
{
public:
    struct Options
    {
        // The keychain's service name (entries are "<service>/<key name>"); tests give each
        // run its own so that they share no entries.
        QString keychainService;
    };

    // The names that place settings, data and keychain entries (QStandardPaths, QSettings):
    // set once, before the application object is made.
    static void applyIdentity();

    Application();
    explicit Application(const Options &options);
    ~Application();

    AppContext &context() { return m_context; }
    MainWindow &mainWindow();
    // When QwenVL Desk already runs for this user, hands it `images` (it attaches them and comes
    // to the front) and returns true: this process then ends. Otherwise this one becomes the
    // running instance.
    bool handOverToRunningInstance(const QStringList &images);
    // What main() does once the command line is read: shows the main window, and right after
    // its first frame runs finishStartup(), attaches `images` and opens the first-run dialog
    // when the key is missing. Under the start-up probe (StartupProbe) it quits after the
    // first frame instead.
    void start(const QStringList &images);
    // Right after the main window's first frame: starts the keychain lookups the window asked
    // for, opens the history (the window then lists it and reopens the last conversation; until
    // then its list is blank, not empty), starts the image store's clean-up on a thread of its
    // own and sets the window icon.
    void finishStartup();
    // True once finishStartup() has run.
    bool isStarted() const { return m_started; }

private:
    void openHistory();

    struct Services;
    std::unique_ptr<Services> m_services;
    AppContext m_context;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<SingleInstance> m_instance;
    bool m_started = false;
};

} // namespace qvd
