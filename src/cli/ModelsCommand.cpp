#include "cli/ModelsCommand.h"

#include "cli/CliSupport.h"
#include "cli/CliText.h"
#include "core/AppInfo.h"
#include "core/api/ServerModelList.h"
#include "core/grounding/GroundingNames.h"
#include "core/models/ModelNames.h"
#include "core/models/ModelRegistry.h"
#include "core/secrets/ApiKeyVault.h"
#include "core/secrets/KeychainSecretStore.h"
#include "core/settings/EndpointEnvironment.h"
#include "core/settings/Settings.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTextStream>

namespace qvd::cli {
namespace {

QJsonObject toJson(const ModelInfo &model)
{
    const auto orNull = [](qint64 value) {
        return value > 0 ? QJsonValue(value) : QJsonValue();
    };
    return {
        {QStringLiteral("id"), model.id},
        {QStringLiteral("name"), model.displayName},
        {QStringLiteral("family"), familyName(model.family)},
        {QStringLiteral("patch"), model.budget.factor},
        {QStringLiteral("min_pixels"), model.budget.minPixels},
        {QStringLiteral("max_pixels"), model.budget.maxPixels},
        {QStringLiteral("max_pixels_ceiling"), orNull(model.maxPixelsCeiling)},
        {QStringLiteral("space"), spaceName(model.space)},
        {QStringLiteral("space_verified"), model.spaceVerified},
        {QStringLiteral("thinking"), thinkingName(model.thinking)},
        {QStringLiteral("thinking_budget"), model.thinkingBudget && model.canThink()},
        {QStringLiteral("streaming_only"), model.streamingOnly},
        {QStringLiteral("legacy"), model.legacy},
        {QStringLiteral("source"), modelSourceName(model.source)},
    };
}

// One aligned table; the space is starred where the convention is a third-party observation.
void printTable(const QList<ModelInfo> &models, QTextStream &out)
{
    QList<QStringList> rows{{Cli::tr("ID"), Cli::tr("FAMILY"), Cli::tr("PATCH"), Cli::tr("MIN PX"),
                             Cli::tr("MAX PX"), Cli::tr("CEILING"), Cli::tr("SPACE"),
                             Cli::tr("THINKING"), Cli::tr("SOURCE")}};
    bool starred = false;
    for (const ModelInfo &model : models) {
        const QString space =
            spaceName(model.space) + (model.spaceVerified ? QString() : QStringLiteral("*"));
        starred = starred || !model.spaceVerified;
        QString source = modelSourceName(model.source);
        if (model.legacy)
            source += Cli::tr(" (legacy)");
        QString thinking = thinkingName(model.thinking);
        if (model.thinkingBudget && model.canThink())
            thinking += Cli::tr(", budget");
        rows.append({model.id, familyName(model.family), QString::number(model.budget.factor),
                     QString::number(model.budget.minPixels),
                     QString::number(model.budget.maxPixels),
                     model.maxPixelsCeiling > 0 ? QString::number(model.maxPixelsCeiling)
                                                : QStringLiteral("-"),
                     space, thinking, source});
    }
    QList<int> widths(rows.first().size(), 0);
    for (const QStringList &row : std::as_const(rows)) {
        for (int c = 0; c < row.size(); ++c)
            widths[c] = std::max(widths[c], int(row[c].size()));
    }
    for (const QStringList &row : std::as_const(rows)) {
        QString line;
        for (int c = 0; c < row.size(); ++c)
            line += c + 1 < row.size() ? row[c].leftJustified(widths[c] + 2) : row[c];
        out << line << '\n';
    }
    if (starred)
        out << Cli::tr("* coordinate space seen by third parties, not documented; the app checks "
                       "the size the server used with every reply.")
            << '\n';
    out.flush();
}

// The server's own list for `profile`, or empty with the reason on `err`.
std::optional<QList<ModelInfo>> serverModels(const EndpointProfile &profile, const QString &key,
                                             const Settings &settings,
                                             const ModelRegistry &registry, QTextStream &err,
                                             int &exitCode)
{
    QNetworkAccessManager network;
    ServerModelList list(&network, &registry);
    std::optional<ApiError> error;
    QEventLoop loop;
    QObject::connect(&list, &ServerModelList::finished, &loop, &QEventLoop::quit);
    QObject::connect(&list, &ServerModelList::failed, &loop, [&](const ApiError &failure) {
        error = failure;
        loop.quit();
    });
    list.fetch(profile, key, settings.modelFamilies(profile.name));
    loop.exec();
    if (error) {
        err << Cli::tr("Cannot list the models of %1: %2")
                   .arg(profile.baseUrl.toDisplayString(), error->userMessage())
            << Qt::endl;
        exitCode = exitCodeFor(*error);
        return std::nullopt;
    }
    return list.models();
}

} // namespace

int runModelsCommand(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Cli::tr("List the models: the built-in list merged with your models file (%1), or the "
                "models an OpenAI-compatible server serves itself.")
            .arg(Settings().modelsFilePath()));
    parser.addHelpOption();
    parser.addOptions({
        profileOption(),
        QCommandLineOption(QStringLiteral("endpoint"),
                           Cli::tr("List the models of the OpenAI-compatible server at this base "
                                   "URL (e.g. http://127.0.0.1:8000/v1)."),
                           QStringLiteral("URL")),
        QCommandLineOption(QStringLiteral("all"),
                           Cli::tr("Also list legacy models, kept for old conversations.")),
        QCommandLineOption(QStringLiteral("json"), Cli::tr("Print a JSON array.")),
    });
    if (const std::optional<int> done = parseArguments(parser, arguments, out, err))
        return *done;
    if (!parser.positionalArguments().isEmpty()) {
        err << Cli::tr("Usage: qwenvl-desk-cli models [--profile NAME] [--endpoint URL] [--all] "
                       "[--json]")
            << Qt::endl;
        return ExitUsage;
    }
    const Settings settings;
    const ModelRegistry registry(settings.modelsFilePath());
    // A bad models file is reported, line by line, and the rest still counts: never fatal.
    for (const QString &problem : registry.errors())
        err << Cli::tr("Warning: %1").arg(problem) << Qt::endl;

