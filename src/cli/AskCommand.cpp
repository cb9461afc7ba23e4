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
#include "core/imaging/ServerSizeCheck.h"
#include "core/models/ModelRegistry.h"
#include "core/secrets/ApiKeyVault.h"
#include "core/secrets/KeyScope.h"
#include "core/secrets/KeychainSecretStore.h"
#include "core/settings/EndpointEnvironment.h"
#include "core/settings/Settings.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QTextStream>

namespace qvd::cli {
namespace {

// The profile as this process uses it (its key belongs to its origin) and the one this run's
// requests use: the command line's protocol and base URL applied. withEnvironment() and
// withProtocol() apply the environment's base URLs, as the app does.
struct Profiles
{
    EndpointProfile saved;
    EndpointProfile effective;
};

std::optional<Profiles> effectiveProfile(const Settings &settings, const AskOptions &options,
                                         QTextStream &err)
{
    const std::optional<EndpointProfile> stored =
        resolveProfile(settings, options.profileName, err);
    if (!stored)
        return std::nullopt;
    const EndpointProfile saved = withEnvironment(*stored);
    EndpointProfile profile = options.protocol ? withProtocol(saved, *options.protocol) : saved;
    if (!options.endpoint.isEmpty())
        profile.baseUrl = QUrl(options.endpoint);
    const QString invalid = profile.validationError();
    if (!invalid.isEmpty()) {
        err << invalid << Qt::endl;
        return std::nullopt;
    }
    return Profiles{saved, profile};
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

// The thinking switches asked for, or a refusal: --no-stream where the answer must stream.
std::optional<GenerationParameters> parametersFor(const AskOptions &options, const ModelInfo &model,
                                                  QTextStream &err)
{
    GenerationParameters parameters;
    parameters.enableThinking = options.thinking;
    parameters.thinkingBudget = options.thinkingBudget;
    if (options.thinking && !model.thinkingSwitchable())
        err << Cli::tr("Note: %1 cannot switch thinking (%2); --thinking is not sent.")
                   .arg(model.id,
                        model.thinking == Thinking::Always ? Cli::tr("it always thinks")
                                                           : Cli::tr("it does not think"))
            << Qt::endl;
    if (options.stream || !ChatRequest::mustStream(model, parameters))
        return parameters;
    if (model.streamingOnly)
        err << Cli::tr("%1 answers only as a stream: leave out --no-stream.").arg(model.id)
            << Qt::endl;
    else if (model.thinkingSwitchable())
        err << Cli::tr("%1 thinks before it answers, and a thinking answer comes only as a "
                       "stream: leave out --no-stream, or add --thinking off.")
                   .arg(model.id)
            << Qt::endl;
    else
        err << Cli::tr("%1 thinks before every answer, and a thinking answer comes only as a "
                       "stream: leave out --no-stream.")
                   .arg(model.id)
            << Qt::endl;
    return std::nullopt;
}

} // namespace

int runAskCommand(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    bool helpShown = false;
    const std::optional<AskOptions> options = AskOptions::parse(arguments, out, err, &helpShown);
    if (!options)
        return helpShown ? ExitOk : ExitUsage;
    const Settings settings;
    const std::optional<Profiles> profiles = effectiveProfile(settings, *options, err);
    if (!profiles)
        return ExitUsage;
    const EndpointProfile *profile = &profiles->effective;

    const ModelRegistry registry(settings.modelsFilePath());
    for (const QString &problem : registry.errors())
        err << Cli::tr("Warning: %1").arg(problem) << Qt::endl;
    const QString modelId = options->model.isEmpty() ? profile->defaultModel : options->model;
    ModelInfo model = registry.find(modelId);
    if (const auto family = settings.modelFamily(profile->name, model.id))
        model = ModelRegistry::withFamily(model, *family);
    const std::optional<GenerationParameters> parameters = parametersFor(*options, model, err);
    if (!parameters)
        return ExitUsage;
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
    if (key.key.isEmpty() && KeyScope::keyRequired(profiles->saved, *profile)) {
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
    request.parameters = *parameters;
    request.stream = options->stream || ChatRequest::mustStream(model, *parameters);

    QNetworkAccessManager network;
    const auto backend = makeBackend(*profile, key.key);
    ChatTurn turn(&network, backend.get(), request);
    ChatTurn::RetryPolicy policy;
    policy.maxAttempts = options->maxRetries + 1;
    policy.baseDelay = std::chrono::seconds(1);
    policy.maxDelay = std::chrono::seconds(30);
    turn.setRetryPolicy(policy);
    turn.setStallTimeout(std::chrono::seconds(options->idleTimeoutSeconds));
    turn.setLimits(settings.replyLimits());

    AskOutput output(*options, model, transforms, out, err);
    QObject::connect(
        &turn, &ChatTurn::delta, &turn,
        [&](const QString &text, const QString &reasoning) { output.delta(text, reasoning); });
    int exitCode = ExitOk;
    QEventLoop loop;
    QObject::connect(&turn, &ChatTurn::finished, &loop, [&](const Message &answer) {
        // Check, don't trust: the reply's image tokens tell the size the model really saw.
        transforms = checkServerSizes(transforms, answer.usage.imageTokens);
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
