#include "core/grounding/parsers/BareArrayParser.h"

#include "core/grounding/parsers/Numbers.h"

namespace qvd::grounding {

namespace {

struct Span
{
    qsizetype start = 0;
    qsizetype end = 0; // exclusive
};

bool isSpace(QChar c)
{
    return c.isSpace();
}

// [start, end) of `text` without the white space at either end.
Span trimmed(const QString &text, Span span)
{
    while (span.start < span.end && isSpace(text.at(span.start)))
        ++span.start;
    while (span.end > span.start && isSpace(text.at(span.end - 1)))
        --span.end;
    return span;
}

// The inside of a whole-answer ``` fence (language tag optional), or the span itself when the
// answer is not fenced. Empty when a fence does not hold the whole answer.
std::optional<Span> withoutFence(const QString &text, Span span)
{
    const QLatin1String fence("```");
    if (!QStringView(text).mid(span.start, span.end - span.start).startsWith(fence))
        return span;
    qsizetype start = span.start + fence.size();
    while (start < span.end && (text.at(start).isLetterOrNumber() || text.at(start) == u'_'))
        ++start;
    qsizetype end = span.end;
    if (end - start >= fence.size() && QStringView(text).mid(end - fence.size()) == fence)
        end -= fence.size();
    const Span inside = trimmed(text, {start, end});
    if (QStringView(text).mid(inside.start, inside.end - inside.start).contains(fence))
        return std::nullopt; // more than one block, or text around the fence
    return inside;
}

// "[n, n, n, n]" exactly at `span`: its four numbers.
std::optional<QList<qreal>> fourNumbers(const QString &text, Span span)
{
    if (span.end - span.start < 2 || text.at(span.start) != u'[' || text.at(span.end - 1) != u']')
        return std::nullopt;
    const auto numbers =
        numbersSeparatedBy(QStringView(text).mid(span.start + 1, span.end - span.start - 2), u",");
    if (!numbers || numbers->size() != 4)
        return std::nullopt;
    return numbers;
}

Detection boxAt(const QList<qreal> &n, Span span)
{
    Detection d = Detection::box(n[0], n[1], n[2], n[3]);
    d.syntax = GroundingSyntax::BareArrays;
    d.sourceStart = span.start;
    d.sourceLength = span.end - span.start;
    return d;
}

// "[[n, n, n, n], [n, n, n, n], …]" exactly at `span`: one box per inner array.
QList<Detection> arrayOfBoxes(const QString &text, Span span)
{
    if (text.at(span.start) != u'[' || text.at(span.end - 1) != u']')
        return {};
    QList<Detection> boxes;
    qsizetype i = span.start + 1;
    const qsizetype end = span.end - 1;
    bool expectBox = true;
    while (true) {
        while (i < end && isSpace(text.at(i)))
            ++i;
        if (i == end) // nothing, or a comma with no box after it, is not a list of boxes
            return expectBox ? QList<Detection>{} : boxes;
        if (!expectBox) {
            if (text.at(i) != u',')
                return {};
            ++i;
            expectBox = true;
            continue;
        }
        if (text.at(i) != u'[')
            return {};
        const qsizetype close = text.indexOf(u']', i);
        if (close < 0 || close >= end)
            return {};
        const Span inner{i, close + 1};
        const auto numbers = fourNumbers(text, inner);
        if (!numbers)
            return {};
        boxes.append(boxAt(*numbers, inner));
        i = close + 1;
        expectBox = false;
    }
}

} // namespace

QList<Detection> parseBareArrays(const QString &text, ParseMode mode)
{
    if (mode == ParseMode::Streaming)
        return {};
    const std::optional<Span> body = withoutFence(text, trimmed(text, {0, text.size()}));
    if (!body || body->end - body->start < 2)
        return {};
    if (const auto numbers = fourNumbers(text, *body))
        return {boxAt(*numbers, *body)};
    return arrayOfBoxes(text, *body);
}

} // namespace qvd::grounding
