// Against the real Secret Service: gnome-keyring in the private D-Bus session that the test
// command starts (tests/support/with-keyring.sh). Skipped only when run outside it by hand.
#include "core/secrets/KeychainSecretStore.h"

#include "TestMain.h"

#include <QProcess>
#include <QUuid>

using qvd::KeychainSecretStore;
using qvd::SecretResult;

class TestKeychainSecretStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void writeReadDeleteRoundTrip();
    void secretIsVisibleToOtherSecretServiceClients();
    void readOfMissingKeyIsNotFound();
    void timeoutCompletesTheCallOnce();
    void heldCallsWaitForRelease();

private:
    SecretResult call(std::function<void(qvd::SecretStore::Callback)> start);

    const QString m_service = QStringLiteral("io.github.qwenvl_desk.QwenVLDesk.test");
    QString m_key;
};

void TestKeychainSecretStore::init()
{
    QVD_REQUIRE_SECRET_SERVICE();
    // A fresh key per test, so reruns and parallel runs never see each other's entries.
    m_key = QStringLiteral("test/%1/api-key").arg(QUuid::createUuid().toString(QUuid::Id128));
}

SecretResult TestKeychainSecretStore::call(std::function<void(qvd::SecretStore::Callback)> start)
{
    int calls = 0;
    SecretResult result;
    start([&](const SecretResult &r) {
        ++calls;
        result = r;
    });
    [&] {
        QTRY_COMPARE_WITH_TIMEOUT(calls, 1, 20000);
    }();
    // One more turn of the event loop: a second completion would show up here.
    QCoreApplication::processEvents();
    if (calls != 1)
        qWarning("callback ran %d times", calls);
    return calls == 1 ? result : SecretResult{};
}

void TestKeychainSecretStore::writeReadDeleteRoundTrip()
{
    KeychainSecretStore store(m_service);
    const QString secret = QStringLiteral("sk-test-") + QUuid::createUuid().toString(QUuid::Id128);

    const SecretResult written = call([&](auto done) { store.write(m_key, secret, done); });
    QVERIFY2(written.ok(), qPrintable(written.message));

    const SecretResult read = call([&](auto done) { store.read(m_key, done); });
    QVERIFY2(read.ok(), qPrintable(read.message));
    QVERIFY(read.value == secret); // QCOMPARE would print the secret on failure

    const SecretResult removed = call([&](auto done) { store.remove(m_key, done); });
    QVERIFY2(removed.ok(), qPrintable(removed.message));

    const SecretResult gone = call([&](auto done) { store.read(m_key, done); });
    QCOMPARE(gone.status, SecretResult::Status::NotFound);
    QVERIFY(gone.value.isEmpty());
}

void TestKeychainSecretStore::secretIsVisibleToOtherSecretServiceClients()
{
    // Proves the secret went to gnome-keyring itself, not to a cache inside this process:
    // libsecret's own command-line client finds it under QtKeychain's schema.
    const QString secretTool = QStandardPaths::findExecutable(QStringLiteral("secret-tool"));
    if (secretTool.isEmpty())
        QSKIP("secret-tool (libsecret-tools) is not installed");

    KeychainSecretStore store(m_service);
    const QString secret =
        QStringLiteral("sk-visible-") + QUuid::createUuid().toString(QUuid::Id128);
    QVERIFY(call([&](auto done) { store.write(m_key, secret, done); }).ok());

    QProcess lookup;
    lookup.start(secretTool,
                 {QStringLiteral("lookup"), QStringLiteral("server"), m_service,
                  QStringLiteral("user"), m_key});
    QVERIFY(lookup.waitForFinished(20000));
    QCOMPARE(lookup.exitCode(), 0);
    QVERIFY(QString::fromUtf8(lookup.readAllStandardOutput()).trimmed() == secret);

    QVERIFY(call([&](auto done) { store.remove(m_key, done); }).ok());
    lookup.start(secretTool,
                 {QStringLiteral("lookup"), QStringLiteral("server"), m_service,
                  QStringLiteral("user"), m_key});
    QVERIFY(lookup.waitForFinished(20000));
    QVERIFY(lookup.readAllStandardOutput().isEmpty());
}

void TestKeychainSecretStore::readOfMissingKeyIsNotFound()
{
    KeychainSecretStore store(m_service);
    const SecretResult result = call([&](auto done) { store.read(m_key, done); });
    QCOMPARE(result.status, SecretResult::Status::NotFound);
}

void TestKeychainSecretStore::timeoutCompletesTheCallOnce()
{
    // A zero timeout fires before the D-Bus round trip can finish; the job's own late
    // completion must not call back a second time.
    KeychainSecretStore store(m_service);
    store.setTimeout(std::chrono::milliseconds(0));
    int calls = 0;
    SecretResult result;
    store.read(m_key, [&](const SecretResult &r) {
        ++calls;
        result = r;
    });
    QTRY_COMPARE(calls, 1);
    QCOMPARE(result.status, SecretResult::Status::TimedOut);
    QVERIFY(!result.message.isEmpty());
    // Let the real job finish (it deletes itself), then check there was no second call.
    QTRY_VERIFY(store.findChildren<QObject *>().isEmpty());
    QCOMPARE(calls, 1);
}

void TestKeychainSecretStore::heldCallsWaitForRelease()
{
    // A zero timeout ends a started call at the next turn of the event loop; a held call has
    // not started, so it neither times out nor reaches the keychain until the store lets go.
    KeychainSecretStore store(m_service);
    store.setTimeout(std::chrono::milliseconds(0));
    store.hold();
    int calls = 0;
    SecretResult held;
    store.read(m_key, [&](const SecretResult &r) {
        ++calls;
        held = r;
    });
    for (int turn = 0; turn < 5; ++turn)
        QCoreApplication::processEvents();
    QCOMPARE(calls, 0);

    store.release();
    QTRY_COMPARE(calls, 1);
    QCOMPARE(held.status, SecretResult::Status::TimedOut);
    // Released, the store works as before.
    store.setTimeout(KeychainSecretStore::kDefaultTimeout);
    QCOMPARE(call([&](auto done) { store.read(m_key, done); }).status,
             SecretResult::Status::NotFound);
}

QVD_TEST_MAIN(TestKeychainSecretStore)
#include "tst_KeychainSecretStore.moc"
