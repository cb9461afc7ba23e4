#pragma once

// Small helpers of the storage tests: raw SQLite access beside HistoryStore, file listings.

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

#include "core/storage/StorageError.h"

namespace qvd::test {

// A raw connection to `path`, closed and removed when it goes out of scope.
class RawDatabase
{
public:
    explicit RawDatabase(const QString &path)
        : m_name(QStringLiteral("raw-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        m_ok = db.open();
    }
    ~RawDatabase()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    RawDatabase(const RawDatabase &) = delete;
    RawDatabase &operator=(const RawDatabase &) = delete;

    bool ok() const { return m_ok; }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }

    // Runs one statement; returns the first column of the first row (or an invalid QVariant).
    QVariant value(const QString &sql) const
    {
        QSqlQuery q(db());
        if (!q.exec(sql)) {
            qWarning("SQL failed: %s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
            return {};
        }
        return q.next() ? q.value(0) : QVariant();
    }

    // Runs a script of statements, each ending with ';' at the end of a line; "--" lines are
    // comments.
    bool runScript(const QString &file) const
    {
        QFile script(file);
        if (!script.open(QIODevice::ReadOnly | QIODevice::Text))
            return false;
        QSqlQuery q(db());
        QString statement;
        for (const QString &line : QString::fromUtf8(script.readAll()).split(u'\n')) {
            if (line.trimmed().startsWith(QStringLiteral("--")))
                continue;
            statement += line + u'\n';
            if (!line.trimmed().endsWith(u';'))
                continue;
            if (!q.exec(statement)) {
                qWarning("script failed: %s: %s", qPrintable(statement),
                         qPrintable(q.lastError().text()));
                return false;
            }
            statement.clear();
        }
        return true;
    }

private:
    QString m_name;
    bool m_ok = false;
};

inline QStringList filesIn(const QString &dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden,
                               QDir::Name);
}

inline QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace qvd::test

// Fails the test with the error's words when a storage call returns an error.
#define QVD_VERIFY_STORED(expression)                                                              \
    do {                                                                                           \
        const qvd::StorageError qvdError_ = (expression);                                          \
        QVERIFY2(!qvdError_.isError(),                                                             \
                 qPrintable(qvdError_.detail + QStringLiteral(" — ") + qvdError_.userMessage()));  \
    } while (false)
