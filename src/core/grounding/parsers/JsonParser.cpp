#include "core/grounding/parsers/JsonParser.h"

#include "core/grounding/parsers/JsonObjectReader.h"
#include "core/grounding/parsers/JsonScan.h"
#include "core/grounding/parsers/JsonTree.h"

namespace qvd::grounding {

namespace {

struct Candidate
{
    qsizetype start = 0;
    qsizetype end = 0;
    bool closed = false; // the closing fence has arrived
};

QList<Candidate> fencedBlocks(const QString &text)
{
    const QLatin1String fence("```");
    QList<Candidate> blocks;
    qsizetype open = text.indexOf(fence);
    while (open >= 0) {
        qsizetype start = open + fence.size();
        // An optional language tag: "json", "html", "JSON", …
        while (start < text.size() && (text.at(start).isLetterOrNumber() || text.at(start) == u'_'))
            ++start;
        const qsizetype close = text.indexOf(fence, start);
        if (close < 0) {
            blocks.append({start, text.size(), false});
            break;
        }
        blocks.append({start, close, true});
        open = text.indexOf(fence, close + fence.size());
    }
    return blocks;
}

QList<Candidate> candidates(const QString &text)
{
    QList<Candidate> blocks = fencedBlocks(text);
    if (!blocks.isEmpty())
        return blocks;
    const qsizetype bracket = text.indexOf(u'[');
    const qsizetype brace = text.indexOf(u'{');
    const qsizetype start = bracket < 0 ? brace : brace < 0 ? bracket : std::min(bracket, brace);
    if (start < 0)
        return {};
    return {{start, text.size(), false}};
}

QList<Detection> wholeValue(QStringView candidate, qsizetype offset)
{
    const auto value = parseJsonValue(candidate);
    return value ? detectionsInJson(*value, offset) : QList<Detection>{};
}

QList<Detection> cutAfterLastBracket(QStringView candidate, qsizetype offset)
{
    const qsizetype last = std::max(candidate.lastIndexOf(u']'), candidate.lastIndexOf(u'}'));
    qsizetype lastVisible = candidate.size() - 1;
    while (lastVisible >= 0 && candidate.at(lastVisible).isSpace())
        --lastVisible;
    if (last < 0 || last == lastVisible)
        return {}; // nothing to cut: layer 1 already read this text
    return wholeValue(candidate.left(last + 1), offset);
}

// Outermost closed objects first; an object that parses is read whole (its inner objects with
// it), one that does not (a stray "{" inside) leaves its inner objects to be tried on their own.
// Only objects with a coordinate key (or "arguments") of their own are parsed: one without gives
// just the items of the objects inside it, and those are tried on their own instead, with the
// same result. This keeps "[{"a": … 1}]" nested a million deep linear instead of parsing every
// level down to the depth limit.
QList<Detection> salvage(QStringView candidate, qsizetype offset)
{
    QList<Detection> detections;
    qsizetype readUntil = -1;
    for (const TextSpan &span : closedObjectSpans(candidate)) {
        if (span.start < readUntil || !span.hasItemKey)
            continue;
        const auto value = parseJsonValue(candidate.mid(span.start, span.end - span.start));
        if (!value)
            continue;
        detections.append(detectionsInJson(*value, offset + span.start));
        readUntil = span.end;
    }
    return detections;
}

QList<Detection> keyScan(QStringView candidate, qsizetype offset)
{
    QList<Detection> detections = scanCoordinateKeys(candidate);
    for (Detection &d : detections)
        d.sourceStart += offset;
    return detections;
}

QList<Detection> readCandidate(const QString &text, const Candidate &c, ParseMode mode)
{
    const QStringView candidate = QStringView(text).mid(c.start, c.end - c.start);
    QList<Detection> detections = wholeValue(candidate, c.start);
    if (detections.isEmpty())
        detections = cutAfterLastBracket(candidate, c.start);
    if (detections.isEmpty())
        detections = salvage(candidate, c.start);
    if (detections.isEmpty() && (c.closed || mode == ParseMode::Complete))
        detections = keyScan(candidate, c.start);
    return detections;
}

} // namespace

QList<Detection> parseJson(const QString &text, ParseMode mode)
{
    QList<Detection> detections;
    for (const Candidate &c : candidates(text))
        detections.append(readCandidate(text, c, mode));
    return detections;
}

} // namespace qvd::grounding
