#include "core/grounding/parsers/TextPairParser.h"

#include <QRegularExpression>

namespace qvd::grounding {

namespace {

constexpr qsizetype MaxBareLabel = 50;

bool endsLabelRun(QChar c)
{
    static const QString stops = QStringLiteral(".,;:!?\n\r，。；：！？、");
    return stops.contains(c);
}

// The text before `end` back to `floor`, a line break or a punctuation mark.
QString labelBefore(const QString &text, qsizetype floor, qsizetype end)
{
    qsizetype start = end;
    const qsizetype limit = std::max(floor, end - MaxBareLabel);
    while (start > limit && !endsLabelRun(text.at(start - 1)))
        --start;
    return text.mid(start, end - start).trimmed();
}

} // namespace

QList<Detection> parseBarePairs(const QString &text)
{
    static const QRegularExpression pairs(
        QStringLiteral("\\(\\s*(-?\\d+(?:\\.\\d+)?)\\s*,\\s*(-?\\d+(?:\\.\\d+)?)\\s*\\)\\s*,\\s*"
                       "\\(\\s*(-?\\d+(?:\\.\\d+)?)\\s*,\\s*(-?\\d+(?:\\.\\d+)?)\\s*\\)"));
    QList<Detection> detections;
    qsizetype previousEnd = 0;
    for (auto it = pairs.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        Detection d = Detection::box(m.capturedView(1).toDouble(), m.capturedView(2).toDouble(),
                                     m.capturedView(3).toDouble(), m.capturedView(4).toDouble(),
                                     labelBefore(text, previousEnd, m.capturedStart()));
        d.syntax = GroundingSyntax::BarePairs;
        d.sourceStart = m.capturedStart();
        d.sourceLength = m.capturedLength();
        detections.append(d);
        previousEnd = m.capturedEnd();
    }
    return detections;
}

QList<Detection> parsePlainLines(const QString &text, ParseMode mode)
{
    static const QRegularExpression line(
        QStringLiteral("^[ \\t]*(-?\\d+(?:\\.\\d+)?)[ \\t]*,[ \\t]*(-?\\d+(?:\\.\\d+)?)[ \\t]*,"
                       "[ \\t]*(-?\\d+(?:\\.\\d+)?)[ \\t]*,[ \\t]*(-?\\d+(?:\\.\\d+)?)"
                       "[ \\t]+([^\\r\\n]+)\\r?$"),
        QRegularExpression::MultilineOption);
    QList<Detection> detections;
    for (auto it = line.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        if (mode == ParseMode::Streaming && m.capturedEnd() >= text.size())
            break; // the label may still be growing
        const QString label = m.capturedView(5).trimmed().toString();
        Detection d =
            Detection::box(m.capturedView(1).toDouble(), m.capturedView(2).toDouble(),
                           m.capturedView(3).toDouble(), m.capturedView(4).toDouble(), label);
        d.syntax = GroundingSyntax::PlainLines;
        d.sourceStart = m.capturedStart();
        d.sourceLength = m.capturedLength();
        detections.append(d);
    }
    return detections;
}

} // namespace qvd::grounding
