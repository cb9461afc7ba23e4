#include "core/storage/JsonStream.h"

#include <QIODevice>

#include <cstring>

namespace qvd::storage {

namespace {

constexpr qint64 kBlockBytes = 256 * 1024;
constexpr qsizetype kPieceBytes = 256 * 1024;
constexpr qsizetype kMaxNameBytes = 4096;
// Deeper than any value the app writes; a file nesting deeper is not one of ours.
constexpr qsizetype kMaxDepth = 512;

bool isSpace(int c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool isLiteralChar(int c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '+'
        || c == '-' || c == '.';
}

void appendUtf8(QByteArray &out, uint codePoint)
{
    if (codePoint < 0x80) {
        out.append(char(codePoint));
    } else if (codePoint < 0x800) {
        out.append(char(0xc0 | (codePoint >> 6)));
        out.append(char(0x80 | (codePoint & 0x3f)));
    } else if (codePoint < 0x10000) {
        out.append(char(0xe0 | (codePoint >> 12)));
        out.append(char(0x80 | ((codePoint >> 6) & 0x3f)));
        out.append(char(0x80 | (codePoint & 0x3f)));
    } else {
        out.append(char(0xf0 | (codePoint >> 18)));
        out.append(char(0x80 | ((codePoint >> 12) & 0x3f)));
        out.append(char(0x80 | ((codePoint >> 6) & 0x3f)));
        out.append(char(0x80 | (codePoint & 0x3f)));
    }
}

} // namespace

JsonStream::JsonStream(QIODevice *device) : m_device(device) { }

bool JsonStream::fill()
{
    if (m_pos < m_buffer.size())
        return true;
    if (m_failed)
        return false;
    m_offset += m_buffer.size();
    m_pos = 0;
    m_buffer = m_device->read(kBlockBytes);
    if (m_progress && !m_progress(m_offset + m_buffer.size())) {
        m_stopped = true;
        fail(QStringLiteral("stopped"));
        return false;
    }
    return !m_buffer.isEmpty();
}

int JsonStream::peek()
{
    return fill() ? uchar(m_buffer.at(m_pos)) : -1;
}

int JsonStream::take()
{
    return fill() ? uchar(m_buffer.at(m_pos++)) : -1;
}

void JsonStream::skipSpace()
{
    while (isSpace(peek()))
        ++m_pos;
}

bool JsonStream::fail(const QString &what)
{
    if (!m_failed) {
        m_failed = true;
        m_error = QStringLiteral("%1 at byte %2").arg(what).arg(position());
        m_buffer.clear();
        m_pos = 0;
    }
    return false;
}

bool JsonStream::expect(char c)
{
    skipSpace();
    const int got = peek();
    if (got != uchar(c)) {
        return fail(got < 0 ? QStringLiteral("unexpected end, expected '%1'").arg(QLatin1Char(c))
                            : QStringLiteral("expected '%1'").arg(QLatin1Char(c)));
    }
    ++m_pos;
    return true;
}

bool JsonStream::enterObject()
{
    if (m_levels.size() >= kMaxDepth)
        return fail(QStringLiteral("nested too deeply"));
    if (!expect('{'))
        return false;
    m_levels.append({true, true});
    return true;
}

bool JsonStream::enterArray()
{
    if (m_levels.size() >= kMaxDepth)
        return fail(QStringLiteral("nested too deeply"));
    if (!expect('['))
        return false;
    m_levels.append({false, true});
    return true;
}

// Between the members or elements of the innermost level: its end, or a ',' (not before the
// first one).
bool JsonStream::separator(char close, bool *more)
{
    *more = false;
    if (m_failed)
        return false;
    if (m_levels.isEmpty() || m_levels.constLast().object != (close == '}'))
        return fail(QStringLiteral("not inside an %1")
                        .arg(close == '}' ? QStringLiteral("object") : QStringLiteral("array")));
    skipSpace();
    const int c = peek();
    if (c == uchar(close)) {
        ++m_pos;
        m_levels.removeLast();
        return true;
    }
    Level &level = m_levels.last();
    if (!level.first && !expect(','))
        return false;
    level.first = false;
    *more = true;
    return true;
}

bool JsonStream::nextMember(QString *name)
{
    bool more = false;
    if (!separator('}', &more) || !more)
        return false;
    skipSpace();
    if (peek() != '"')
        return fail(QStringLiteral("expected a member name"));
    const Status status = readString(kMaxNameBytes, name);
    if (status == Status::TooLarge)
        return fail(QStringLiteral("member name too long"));
    return status == Status::Ok && expect(':');
}

bool JsonStream::nextElement()
{
    bool more = false;
    return separator(']', &more) && more;
}

bool JsonStream::atEnd()
{
    skipSpace();
    return !m_failed && peek() < 0;
}

bool JsonStream::skipValue()
{
    return scanValue(nullptr, 0) == Status::Ok;
}

JsonStream::Status JsonStream::readValue(qint64 maxBytes, QByteArray *json)
{
    json->clear();
    return scanValue(json, maxBytes);
}

// One value, its bytes copied to `out` (when given) while they fit in `maxBytes`. Brackets must
// pair up; the rest of the syntax is left to whoever parses the copy.
JsonStream::Status JsonStream::scanValue(QByteArray *out, qint64 maxBytes)
{
    bool tooLarge = false;
    const auto copy = [&](const char *data, qsizetype size) {
        if (!out || tooLarge)
            return;
        if (out->size() + size > maxBytes) {
            tooLarge = true;
            *out = QByteArray();
            return;
        }
        out->append(data, size);
    };
    QByteArray open; // the brackets not closed yet
    skipSpace();
    do {
        const int c = peek();
        if (c < 0) {
            fail(QStringLiteral("unexpected end of the file"));
            return Status::Failed;
        }
        if (c == '"') {
            if (!scanString(copy))
                return Status::Failed;
        } else if (c == '{' || c == '[') {
            if (open.size() >= kMaxDepth) {
                fail(QStringLiteral("nested too deeply"));
                return Status::Failed;
            }
            open.append(char(c));
            copy(m_buffer.constData() + m_pos++, 1);
        } else if (c == '}' || c == ']') {
            if (open.isEmpty() || open.back() != (c == '}' ? '{' : '[')) {
                fail(QStringLiteral("unbalanced '%1'").arg(QLatin1Char(char(c))));
                return Status::Failed;
            }
            open.chop(1);
            copy(m_buffer.constData() + m_pos++, 1);
        } else if ((c == ',' || c == ':') && !open.isEmpty()) {
            copy(m_buffer.constData() + m_pos++, 1);
        } else if (isSpace(c) && !open.isEmpty()) {
            ++m_pos;
        } else if (isLiteralChar(c)) {
            while (fill() && isLiteralChar(uchar(m_buffer.at(m_pos))))
                copy(m_buffer.constData() + m_pos++, 1);
        } else {
            fail(QStringLiteral("unexpected character"));
            return Status::Failed;
        }
    } while (!open.isEmpty());
    if (m_failed)
        return Status::Failed;
    return tooLarge ? Status::TooLarge : Status::Ok;
}

// A string as it is written (quotes and escapes kept), handed to `copy` in runs.
bool JsonStream::scanString(const std::function<void(const char *, qsizetype)> &copy)
{
    copy(m_buffer.constData() + m_pos++, 1); // the opening quote
    for (;;) {
        if (!fill())
            return fail(QStringLiteral("unterminated string"));
        const char *begin = m_buffer.constData() + m_pos;
        const char *end = m_buffer.constData() + m_buffer.size();
        const char *stop = begin;
        while (stop < end && *stop != '"' && *stop != '\\')
            ++stop;
        copy(begin, stop - begin);
        m_pos += stop - begin;
        if (stop == end)
            continue;
        copy(stop, 1);
        ++m_pos;
        if (*stop == '"')
            return true;
        // The escaped character, possibly in the next block.
        if (!fill())
            return fail(QStringLiteral("unterminated string"));
        copy(m_buffer.constData() + m_pos++, 1);
    }
}

JsonStream::Status JsonStream::readString(qint64 maxBytes, QString *text)
{
    QByteArray utf8;
    bool tooLarge = false;
    const bool ok = streamString([&](const QByteArray &piece) {
        if (utf8.size() + piece.size() > maxBytes) {
            tooLarge = true;
            return false;
        }
        utf8.append(piece);
        return true;
    });
    if (!ok)
        return Status::Failed;
    if (tooLarge)
        return Status::TooLarge;
    *text = QString::fromUtf8(utf8);
    return Status::Ok;
}

bool JsonStream::readHex4(uint *value)
{
    *value = 0;
    for (int i = 0; i < 4; ++i) {
        const int c = take();
        int digit = -1;
        if (c >= '0' && c <= '9')
            digit = c - '0';
        else if (c >= 'a' && c <= 'f')
            digit = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            digit = c - 'A' + 10;
        if (digit < 0)
            return fail(QStringLiteral("bad \\u escape"));
        *value = *value * 16 + uint(digit);
    }
    return true;
}

// After a backslash: appends what the escape stands for.
bool JsonStream::readEscape(QByteArray &piece)
{
    const int c = take();
    switch (c) {
    case '"':
    case '\\':
    case '/':
        piece.append(char(c));
        return true;
    case 'b':
        piece.append('\b');
        return true;
    case 'f':
        piece.append('\f');
        return true;
    case 'n':
        piece.append('\n');
        return true;
    case 'r':
        piece.append('\r');
        return true;
    case 't':
        piece.append('\t');
        return true;
    case 'u':
        break;
    default:
        return fail(QStringLiteral("bad escape"));
    }
    uint unit = 0;
    if (!readHex4(&unit))
        return false;
    if (unit >= 0xd800 && unit < 0xdc00) {
        // A high surrogate: its low half must follow as another \u escape.
        uint low = 0;
        if (peek() == '\\') {
            ++m_pos;
            if (take() != 'u' || !readHex4(&low))
                return fail(QStringLiteral("bad surrogate pair"));
        }
        if (low >= 0xdc00 && low < 0xe000) {
            appendUtf8(piece, 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00));
            return true;
        }
        unit = 0xfffd;
    } else if (unit >= 0xdc00 && unit < 0xe000) {
        unit = 0xfffd;
    }
    appendUtf8(piece, unit);
    return true;
}

bool JsonStream::streamString(const std::function<bool(const QByteArray &)> &sink)
{
    skipSpace();
    if (peek() != '"')
        return fail(QStringLiteral("expected a string"));
    ++m_pos;
    bool wanted = true;
    QByteArray piece;
    const auto flush = [&] {
        if (wanted && !piece.isEmpty())
            wanted = sink(piece);
        piece.clear();
    };
    for (;;) {
        if (!fill())
            return fail(QStringLiteral("unterminated string"));
        const char *begin = m_buffer.constData() + m_pos;
        const char *end = m_buffer.constData() + m_buffer.size();
        const char *stop = begin;
        while (stop < end && *stop != '"' && *stop != '\\' && uchar(*stop) >= 0x20)
            ++stop;
        if (wanted)
            piece.append(begin, stop - begin);
        m_pos += stop - begin;
        if (stop == end) {
            if (piece.size() >= kPieceBytes)
                flush();
            continue;
        }
        ++m_pos;
        if (*stop == '"')
            break;
        if (*stop != '\\')
            return fail(QStringLiteral("control character in a string"));
        if (!readEscape(piece))
            return false;
        if (!wanted)
            piece.clear();
    }
    flush();
    return true;
}

} // namespace qvd::storage
