#pragma once

#include "core/settings/EndpointProfile.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QEventLoop>

#include <optional>

class QTextStream;

namespace qvd {
class ApiError;
class Settings;
} // namespace qvd

namespace qvd::cli {

// Runs an event loop until the asynchronous call `start(done)` calls back, and returns its result.
template<typename Result, typename Start>
Result waitFor(Start start)
{
    std::optional<Result> result;
    QEventLoop loop;
    start([&](const Result &r) {
        result = r;
        loop.quit();
    });
    if (!result)
        loop.exec();
    return *result;
}

// Parses a subcommand's `arguments`. Returns the exit code to end with when they are wrong
// (ExitUsage, the parser's message on `err`) or when --help was asked (ExitOk, the help on
// `out`); nullopt when the command goes on.
std::optional<int> parseArguments(QCommandLineParser &parser, const QStringList &arguments,
                                  QTextStream &out, QTextStream &err);

// --profile NAME, shared by the commands that use an endpoint profile.
QCommandLineOption profileOption();

// The exit code of a failed request (CliText.h): 3 auth, 4 network/timeout/unreadable reply,
// 5 refused, 6 busy.
int exitCodeFor(const ApiError &error);

// The profile called `name`, or the default one when `name` is empty; says why when there is none.
std::optional<EndpointProfile> resolveProfile(const Settings &settings, const QString &name,
                                              QTextStream &err);

} // namespace qvd::cli
