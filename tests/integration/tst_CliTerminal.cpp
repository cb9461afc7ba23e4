// The CLI on a real terminal (a pseudo-terminal the test holds): control characters from a
// server or a model reach the screen escaped, never as escape sequences, while pipes get the
// text as it is; and `key set`, interrupted while it hides what is typed, gives the terminal its
// echo back.
#include "CliRunner.h"
#include "HttpTestServer.h"
#include "TestMain.h"
#include "WireFixtures.h"

#include <QProcess>

#include <csignal>

#include <fcntl.h>
#include <poll.h>
#include <termios.h>
#include <unistd.h>

using qvd::test::HttpTestServer;
using qvd::test::Reply;

namespace {

// What a hostile answer may hold: a window title change, a screen clear, a carriage return that
// overwrites the line, a C1 control (CSI), DEL, and the newline and tab that stay.
const QString kHostile =
    QStringLiteral("Hi\x1b]0;pwned\x07 \x1b[2J\rX") + QChar(0x9B) + QStringLiteral("Y\x7f\tZ\nend");

// A pseudo-terminal: the test reads and configures it on the master side; the CLI gets the
// slave as its standard streams.
class PseudoTerminal
{
public:
    PseudoTerminal()
    {
        m_master = ::posix_openpt(O_RDWR | O_NOCTTY);
        if (m_master < 0 || ::grantpt(m_master) != 0 || ::unlockpt(m_master) != 0)
            qFatal("no pseudo-terminal");
        m_slave = ::open(::ptsname(m_master), O_RDWR | O_NOCTTY);
        if (m_slave < 0)
            qFatal("cannot open the pseudo-terminal's slave");
    }
    ~PseudoTerminal()
    {
        ::close(m_slave);
        ::close(m_master);
    }
    int slave() const { return m_slave; }

    // No line editing, no newline translation: bytes as written.
    void makeRaw()
    {
        termios t{};
        ::tcgetattr(m_slave, &t);
        ::cfmakeraw(&t);
        ::tcsetattr(m_slave, TCSANOW, &t);
    }
    bool echoes() const
    {
        termios t{};
        ::tcgetattr(m_slave, &t);
        return (t.c_lflag & ECHO) != 0;
    }
    // Everything written to the terminal so far.
    QByteArray drain()
    {
        QByteArray bytes;
        pollfd ready{m_master, POLLIN, 0};
        while (::poll(&ready, 1, 200) > 0 && (ready.revents & POLLIN)) {
            char buffer[4096];
            const ssize_t n = ::read(m_master, buffer, sizeof buffer);
            if (n <= 0)
                break;
            bytes.append(buffer, n);
        }
        return bytes;
    }

private:
    int m_master = -1;
    int m_slave = -1;
};

QProcessEnvironment environmentFor(const HttpTestServer &server)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("DASHSCOPE_API_KEY"), QStringLiteral("sk-terminal"));
    environment.insert(QStringLiteral("DASHSCOPE_HTTP_BASE_URL"),
                       server.url(QStringLiteral("/api/v1")).toString());
    return environment;
}

// Starts the CLI with the given standard streams on the terminal (0: in, 1: out, 2: err).
std::unique_ptr<QProcess> startOn(const PseudoTerminal &terminal, QList<int> streams,
                                  const QStringList &arguments,
                                  const QProcessEnvironment &environment)
{
    auto process = std::make_unique<QProcess>();
    process->setProcessEnvironment(environment);
    const int slave = terminal.slave();
    process->setChildProcessModifier([slave, streams] {
        for (int stream : streams)
            ::dup2(slave, stream);
    });
    process->start(QStringLiteral(QVD_CLI_PATH), arguments);
    return process;
}

bool hasRawControls(const QByteArray &bytes)
{
    for (const char c : bytes) {
        const auto byte = uchar(c);
        if ((byte < 0x20 && byte != '\n' && byte != '\t') || byte == 0x7F)
            return true;
    }
    return bytes.contains("\xC2\x9B");
}

} // namespace

