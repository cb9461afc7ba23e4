#pragma once

#include "core/grounding/Detection.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include <chrono>

namespace qvd {

// Grounds an answer while it streams in, at a cost per delta that does not grow with the
// answer. append() only adds the delta to the grounder's own copy of the text; the parse
// (GroundingParser with the streaming rule) runs on a worker thread, one at a time, always on
// the newest text, and starts again only after a pause as long as the last parse took (at least
// minimumInterval()), so it uses at most about half of a core however long or hostile the answer
// is. Each result is published with detectionsChanged() and is exactly the streaming parse of
// the first groundedLength() characters; results that arrive after begin() or finish() are
// dropped. finish() parses the whole answer with the complete rule on the calling thread: the
// final detections are exactly GroundingParser's.
class StreamingGrounder : public QObject
{
    Q_OBJECT
public:
    explicit StreamingGrounder(QObject *parent = nullptr);
    ~StreamingGrounder() override;

    // A new answer starts: forgets the text and the detections of the previous one.
    void begin();
    // The next piece of the answer.
    void append(const QString &delta);
    // The whole answer has arrived: its detections under the complete rule. Stops streaming
    // work; append() after it starts nothing until begin().
    QList<Detection> finish(const QString &answer);

    // The newest published detections, and how much of the text they come from.
    const QList<Detection> &detections() const { return m_detections; }
    qsizetype groundedLength() const { return m_groundedLength; }
    // The answer as received so far.
    const QString &text() const { return m_text; }

    bool isParsing() const { return m_running; }
    // Parses started on the worker since construction (tests).
    int parsesStarted() const { return m_started; }

    std::chrono::milliseconds minimumInterval() const { return m_minimumInterval; }
    void setMinimumInterval(std::chrono::milliseconds interval) { m_minimumInterval = interval; }

Q_SIGNALS:
    // A newer part of the answer was parsed and its detections differ from the last ones.
    void detectionsChanged(const QList<qvd::Detection> &detections);

private:
    struct Result
    {
        QList<Detection> detections;
        qsizetype length = 0;
        qint64 elapsedNs = 0;
        quint64 generation = 0;
    };

    void startWhenAllowed();
    void startParse();
    void onParsed();

    QString m_text;
    QList<Detection> m_detections;
    qsizetype m_groundedLength = 0;
    qsizetype m_requestedLength = 0; // the text length the running or last parse was given
    quint64 m_generation = 0; // one per answer; results of another are dropped
    bool m_streaming = false;
    bool m_running = false;
    int m_started = 0;
    std::chrono::milliseconds m_minimumInterval{50};
    QElapsedTimer m_sinceLastParse; // started when the last parse ended
    qint64 m_lastParseNs = 0;
    QTimer m_pause; // until the next parse may start
    QFutureWatcher<Result> m_watcher;
};

} // namespace qvd
