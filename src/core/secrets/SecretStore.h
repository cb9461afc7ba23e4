#pragma once

#include <QObject>
#include <QString>

#include <QHash>

#include <functional>

namespace qvd {

// What became of one call on a SecretStore. `value` is filled only by a successful read.
struct SecretResult
{
    enum class Status {
        Ok,
        NotFound, // no secret under this key yet: a normal state, not an error
        Unavailable, // no keychain service (or it is locked / not installed)
        AccessDenied,
        TimedOut,
        Failed,
    };

    Status status = Status::Failed;
    QString value;
    QString message; // user-facing, translated; never contains the secret

    bool ok() const { return status == Status::Ok; }
};

// Asynchronous store of small secrets (API keys, proxy passwords).
// Contract: every call invokes its callback exactly once, later (never from inside the call),
// on the thread that owns the store. If the store is destroyed first, pending callbacks are
// invoked with Status::Failed from its destructor.
class SecretStore : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const SecretResult &)>;

    using QObject::QObject;
    ~SecretStore() override;

    virtual void read(const QString &key, Callback done) = 0;
    virtual void write(const QString &key, const QString &secret, Callback done) = 0;
    virtual void remove(const QString &key, Callback done) = 0;

    // A short name of where secrets go, for "key status" output, e.g. "Secret Service".
    virtual QString backendName() const = 0;

    static QString messageFor(SecretResult::Status status, const QString &detail = {});

protected:
    // Bookkeeping that makes "exactly once" hold for every implementation: begin() registers a
    // callback, the first finish() for its id invokes it, later ones are ignored.
    quint64 begin(Callback done);
    void finish(quint64 id, SecretResult result);
    void finishLater(quint64 id, SecretResult result);
    static SecretResult failure(SecretResult::Status status, const QString &detail = {});

private:
    quint64 m_nextId = 1;
    QHash<quint64, Callback> m_pending;
};

} // namespace qvd
