#include "cli/AskCommand.h"
#include "cli/BatchCommand.h"
#include "cli/BoxesCommand.h"
#include "cli/CliText.h"
#include "cli/EvalCommand.h"
#include "cli/HistoryCommand.h"
#include "cli/KeyCommand.h"
#include "cli/ModelsCommand.h"
#include "cli/RenderCommand.h"
#include "cli/TerminalOutput.h"
#include "core/AppInfo.h"
#include "core/imaging/DecodeLimit.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>
#include <functional>
#include <memory>

using namespace qvd::cli;

namespace {

using Runner = std::function<int(const QStringList &, QTextStream &, QTextStream &)>;

struct Subcommand
{
    const char *name;
    const char *summary;
    Runner run; // empty: arrives with a later version
};

const Subcommand kSubcommands[] = {
    {"ask", QT_TRANSLATE_NOOP("Cli", "Send images and a question to a model; stream the answer"),
     runAskCommand},
    {"batch",
     QT_TRANSLATE_NOOP("Cli",
                       "Ground a folder of images as a job (Batch API or direct); export it"),
     runBatchCommand},
    {"boxes", QT_TRANSLATE_NOOP("Cli", "Find the boxes and points in a model answer"),
     runBoxesCommand},
    {"render", QT_TRANSLATE_NOOP("Cli", "Draw detections onto an image"), runRenderCommand},
    {"eval", QT_TRANSLATE_NOOP("Cli", "Score predictions against ground truth"), runEvalCommand},
    {"key", QT_TRANSLATE_NOOP("Cli", "Set, check or delete the API key in the keychain"),
     runKeyCommand},
    {"history", QT_TRANSLATE_NOOP("Cli", "Search, export and import saved conversations"),
     runHistoryCommand},
    {"models",
     QT_TRANSLATE_NOOP("Cli", "List the models, their patch size, pixel budget and coordinates"),
     runModelsCommand},
};

QString subcommandList()
{
    QString text = Cli::tr("Commands:") + QLatin1Char('\n');
    for (const auto &command : kSubcommands)
        text +=
            QStringLiteral("  %1  %2\n")
                .arg(QString::fromLatin1(command.name).leftJustified(9), Cli::tr(command.summary));
    return text;
}

} // namespace

int main(int argc, char *argv[])
{
    const std::unique_ptr<QCoreApplication> app = makeApplication(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("qwenvl-desk-cli"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(qvd::appinfo::kVersion));
    QCoreApplication::setOrganizationName(QString::fromLatin1(qvd::appinfo::kOrganization));
    QCoreApplication::setOrganizationDomain(QString::fromLatin1(qvd::appinfo::kOrganizationDomain));
    qvd::installImageDecodeLimit(); // before any image is decoded, on this thread

    QCommandLineParser parser;
    parser.setApplicationDescription(Cli::tr("Command-line front end of QwenVL Desk.")
                                     + QLatin1String("\n\n") + subcommandList());
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"),
                                 Cli::tr("The command to run (see above)."),
                                 QStringLiteral("<command> [options]"));
    // Everything after the command belongs to it.
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    parser.process(*app);

    // Escapes control characters when they go to a terminal (see TerminalOutput).
    TerminalOutput standardOutput(stdout);
    TerminalOutput standardError(stderr);
    QTextStream out(&standardOutput);
    QTextStream err(&standardError);
    const QStringList args = parser.positionalArguments();
    if (args.isEmpty()) {
        err << parser.helpText();
        return ExitUsage;
    }
    const QString command = args.first();
    for (const auto &known : kSubcommands) {
        if (command != QLatin1String(known.name))
            continue;
        if (!known.run) {
            err << Cli::tr("The command '%1' is not available in this version yet.").arg(command)
                << Qt::endl;
            return ExitUsage;
        }
        // The command's own parser sees "qwenvl-desk-cli <command>" as its program name.
        QStringList commandArgs = args;
        commandArgs.first() = QCoreApplication::arguments().first() + QLatin1Char(' ') + command;
        return known.run(commandArgs, out, err);
    }
    err << Cli::tr("Unknown command '%1'. Run with --help to see the commands.").arg(command)
        << Qt::endl;
    return ExitUsage;
}
