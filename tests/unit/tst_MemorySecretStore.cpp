#include "core/secrets/MemorySecretStore.h"

#include "TestMain.h"

using qvd::MemorySecretStore;
using qvd::SecretResult;

class TestMemorySecretStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readOfMissingKeyIsNotFound();
    void writeThenReadReturnsTheSecret();
    void removeMakesTheKeyMissing();
    void callbackIsNeverInvokedInsideTheCall();
    void pendingCallbacksCompleteOnceWhenTheStoreIsDestroyed();
};

namespace {

// Collects the results of calls; counts how often each callback ran.
struct Results
{
    QList<SecretResult> list;
    qvd::SecretStore::Callback collect()
    {
        return [this](const SecretResult &result) {
            list.append(result);
        };
    }
};

} // namespace

void TestMemorySecretStore::readOfMissingKeyIsNotFound()
{
    MemorySecretStore store;
    Results results;
    store.read(QStringLiteral("profile/default/api-key"), results.collect());
    QTRY_COMPARE(results.list.size(), 1);
    QCOMPARE(results.list[0].status, SecretResult::Status::NotFound);
    QVERIFY(results.list[0].value.isEmpty());
    QVERIFY(!results.list[0].message.isEmpty());
}

void TestMemorySecretStore::writeThenReadReturnsTheSecret()
{
    MemorySecretStore store;
    Results results;
    store.write(QStringLiteral("a"), QStringLiteral("secret-a"), results.collect());
    store.write(QStringLiteral("b"), QStringLiteral("secret-b"), results.collect());
    store.read(QStringLiteral("a"), results.collect());
    QTRY_COMPARE(results.list.size(), 3);
    QVERIFY(results.list[0].ok());
    QVERIFY(results.list[1].ok());
    QVERIFY(results.list[2].ok());
    QCOMPARE(results.list[2].value, QStringLiteral("secret-a"));
}

void TestMemorySecretStore::removeMakesTheKeyMissing()
{
    MemorySecretStore store;
    Results results;
    store.write(QStringLiteral("a"), QStringLiteral("secret-a"), results.collect());
    store.remove(QStringLiteral("a"), results.collect());
    store.read(QStringLiteral("a"), results.collect());
    QTRY_COMPARE(results.list.size(), 3);
    QVERIFY(results.list[1].ok());
    QCOMPARE(results.list[2].status, SecretResult::Status::NotFound);
}

void TestMemorySecretStore::callbackIsNeverInvokedInsideTheCall()
{
    MemorySecretStore store;
    Results results;
    store.read(QStringLiteral("a"), results.collect());
    QCOMPARE(results.list.size(), 0);
    QTRY_COMPARE(results.list.size(), 1);
}

void TestMemorySecretStore::pendingCallbacksCompleteOnceWhenTheStoreIsDestroyed()
{
    Results results;
    {
        MemorySecretStore store;
        store.write(QStringLiteral("a"), QStringLiteral("secret-a"), results.collect());
        store.read(QStringLiteral("a"), results.collect());
    }
    QCOMPARE(results.list.size(), 2);
    QCOMPARE(results.list[0].status, SecretResult::Status::Failed);
    QCOMPARE(results.list[1].status, SecretResult::Status::Failed);
    // Nothing arrives later from the queued completions of the destroyed store.
    QCoreApplication::processEvents();
    QCOMPARE(results.list.size(), 2);
}

QVD_TEST_MAIN(TestMemorySecretStore)
#include "tst_MemorySecretStore.moc"
