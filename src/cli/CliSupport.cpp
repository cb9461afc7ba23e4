#include "cli/CliSupport.h"

#include "cli/CliText.h"
#include "core/api/ApiError.h"
#include "core/settings/Settings.h"

#include <QTextStream>

namespace qvd::cli {

std::optional<int> parseArguments(QCommandLineParser &parser, const QStringList &arguments,
                                  QTextStream &out, QTextStream &err)
{
    if (!parser.parse(arguments)) {
        err << parser.errorText() << Qt::endl;
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out << parser.helpText();
        return ExitOk;
    }
    return std::nullopt;
}

QCommandLineOption profileOption()
{
    return QCommandLineOption(QStringLiteral("profile"),
                              Cli::tr("The endpoint profile (default: the default profile)."),
                              QStringLiteral("NAME"));
}

int exitCodeFor(const ApiError &error)
{
    if (error.httpStatus == 401 || error.httpStatus == 403)
        return ExitNoKey;
    switch (error.kind) {
    case ApiError::Kind::Network:
    case ApiError::Kind::Timeout:
    case ApiError::Kind::Tls:
    case ApiError::Kind::MalformedReply:
    case ApiError::Kind::LimitExceeded:
        return ExitNetwork;
    case ApiError::Kind::Cancelled:
        return ExitInterrupted;
    case ApiError::Kind::Server:
        return ExitRefused;
    case ApiError::Kind::HttpStatus:
        break;
    }
    return error.httpStatus == 429 || error.httpStatus >= 500 ? ExitBusy : ExitRefused;
}

std::optional<EndpointProfile> resolveProfile(const Settings &settings, const QString &name,
                                              QTextStream &err)
{
    const QString wanted = name.isEmpty() ? settings.defaultProfileName() : name;
    auto profile = settings.profile(wanted);
    if (!profile)
        err << Cli::tr("There is no profile named '%1'.").arg(wanted) << Qt::endl;
    return profile;
}

} // namespace qvd::cli
