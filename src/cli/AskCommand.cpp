#include "cli/AskCommand.h"

#include "cli/AskOptions.h"
#include "cli/AskOutput.h"
#include "cli/CliSupport.h"
#include "cli/CliText.h"
#include "cli/Interrupt.h"
#include "core/AppInfo.h"
#include "core/api/BackendFactory.h"
#include "core/api/ChatTurn.h"
#include "core/imaging/ImagePreparer.h"
#include "core/models/ModelRegistry.h"
#include "core/secrets/ApiKeyVault.h"
#include "core/secrets/KeyScope.h"
#include "core/secrets/KeychainSecretStore.h"
#include "core/settings/Settings.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QTextStream>

namespace qvd::cli {
namespace {

// The profile as saved (its key belongs to its own origin) and the one requests use: the
// command line's protocol and base URL, or the base URL the environment gives the protocol
// (DASHSCOPE_HTTP_BASE_URL, OPENAI_BASE_URL) as the official SDKs read it.
struct Profiles
{
    EndpointProfile saved;
    EndpointProfile effective;
};

std::optional<Profiles> effectiveProfile(const AskOptions &options, QTextStream &err)
{
    Settings settings;
    std::optional<EndpointProfile> saved = resolveProfile(settings, options.profileName, err);
    if (!saved)
        return std::nullopt;
    EndpointProfile profile = *saved;
    if (options.protocol)
        profile.protocol = *options.protocol;
    const QUrl endpoint = options.endpoint.isEmpty()
        ? KeyScope::environmentBaseUrl(profile.protocol)
        : QUrl(options.endpoint);
    if (!endpoint.isEmpty())
        profile.baseUrl = endpoint;
    const QString invalid = profile.validationError();
    if (!invalid.isEmpty()) {
        err << invalid << Qt::endl;
        return std::nullopt;
    }
    return Profiles{*saved, profile};
}

// Local files become prepared data URIs; http(s) URLs go through as they are.
bool prepareImages(const AskOptions &options, const ModelInfo &model, QList<Part> &parts,
                   QList<ImageTransform> &transforms, QTextStream &err)
{
    const ImagePreparer preparer(model);
    for (const QString &image : options.images) {
        if (image.startsWith(QLatin1String("http://"))
            || image.startsWith(QLatin1String("https://"))) {
            parts.append(Part::fromImage(image));
            transforms.append(ImageTransform());
            continue;
        }
        const PrepareResult result = preparer.prepareFile(image);
        if (!result.ok()) {
            err << result.error.message() << Qt::endl;
            return false;
        }
        transforms.append(result.image.transform);
        parts.append(Part::fromPrepared(result.image));
    }
    return true;
}

// The exit codes of the engine issue: 3 auth, 4 network/timeout/unreadable, 5 refused, 6 busy.
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

} // namespace

int runAskCommand(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    bool helpShown = false;
    const std::optional<AskOptions> options = AskOptions::parse(arguments, out, err, &helpShown);
    if (!options)
        return helpShown ? ExitOk : ExitUsage;
    const std::optional<Profiles> profiles = effectiveProfile(*options, err);
    if (!profiles)
        return ExitUsage;
    const EndpointProfile *profile = &profiles->effective;

    const ModelRegistry registry;
    const ModelInfo model =
        registry.find(options->model.isEmpty() ? profile->defaultModel : options->model);
    QList<Part> parts;
    QList<ImageTransform> transforms;
    if (!prepareImages(*options, model, parts, transforms, err))
        return ExitUsage;
    parts.append(Part::fromText(options->prompt));

    KeychainSecretStore keychain(QString::fromLatin1(appinfo::kAppId));
    ApiKeyVault vault(&keychain);
    // The key goes only where KeyScope lets it: no Authorization header for anyone else.
    const auto key =
        waitFor<ApiKeyLookup>([&](auto done) { vault.lookup(profiles->saved, *profile, done); });
    if (key.key.isEmpty() && KeyScope::keyRequired(profiles->saved, profile->baseUrl)) {
        const bool openAi = profile->protocol == EndpointProfile::Protocol::OpenAiCompatible
            && !KeyScope::isDashScopeHost(profile->baseUrl);
        err << Cli::tr("No API key for profile '%1'. Store one with: qwenvl-desk-cli key set "
                       "--profile %1 (it reads the key from standard input), or set %2.")
                   .arg(
                       profile->name,
                       QString::fromLatin1(openAi ? KeyScope::kOpenAiKey : KeyScope::kDashScopeKey))
            << Qt::endl;
        if (!key.notice.isEmpty())
            err << key.notice << Qt::endl;
        return ExitNoKey;
    }

    ChatRequest request;
    request.model = model;
    request.systemPrompt = options->system;
    request.messages = {Message::user(parts)};
    request.stream = options->stream;

    QNetworkAccessManager network;
    const auto backend = makeBackend(*profile, key.key);
    ChatTurn turn(&network, backend.get(), request);
    ChatTurn::RetryPolicy policy;
    policy.maxAttempts = options->maxRetries + 1;
    policy.baseDelay = std::chrono::seconds(1);
    policy.maxDelay = std::chrono::seconds(30);
    turn.setRetryPolicy(policy);
    turn.setStallTimeout(std::chrono::seconds(options->idleTimeoutSeconds));
    turn.setLimits(Settings().replyLimits());

    AskOutput output(*options, model, transforms, out, err);
    QObject::connect(
        &turn, &ChatTurn::delta, &turn,
        [&](const QString &text, const QString &reasoning) { output.delta(text, reasoning); });
    int exitCode = ExitOk;
    QEventLoop loop;
    QObject::connect(&turn, &ChatTurn::finished, &loop, [&](const Message &answer) {
        output.finish(answer);
        exitCode = answer.state == Message::State::Interrupted ? ExitInterrupted : ExitOk;
        loop.quit();
    });
    QObject::connect(&turn, &ChatTurn::failed, &loop, [&](const ApiError &error) {
        output.fail(turn.answer(), error);
        exitCode = exitCodeFor(error);
        loop.quit();
    });
    const Interrupt interrupt([&turn] { turn.cancel(); });
    turn.start();
    loop.exec();
    return exitCode;
}

} // namespace qvd::cli
