#include "core/api/SseParser.h"

#include <utility>

namespace qvd {

namespace {

const QByteArray kBom("\xEF\xBB\xBF");

} // namespace

QList<SseEvent> SseParser::feed(const QByteArray &bytes)
{
    QList<SseEvent> out;
    if (m_started) {
        consume(bytes, out);
        return out;
    }
    // The standard strips one leading UTF-8 BOM; hold bytes back until it is clear.
    m_pending += bytes;
    if (m_pending.size() < kBom.size() && kBom.startsWith(m_pending))
        return out;
    m_started = true;
    QByteArray all = std::exchange(m_pending, {});
    if (all.startsWith(kBom))
        all.remove(0, kBom.size());
    consume(all, out);
    return out;
}

void SseParser::consume(const QByteArray &bytes, QList<SseEvent> &out)
{
    for (const char c : bytes) {
        if (m_afterCr) {
            m_afterCr = false;
            if (c == '\n')
                continue;
        }
        if (c == '\r' || c == '\n') {
            m_afterCr = c == '\r';
            processLine(m_line, out);
            m_line.clear();
        } else {
            m_line += c;
        }
    }
}

QList<SseEvent> SseParser::finish()
{
    QList<SseEvent> out;
    // A lone partial BOM is no content.
    if (!m_started && !kBom.startsWith(m_pending))
        consume(m_pending, out);
    if (!m_line.isEmpty())
        processLine(m_line, out);
    dispatch(out);
    reset();
    return out;
}

void SseParser::reset()
{
    *this = SseParser();
}

void SseParser::processLine(const QByteArray &line, QList<SseEvent> &out)
{
    if (line.isEmpty()) {
        dispatch(out);
        return;
    }
    if (line.startsWith(':')) {
        static const QByteArray statusPrefix(":HTTP_STATUS/");
        if (line.startsWith(statusPrefix))
            m_httpStatus = line.mid(statusPrefix.size()).toInt();
        return;
    }
    const qsizetype colon = line.indexOf(':');
    const QByteArray field = colon < 0 ? line : line.left(colon);
    QByteArray value = colon < 0 ? QByteArray() : line.mid(colon + 1);
    if (value.startsWith(' '))
        value.remove(0, 1);
    if (field == "data") {
        if (m_hasData)
            m_data += '\n';
        m_data += value;
        m_hasData = true;
    } else if (field == "event") {
        m_event = value;
    } else if (field == "id") {
        if (!value.contains('\0'))
            m_lastId = value;
    }
    // "retry" and unknown fields are ignored: reconnection is ChatTurn's decision.
}

void SseParser::dispatch(QList<SseEvent> &out)
{
    if (m_hasData)
        out.append({m_lastId, m_event, m_data, m_httpStatus});
    m_event.clear();
    m_data.clear();
    m_hasData = false;
    m_httpStatus = 0;
}

} // namespace qvd
