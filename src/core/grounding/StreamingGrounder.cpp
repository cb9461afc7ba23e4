#include "core/grounding/StreamingGrounder.h"

#include "core/grounding/GroundingParser.h"

#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace qvd {

StreamingGrounder::StreamingGrounder(QObject *parent) : QObject(parent)
{
    m_pause.setSingleShot(true);
    connect(&m_pause, &QTimer::timeout, this, &StreamingGrounder::startWhenAllowed);
    connect(&m_watcher, &QFutureWatcher<Result>::finished, this, &StreamingGrounder::onParsed);
}

// A parse still running keeps its own copy of the text and ends on its own; its result is
// dropped with the watcher.
StreamingGrounder::~StreamingGrounder() = default;

void StreamingGrounder::begin()
{
    ++m_generation;
    m_streaming = true;
    m_text.clear();
    m_detections.clear();
    m_groundedLength = 0;
    m_requestedLength = 0;
}

void StreamingGrounder::append(const QString &delta)
{
    if (!m_streaming || delta.isEmpty())
        return;
    m_text += delta;
    startWhenAllowed();
}

QList<Detection> StreamingGrounder::finish(const QString &answer)
{
    ++m_generation;
    m_streaming = false;
    m_pause.stop();
    m_text = QString();
    m_detections = GroundingParser(ParseMode::Complete).parse(answer);
    m_groundedLength = answer.size();
    return m_detections;
}

void StreamingGrounder::startWhenAllowed()
{
    if (!m_streaming || m_running || m_pause.isActive() || m_text.size() == m_requestedLength)
        return;
    if (m_sinceLastParse.isValid()) {
        const qint64 pauseNs =
            std::max<qint64>(std::chrono::nanoseconds(m_minimumInterval).count(), m_lastParseNs);
        const qint64 leftNs = pauseNs - m_sinceLastParse.nsecsElapsed();
        if (leftNs > 0) {
            m_pause.start(int((leftNs + 999'999) / 1'000'000));
            return;
        }
    }
    startParse();
}

void StreamingGrounder::startParse()
{
    m_running = true;
    ++m_started;
    m_requestedLength = m_text.size();
    // Shared with m_text: the next append() copies the text once, on this thread; the worker
    // only reads its snapshot.
    const QString text = m_text;
    const quint64 generation = m_generation;
    m_watcher.setFuture(QtConcurrent::run([text, generation] {
        QElapsedTimer clock;
        clock.start();
        Result result;
        result.detections = GroundingParser(ParseMode::Streaming).parse(text);
        result.length = text.size();
        result.generation = generation;
        result.elapsedNs = clock.nsecsElapsed();
        return result;
    }));
}

void StreamingGrounder::onParsed()
{
    const Result result = m_watcher.result();
    m_running = false;
    m_lastParseNs = result.elapsedNs;
    m_sinceLastParse.start();
    if (m_streaming && result.generation == m_generation) {
        m_groundedLength = result.length;
        if (result.detections != m_detections) {
            m_detections = result.detections;
            Q_EMIT detectionsChanged(m_detections);
        }
    }
    startWhenAllowed();
}

} // namespace qvd
