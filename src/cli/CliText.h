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
    ExitNoKey = 3, // a DashScope profile has no API key anywhere
};

} // namespace qvd::cli
