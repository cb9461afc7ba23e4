#pragma once

#include <QByteArray>
#include <QList>

namespace qvd {

// One server-sent event.
struct SseEvent
{
    QByteArray id; // the last `id:` seen (persists across events, as in the SSE standard)
    QByteArray event; // `event:` of this event; empty means the default ("message")
    QByteArray data; // `data:` lines joined with '\n'
    // DashScope's `:HTTP_STATUS/NNN` comment inside this event (docs/dashscope-protocol.md §5); 0
    // if none.
    int httpStatus = 0;

    friend bool operator==(const SseEvent &a, const SseEvent &b)
    {
        return a.id == b.id && a.event == b.event && a.data == b.data
            && a.httpStatus == b.httpStatus;
    }
    friend bool operator!=(const SseEvent &a, const SseEvent &b) { return !(a == b); }
};

// Incremental text/event-stream parser (WHATWG HTML "Server-sent events" §9.2.6): feed bytes
// as they arrive, however they are split; lines may end in CRLF, LF or CR. Memory is bounded: a
// line or an event's data longer than maxEventBytes() stops the parser (overflowed()).
class SseParser
{
public:
    static constexpr qsizetype kDefaultMaxEventBytes = 8 * 1024 * 1024;

    // Kept across reset().
    void setMaxEventBytes(qsizetype bytes) { m_maxEventBytes = bytes; }
    qsizetype maxEventBytes() const { return m_maxEventBytes; }
    // A line or an event went past maxEventBytes(): what it held is dropped, and nothing more
    // is parsed until reset(). Events completed before it were returned as usual.
    bool overflowed() const { return m_overflowed; }

    // Parses `bytes` and returns the events they complete.
    QList<SseEvent> feed(const QByteArray &bytes);
    // End of stream: an unterminated last line counts, and an event not yet closed by a blank
    // line is dispatched. DashScope's error stream ends after a single '\n' (§9.C).
    QList<SseEvent> finish();
    void reset();

private:
    void consume(const QByteArray &bytes, QList<SseEvent> &out);
    void processLine(const QByteArray &line, QList<SseEvent> &out);
    void dispatch(QList<SseEvent> &out);
    void overflow();

    QByteArray m_pending; // bytes held back while a leading BOM is possible
    QByteArray m_line; // the current, unterminated line
    bool m_afterCr = false; // the last byte was CR: a following LF belongs to it
    bool m_started = false; // past a possible leading BOM
    QByteArray m_lastId;
    QByteArray m_event;
    QByteArray m_data;
    bool m_hasData = false;
    int m_httpStatus = 0;
    qsizetype m_maxEventBytes = kDefaultMaxEventBytes;
    bool m_overflowed = false;
};

} // namespace qvd
