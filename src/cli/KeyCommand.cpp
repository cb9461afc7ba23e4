#include "cli/KeyCommand.h"

#include "cli/CliSupport.h"
#include "cli/CliText.h"
#include "core/AppInfo.h"
#include "core/secrets/ApiKeyVault.h"
#include "core/secrets/KeychainSecretStore.h"
#include "core/settings/EndpointEnvironment.h"
#include "core/settings/Settings.h"

#include <QCommandLineParser>
#include <QFile>
#include <QTextStream>

#include <optional>

#ifdef Q_OS_UNIX
#include <csignal>
#include <iterator>

#include <termios.h>
#include <unistd.h>
#endif

namespace qvd::cli {
namespace {

#ifdef Q_OS_UNIX
// While the key is typed without echo: the terminal as it was, and the handlers replaced.
termios g_savedTerminal{};
const int kRestoringSignals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
struct sigaction g_previous[std::size(kRestoringSignals)] = {};

// Ctrl+C, SIGTERM and the like end the command as they would have, but first give the terminal
// its echo back (tcsetattr is async-signal-safe).
void restoreTerminalAndDie(int signal)
{
    ::tcsetattr(STDIN_FILENO, TCSANOW, &g_savedTerminal);
    ::signal(signal, SIG_DFL);
    ::raise(signal);
}

// Echo off for as long as it lives; the terminal is restored however the command ends.
class SilentTerminal
{
public:
    SilentTerminal()
    {
        if (::tcgetattr(STDIN_FILENO, &g_savedTerminal) != 0)
            return;
        struct sigaction action = {};
        action.sa_handler = restoreTerminalAndDie;
        sigemptyset(&action.sa_mask);
        for (size_t i = 0; i < std::size(kRestoringSignals); ++i)
            ::sigaction(kRestoringSignals[i], &action, &g_previous[i]);
        termios silent = g_savedTerminal;
        silent.c_lflag &= ~tcflag_t(ECHO);
        m_active = ::tcsetattr(STDIN_FILENO, TCSANOW, &silent) == 0;
    }
    ~SilentTerminal()
    {
        if (!m_active)
            return;
        ::tcsetattr(STDIN_FILENO, TCSANOW, &g_savedTerminal);
        for (size_t i = 0; i < std::size(kRestoringSignals); ++i)
            ::sigaction(kRestoringSignals[i], &g_previous[i], nullptr);
    }
    SilentTerminal(const SilentTerminal &) = delete;
    SilentTerminal &operator=(const SilentTerminal &) = delete;

private:
    bool m_active = false;
};
#endif

// Reads the key from standard input: one line from a terminal (without echo), else all of it.
QString readKeyFromStdin(QTextStream &err)
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return {};
#ifdef Q_OS_UNIX
    if (::isatty(STDIN_FILENO)) {
        err << Cli::tr("Paste the API key and press Enter (it is not shown):") << Qt::endl;
        QByteArray line;
        {
            const SilentTerminal silent;
            line = in.readLine();
        }
        err << Qt::endl;
        return QString::fromUtf8(line).trimmed();
    }
#endif
    return QString::fromUtf8(in.readAll()).trimmed();
}

const char *sourceWord(ApiKeyLookup::Source source)
{
    switch (source) {
    case ApiKeyLookup::Source::Environment:
        return "environment";
    case ApiKeyLookup::Source::Keychain:
        return "keychain";
    case ApiKeyLookup::Source::Session:
    case ApiKeyLookup::Source::None:
        break;
    }
    return "none";
}

} // namespace

int runKeyCommand(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Cli::tr("Manage the API key of an endpoint profile."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("action"), Cli::tr("set, status or delete"));
    parser.addOption(profileOption());
    if (const std::optional<int> done = parseArguments(parser, arguments, out, err))
        return *done;
    const QStringList actions = parser.positionalArguments();
    const QString action = actions.value(0);
    if (actions.size() != 1
        || !QStringList{QStringLiteral("set"), QStringLiteral("status"), QStringLiteral("delete")}
                .contains(action)) {
        err << Cli::tr("Usage: qwenvl-desk-cli key set|status|delete [--profile NAME]") << Qt::endl;
        return ExitUsage;
    }

    Settings settings;
    const std::optional<EndpointProfile> profile =
        resolveProfile(settings, parser.value(QStringLiteral("profile")), err);
    if (!profile)
        return ExitFailure;

    KeychainSecretStore keychain(QString::fromLatin1(appinfo::kAppId));
    ApiKeyVault vault(&keychain);

    if (action == QLatin1String("set")) {
        const QString key = readKeyFromStdin(err);
        if (key.isEmpty()) {
            err << Cli::tr("No key was given on standard input.") << Qt::endl;
            return ExitUsage;
        }
        const auto stored =
            waitFor<ApiKeyLookup>([&](auto done) { vault.store(*profile, key, std::move(done)); });
        if (stored.source != ApiKeyLookup::Source::Keychain) {
            // Keeping it in this process's memory would be gone when the command exits.
            err << Cli::tr("The key was not saved: %1").arg(stored.keychainError) << Qt::endl;
            return ExitFailure;
        }
        out << Cli::tr("Saved the key of profile '%1' in the keychain (%2).")
                   .arg(profile->name, vault.keychainBackendName())
            << Qt::endl;
        return ExitOk;
    }

    if (action == QLatin1String("delete")) {
        const auto removed =
            waitFor<SecretResult>([&](auto done) { vault.forget(*profile, std::move(done)); });
        if (!removed.ok()) {
            err << removed.message << Qt::endl;
            return ExitFailure;
        }
        out << Cli::tr("Deleted the key of profile '%1'.").arg(profile->name) << Qt::endl;
        return ExitOk;
    }

    const auto found = waitFor<ApiKeyLookup>(
        [&](auto done) { vault.lookup(withEnvironment(*profile), std::move(done)); });
    // Machine-readable words first; never the key itself.
    out << "profile: " << profile->name << Qt::endl;
    out << "source: " << sourceWord(found.source) << Qt::endl;
    out << "keychain backend: " << vault.keychainBackendName() << Qt::endl;
    if (found.source == ApiKeyLookup::Source::Environment)
        out << Cli::tr("The key comes from %1 and is used for this run only.").arg(found.variable)
            << Qt::endl;
    if (!found.notice.isEmpty())
        err << found.notice << Qt::endl;
    return ExitOk;
}

} // namespace qvd::cli
