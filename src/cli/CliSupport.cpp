#include "cli/CliSupport.h"

#include "cli/CliText.h"
#include "core/settings/Settings.h"

#include <QTextStream>

namespace qvd::cli {

QCommandLineOption profileOption()
{
    return QCommandLineOption(QStringLiteral("profile"),
                              Cli::tr("The endpoint profile (default: the default profile)."),
                              QStringLiteral("NAME"));
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
