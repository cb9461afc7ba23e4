#pragma once

#include <QFile>
#include <QIODevice>

class QTextStream;

#include <cstdio>

namespace qvd::cli {

// Standard output or error as the CLI writes it. When the stream is a terminal, every control
// character other than newline and tab (C0, DEL and C1) is written as \uXXXX: text from a server
// or a model (answers, error messages, labels) cannot move the cursor, clear the screen, set the
// window title or make the terminal answer back. Pipes and files get the text unchanged.
class TerminalOutput : public QIODevice
{
public:
    explicit TerminalOutput(FILE *stream);
    ~TerminalOutput() override;

    bool isTerminal() const { return m_terminal; }
    // On a terminal, replaces the current line of `stream` (a TerminalOutput) with `text`,
    // escaped like all output: a progress line. An empty text clears it. Elsewhere nothing is
    // written, so pipes and files get no progress noise.
    static void showProgress(QTextStream &stream, const QString &text);
    bool isSequential() const override { return true; }

    // `utf8` with its control characters escaped; `pendingC2` carries a lead byte of U+0080–
    // U+009F that ended the previous piece.
    static QByteArray escapeControls(const QByteArray &utf8, bool &pendingC2);

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 size) override;

private:
    QFile m_file;
    bool m_terminal = false;
    bool m_pendingC2 = false;
};

} // namespace qvd::cli
