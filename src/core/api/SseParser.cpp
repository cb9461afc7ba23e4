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

// Scans for line ends and hands whole lines over without copying them; only a line split across
// two feeds is gathered in m_line (whose capacity is kept between lines).
void SseParser::consume(const QByteArray &bytes, QList<SseEvent> &out)
{
    const char *p = bytes.constData();
    const char *const end = p + bytes.size();
    while (p < end && !m_overflowed) {
        if (m_afterCr) {
            m_afterCr = false;
            if (*p == '\n') {
                ++p;
                continue;
            }
        }
        const char *stop = p;
        while (stop < end && *stop != '\n' && *stop != '\r')
            ++stop;
        if (m_line.size() + (stop - p) > m_maxEventBytes) {
            overflow(); // an endless line, with or without its end in sight
            return;
        }
        if (stop == end) {
            m_line.append(p, end - p);
            return;
        }
        m_afterCr = *stop == '\r';
        if (m_line.isEmpty()) {
            processLine(QByteArray::fromRawData(p, stop - p), out);
        } else {
            m_line.append(p, stop - p);
            processLine(m_line, out);
            m_line.resize(0);
        }
        p = stop + 1;
    }
}

QList<SseEvent> SseParser::finish()
{
    QList<SseEvent> out;
    if (m_overflowed)
        return out;
    // A lone partial BOM is no content.
    if (!m_started && !kBom.startsWith(m_pending))
        consume(m_pending, out);
    if (!m_line.isEmpty())
        processLine(m_line, out);
    if (m_overflowed)
        return out; // stays overflowed until reset()
    m_line.clear();
    dispatch(out);
    reset();
    return out;
}

void SseParser::reset()
{
    const qsizetype maxEventBytes = m_maxEventBytes;
    *this = SseParser();
    m_maxEventBytes = maxEventBytes;
}

void SseParser::overflow()
{
    m_overflowed = true;
    m_hasData = false;
    m_line = QByteArray();
    m_data = QByteArray();
    m_pending = QByteArray();
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
    // Views: the line may point into the caller's buffer, and only kept values are copied.
    const QByteArrayView view(line);
    const qsizetype colon = view.indexOf(':');
    const QByteArrayView field = colon < 0 ? view : view.first(colon);
    QByteArrayView value = colon < 0 ? QByteArrayView() : view.sliced(colon + 1);
    if (value.startsWith(' '))
        value = value.sliced(1);
    if (field == QByteArrayView("data")) {
        // Many short data lines make one event too: its data is bounded like a line.
        if (m_data.size() + value.size() + 1 > m_maxEventBytes) {
            overflow();
            return;
        }
        if (m_hasData)
            m_data += '\n';
        m_data += value;
        m_hasData = true;
    } else if (field == QByteArrayView("event")) {
        m_event = value.toByteArray();
    } else if (field == QByteArrayView("id")) {
        if (value.indexOf('\0') < 0)
            m_lastId = value.toByteArray();
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
