#include "cli/TerminalOutput.h"

#include <QTextStream>

#ifdef Q_OS_WIN
#include <io.h>
#else
#include <unistd.h>
#endif

namespace qvd::cli {
namespace {

bool streamIsTerminal(FILE *stream)
{
#ifdef Q_OS_WIN
    return ::_isatty(::_fileno(stream)) != 0;
#else
    return ::isatty(::fileno(stream)) != 0;
#endif
}

void appendEscape(QByteArray &out, uint code)
{
    static const char hex[] = "0123456789abcdef";
    const char escape[] = {'\\', 'u', '0', '0', hex[(code >> 4) & 0xF], hex[code & 0xF]};
    out.append(escape, sizeof escape);
}

} // namespace

TerminalOutput::TerminalOutput(FILE *stream) : m_terminal(streamIsTerminal(stream))
{
    m_file.open(stream, QIODevice::WriteOnly);
    open(QIODevice::WriteOnly);
}

TerminalOutput::~TerminalOutput()
{
    if (m_pendingC2) // a lone lead byte: passed on as it came
        m_file.write("\xC2", 1);
    m_file.flush();
}

void TerminalOutput::showProgress(QTextStream &stream, const QString &text)
{
    auto *device = dynamic_cast<TerminalOutput *>(stream.device());
    if (!device || !device->m_terminal)
        return;
    stream.flush();
    bool pending = false;
    // Back to the line's start, erase it (ECMA-48 EL), then the text.
    device->m_file.write("\r\x1b[K" + escapeControls(text.toUtf8(), pending));
    device->m_file.flush();
}

QByteArray TerminalOutput::escapeControls(const QByteArray &utf8, bool &pendingC2)
{
    QByteArray out;
    out.reserve(utf8.size());
    for (const char c : utf8) {
        const auto byte = uchar(c);
        if (pendingC2) {
            pendingC2 = false;
            if (byte >= 0x80 && byte <= 0x9F) { // U+0080–U+009F, the C1 controls
                appendEscape(out, byte);
                continue;
            }
            out.append('\xC2');
        }
        if (byte == 0xC2) {
            pendingC2 = true;
        } else if ((byte < 0x20 && byte != '\n' && byte != '\t') || byte == 0x7F) {
            appendEscape(out, byte);
        } else {
            out.append(c);
        }
    }
    return out;
}

qint64 TerminalOutput::writeData(const char *data, qint64 size)
{
    const QByteArray bytes = QByteArray::fromRawData(data, size);
    const qint64 written = m_file.write(m_terminal ? escapeControls(bytes, m_pendingC2) : bytes);
    m_file.flush(); // the text stream above decides when to flush; nothing waits here
    return written < 0 ? -1 : size;
}

} // namespace qvd::cli
