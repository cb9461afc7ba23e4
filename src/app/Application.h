#pragma once

#include "ui/AppContext.h"

#include <memory>

namespace qvd {

class MainWindow;

// Owns the process's services (network, settings, model registry, keychain) and the main
// window; the one place where they are created.
class Application
{
public:
    Application();
    ~Application();

    AppContext &context() { return m_context; }
    MainWindow &mainWindow();

private:
    struct Services;
    std::unique_ptr<Services> m_services;
    AppContext m_context;
    std::unique_ptr<MainWindow> m_window;
};

} // namespace qvd
