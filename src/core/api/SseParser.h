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
// as they arrive, however they are split; lines may end in CRLF, LF or CR.
class SseParser
{
public:
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

    QByteArray m_pending; // bytes held back while a leading BOM is possible
    QByteArray m_line; // the current, unterminated line
    bool m_afterCr = false; // the last byte was CR: a following LF belongs to it
    bool m_started = false; // past a possible leading BOM
    QByteArray m_lastId;
    QByteArray m_event;
    QByteArray m_data;
    bool m_hasData = false;
    int m_httpStatus = 0;
};

} // namespace qvd
