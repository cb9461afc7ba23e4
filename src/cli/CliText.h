#pragma once

#include <QCoreApplication>

namespace qvd::cli {

// Translation context of the command-line front end.
class Cli
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

// Exit codes shared by every command.
enum ExitCode {
    ExitOk = 0,
    ExitFailure = 1,
    ExitUsage = 2,
    ExitNoKey = 3, // no API key, or the server refused it (401/403)
    ExitNetwork = 4, // network failure, timeout, a reply that cannot be read or is past a limit
    ExitRefused = 5, // the API refused the request (other 4xx, an event:error, a redirect)
    ExitBusy = 6, // throttled or server errors after all retries
    ExitInterrupted = 130, // Ctrl+C
};

} // namespace qvd::cli
