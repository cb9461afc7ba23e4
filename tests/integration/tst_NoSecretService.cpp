// A desktop session whose D-Bus has no Secret Service (no gnome-keyring, no KWallet): a private
// dbus-daemon with no activatable services. The key must stay usable for the session, with a
// clear message, and never be written to disk.
#include "core/AppInfo.h"
#include "core/secrets/ApiKeyVault.h"
#include "core/secrets/KeychainSecretStore.h"
#include "core/settings/EndpointProfile.h"

#include "TestMain.h"

#include <QDirIterator>
#include <QProcess>

using qvd::ApiKeyLookup;
using qvd::SecretResult;

class TestNoSecretService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void keychainCallsFailClearlyAndOnce();
    void vaultKeepsTheKeyForTheSession();
    void cliRefusesToPretendItSaved();
    void noSessionBusAtAllIsUnavailableToo_data();
    void noSessionBusAtAllIsUnavailableToo();

private:
    QProcess m_bus;
    QTemporaryDir m_dir;
};

void TestNoSecretService::initTestCase()
{
    const QString daemon = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
    if (daemon.isEmpty())
        QSKIP("dbus-daemon is not installed");
    // A session bus like the desktop's, but with no service directories: nothing can be
    // activated, so org.freedesktop.secrets does not exist on it.
    QFile config(m_dir.filePath(QStringLiteral("bus.conf")));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(
        "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\""
        " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
        "<busconfig><type>session</type><listen>unix:tmpdir=/tmp</listen>"
        "<auth>EXTERNAL</auth><policy context=\"default\"><allow send_destination=\"*\"/>"
        "<allow eavesdrop=\"true\"/><allow own=\"*\"/></policy></busconfig>\n");
    config.close();
    m_bus.start(daemon,
                {QStringLiteral("--config-file=") + config.fileName(), QStringLiteral("--nofork"),
                 QStringLiteral("--print-address")});
    QVERIFY(m_bus.waitForStarted(10000));
    QTRY_VERIFY_WITH_TIMEOUT(m_bus.canReadLine(), 10000);
    const QByteArray address = m_bus.readLine().trimmed();
    QVERIFY(address.startsWith("unix:"));
    // Before anything in this process touches D-Bus.
    qputenv("DBUS_SESSION_BUS_ADDRESS", address);
    qunsetenv("DISPLAY"); // no X11 autolaunch of another bus either
}

void TestNoSecretService::cleanupTestCase()
{
    m_bus.terminate();
    m_bus.waitForFinished(5000);
}

void TestNoSecretService::keychainCallsFailClearlyAndOnce()
{
    qvd::KeychainSecretStore store(QStringLiteral("io.github.qwenvl_desk.QwenVLDesk.test"));
    int calls = 0;
    SecretResult written;
    store.write(QStringLiteral("profile/x/api-key"), QStringLiteral("sk-nowhere"),
                [&](const SecretResult &result) {
                    ++calls;
                    written = result;
                });
    QTRY_COMPARE_WITH_TIMEOUT(calls, 1, 20000);
    QVERIFY(!written.ok());
    QCOMPARE(written.status, SecretResult::Status::Unavailable);
    QVERIFY(!written.message.isEmpty());
    QVERIFY(!written.message.contains(QStringLiteral("sk-nowhere")));
    QCoreApplication::processEvents();
    QCOMPARE(calls, 1);
}

void TestNoSecretService::vaultKeepsTheKeyForTheSession()
{
    qvd::KeychainSecretStore keychain(QStringLiteral("io.github.qwenvl_desk.QwenVLDesk.test"));
    qvd::ApiKeyVault vault(&keychain);
    const qvd::EndpointProfile profile = qvd::EndpointProfile::builtIns().first();
    std::optional<ApiKeyLookup> stored;
    vault.store(profile, QStringLiteral("sk-session-only"),
                [&](const ApiKeyLookup &result) { stored = result; });
    QTRY_VERIFY_WITH_TIMEOUT(stored.has_value(), 20000);
    QCOMPARE(stored->source, ApiKeyLookup::Source::Session);
    QVERIFY(!stored->notice.isEmpty());

    std::optional<ApiKeyLookup> found;
    vault.lookup(profile, [&](const ApiKeyLookup &result) { found = result; });
    QTRY_VERIFY_WITH_TIMEOUT(found.has_value(), 20000);
    QCOMPARE(found->source, ApiKeyLookup::Source::Session);
    QVERIFY(found->key == QStringLiteral("sk-session-only"));
    QVERIFY(!found->notice.isEmpty()); // still says why it is not in the keychain
}

void TestNoSecretService::cliRefusesToPretendItSaved()
{
    QProcess cli;
    cli.start(QStringLiteral(QVD_CLI_PATH), {QStringLiteral("key"), QStringLiteral("set")});
    QVERIFY(cli.waitForStarted(10000));
    cli.write("sk-cli-nowhere\n");
    cli.closeWriteChannel();
    QVERIFY(cli.waitForFinished(30000));
    QCOMPARE(cli.exitCode(), 1);
    const QString err = QString::fromUtf8(cli.readAllStandardError());
    QVERIFY2(err.contains(QStringLiteral("not saved")), qPrintable(err));
    QVERIFY(!err.contains(QStringLiteral("sk-cli-nowhere")));

    QDirIterator files(qEnvironmentVariable("HOME"), QDir::Files | QDir::Hidden,
                       QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile file(files.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY2(!file.readAll().contains("sk-"), qPrintable(file.fileName()));
    }
}

void TestNoSecretService::noSessionBusAtAllIsUnavailableToo_data()
{
    QTest::addColumn<QString>("address"); // empty: not set
    QTest::newRow("a bus address that leads nowhere")
        << QStringLiteral("unix:path=/nonexistent/qvd-bus");
    QTest::newRow("no bus address") << QString();
}

void TestNoSecretService::noSessionBusAtAllIsUnavailableToo()
{
    QFETCH(QString, address);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("DISPLAY"));
    if (address.isEmpty())
        environment.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    else
        environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), address);
    QProcess cli;
    cli.setProcessEnvironment(environment);
    cli.start(QStringLiteral(QVD_CLI_PATH), {QStringLiteral("key"), QStringLiteral("set")});
    QVERIFY(cli.waitForStarted(10000));
    cli.write("sk-cli-nobus\n");
    cli.closeWriteChannel();
    QVERIFY(cli.waitForFinished(30000));
    QCOMPARE(cli.exitCode(), 1);
    const QString err = QString::fromUtf8(cli.readAllStandardError());
    // Said as what it is, the same as a bus without a Secret Service.
    QVERIFY2(err.contains(QStringLiteral("The system keychain is not available.")),
             qPrintable(err));
    QVERIFY(!err.contains(QStringLiteral("sk-cli-nobus")));
}

QVD_TEST_MAIN(TestNoSecretService)
#include "tst_NoSecretService.moc"
