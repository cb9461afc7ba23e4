// `qwenvl-desk-cli key …` as a user runs it: the built binary, the real gnome-keyring of the
// test command's private D-Bus session, and this test's temporary HOME.
#include "core/AppInfo.h"
#include "core/secrets/KeychainSecretStore.h"

#include "CliRunner.h"
#include "TestMain.h"

#include <QDirIterator>
#include <QProcess>
#include <QUuid>

class TestCliKey : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void setStatusOverwriteDeleteCycle();
    void keyIsNeverTakenFromArguments();
    void missingSecretServiceIsAClearFailure();

private:
    using Run = qvd::test::CliRun;
    Run cli(const QStringList &arguments, const QByteArray &stdinBytes = {},
            const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());
    void verifyNoFileContains(const QByteArray &needle);

    QString m_key;
};

void TestCliKey::init()
{
    QVD_REQUIRE_SECRET_SERVICE();
    m_key = QStringLiteral("sk-cli-") + QUuid::createUuid().toString(QUuid::Id128);
}

TestCliKey::Run TestCliKey::cli(const QStringList &arguments, const QByteArray &stdinBytes,
                                const QProcessEnvironment &environment)
{
    return qvd::test::runCli(arguments, stdinBytes, environment);
}

void TestCliKey::verifyNoFileContains(const QByteArray &needle)
{
    QDirIterator files(qEnvironmentVariable("HOME"), QDir::Files | QDir::Hidden | QDir::System,
                       QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile file(files.next());
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        QVERIFY2(!file.readAll().contains(needle),
                 qPrintable(QStringLiteral("the key is in %1").arg(file.fileName())));
    }
}

void TestCliKey::setStatusOverwriteDeleteCycle()
{
    const QByteArray keyBytes = m_key.toUtf8();
    Run set = cli({QStringLiteral("key"), QStringLiteral("set")}, keyBytes + "\n");
    QCOMPARE(set.exitCode, 0);
    QVERIFY(set.out.contains(QStringLiteral("keychain")));

    Run status = cli({QStringLiteral("key"), QStringLiteral("status")});
    QCOMPARE(status.exitCode, 0);
    QVERIFY2(status.out.contains(QStringLiteral("source: keychain")), qPrintable(status.out));
    QVERIFY(status.out.contains(QStringLiteral("Secret Service")));

    // Another profile has its own entry.
    Run other = cli({QStringLiteral("key"), QStringLiteral("status"), QStringLiteral("--profile"),
                     QStringLiteral("dashscope-singapore")});
    QVERIFY2(other.out.contains(QStringLiteral("source: none")), qPrintable(other.out));

    // Overwrite, then read the entry the GUI would read, in-process.
    const QString second = m_key + QStringLiteral("-2");
    QCOMPARE(cli({QStringLiteral("key"), QStringLiteral("set")}, second.toUtf8()).exitCode, 0);
    qvd::KeychainSecretStore keychain(QString::fromLatin1(qvd::appinfo::kAppId));
    std::optional<qvd::SecretResult> read;
    keychain.read(QStringLiteral("profile/dashscope-beijing/api-key"),
                  [&](const qvd::SecretResult &result) { read = result; });
    QTRY_VERIFY_WITH_TIMEOUT(read.has_value(), 20000);
    QVERIFY2(read->ok(), qPrintable(read->message));
    QVERIFY(read->value == second);

    Run removed = cli({QStringLiteral("key"), QStringLiteral("delete")});
    QCOMPARE(removed.exitCode, 0);
    Run after = cli({QStringLiteral("key"), QStringLiteral("status")});
    QVERIFY2(after.out.contains(QStringLiteral("source: none")), qPrintable(after.out));

    for (const Run &run : {set, status, other, removed, after}) {
        QVERIFY(!run.out.contains(m_key));
        QVERIFY(!run.err.contains(m_key));
    }
    verifyNoFileContains(keyBytes);
}

void TestCliKey::keyIsNeverTakenFromArguments()
{
    Run run = cli({QStringLiteral("key"), QStringLiteral("set"), m_key});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(!run.out.contains(m_key));
    QVERIFY(!run.err.contains(m_key));
    Run status = cli({QStringLiteral("key"), QStringLiteral("status")});
    QVERIFY(status.out.contains(QStringLiteral("source: none")));
}

void TestCliKey::missingSecretServiceIsAClearFailure()
{
    // A session bus that does not exist: no Secret Service can answer.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                       QStringLiteral("unix:path=/nonexistent/qvd-test-bus"));
    environment.remove(QStringLiteral("DISPLAY"));
    Run run = cli({QStringLiteral("key"), QStringLiteral("set")}, m_key.toUtf8(), environment);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("not saved")), qPrintable(run.err));
    QVERIFY(!run.err.contains(m_key));
    QVERIFY(!run.out.contains(m_key));

    Run status = cli({QStringLiteral("key"), QStringLiteral("status")}, {}, environment);
    QCOMPARE(status.exitCode, 0);
    QVERIFY(status.out.contains(QStringLiteral("source: none")));
    QVERIFY(!status.err.isEmpty()); // and says why
    verifyNoFileContains(m_key.toUtf8());
}

QVD_TEST_MAIN(TestCliKey)
#include "tst_CliKey.moc"
