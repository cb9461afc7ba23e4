#pragma once

#include "ui/AppContext.h"

#include <memory>

namespace qvd {

class MainWindow;

// Owns the process's services (network with its per-profile proxies, settings, model registry,
// keychain, language and theme, history) and the main window; the one place where they are
// created. Construct after QApplication: the language and theme saved in the settings apply at
// once. What the first frame does not need waits for finishStartup().
class Application
{
public:
    Application();
    ~Application();

    AppContext &context() { return m_context; }
    MainWindow &mainWindow();
    // Right after the main window's first frame: starts the keychain lookups the window asked
    // for, opens the history (the window then lists it and reopens the last conversation) and
    // sets the window icon.
    void finishStartup();

private:
    void openHistory();

    struct Services;
    std::unique_ptr<Services> m_services;
    AppContext m_context;
    std::unique_ptr<MainWindow> m_window;
};

} // namespace qvd
