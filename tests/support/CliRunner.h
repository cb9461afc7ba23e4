#pragma once

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QString>
#include <QStringList>

namespace qvd::test {

// One run of the built qwenvl-desk-cli (QVD_CLI_PATH) as a person runs it.
struct CliRun
{
    int exitCode = -1; // -1: did not start, crashed, or timed out
    QString out;
    QString err;

    // Standard output read as one JSON object (--json, boxes --format json).
    QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
};

// Runs the CLI with `arguments`, feeding `stdinBytes`, while this process's event loop keeps
// running (so a test server in the test itself can answer it).
inline CliRun
runCli(const QStringList &arguments, const QByteArray &stdinBytes = {},
       const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(),
       int timeoutMs = 60000)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QStringLiteral(QVD_CLI_PATH), arguments);
    CliRun run;
    if (!process.waitForStarted(10000))
        return run;
    process.write(stdinBytes);
    process.closeWriteChannel();
    if (!finished.wait(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

} // namespace qvd::test