class TestCliTerminal : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void answerReachesATerminalEscaped();
    void serverErrorReachesATerminalEscaped();
    void pipesGetTheTextAsItIs();
    void keySetGivesTheEchoBack_data();
    void keySetGivesTheEchoBack();
};

void TestCliTerminal::answerReachesATerminalEscaped()
{
    HttpTestServer server;
    QVERIFY(server.listen());
    server.enqueue(
        Reply().send(qvd::test::kSseHead).send(qvd::test::dashScopeEvent(1, kHostile, "stop")));
    PseudoTerminal terminal;
    terminal.makeRaw();
    auto process = startOn(terminal, {1}, {QStringLiteral("ask"), QStringLiteral("hello")},
                           environmentFor(server));
    QSignalSpy finished(process.get(), &QProcess::finished);
    QVERIFY(finished.wait(60000));
    QCOMPARE(process->exitCode(), 0);
    const QByteArray shown = terminal.drain();
    QVERIFY2(!hasRawControls(shown), shown.toHex(' ').constData());
    QVERIFY2(shown.contains("Hi\\u001b]0;pwned\\u0007 \\u001b[2J\\u000dX\\u009bY\\u007f\tZ\nend"),
             shown.constData());
}

void TestCliTerminal::serverErrorReachesATerminalEscaped()
{
    HttpTestServer server;
    QVERIFY(server.listen());
    server.enqueue(Reply::http(
        400,
        R"({"code":"InvalidParameter","message":"bad \u001b[31mred\u001b[0m","request_id":"r"})",
        {"Content-Type: application/json"}));
    PseudoTerminal terminal;
    terminal.makeRaw();
    auto process = startOn(terminal, {2}, {QStringLiteral("ask"), QStringLiteral("hello")},
                           environmentFor(server));
    QSignalSpy finished(process.get(), &QProcess::finished);
    QVERIFY(finished.wait(60000));
    QCOMPARE(process->exitCode(), 5);
    const QByteArray shown = terminal.drain();
    QVERIFY2(!hasRawControls(shown), shown.toHex(' ').constData());
    QVERIFY2(shown.contains("bad \\u001b[31mred"), shown.constData());
}

void TestCliTerminal::pipesGetTheTextAsItIs()
{
    HttpTestServer server;
    QVERIFY(server.listen());
    server.enqueue(
        Reply().send(qvd::test::kSseHead).send(qvd::test::dashScopeEvent(1, kHostile, "stop")));
    const qvd::test::CliRun run = qvd::test::runCli(
        {QStringLiteral("ask"), QStringLiteral("hello")}, {}, environmentFor(server));
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, kHostile + QLatin1Char('\n'));
}

void TestCliTerminal::keySetGivesTheEchoBack_data()
{
    QTest::addColumn<int>("signal");
    QTest::newRow("Ctrl+C") << SIGINT;
    QTest::newRow("SIGTERM") << SIGTERM;
    QTest::newRow("hang-up") << SIGHUP;
}

void TestCliTerminal::keySetGivesTheEchoBack()
{
    QFETCH(int, signal);
    PseudoTerminal terminal;
    QVERIFY(terminal.echoes()); // a terminal as a person has it
    auto process = startOn(terminal, {0}, {QStringLiteral("key"), QStringLiteral("set")},
                           QProcessEnvironment::systemEnvironment());
    QByteArray prompt;
    connect(process.get(), &QProcess::readyReadStandardError, this,
            [&] { prompt += process->readAllStandardError(); });
    // The key is being typed: the prompt is out and the echo is off.
    QTRY_VERIFY_WITH_TIMEOUT(prompt.contains("not shown") && !terminal.echoes(), 30000);
    QSignalSpy finished(process.get(), &QProcess::finished);
    ::kill(pid_t(process->processId()), signal);
    QVERIFY(finished.wait(30000));
    QCOMPARE(process->exitStatus(), QProcess::CrashExit); // ended by the signal, as before
    QVERIFY(terminal.echoes());
}

QVD_TEST_MAIN(TestCliTerminal)

#include "tst_CliTerminal.moc"
