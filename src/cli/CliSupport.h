#pragma once

#include "core/settings/EndpointProfile.h"

#include <QCommandLineOption>
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

// --profile NAME, shared by the commands that use an endpoint profile.
QCommandLineOption profileOption();

// The exit code of a failed request (CliText.h): 3 auth, 4 network/timeout/unreadable reply,
// 5 refused, 6 busy.
int exitCodeFor(const ApiError &error);

// The profile called `name`, or the default one when `name` is empty; says why when there is none.
std::optional<EndpointProfile> resolveProfile(const Settings &settings, const QString &name,
                                              QTextStream &err);

} // namespace qvd::cli