    QList<ModelInfo> models =
        parser.isSet(QStringLiteral("all")) ? registry.allModels() : registry.models();
    const bool endpointGiven = parser.isSet(QStringLiteral("endpoint"));
    if (parser.isSet(QStringLiteral("profile")) || endpointGiven) {
        std::optional<EndpointProfile> profile;
        std::optional<EndpointProfile> saved; // as the app uses it: its key is for its origin
        const bool fromProfile = parser.isSet(QStringLiteral("profile"));
        if (fromProfile) {
            saved = resolveProfile(settings, parser.value(QStringLiteral("profile")), err);
            if (!saved)
                return ExitUsage;
            saved = withEnvironment(*saved);
            profile = saved;
        } else {
            profile = EndpointProfile(); // a local server: no key
            profile->name = QStringLiteral("endpoint");
            profile->keyRequired = false;
        }
        if (endpointGiven) {
            profile->protocol = EndpointProfile::Protocol::OpenAiCompatible;
            profile->baseUrl = QUrl(parser.value(QStringLiteral("endpoint")));
        }
        if (profile->protocol == EndpointProfile::Protocol::OpenAiCompatible) {
            const QString invalid = profile->validationError();
            if (!invalid.isEmpty()) {
                err << invalid << Qt::endl;
                return ExitUsage;
            }
            QString key;
            if (fromProfile) {
                KeychainSecretStore keychain(QString::fromLatin1(appinfo::kAppId));
                ApiKeyVault vault(&keychain);
                // A server named with --endpoint gets no key saved for another origin.
                key = waitFor<ApiKeyLookup>([&](auto done) {
                          vault.lookup(*saved, *profile, done);
                      }).key;
            }
            int exitCode = ExitOk;
            const auto listed = serverModels(*profile, key, settings, registry, err, exitCode);
            if (!listed)
                return exitCode;
            models = *listed;
        }
    }

    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const ModelInfo &model : std::as_const(models))
            array.append(toJson(model));
        out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
        out.flush();
    } else {
        printTable(models, out);
    }
    return ExitOk;
}

} // namespace qvd::cli
