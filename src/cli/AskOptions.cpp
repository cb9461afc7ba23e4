#include "cli/AskOptions.h"

#include "cli/CliSupport.h"
#include "cli/CliText.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace qvd::cli {
namespace {

QCommandLineOption option(const char *name, const QString &description, const char *value = nullptr)
{
    return value
        ? QCommandLineOption(QString::fromLatin1(name), description, QString::fromLatin1(value))
        : QCommandLineOption(QString::fromLatin1(name), description);
}

bool readCount(const QCommandLineParser &parser, const char *name, int minimum, int &into,
               QTextStream &err)
{
    if (!parser.isSet(QString::fromLatin1(name)))
        return true;
    bool ok = false;
    const int value = parser.value(QString::fromLatin1(name)).toInt(&ok);
    if (!ok || value < minimum) {
        err << Cli::tr("--%1 needs a whole number of at least %2.")
                   .arg(QString::fromLatin1(name))
                   .arg(minimum)
            << Qt::endl;
        return false;
    }
    into = value;
    return true;
}

} // namespace

std::optional<AskOptions> AskOptions::parse(const QStringList &arguments, QTextStream &out,
                                            QTextStream &err, bool *helpShown)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Cli::tr("Ask a Qwen-VL model about images."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("prompt"), Cli::tr("The question."));
    parser.addOptions({
        option("image", Cli::tr("An image file or http(s) URL; repeat for several."), "PATH|URL"),
        option("model", Cli::tr("The model (default: the profile's, e.g. qwen3-vl-plus)."), "NAME"),
        profileOption(),
        option("protocol", Cli::tr("dashscope or openai (default: the profile's)."), "PROTOCOL"),
        option("endpoint",
               Cli::tr("Base URL overriding the profile's (default: DASHSCOPE_HTTP_BASE_URL, "
                       "or OPENAI_BASE_URL for --protocol openai)."),
               "URL"),
        option("system", Cli::tr("A system prompt."), "TEXT"),
        option("no-stream", Cli::tr("Wait for the whole answer instead of streaming it.")),
        option("thinking",
               Cli::tr("on or off: let a model that can switch thinking reason before it answers "
                       "(default: the model's own)."),
               "on|off"),
        option("thinking-budget",
               Cli::tr("The most tokens a thinking model may reason for (thinking_budget)."), "N"),
        option("timeout", Cli::tr("Give up after this many seconds without data (default 190)."),
               "SECONDS"),
        option("max-retries",
               Cli::tr("Retries of throttled or failed requests before any output (default 3)."),
               "N"),
        option("show-reasoning", Cli::tr("Print the model's thinking to standard error.")),
        option("json", Cli::tr("Print one JSON object with the answer at the end.")),
    });
    if (const std::optional<int> done = parseArguments(parser, arguments, out, err)) {
        *helpShown = *done == ExitOk;
        return std::nullopt;
    }
    AskOptions options;
    options.prompt = parser.positionalArguments().join(QLatin1Char(' ')).trimmed();
    if (options.prompt.isEmpty()) {
        err << Cli::tr("Usage: qwenvl-desk-cli ask [options] PROMPT") << Qt::endl;
        return std::nullopt;
    }
    options.images = parser.values(QStringLiteral("image"));
    options.model = parser.value(QStringLiteral("model"));
    options.profileName = parser.value(QStringLiteral("profile"));
    options.endpoint = parser.value(QStringLiteral("endpoint"));
    options.system = parser.value(QStringLiteral("system"));
    options.stream = !parser.isSet(QStringLiteral("no-stream"));
    options.showReasoning = parser.isSet(QStringLiteral("show-reasoning"));
    options.json = parser.isSet(QStringLiteral("json"));
    if (parser.isSet(QStringLiteral("protocol"))) {
        const QString protocol = parser.value(QStringLiteral("protocol"));
        if (protocol == QLatin1String("dashscope")) {
            options.protocol = EndpointProfile::Protocol::DashScope;
        } else if (protocol == QLatin1String("openai")) {
            options.protocol = EndpointProfile::Protocol::OpenAiCompatible;
        } else {
            err << Cli::tr("--protocol must be dashscope or openai.") << Qt::endl;
            return std::nullopt;
        }
    }
    if (parser.isSet(QStringLiteral("thinking"))) {
        const QString thinking = parser.value(QStringLiteral("thinking"));
        if (thinking == QLatin1String("on")) {
            options.thinking = true;
        } else if (thinking == QLatin1String("off")) {
            options.thinking = false;
        } else {
            err << Cli::tr("--thinking must be on or off.") << Qt::endl;
            return std::nullopt;
        }
    }
    int budget = 0;
    if (!readCount(parser, "timeout", 1, options.idleTimeoutSeconds, err)
        || !readCount(parser, "max-retries", 0, options.maxRetries, err)
        || !readCount(parser, "thinking-budget", 1, budget, err))
        return std::nullopt;
    if (budget > 0)
        options.thinkingBudget = budget;
    return options;
}

} // namespace qvd::cli
