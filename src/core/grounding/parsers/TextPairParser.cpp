#include "core/grounding/parsers/TextPairParser.h"

#include "core/grounding/parsers/Numbers.h"

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

// PCRE's \s and \d without Unicode properties, as QRegularExpression uses them.
bool isRegexSpace(QChar c)
{
    return c == u' ' || (c >= u'\t' && c <= u'\r');
}

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

qsizetype skipRegexSpace(QStringView text, qsizetype i)
{
    while (i < text.size() && isRegexSpace(text.at(i)))
        ++i;
    return i;
}

// Matches `-?\d+(?:\.\d+)?` at `i`: the end of the number, or -1.
qsizetype matchNumber(QStringView text, qsizetype i)
{
    if (i < text.size() && text.at(i) == u'-')
        ++i;
    const qsizetype digits = i;
    while (i < text.size() && isAsciiDigit(text.at(i)))
        ++i;
    if (i == digits)
        return -1;
    if (i + 1 < text.size() && text.at(i) == u'.' && isAsciiDigit(text.at(i + 1))) {
        i += 2;
        while (i < text.size() && isAsciiDigit(text.at(i)))
            ++i;
    }
    return i;
}

struct BarePair
{
    qsizetype start = 0;
    qsizetype end = 0;
    qreal numbers[4] = {};
};

// Matches the pattern `\(\s*N\s*,\s*N\s*\)\s*,\s*\(\s*N\s*,\s*N\s*\)` (N a number as above)
// at the "(" at `start`. Every part is greedy and cannot give back a character the next part
// would take, so the one forward pass finds exactly what the regex engine would.
bool matchBarePair(QStringView text, qsizetype start, BarePair &pair)
{
    qsizetype i = start;
    int n = 0;
    for (int half = 0; half < 2; ++half) {
        if (half == 1) {
            i = skipRegexSpace(text, i);
            if (i >= text.size() || text.at(i) != u',')
                return false;
            i = skipRegexSpace(text, i + 1);
        }
        if (i >= text.size() || text.at(i) != u'(')
            return false;
        ++i;
        for (int k = 0; k < 2; ++k) {
            i = skipRegexSpace(text, i);
            const qsizetype end = matchNumber(text, i);
            if (end < 0)
                return false;
            pair.numbers[n++] = toDouble(text.mid(i, end - i));
            i = skipRegexSpace(text, end);
            if (i >= text.size() || text.at(i) != (k == 0 ? u',' : u')'))
                return false;
            ++i;
        }
    }
    pair.start = start;
    pair.end = i;
    return true;
}

} // namespace

// The regex of §5 rule 6, matched by hand: a QRegularExpressionMatch per pair made a million
// pairs take two seconds.
QList<Detection> parseBarePairs(const QString &text)
{
    const QStringView view(text);
    QList<Detection> detections;
    qsizetype previousEnd = 0;
    BarePair pair;
    for (qsizetype i = view.indexOf(u'('); i >= 0; i = view.indexOf(u'(', i)) {
        if (!matchBarePair(view, i, pair)) {
            ++i;
            continue;
        }
        Detection d = Detection::box(pair.numbers[0], pair.numbers[1], pair.numbers[2],
                                     pair.numbers[3], labelBefore(text, previousEnd, pair.start));
        d.syntax = GroundingSyntax::BarePairs;
        d.sourceStart = pair.start;
        d.sourceLength = pair.end - pair.start;
        detections.append(d);
        previousEnd = i = pair.end;
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
